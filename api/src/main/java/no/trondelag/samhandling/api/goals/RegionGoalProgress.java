package no.trondelag.samhandling.api.goals;

import java.util.List;

/**
 * One region's indicator values.
 *
 * @param regionId   the region
 * @param name       its name
 * @param indicators the values, in the order of the report's definitions
 */
public record RegionGoalProgress(String regionId, String name, List<IndicatorValue> indicators) {
}
