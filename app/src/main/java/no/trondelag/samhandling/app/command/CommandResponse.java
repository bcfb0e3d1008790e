package no.trondelag.samhandling.app.command;

import java.util.List;

/**
 * The answer to an accepted command.
 *
 * @param aggregateId the prefixed identifier of the command's target aggregate, such as {@code participant:5054}
 * @param version     the target aggregate's version (its last sequence number) after the command
 * @param events      the appended events, in order
 * @param note        {@code null}, or why something is missing from the answer although the command was recorded
 */
public record CommandResponse(String aggregateId, long version, List<Event> events, String note) {

    /** The {@link #note} of an answer whose events' positions could not be read after the commit. */
    public static final String POSITIONS_UNAVAILABLE = "The command was recorded, but the positions of its events "
            + "could not be read afterwards; they are left out. Do not send it again.";

    /**
     * One appended event.
     *
     * @param globalIndex its position in the ledger, or {@code null} when it could not be read
     * @param type        its type, such as {@code CollaborationJoined}
     * @param aggregateId the aggregate it was appended to
     */
    public record Event(Long globalIndex, String type, String aggregateId) {
    }
}
