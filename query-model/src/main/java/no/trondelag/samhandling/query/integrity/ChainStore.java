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
     * Adds links after the head. Each link names the one before it, and a link may follow another only once, so
     * when two nodes extend the chain from the same head, only one of them succeeds; the other is told and must read
     * the head again. A failed call may have added some of the links, each after the one before it.
     *
     * @param previousPosition the position of the current head, or {@link LedgerChain#ORIGIN} for an empty chain
     * @param links            the new links, in position order, each above the one before
     * @param chainedAt        when they were chained
     * @return {@code true} when every link was added; {@code false} when another writer extended the chain first
     */
    boolean append(long previousPosition, List<ChainLink> links, Instant chainedAt);
}
