package no.trondelag.samhandling.app.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trondelag.samhandling.api.common.CommandOutcome;
import no.trondelag.samhandling.api.common.CommandOutcome.AppendedEvent;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.command.common.AppendedEvents;
import no.trondelag.samhandling.command.common.CommandMetaData;
import no.trondelag.samhandling.command.common.Idempotency;
import no.trondelag.samhandling.command.common.Provenance;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a command through Axon's command bus on behalf of an actor, waits for it to commit, and reports what it
 * appended with each event's position in the ledger, found through Axon's API on any event store
 * ({@link EventPositions}). Every way into the ledger (HTTP, the seed) goes through here.
 */
@Component
public class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandGateway commandGateway;
    private final EventPositions eventPositions;
    private final Idempotency idempotency;

    CommandDispatcher(CommandGateway commandGateway, EventPositions eventPositions, Idempotency idempotency) {
        this.commandGateway = commandGateway;
        this.eventPositions = eventPositions;
        this.idempotency = idempotency;
    }

    /**
     * Sends a command and waits for its outcome. A rejected command throws, and has appended nothing.
     *
     * @param command the command
     * @param request who sends it and under which conditions
     * @return what the command appended
     */
    public CommandResponse dispatch(LedgerCommand command, CommandRequest request) {
        Map<String, Object> values = new HashMap<>();
        values.put(Provenance.ACTOR, request.actor());
        values.put(Provenance.CORRELATION_ID, request.correlationId());
        if (request.expectedVersion() != null) {
            values.put(CommandMetaData.EXPECTED_VERSION, request.expectedVersion());
        }
        if (request.idempotencyKey() != null) {
            values.put(CommandMetaData.IDEMPOTENCY_KEY, request.idempotencyKey());
            values.put(CommandMetaData.REQUEST_HASH, request.requestHash());
        }
        MetaData metaData = MetaData.from(values);
        Optional<Head> before = headBefore();
        AppendedEvents appended = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        CommandOutcome outcome = appended.outcome();
        Map<String, Long> positions = new HashMap<>(appended.getPositions());
        List<AppendedEvent> unknown = outcome.events().stream()
                .filter(event -> !positions.containsKey(event.eventId()))
                .toList();
        if (!unknown.isEmpty()) {
            before.ifPresent(head -> positions.putAll(positionsOf(head.token(), unknown)));
            if (request.idempotencyKey() != null && !positions.isEmpty()) {
                remember(request.idempotencyKey(), positions);
            }
        }
        List<CommandResponse.Event> events = outcome.events().stream()
                .map(event -> new CommandResponse.Event(positions.get(event.eventId()), event.type(),
                        event.aggregateId()))
                .toList();
        boolean complete = outcome.events().stream().allMatch(event -> positions.containsKey(event.eventId()));
        return new CommandResponse(outcome.aggregateId(), outcome.version(), events,
                complete ? null : CommandResponse.POSITIONS_UNAVAILABLE);
    }

    /**
     * The event store's head before the command is sent, to find its events' positions after it (see
     * {@link EventPositions}); empty when it cannot be read, and then the answer leaves the positions out.
     */
    private Optional<Head> headBefore() {
        try {
            return Optional.of(new Head(eventPositions.head()));
        } catch (RuntimeException failure) {
            LOG.warn("The event store's head could not be read before a command: {}", failure.toString());
            return Optional.empty();
        }
    }

    /**
     * The positions of the appended events, read after the command committed. The command is recorded whatever
     * happens here, so a failure to read them leaves them out of the answer instead of failing it.
     */
    private Map<String, Long> positionsOf(TrackingToken before, List<AppendedEvent> events) {
        try {
            return eventPositions.positions(before, events.stream().map(AppendedEvent::eventId).toList());
        } catch (RuntimeException failure) {
            LOG.warn("A recorded command's event positions could not be read: {}", failure.toString());
            return Map.of();
        }
    }

    /**
     * Keeps the positions found for a request with an idempotency key, for its retries; they are only a convenience
     * to a retry, which without them answers without positions.
     */
    private void remember(String idempotencyKey, Map<String, Long> positions) {
        try {
            idempotency.rememberPositions(idempotencyKey, positions);
        } catch (RuntimeException failure) {
            LOG.warn("The positions of a recorded command could not be kept for its retries: {}", failure.toString());
        }
    }

    /** The event store's head, {@code null} while it holds no events. */
    private record Head(TrackingToken token) {
    }
}
