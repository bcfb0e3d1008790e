package no.trondelag.samhandling.query.ledger;

import java.util.OptionalLong;

/**
 * Finds an event's own position (global index) in the ledger. A streaming processor's token does not always say
 * it: when an event commits after events with higher positions (a gap filled late), the token handed along with it
 * names the highest position seen so far, not the event's own.
 */
@FunctionalInterface
public interface EventIndex {

    /**
     * The global index of an event.
     *
     * @param eventIdentifier the event's unique identifier
     * @return its global index, or empty when the store cannot tell (then the token's position is used)
     */
    OptionalLong globalIndexOf(String eventIdentifier);
}
