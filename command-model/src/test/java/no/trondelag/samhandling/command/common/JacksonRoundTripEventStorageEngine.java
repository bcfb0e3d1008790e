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
 * and refuses an event whose payload does not come back equal.
 */
public class JacksonRoundTripEventStorageEngine extends InMemoryEventStorageEngine {

    private final Serializer serializer;

    public JacksonRoundTripEventStorageEngine(Serializer serializer) {
        this.serializer = serializer;
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
