package no.trondelag.samhandling.api.goals;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * Each region's progress towards the strategy's five goals at a read point.
 *
 * @param readPoint when to read
 */
public record FindGoalProgress(ReadPoint readPoint) {
}
