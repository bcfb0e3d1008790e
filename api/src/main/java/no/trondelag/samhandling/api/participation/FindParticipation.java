package no.trondelag.samhandling.api.participation;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Which municipalities and partners take part, per region, at a read point.
 *
 * @param readPoint when to read
 * @param regionId  one region only, or {@code null} for all
 */
public record FindParticipation(ReadPoint readPoint, String regionId) {
}
