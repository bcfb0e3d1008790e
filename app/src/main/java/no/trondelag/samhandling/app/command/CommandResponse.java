package no.trondelag.samhandling.app.command;

import java.util.List;

/**
 * The answer to an accepted command.
 *
 * @param aggregateId the prefixed identifier of the command's target aggregate, such as {@code participant:5054}
 * @param version     the target aggregate's version (its last sequence number) after the command
 * @param events      the appended events, in order
 */
public record CommandResponse(String aggregateId, long version, List<Event> events) {

    /**
     * One appended event.
     *
     * @param globalIndex its position in the ledger
     * @param type        its type, such as {@code CollaborationJoined}
     * @param aggregateId the aggregate it was appended to
     */
    public record Event(long globalIndex, String type, String aggregateId) {
    }
}
