package no.trondelag.samhandling.api.initiative;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Every joint initiative at a read point.
 *
 * @param readPoint when to read
 */
public record FindInitiatives(ReadPoint readPoint) {
}
