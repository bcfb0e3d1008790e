package no.trondelag.samhandling.command.common;

import no.trondelag.samhandling.api.participation.ParticipantKind;

/**
 * What the command side knows of a participant when another aggregate needs it: its kind, whether it is a member
 * of the collaboration, and whether it was merged away.
 *
 * @param participantId the participant
 * @param kind          its kind
 * @param member        whether it is a member of the collaboration now
 * @param mergedAway    whether it was merged into another participant
 */
public record ParticipantStanding(String participantId, ParticipantKind kind, boolean member, boolean mergedAway) {

    /**
     * Requires this participant to be a member that was not merged away.
     *
     * @return this standing
     * @throws org.axonframework.commandhandling.CommandExecutionException when it is not
     */
    public ParticipantStanding requireActiveMember() {
        if (mergedAway) {
            throw Rejections.conflict(Rule.PARTICIPANT_MERGED_AWAY,
                    "Participant " + participantId + " was merged away");
        }
        if (!member) {
            throw Rejections.conflict(Rule.NOT_MEMBER, "Participant " + participantId + " is not a member");
        }
        return this;
    }
}
