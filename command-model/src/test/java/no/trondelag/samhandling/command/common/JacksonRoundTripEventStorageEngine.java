package no.trondelag.samhandling.command.common;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * An in-memory event storage engine that stores what the serializer gives back, not the objects it was handed.
 * Axon's {@link InMemoryEventStorageEngine} keeps event messages as they are, so a payload or metadata value the
 * serializer cannot read back would go unnoticed; here every append serializes and deserializes payload and metadata,
 * and refuses an event whose payload does not come back equal. A snapshot, whose payload is the aggregate itself, is
 * stored as the snapshot serializer reads it back: a fresh aggregate object built from the JSON alone.
 */
public class JacksonRoundTripEventStorageEngine extends InMemoryEventStorageEngine {

    private final Serializer serializer;
    private final Serializer snapshotSerializer;

    /**
     * Creates the engine.
     *
     * @param serializer         the event serializer
     * @param snapshotSerializer the serializer that writes snapshots (Axon's general serializer)
     */
    public JacksonRoundTripEventStorageEngine(Serializer serializer, Serializer snapshotSerializer) {
        this.serializer = serializer;
        this.snapshotSerializer = snapshotSerializer;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        Object aggregate = snapshotSerializer.deserialize(
                snapshotSerializer.serialize(snapshot.getPayload(), byte[].class));
        super.storeSnapshot(new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber(), aggregate, snapshot.getMetaData(), snapshot.getIdentifier(),
                snapshot.getTimestamp()));
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        super.appendEvents(events.stream().map(this::roundTrip).toList());
    }

    private EventMessage<?> roundTrip(EventMessage<?> event) {
        Object payload = serializer.deserialize(serializer.serialize(event.getPayload(), byte[].class));
        if (!payload.equals(event.getPayload())) {
            throw new IllegalStateException("Event " + event.getPayloadType().getSimpleName()
                    + " does not survive serialization: " + event.getPayload() + " came back as " + payload);
        }
        MetaData metaData = serializer.deserialize(serializer.serialize(event.getMetaData(), byte[].class));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), payload, metaData, domainEvent.getIdentifier(),
                    domainEvent.getTimestamp());
        }
        return new GenericEventMessage<>(event.getIdentifier(), payload, metaData, event.getTimestamp());
    }
}
