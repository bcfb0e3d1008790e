package no.trondelag.samhandling.query.integrity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.MerkleFrontier;
import no.trondelag.samhandling.verifier.MerkleProofs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's Merkle tree in the tables {@code ledger_tree_leaf} (which event each leaf is) and
 * {@code ledger_tree_node} (the hash of every complete subtree, the leaves at level 0). Appending reads the tree's
 * frontier, one node per bit of its size, and writes the new leaves and the subtrees they complete; a proof reads
 * the few subtrees it needs in one query. Nothing rescans the leaves.
 */
public class JdbcMerkleTree {

    /** The most values one IN list holds. */
    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;

    /**
     * Creates the tree.
     *
     * @param jdbc the database holding its tables
     */
    public JdbcMerkleTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A leaf of the tree, as kept.
     *
     * @param leafIndex       its index, from 0
     * @param position        its event's global index
     * @param eventIdentifier its event's identifier
     */
    public record Leaf(long leafIndex, long position, String eventIdentifier) {
    }

    /**
     * Where the tree ends.
     *
     * @return its size and the position of its last leaf
     */
    public TreeHead head() {
        return jdbc.query("SELECT leaf_index, position FROM ledger_tree_leaf ORDER BY leaf_index DESC "
                        + "FETCH FIRST 1 ROWS ONLY", (row, index) -> new TreeHead(row.getLong(1) + 1, row.getLong(2)))
                .stream().findFirst().orElse(new TreeHead(0, LedgerChain.ORIGIN));
    }

    /**
     * Appends leaves after the last. Run it in the transaction that extends the chain: a second writer from the same
     * size is refused by the keys and rolls back.
     *
     * @param size   the tree's size before them, as {@link #head()} read it
     * @param leaves the new leaves, in position order
     * @throws org.springframework.dao.DataIntegrityViolationException when another writer appended first
     */
    public void append(long size, List<TreeLeaf> leaves) {
        if (leaves.isEmpty()) {
            return;
        }
        List<long[]> peaks = MerkleFrontier.peaksOf(size);
        Map<Long, Hash> found = nodes(peaks);
        MerkleFrontier frontier = MerkleFrontier.of(size, (level, index) -> required(found, level, index));
        List<Object[]> leafRows = new ArrayList<>(leaves.size());
        List<Object[]> nodeRows = new ArrayList<>(2 * leaves.size());
        long leafIndex = size;
        for (TreeLeaf leaf : leaves) {
            leafRows.add(new Object[] {leafIndex++, leaf.position(), leaf.eventIdentifier()});
            for (MerkleFrontier.Node node : frontier.append(leaf.hash())) {
                nodeRows.add(new Object[] {key(node.level(), node.index()), node.hash().bytes()});
            }
        }
        jdbc.batchUpdate("INSERT INTO ledger_tree_leaf (leaf_index, position, event_identifier) VALUES (?, ?, ?)",
                leafRows);
        jdbc.batchUpdate("INSERT INTO ledger_tree_node (node_key, hash) VALUES (?, ?)", nodeRows);
    }

    /**
     * Runs a computation over the tree's complete subtrees, such as a proof, reading every subtree it needs in one
     * query: it runs once to learn which it asks for, then again over those read. The computation must ask for the
     * same subtrees whatever their hashes, as building a root or a proof does.
     *
     * @param computation what to compute from the subtrees
     * @param <T>         what it answers
     * @return its answer
     * @throws IllegalStateException when the tree lacks a subtree it asked for
     */
    public <T> T withSubtrees(Function<MerkleProofs.Subtrees, T> computation) {
        Set<List<Long>> asked = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            asked.add(List.of((long) level, index));
            return Hash.ZERO;
        });
        Map<Long, Hash> found = nodes(asked.stream().map(key -> new long[] {key.get(0), key.get(1)}).toList());
        return computation.apply((level, index) -> required(found, level, index));
    }

    /**
     * The leaf of the event at a position.
     *
     * @param position the event's global index
     * @return its leaf, or empty when the tree does not hold it
     */
    public Optional<Leaf> leafAt(long position) {
        return leaf("position = ?", position);
    }

    /**
     * The leaf of an event.
     *
     * @param eventIdentifier the event's identifier
     * @return its leaf, or empty when the tree does not hold it
     */
    public Optional<Leaf> leafOf(String eventIdentifier) {
        return leaf("event_identifier = ?", eventIdentifier);
    }

    /**
     * The next leaves after a position: those of the events an export of as many events from there may hold.
     *
     * @param after only events above this position
     * @param limit at most this many leaves
     * @return each leaf's index by its event's position
     */
    public Map<Long, Long> leafIndexes(long after, int limit) {
        Map<Long, Long> indexes = new HashMap<>();
        jdbc.query("SELECT position, leaf_index FROM ledger_tree_leaf WHERE position > ? ORDER BY position "
                + "FETCH FIRST ? ROWS ONLY", row -> {
                    indexes.put(row.getLong(1), row.getLong(2));
                }, after, limit);
        return indexes;
    }

    /**
     * How many of the events at some positions are leaves of the tree of a size.
     *
     * @param positions the events' positions
     * @param treeSize  the size
     * @return how many of them the tree of that size holds
     */
    public long countLeaves(Collection<Long> positions, long treeSize) {
        List<Long> all = List.copyOf(positions);
        long count = 0;
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            List<Object> arguments = new ArrayList<>(chunk);
            arguments.add(treeSize);
            Long found = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND leaf_index < ?",
                    Long.class, arguments.toArray());
            count += found == null ? 0 : found;
        }
        return count;
    }

    private Optional<Leaf> leaf(String condition, Object value) {
        return jdbc.query("SELECT leaf_index, position, event_identifier FROM ledger_tree_leaf WHERE " + condition,
                (row, index) -> new Leaf(row.getLong(1), row.getLong(2), row.getString(3)), value).stream()
                .findFirst();
    }

    private Map<Long, Hash> nodes(Collection<long[]> keys) {
        Map<Long, Hash> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Object> arguments = new ArrayList<>(keys.size());
        for (long[] key : keys) {
            arguments.add(key((int) key[0], key[1]));
        }
        jdbc.query("SELECT node_key, hash FROM ledger_tree_node WHERE node_key IN ("
                + String.join(", ", Collections.nCopies(arguments.size(), "?")) + ")", row -> {
                    found.put(row.getLong(1), Hash.of(row.getBytes(2)));
                }, arguments.toArray());
        return found;
    }

    private static Hash required(Map<Long, Hash> found, int level, long index) {
        Hash hash = found.get(key(level, index));
        if (hash == null) {
            throw new IllegalStateException("The ledger's Merkle tree lacks its subtree at level " + level
                    + ", index " + index);
        }
        return hash;
    }

    /**
     * A subtree's key in {@code ledger_tree_node}: its level times 2^56 plus its index. Levels stay below 64 and
     * indexes below 2^56, so one long tells them apart.
     */
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
