package no.trondelag.samhandling.api.common;

import java.util.List;

/**
 * What a command appended: the aggregate its result names, that aggregate's version afterwards, and every event
 * the command appended, in order.
 *
 * @param aggregateId the prefixed identifier of the command's target aggregate
 * @param version     the target aggregate's sequence number after the command
 * @param events      the appended events
 */
public record CommandOutcome(String aggregateId, long version, List<AppendedEvent> events) {

    /**
     * One appended event.
     *
     * @param eventId     the event's unique identifier
     * @param aggregateId the aggregate it was appended to
     * @param sequence    its sequence number within that aggregate
     * @param type        the event's simple type name, such as {@code CollaborationJoined}
     */
    public record AppendedEvent(String eventId, String aggregateId, long sequence, String type) {
    }

    public CommandOutcome {
        events = List.copyOf(events);
    }
}
