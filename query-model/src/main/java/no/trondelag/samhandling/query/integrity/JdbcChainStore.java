package no.trondelag.samhandling.query.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.trondelag.samhandling.verifier.ChainLink;
import no.trondelag.samhandling.verifier.Hash;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain in the table {@code ledger_chain}, one row per link with its hashes in hexadecimal. The primary key on
 * the position and the unique previous position make the database refuse a second link at a position or a second
 * link after the same one, which is how concurrent writers on several nodes find out that another came first.
 */
public class JdbcChainStore implements ChainStore {

    private static final String COLUMNS = "position, event_hash, chain_hash";

    private final JdbcTemplate jdbc;

    /**
     * Creates the store.
     *
     * @param jdbc the database holding {@code ledger_chain}
     */
    public JdbcChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ChainLink> last() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_chain ORDER BY position DESC FETCH FIRST 1 ROWS ONLY",
                (row, index) -> link(row.getLong(1), row.getString(2), row.getString(3))).stream().findFirst();
    }

    @Override
    public List<ChainLink> after(long position, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_chain WHERE position > ? ORDER BY position "
                        + "FETCH FIRST ? ROWS ONLY",
                (row, index) -> link(row.getLong(1), row.getString(2), row.getString(3)), position, limit);
    }

    @Override
    public boolean append(long previousPosition, List<ChainLink> links, Instant chainedAt) {
        List<Object[]> rows = new ArrayList<>(links.size());
        long previous = previousPosition;
        for (ChainLink link : links) {
            rows.add(new Object[] {link.position(), previous, link.eventHash().hex(), link.chainHash().hex(),
                    chainedAt.toString()});
            previous = link.position();
        }
        try {
            jdbc.batchUpdate("INSERT INTO ledger_chain (position, previous_position, event_hash, chain_hash, "
                    + "chained_at) VALUES (?, ?, ?, ?, ?)", rows);
            return true;
        } catch (DataIntegrityViolationException anotherWriterCameFirst) {
            return false;
        }
    }

    private static ChainLink link(long position, String eventHash, String chainHash) {
        return new ChainLink(position, Hash.fromHex(eventHash), Hash.fromHex(chainHash));
    }
}
