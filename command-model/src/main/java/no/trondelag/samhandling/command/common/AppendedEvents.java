package no.trondelag.samhandling.command.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.CommandOutcome;
import no.trondelag.samhandling.api.common.CommandOutcome.AppendedEvent;

/**
 * The result of every handled command: the events it appended. It is returned by the {@link OutcomeRecorder}'s
 * handler interceptor and filled when the unit of work prepares its commit, which is when Axon hands the events to
 * the event store, so it is complete by the time the caller receives it.
 */
public final class AppendedEvents {

    private final String targetAggregateId;
    private final List<AppendedEvent> events;
    private final Map<String, Long> positions;

    /**
     * Creates a result for a command routed to the given aggregate.
     *
     * @param targetAggregateId the command's target aggregate
     * @param events            the appended events, filled in as they are appended
     * @param positions         the events' positions already known, by event identifier (see {@link #getPositions()})
     */
    public AppendedEvents(String targetAggregateId, List<AppendedEvent> events, Map<String, Long> positions) {
        this.targetAggregateId = targetAggregateId;
        this.events = events;
        this.positions = positions;
    }

    /**
     * The command's target aggregate.
     *
     * @return its prefixed identifier
     */
    public String getTargetAggregateId() {
        return targetAggregateId;
    }

    /**
     * The appended events, in order.
     *
     * @return the events
     */
    public List<AppendedEvent> getEvents() {
        return events;
    }

    /**
     * The positions of the events known when the command was handled: none for a new command, whose events get
     * theirs as they are stored; for a retry with an idempotency key, those the first answer found
     * ({@link Idempotency#rememberPositions}).
     *
     * @return the positions by event identifier
     */
    public Map<String, Long> getPositions() {
        return positions;
    }

    /**
     * The outcome to report: the target aggregate, its version after the command (the highest sequence number
     * appended to it), and all events.
     *
     * @return the outcome
     */
    public CommandOutcome outcome() {
        long version = events.stream()
                .filter(event -> event.aggregateId().equals(targetAggregateId))
                .mapToLong(AppendedEvent::sequence)
                .max()
                .orElse(-1);
        return new CommandOutcome(targetAggregateId, version, new ArrayList<>(events));
    }
}
