package no.trondelag.samhandling.api.participation;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * One participant at a read point.
 *
 * @param readPoint     when to read
 * @param participantId the participant
 */
public record FindParticipant(ReadPoint readPoint, String participantId) {
}
