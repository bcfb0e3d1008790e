package no.trondelag.samhandling.verifier;

import java.util.Iterator;
import java.util.OptionalLong;
import no.trondelag.samhandling.verifier.Difference.Kind;

/**
 * Tells whether stored events are still exactly those a digest covers, and where they first differ.
 *
 * <p>Whether they differ is decided by the stored events and the digest alone: the chain is recomputed from every
 * stored event up to the digest's position and compared with it. Nothing else is trusted for that. Only when they
 * differ is the recorded chain consulted, as the record of which event each position held, to say where and how:
 * the first position at which a stored event and the recorded link disagree, or at which one of them is missing.
 * When the recorded chain was rewritten along with the events, the difference is still detected but cannot be
 * located, and the answer says so.
 *
 * <p>The ledger verifies its event store against its {@link ChainStore}; offline verification checks an exported
 * copy of the events against the hashes exported with them. Both use this class.
 */
public final class ChainVerifier {

    private final EventSource events;
    private final LinkSource recorded;

    /**
     * Creates a verifier.
     *
     * @param events   the stored events
     * @param recorded the recorded chain, consulted only to locate a difference
     */
    public ChainVerifier(EventSource events, LinkSource recorded) {
        this.events = events;
        this.recorded = recorded;
    }

    /**
     * Verifies the stored events up to a digest's position against it.
     *
     * @param position the digest's position
     * @param digest   the digest: the chain hash at that position when it was issued
     * @return whether the events match, and if not where they first differ
     */
    public Verification verify(long position, Hash digest) {
        if (recompute(position).equals(digest)) {
            return Verification.valid(position);
        }
        return Verification.invalid(position, locate(position));
    }

    /**
     * The chain hash recomputed from every stored event at or below a position.
     *
     * @param upTo the position
     * @return the chain hash, or {@link Hash#ZERO} when no event is stored there
     */
    public Hash recompute(long upTo) {
        Hash chain = Hash.ZERO;
        for (Iterator<StoredEvent> stored = PagedIterator.events(events, Long.MIN_VALUE, upTo); stored.hasNext(); ) {
            StoredEvent event = stored.next();
            chain = ChainHashes.chainHash(chain, event.position(), ChainHashes.eventHash(event));
        }
        return chain;
    }

    private Difference locate(long upTo) {
        Iterator<StoredEvent> stored = PagedIterator.events(events, Long.MIN_VALUE, upTo);
        Iterator<ChainLink> links = PagedIterator.links(recorded, Long.MIN_VALUE, upTo);
        StoredEvent event = stored.hasNext() ? stored.next() : null;
        ChainLink link = links.hasNext() ? links.next() : null;
        Hash chain = Hash.ZERO;
        Hash chainBeforePrevious = null;
        Long previous = null;
        while (event != null || link != null) {
            if (link == null || event != null && event.position() < link.position()) {
                return unchainedEvent(event);
            }
            if (event == null || link.position() < event.position()) {
                return missingEvent(link);
            }
            long position = event.position();
            Hash eventHash = ChainHashes.eventHash(event);
            if (!eventHash.equals(link.eventHash())) {
                return differentEvent(event, eventHash);
            }
            Hash next = ChainHashes.chainHash(chain, position, eventHash);
            if (!next.equals(link.chainHash())) {
                return differentChainBefore(position, eventHash, link, previous, chainBeforePrevious);
            }
            chainBeforePrevious = chain;
            chain = next;
            previous = position;
            event = stored.hasNext() ? stored.next() : null;
            link = links.hasNext() ? links.next() : null;
        }
        if (previous == null || previous != upTo) {
            return new Difference(upTo, Kind.CHANGED, "No event was ever chained at position " + upTo
                    + ", so this digest was not issued for the events stored here.");
        }
        return new Difference(upTo, Kind.CHANGED, "Every stored event up to position " + upTo + " matches the "
                + "recorded chain, but the chain does not end in this digest: either the digest was not issued for "
                + "these events, or the events were rewritten together with the recorded chain. The change lies at "
                + "or before position " + upTo + "; an export saved with the digest locates it offline.");
    }

    private Difference unchainedEvent(StoredEvent event) {
        Hash eventHash = ChainHashes.eventHash(event);
        OptionalLong chainedAt = recordedPositionOf(eventHash, event.position());
        if (chainedAt.isPresent()) {
            return moved(chainedAt.getAsLong(), event);
        }
        return new Difference(event.position(), Kind.INSERTED, "Event " + event.eventIdentifier() + " is stored at "
                + "position " + event.position() + ", which held no event when the chain passed it.");
    }

    private Difference missingEvent(ChainLink link) {
        OptionalLong storedAt = storedPositionOf(link.eventHash(), link.position());
        if (storedAt.isPresent()) {
            return new Difference(link.position(), Kind.REORDERED, "The event chained at position "
                    + link.position() + " is stored unchanged at position " + storedAt.getAsLong() + ".");
        }
        return new Difference(link.position(), Kind.REMOVED, "The event chained at position " + link.position()
                + " (event hash " + link.eventHash().hex() + ") is no longer stored.");
    }

    private Difference differentEvent(StoredEvent event, Hash eventHash) {
        OptionalLong chainedAt = recordedPositionOf(eventHash, event.position());
        if (chainedAt.isPresent()) {
            return moved(chainedAt.getAsLong(), event);
        }
        return new Difference(event.position(), Kind.CHANGED, "Event " + event.eventIdentifier() + " at position "
                + event.position() + " is not the event chained there: its identifiers, payload, metadata or "
                + "timestamp differ.");
    }

    private static Difference moved(long chainedAt, StoredEvent event) {
        return new Difference(event.position(), Kind.REORDERED, "Event " + event.eventIdentifier() + ", chained at "
                + "position " + chainedAt + ", is stored unchanged at position " + event.position() + ".");
    }

    /**
     * The stored and the recorded event at a position agree, but the recorded chain hash there does not follow from
     * the stored events before it. When it follows from them without the previous position, the event stored there
     * was not on the recorded chain: it was inserted, with a forged record. Otherwise an event between the previous
     * position and this one is missing from both, or the record itself was altered.
     */
    private static Difference differentChainBefore(long position, Hash eventHash, ChainLink link, Long previous,
                                                   Hash chainBeforePrevious) {
        if (previous != null && ChainHashes.chainHash(chainBeforePrevious, position, eventHash)
                .equals(link.chainHash())) {
            return new Difference(previous, Kind.INSERTED, "The event stored at position " + previous + " was not "
                    + "on the chain when position " + position + " was chained after it.");
        }
        String after = previous == null ? "" : " and after position " + previous;
        return new Difference(position, Kind.REMOVED, "The event at position " + position + " matches the one "
                + "chained there, but the chain before it does not: an event chained before position " + position
                + after + " is missing, or the recorded chain was altered.");
    }

    private OptionalLong recordedPositionOf(Hash eventHash, long except) {
        for (Iterator<ChainLink> links = PagedIterator.links(recorded, Long.MIN_VALUE, Long.MAX_VALUE);
                links.hasNext(); ) {
            ChainLink link = links.next();
            if (link.position() != except && link.eventHash().equals(eventHash)) {
                return OptionalLong.of(link.position());
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong storedPositionOf(Hash eventHash, long except) {
        for (Iterator<StoredEvent> stored = PagedIterator.events(events, Long.MIN_VALUE, Long.MAX_VALUE);
                stored.hasNext(); ) {
            StoredEvent event = stored.next();
            if (event.position() != except && ChainHashes.eventHash(event).equals(eventHash)) {
                return OptionalLong.of(event.position());
            }
        }
        return OptionalLong.empty();
    }
}
