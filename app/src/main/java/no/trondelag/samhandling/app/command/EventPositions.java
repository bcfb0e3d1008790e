package no.trondelag.samhandling.app.command;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Finds the position the event store gave each appended event, through Axon's API alone, so on any event store: the
 * store's head is taken before the command is sent, and after it has committed its events are looked for in the
 * store's stream from that head on. An event store assigns positions as events are stored, so every event a command
 * appends lies after the head taken before it; what comes between is other commands' events, committed meanwhile.
 */
@Component
public class EventPositions {

    /** How many events after the head taken before a command are looked through for its events, at most. */
    static final int MOST_EVENTS_LOOKED_THROUGH = 10_000;

    /**
     * How long the stream is waited on, at most, for events committed but not yet readable (a stream may fetch from
     * storage in the background).
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final EventStore eventStore;

    EventPositions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Where the event store stands now: take it before sending a command.
     *
     * @return the head token, or {@code null} when the store has no events
     */
    public TrackingToken head() {
        return eventStore.createHeadToken();
    }

    /**
     * The position of each event, found in the store's stream after a head taken before it was appended. Events not
     * found among the first {@value #MOST_EVENTS_LOOKED_THROUGH} after the head, or not readable within
     * {@link #LONGEST_WAIT}, are left out.
     *
     * @param before   the head taken before the events were appended ({@code null}: from the first event)
     * @param eventIds the events' identifiers
     * @return the position by event identifier
     */
    public Map<String, Long> positions(TrackingToken before, List<String> eventIds) {
        Set<String> wanted = new HashSet<>(eventIds);
        Map<String, Long> positions = new HashMap<>();
        if (wanted.isEmpty()) {
            return positions;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(before)) {
            long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
            for (int read = 0; read < MOST_EVENTS_LOOKED_THROUGH && positions.size() < wanted.size()
                    && stream.hasNextAvailable(remainingMillis(deadline), TimeUnit.MILLISECONDS); read++) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (wanted.contains(event.getIdentifier())) {
                    event.trackingToken().position().ifPresent(position ->
                            positions.put(event.getIdentifier(), position));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return positions;
    }

    private static int remainingMillis(long deadline) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
