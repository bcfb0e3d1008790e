package no.trondelag.samhandling.verifier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stored events in global-index order, a page at a time, read afresh on every call: the event store itself, or an
 * exported copy of it.
 */
@FunctionalInterface
public interface EventSource {

    /**
     * The next page of events.
     *
     * @param position only events above this position
     * @param limit    at most this many
     * @return the events, in position order; fewer than {@code limit} only at the end
     */
    List<StoredEvent> after(long position, int limit);

    /**
     * The event at a position.
     *
     * @param position the position
     * @return the event, or empty when none is stored there
     */
    default Optional<StoredEvent> at(long position) {
        return after(position - 1, 1).stream().filter(event -> event.position() == position).findFirst();
    }

    /**
     * A source over events held in memory.
     *
     * @param events the events, in any order; positions must differ
     * @return the source
     * @throws IllegalArgumentException when two events have the same position
     */
    static EventSource of(Collection<StoredEvent> events) {
        return new InMemoryPages<>(events, StoredEvent::position, "events")::after;
    }
}
