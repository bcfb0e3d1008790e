package no.trondelag.samhandling.query.integrity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trondelag.samhandling.verifier.EventSource;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.MerkleProofs;
import no.trondelag.samhandling.verifier.StoredEvent;

/**
 * The ledger's RFC 6962 Merkle tree over the chained events, in chain order (ADR 0031): its roots, and inclusion and
 * consistency proofs against any size it has reached, each read with one query.
 */
public class LedgerTree {

    private final JdbcMerkleTree tree;
    private final EventSource events;

    /**
     * Creates the tree's reader.
     *
     * @param tree   the tree's tables
     * @param events the event store, as stored
     */
    public LedgerTree(JdbcMerkleTree tree, EventSource events) {
        this.tree = tree;
        this.events = events;
    }

    /**
     * Where the tree ends now.
     *
     * @return its size and last position
     */
    public TreeHead head() {
        return tree.head();
    }

    /**
     * The root hash of the tree of a size.
     *
     * @param size a size the tree has reached
     * @return its root
     */
    public Hash root(long size) {
        return tree.withSubtrees(subtrees -> MerkleProofs.root(size, subtrees));
    }

    /**
     * The inclusion proof of a leaf in the tree of a size.
     *
     * @param leafIndex the leaf
     * @param treeSize  a size the tree has reached, above the leaf's index
     * @return the proof's hashes
     */
    public List<Hash> inclusion(long leafIndex, long treeSize) {
        return tree.withSubtrees(subtrees -> MerkleProofs.inclusion(leafIndex, treeSize, subtrees));
    }

    /**
     * The consistency proof between two sizes of the tree.
     *
     * @param first  the older size
     * @param second the newer size, one the tree has reached
     * @return the proof's hashes
     */
    public List<Hash> consistency(long first, long second) {
        return tree.withSubtrees(subtrees -> MerkleProofs.consistency(first, second, subtrees));
    }

    /**
     * The leaf of the event at a position.
     *
     * @param position the event's position
     * @return its leaf, or empty when the tree does not hold it (yet)
     */
    public Optional<JdbcMerkleTree.Leaf> leafAt(long position) {
        return tree.leafAt(position);
    }

    /**
     * The leaf of an event.
     *
     * @param eventIdentifier the event's identifier
     * @return its leaf, or empty when the tree does not hold it (yet)
     */
    public Optional<JdbcMerkleTree.Leaf> leafOf(String eventIdentifier) {
        return tree.leafOf(eventIdentifier);
    }

    /**
     * The next leaves after a position: those of the events an export of as many events from there may hold.
     *
     * @param after only events above this position
     * @param limit at most this many leaves
     * @return each leaf's index by its event's position
     */
    public Map<Long, Long> leafIndexes(long after, int limit) {
        return tree.leafIndexes(after, limit);
    }

    /**
     * How many of the events at some positions are in the tree of a size.
     *
     * @param positions the events' positions
     * @param treeSize  the size
     * @return how many of them it holds
     */
    public long countLeaves(Collection<Long> positions, long treeSize) {
        return tree.countLeaves(positions, treeSize);
    }

    /**
     * The event at a position, as stored.
     *
     * @param position its position
     * @return the event, or empty when the store holds none there
     */
    public Optional<StoredEvent> event(long position) {
        return events.at(position);
    }
}
