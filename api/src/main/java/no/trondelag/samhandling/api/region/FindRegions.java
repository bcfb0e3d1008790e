package no.trondelag.samhandling.api.region;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Every region at a read point.
 *
 * @param readPoint when to read
 */
public record FindRegions(ReadPoint readPoint) {
}
