package no.trondelag.samhandling.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Inclusion and consistency proofs of an RFC 6962 Merkle tree: built from the hashes of the tree's complete
 * subtrees (RFC 9162 §2.1.3.1 and §2.1.4.1), and verified step by step exactly as RFC 9162 §2.1.3.2 and §2.1.4.2
 * describe, every precondition and every final comparison checked.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * The hashes of a tree's complete subtrees: at level 0 the leaf hashes, at level {@code l} the hash of the subtree
     * over the leaves {@code index * 2^l} to {@code (index + 1) * 2^l - 1}.
     */
    @FunctionalInterface
    public interface Subtrees {

        /**
         * The hash of one complete subtree.
         *
         * @param level its height: 0 for a leaf
         * @param index its place among the subtrees of that height, from 0
         * @return its hash
         */
        Hash hash(int level, long index);
    }

    /**
     * The root hash of the tree over the first leaves (RFC 9162 §2.1.1, MTH).
     *
     * @param size     the number of leaves
     * @param subtrees the tree's complete subtrees
     * @return the root hash; {@link MerkleHashes#EMPTY_ROOT} for no leaves
     */
    public static Hash root(long size, Subtrees subtrees) {
        if (size < 0) {
            throw new IllegalArgumentException("A tree cannot have " + size + " leaves");
        }
        return size == 0 ? MerkleHashes.EMPTY_ROOT : range(0, size, subtrees);
    }

    /**
     * The inclusion proof of a leaf in the tree over the first leaves (RFC 9162 §2.1.3.1, PATH).
     *
     * @param leafIndex the leaf, from 0
     * @param treeSize  the number of leaves of the tree
     * @param subtrees  the tree's complete subtrees
     * @return the proof's hashes, from the leaf's sibling up
     * @throws IllegalArgumentException when the leaf is not in a tree of that size
     */
    public static List<Hash> inclusion(long leafIndex, long treeSize, Subtrees subtrees) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("Leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        List<Hash> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, subtrees, proof);
        return proof;
    }

    /**
     * The consistency proof between two sizes of the tree (RFC 9162 §2.1.4.1, PROOF).
     *
     * @param first    the older, smaller size
     * @param second   the newer size
     * @param subtrees the tree's complete subtrees
     * @return the proof's hashes; none when the sizes are equal or the older tree is empty
     * @throws IllegalArgumentException when {@code first} is negative or above {@code second}
     */
    public static List<Hash> consistency(long first, long second, Subtrees subtrees) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " to " + second + " leaves");
        }
        List<Hash> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, subtrees, proof);
        }
        return proof;
    }

    /**
     * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
     *
     * @param leafIndex the leaf's index
     * @param treeSize  the size of the tree the proof is for
     * @param leafHash  the leaf's hash
     * @param proof     the proof's hashes
     * @param root      the root hash of the tree of that size, from a checkpoint the verifier trusts
     * @throws ProofException naming the step that failed
     */
    public static void verifyInclusion(long leafIndex, long treeSize, Hash leafHash, List<Hash> proof, Hash root)
            throws ProofException {
        if (leafIndex < 0 || treeSize < 0 || leafIndex >= treeSize) {
            throw new ProofException("leaf index " + leafIndex + " is not below the tree size " + treeSize);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof has more hashes than the tree of " + treeSize
                        + " leaves is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof has fewer hashes than the tree of " + treeSize
                    + " leaves is deep");
        }
        if (!r.equals(root)) {
            throw new ProofException("the inclusion proof of leaf " + leafIndex + " leads to root " + r.hex()
                    + ", not to the checkpoint's root " + root.hex());
        }
    }

    /**
     * Verifies a consistency proof (RFC 9162 §2.1.4.2): that the tree of {@code second} leaves with root
     * {@code secondRoot} begins with the tree of {@code first} leaves with root {@code firstRoot}, so the log only
     * grew between them.
     *
     * @param first      the older size
     * @param second     the newer size
     * @param firstRoot  the older root, from a checkpoint saved earlier
     * @param secondRoot the newer root
     * @param proof      the proof's hashes
     * @throws ProofException naming the step that failed
     */
    public static void verifyConsistency(long first, long second, Hash firstRoot, Hash secondRoot, List<Hash> proof)
            throws ProofException {
        if (first < 0 || second < 0) {
            throw new ProofException("a tree size cannot be negative");
        }
        if (first > second) {
            throw new ProofException("the newer tree has " + second + " leaves, fewer than the " + first
                    + " of the older: the log shrank");
        }
        if (first == second) {
            if (!proof.isEmpty()) {
                throw new ProofException("a consistency proof between equal sizes must be empty");
            }
            if (!firstRoot.equals(secondRoot)) {
                throw new ProofException("two trees of " + first + " leaves have different roots: the log forked");
            }
            return;
        }
        if (first == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("a consistency proof from the empty tree must be empty");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof from " + first + " to " + second + " leaves is empty");
        }
        List<Hash> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(first) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        for (Hash c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof has more hashes than the trees are deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof has fewer hashes than the trees are deep");
        }
        if (!fr.equals(firstRoot)) {
            throw new ProofException("the consistency proof leads to the older root " + fr.hex() + ", not to the "
                    + "saved checkpoint's root " + firstRoot.hex() + ": the log was rewritten or forked");
        }
        if (!sr.equals(secondRoot)) {
            throw new ProofException("the consistency proof leads to the newer root " + sr.hex() + ", not to the "
                    + "newer checkpoint's root " + secondRoot.hex());
        }
    }

    /** MTH(D[from:to]): a complete, aligned subtree is looked up; any other range is split as RFC 6962 splits it. */
    private static Hash range(long from, long to, Subtrees subtrees) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return subtrees.hash(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = split(n);
        return MerkleHashes.node(range(from, from + k, subtrees), range(from + k, to, subtrees));
    }

    private static void path(long m, long from, long to, Subtrees subtrees, List<Hash> proof) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < from + k) {
            path(m, from, from + k, subtrees, proof);
            proof.add(range(from + k, to, subtrees));
        } else {
            path(m, from + k, to, subtrees, proof);
            proof.add(range(from, from + k, subtrees));
        }
    }

    private static void subproof(long m, long from, long to, boolean whole, Subtrees subtrees, List<Hash> proof) {
        if (m == to) {
            if (!whole) {
                proof.add(range(from, to, subtrees));
            }
            return;
        }
        long k = split(to - from);
        if (m - from <= k) {
            subproof(m, from, from + k, whole, subtrees, proof);
            proof.add(range(from + k, to, subtrees));
        } else {
            subproof(m, from + k, to, false, subtrees, proof);
            proof.add(range(from, from + k, subtrees));
        }
    }

    /** The largest power of two below {@code n}, for {@code n > 1}. */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
