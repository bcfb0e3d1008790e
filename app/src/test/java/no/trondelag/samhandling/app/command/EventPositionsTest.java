package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The positions of appended events through Axon's API alone, here on Axon's in-memory engine, which has none of the
 * JDBC engine's tables.
 */
class EventPositionsTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventPositions positions = new EventPositions(eventStore);
    private long sequence;

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void eventsAppendedAfterTheHeadAreFoundAtTheirPositions() {
        EventMessage<?> earlier = append();
        TrackingToken before = positions.head();
        EventMessage<?> first = append();
        EventMessage<?> second = append();

        Map<String, Long> found = positions.positions(before,
                List.of(first.getIdentifier(), second.getIdentifier(), earlier.getIdentifier()));

        assertThat(found).containsOnly(Map.entry(first.getIdentifier(), 1L), Map.entry(second.getIdentifier(), 2L));
    }

    @Test
    void fromAnEmptyStoreTheFirstEventIsAtPositionZero() {
        TrackingToken before = positions.head();
        EventMessage<?> first = append();

        assertThat(positions.positions(before, List.of(first.getIdentifier())))
                .containsOnly(Map.entry(first.getIdentifier(), 0L));
    }

    @Test
    void eventsOtherCommandsAppendedMeanwhileAreLookedThroughUpToALimit() {
        TrackingToken before = positions.head();
        for (int i = 0; i < EventPositions.MOST_EVENTS_LOOKED_THROUGH - 1; i++) {
            append();
        }
        EventMessage<?> last = append();
        EventMessage<?> beyond = append();

        assertThat(positions.positions(before, List.of(last.getIdentifier(), beyond.getIdentifier())))
                .as("the last event within the limit is found, the one after it is not")
                .containsOnly(Map.entry(last.getIdentifier(), (long) EventPositions.MOST_EVENTS_LOOKED_THROUGH - 1));
    }

    @Test
    void noEventsNoLookup() {
        assertThat(positions.positions(positions.head(), List.of())).isEmpty();
    }

    private EventMessage<?> append() {
        EventMessage<?> event = new GenericDomainEventMessage<>("Test", "aggregate", sequence++, "payload");
        eventStore.publish(event);
        return event;
    }
}
