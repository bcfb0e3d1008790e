package no.trondelag.samhandling.api.participation;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Every participant registered at a read point, including those merged away.
 *
 * @param readPoint when to read
 */
public record FindParticipants(ReadPoint readPoint) {
}
