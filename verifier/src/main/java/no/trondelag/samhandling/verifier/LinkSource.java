package no.trondelag.samhandling.verifier;

import java.util.Collection;
import java.util.List;

/**
 * A record of the chain's links in position order, a page at a time, read afresh on every call: the ledger's
 * {@link ChainStore}, or the hashes in an exported copy of the events. Verification uses it only to locate a
 * difference, never to decide whether there is one.
 */
@FunctionalInterface
public interface LinkSource {

    /**
     * The next page of links.
     *
     * @param position only links above this position
     * @param limit    at most this many
     * @return the links, in position order; fewer than {@code limit} only at the end
     */
    List<ChainLink> after(long position, int limit);

    /**
     * A source over links held in memory.
     *
     * @param links the links, in any order; positions must differ
     * @return the source
     * @throws IllegalArgumentException when two links have the same position
     */
    static LinkSource of(Collection<ChainLink> links) {
        return new InMemoryPages<>(links, ChainLink::position, "links")::after;
    }
}
