package no.trondelag.samhandling.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree held in memory for the verifier's tests: a table of every complete subtree over a list of leaf
 * hashes, built level by level from the leaves, independently of {@link MerkleFrontier}. Asking it for a subtree that
 * is not complete fails, so that a test also catches code that asks for one.
 *
 * <p>It also holds the recursive definitions of RFC 9162 §2.1 (MTH, PATH and PROOF) written out directly over the
 * list of leaves, as a reference to compare the verifier's table-driven code with.
 */
final class InMemoryTree implements MerkleProofs.Subtrees {

    private final List<Hash> leaves;
    private final List<List<Hash>> levels = new ArrayList<>();

    /**
     * The tree over leaves.
     *
     * @param leaves the leaf hashes, in order
     */
    InMemoryTree(List<Hash> leaves) {
        this.leaves = List.copyOf(leaves);
        levels.add(this.leaves);
        for (List<Hash> below = this.leaves; below.size() >= 2; ) {
            List<Hash> above = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                above.add(MerkleHashes.node(below.get(i), below.get(i + 1)));
            }
            levels.add(above);
            below = above;
        }
    }

    @Override
    public Hash hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("No complete subtree at level " + level + ", index " + index
                    + " in a tree of " + leaves.size() + " leaves");
        }
        return levels.get(level).get((int) index);
    }

    /**
     * The number of leaves.
     *
     * @return the size
     */
    int size() {
        return leaves.size();
    }

    /**
     * The leaf hashes.
     *
     * @return them, in order
     */
    List<Hash> leaves() {
        return leaves;
    }

    /**
     * A copy of the tree with one leaf replaced.
     *
     * @param index the leaf
     * @param leaf  its new hash
     * @return the changed tree
     */
    InMemoryTree withLeaf(int index, Hash leaf) {
        List<Hash> changed = new ArrayList<>(leaves);
        changed.set(index, leaf);
        return new InMemoryTree(changed);
    }

    /**
     * RFC 9162 MTH(D[n]) straight from its recursive definition.
     *
     * @param leaves the leaf hashes
     * @return the root hash
     */
    static Hash referenceRoot(List<Hash> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return Hash.of(ChainHashes.sha256().digest());
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, n)));
    }

    /**
     * RFC 9162 PATH(m, D[n]) straight from its recursive definition.
     *
     * @param m      the leaf index
     * @param leaves the leaf hashes
     * @return the inclusion proof
     */
    static List<Hash> referenceInclusion(int m, List<Hash> leaves) {
        int n = leaves.size();
        List<Hash> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(referenceInclusion(m, leaves.subList(0, k)));
            path.add(referenceRoot(leaves.subList(k, n)));
        } else {
            path.addAll(referenceInclusion(m - k, leaves.subList(k, n)));
            path.add(referenceRoot(leaves.subList(0, k)));
        }
        return path;
    }

    /**
     * RFC 9162 PROOF(m, D[n]) straight from its recursive definition.
     *
     * @param m      the older size
     * @param leaves the leaf hashes of the newer tree
     * @return the consistency proof
     */
    static List<Hash> referenceConsistency(int m, List<Hash> leaves) {
        return m == 0 || m == leaves.size() ? new ArrayList<>() : subproof(m, leaves, true);
    }

    private static List<Hash> subproof(int m, List<Hash> leaves, boolean whole) {
        int n = leaves.size();
        List<Hash> proof = new ArrayList<>();
        if (m == n) {
            if (!whole) {
                proof.add(referenceRoot(leaves));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), whole));
            proof.add(referenceRoot(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(referenceRoot(leaves.subList(0, k)));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
