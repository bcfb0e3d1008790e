package no.trondelag.samhandling.query.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.trondelag.samhandling.verifier.Hash;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signed checkpoints in the table {@code ledger_checkpoint}, one per tree size signed. The key on the size lets
 * only the first node that signs a size keep its checkpoint.
 */
public class JdbcCheckpoints {

    private static final String COLUMNS = "tree_size, root_hash, signed_at, note, timestamp_token";

    private final JdbcTemplate jdbc;

    /**
     * Creates the store.
     *
     * @param jdbc the database holding {@code ledger_checkpoint}
     */
    public JdbcCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The checkpoint of the largest tree signed.
     *
     * @return it, or empty before the first
     */
    public Optional<StoredCheckpoint> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY tree_size DESC "
                + "FETCH FIRST 1 ROWS ONLY", (row, index) -> checkpoint(row)).stream().findFirst();
    }

    /**
     * The checkpoint of a tree size.
     *
     * @param treeSize the size
     * @return it, or empty when that size was never signed
     */
    public Optional<StoredCheckpoint> of(long treeSize) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE tree_size = ?",
                (row, index) -> checkpoint(row), treeSize).stream().findFirst();
    }

    /**
     * Keeps a checkpoint.
     *
     * @param checkpoint the checkpoint
     * @return {@code true} when kept; {@code false} when that size was signed already
     */
    public boolean add(StoredCheckpoint checkpoint) {
        try {
            jdbc.update("INSERT INTO ledger_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    checkpoint.treeSize(), checkpoint.rootHash().hex(), checkpoint.signedAt().toString(),
                    checkpoint.note(), checkpoint.timestampToken());
            return true;
        } catch (DuplicateKeyException signedFirstElsewhere) {
            return false;
        }
    }

    /**
     * Keeps the time-stamp token of a checkpoint that has none.
     *
     * @param treeSize the checkpoint's size
     * @param token    the token (DER)
     */
    public void addTimestamp(long treeSize, byte[] token) {
        jdbc.update("UPDATE ledger_checkpoint SET timestamp_token = ? WHERE tree_size = ? AND timestamp_token IS NULL",
                token, treeSize);
    }

    /**
     * The newest checkpoints that have no time-stamp token yet.
     *
     * @param limit at most this many
     * @return them, the largest first
     */
    public List<StoredCheckpoint> withoutTimestamp(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE timestamp_token IS NULL "
                + "ORDER BY tree_size DESC FETCH FIRST ? ROWS ONLY", (row, index) -> checkpoint(row), limit);
    }

    private static StoredCheckpoint checkpoint(ResultSet row) throws SQLException {
        return new StoredCheckpoint(row.getLong(1), Hash.fromHex(row.getString(2)), Instant.parse(row.getString(3)),
                row.getString(4), row.getBytes(5));
    }
}
