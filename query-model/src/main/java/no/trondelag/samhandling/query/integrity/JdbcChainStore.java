package no.trondelag.samhandling.query.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.trondelag.samhandling.verifier.ChainLink;
import no.trondelag.samhandling.verifier.Hash;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The chain in the table {@code ledger_chain}, one row per link with its hashes in hexadecimal, and beside it the
 * Merkle tree over the same events ({@link JdbcMerkleTree}), extended in the same transaction. The primary key on
 * the position and the unique previous position make the database refuse a second link at a position or a second
 * link after the same one, which is how concurrent writers on several nodes find out that another came first; the
 * tree's keys do the same for its leaves.
 */
public class JdbcChainStore implements ChainStore {

    private static final String COLUMNS = "position, event_hash, chain_hash";

    private final JdbcTemplate jdbc;
    private final JdbcMerkleTree tree;
    private final TransactionOperations transactions;

    /**
     * Creates the store.
     *
     * @param jdbc         the database holding {@code ledger_chain} and the tree's tables
     * @param transactions runs each append in one transaction
     */
    public JdbcChainStore(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.tree = new JdbcMerkleTree(jdbc);
        this.transactions = transactions;
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
    public boolean append(long previousPosition, List<ChainLink> links, List<TreeLeaf> leaves, Instant chainedAt) {
        if (links.size() != leaves.size()) {
            throw new IllegalArgumentException("Each link needs its leaf: " + links.size() + " links, "
                    + leaves.size() + " leaves");
        }
        List<Object[]> rows = new ArrayList<>(links.size());
        long previous = previousPosition;
        for (ChainLink link : links) {
            rows.add(new Object[] {link.position(), previous, link.eventHash().hex(), link.chainHash().hex(),
                    chainedAt.toString()});
            previous = link.position();
        }
        return inOneTransaction(() -> {
            TreeHead head = tree.head();
            if (head.lastPosition() != previousPosition) {
                return false;
            }
            jdbc.batchUpdate("INSERT INTO ledger_chain (position, previous_position, event_hash, chain_hash, "
                    + "chained_at) VALUES (?, ?, ?, ?, ?)", rows);
            tree.append(head.size(), leaves);
            return true;
        });
    }

    @Override
    public TreeHead treeHead() {
        return tree.head();
    }

    @Override
    public boolean appendLeaves(TreeHead expected, List<TreeLeaf> leaves) {
        return inOneTransaction(() -> {
            if (!tree.head().equals(expected)) {
                return false;
            }
            tree.append(expected.size(), leaves);
            return true;
        });
    }

    /**
     * The Merkle tree beside the chain.
     *
     * @return the tree
     */
    public JdbcMerkleTree tree() {
        return tree;
    }

    private boolean inOneTransaction(Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> work.get()));
        } catch (DataIntegrityViolationException anotherWriterCameFirst) {
            return false;
        }
    }

    private static ChainLink link(long position, String eventHash, String chainHash) {
        return new ChainLink(position, Hash.fromHex(eventHash), Hash.fromHex(chainHash));
    }
}
