package no.trondelag.samhandling.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 6962 Merkle tree: the root hashes of its largest complete subtrees, one per bit set in
 * its size. Enough to append a leaf in O(log n) and to tell the root, never rescanning the leaves.
 */
public final class MerkleFrontier {

    private final List<Hash> peaks = new ArrayList<>();
    private long size;

    /**
     * A complete subtree a new leaf completed, to be kept for proofs.
     *
     * @param level its height: 0 for the leaf itself
     * @param index its place among the subtrees of that height
     * @param hash  its hash
     */
    public record Node(int level, long index, Hash hash) {
    }

    /**
     * The frontier of the empty tree.
     */
    public MerkleFrontier() {
    }

    /**
     * The frontier of a tree of a size, read from its complete subtrees.
     *
     * @param size     the number of leaves
     * @param subtrees the tree's complete subtrees; asked for one per bit set in the size
     * @return the frontier
     */
    public static MerkleFrontier of(long size, MerkleProofs.Subtrees subtrees) {
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.size = size;
        for (long[] peak : peaksOf(size)) {
            int level = (int) peak[0];
            while (frontier.peaks.size() <= level) {
                frontier.peaks.add(null);
            }
            frontier.peaks.set(level, subtrees.hash(level, peak[1]));
        }
        return frontier;
    }

    /**
     * The subtrees on the frontier of a tree of a size, as {@link #of} asks for them.
     *
     * @param size the number of leaves
     * @return the level and index of each
     */
    public static List<long[]> peaksOf(long size) {
        List<long[]> peaks = new ArrayList<>();
        for (int level = 0; level < Long.SIZE - 1 && (size >> level) != 0; level++) {
            if ((size >> level & 1) == 1) {
                peaks.add(new long[] {level, (size >> level) - 1});
            }
        }
        return peaks;
    }

    /**
     * Appends a leaf.
     *
     * @param leafHash the leaf's hash
     * @return the leaf and every subtree it completed, lowest first
     */
    public List<Node> append(Hash leafHash) {
        List<Node> completed = new ArrayList<>(2);
        Hash hash = leafHash;
        int level = 0;
        long index = size;
        completed.add(new Node(0, index, hash));
        while (level < peaks.size() && peaks.get(level) != null) {
            hash = MerkleHashes.node(peaks.get(level), hash);
            peaks.set(level, null);
            level++;
            index >>= 1;
            completed.add(new Node(level, index, hash));
        }
        if (level == peaks.size()) {
            peaks.add(hash);
        } else {
            peaks.set(level, hash);
        }
        size++;
        return completed;
    }

    /**
     * The number of leaves.
     *
     * @return the tree's size
     */
    public long size() {
        return size;
    }

    /**
     * The root hash of the tree.
     *
     * @return the root; {@link MerkleHashes#EMPTY_ROOT} for no leaves
     */
    public Hash root() {
        Hash root = null;
        for (Hash peak : peaks) {
            if (peak != null) {
                root = root == null ? peak : MerkleHashes.node(peak, root);
            }
        }
        return root == null ? MerkleHashes.EMPTY_ROOT : root;
    }
}
