package no.trondelag.samhandling.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What a test needs to know of the event store, asked through Axon's API so that it holds on any engine: how many
 * events it holds, its head position, and the events themselves.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    /**
     * Every event in the store, up to its head when asked, in position order.
     *
     * @param store the event store
     * @return the events
     */
    public static List<TrackedEventMessage<?>> all(EventStore store) {
        long head = head(store);
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        if (head < 0) {
            return events;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                events.add(event);
                if (event.trackingToken().position().orElseThrow() >= head) {
                    return events;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("The event store did not deliver its events up to position " + head);
    }

    /**
     * How many events the store holds.
     *
     * @param store the event store
     * @return the count
     */
    public static long count(EventStore store) {
        return all(store).size();
    }

    /**
     * The position of the store's last event.
     *
     * @param store the event store
     * @return the position, or {@code -1} when it holds none
     */
    public static long head(EventStore store) {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * The event at a position.
     *
     * @param store    the event store
     * @param position its position
     * @return the event
     */
    public static TrackedEventMessage<?> at(EventStore store, long position) {
        return all(store).stream().filter(event -> event.trackingToken().position().orElseThrow() == position)
                .findFirst().orElseThrow(() -> new AssertionError("No event at position " + position));
    }
}
