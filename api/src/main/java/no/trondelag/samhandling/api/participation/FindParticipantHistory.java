package no.trondelag.samhandling.api.participation;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Every event that concerns a participant, across aggregates and across merges: a successor's history includes
 * its predecessors'.
 *
 * @param readPoint     when to read
 * @param participantId the participant
 */
public record FindParticipantHistory(ReadPoint readPoint, String participantId) {
}
