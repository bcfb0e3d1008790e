package no.trondelag.samhandling.query.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The global indexes of several events, in as few lookups as the store allows.
     *
     * @param eventIdentifiers the events' unique identifiers
     * @return the global index of each event the store can tell, by identifier
     */
    default Map<String, Long> globalIndexesOf(Collection<String> eventIdentifiers) {
        Map<String, Long> indexes = new HashMap<>();
        for (String eventIdentifier : eventIdentifiers) {
            globalIndexOf(eventIdentifier).ifPresent(index -> indexes.put(eventIdentifier, index));
        }
        return indexes;
    }
}
