package no.trondelag.samhandling.api.funding;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * The secretariat's funding per year at a read point.
 *
 * @param readPoint when to read
 * @param year      one year only, or {@code null} for every year with a budget, pledge or allocation
 */
public record FindFunding(ReadPoint readPoint, Integer year) {
}
