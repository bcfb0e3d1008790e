package no.trondelag.samhandling.command.common;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Creates a result for a command routed to the given aggregate.
     *
     * @param targetAggregateId the command's target aggregate
     * @param events            the appended events, filled in as they are appended
     */
    public AppendedEvents(String targetAggregateId, List<AppendedEvent> events) {
        this.targetAggregateId = targetAggregateId;
        this.events = events;
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
