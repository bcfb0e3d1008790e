package no.trondelag.samhandling.command.common;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * The provenance every event carries as metadata: who acted ({@code actor}), which request it belongs to
 * ({@code correlationId}), which command caused it ({@code causationId}), and the decision the command rested on
 * ({@code authority}). The correlation data provider copies it from the command being handled onto each event it
 * causes (and from nothing else: no event handler sends a command); the dispatch interceptor refuses any event without an actor, so no handler can forget it.
 */
public final class Provenance {

    /** Metadata key of the authenticated principal that sent the command. */
    public static final String ACTOR = "actor";
    /** Metadata key of the request the event belongs to. */
    public static final String CORRELATION_ID = "correlationId";
    /** Metadata key of the identifier of the command that caused the event. */
    public static final String CAUSATION_ID = "causationId";
    /** Metadata key of the cited authority. */
    public static final String AUTHORITY = "authority";

    private Provenance() {
    }

    /**
     * Copies provenance from a command onto the events it causes.
     *
     * @return the correlation data provider
     */
    public static CorrelationDataProvider correlationDataProvider() {
        return Provenance::correlationData;
    }

    /**
     * Refuses events that carry no actor.
     *
     * @return the dispatch interceptor for the event bus
     */
    public static MessageDispatchInterceptor<EventMessage<?>> actorRequired() {
        return Provenance::requireActor;
    }

    /**
     * The authority as plain metadata: either {@code decisionId}, or {@code body}, {@code caseNumber} and
     * {@code date}.
     *
     * @param authority the authority
     * @return its metadata form
     */
    public static Map<String, String> asMetaData(Authority authority) {
        Map<String, String> values = new LinkedHashMap<>();
        if (authority.citesSteeringGroupDecision()) {
            values.put("decisionId", authority.decisionId());
        } else {
            values.put("body", authority.body());
            values.put("caseNumber", authority.caseNumber());
            values.put("date", authority.date().toString());
        }
        return values;
    }

    private static Map<String, ?> correlationData(Message<?> message) {
        if (!(message instanceof CommandMessage)) {
            // an event being handled causes nothing that is stored: reading its payload here would deserialize
            // every event for every projection
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(ACTOR);
        if (actor != null) {
            data.put(ACTOR, actor);
        }
        Object correlationId = message.getMetaData().get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        if (message.getPayload() instanceof CitesAuthority cites && cites.authority() != null) {
            data.put(AUTHORITY, asMetaData(cites.authority()));
        }
        return data;
    }

    private static BiFunction<Integer, EventMessage<?>, EventMessage<?>> requireActor(
            List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            Object actor = message.getMetaData().get(ACTOR);
            if (!(actor instanceof String name) || name.isBlank()) {
                throw new IllegalStateException("Event " + message.getPayloadType().getSimpleName()
                        + " has no actor; every event must say who caused it");
            }
        }
        return (index, message) -> message;
    }
}
