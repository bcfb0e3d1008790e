package no.trondelag.samhandling.query.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.trondelag.samhandling.verifier.ChainLink;
import no.trondelag.samhandling.verifier.LinkSource;

/**
 * Where the chain's links are kept, shared by every node of the ledger.
 */
public interface ChainStore extends LinkSource {

    /**
     * The head of the chain.
     *
     * @return the link at the highest position, or empty before the first event is chained
     */
    Optional<ChainLink> last();

    /**
     * Adds links after the head, and their events' leaves to the Merkle tree, in one transaction. Each link names
     * the one before it, and a link may follow another only once, so when two nodes extend the chain from the same
     * head, only one of them succeeds; the other is told and must read the head again. The tree must have caught up
     * with the chain's head first ({@link #appendLeaves}); when it has not, nothing is added.
     *
     * @param previousPosition the position of the current head, or {@link LedgerChain#ORIGIN} for an empty chain
     * @param links            the new links, in position order, each above the one before
     * @param leaves           a leaf for each link, in the same order
     * @param chainedAt        when they were chained
     * @return {@code true} when every link and leaf was added; {@code false} when nothing was, because another
     *         writer extended the chain first or the tree lags behind it
     */
    boolean append(long previousPosition, List<ChainLink> links, List<TreeLeaf> leaves, Instant chainedAt);

    /**
     * Where the Merkle tree ends.
     *
     * @return its size and the position of its last leaf
     */
    TreeHead treeHead();

    /**
     * Adds leaves to the Merkle tree for links already on the chain, bringing a tree that lags behind the chain (a
     * ledger chained before the tree existed) up to it.
     *
     * @param expected where the tree ends now, as {@link #treeHead()} read it
     * @param leaves   the next leaves, in position order
     * @return {@code true} when they were added; {@code false} when nothing was, because the tree no longer ends
     *         there
     */
    boolean appendLeaves(TreeHead expected, List<TreeLeaf> leaves);
}
