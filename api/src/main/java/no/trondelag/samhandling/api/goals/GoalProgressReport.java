package no.trondelag.samhandling.api.goals;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Goal progress by region, each indicator with its definition.
 *
 * @param meta        the read point and position
 * @param indicators  the definition of every indicator
 * @param regions     each region's values
 */
public record GoalProgressReport(ReportMeta meta, List<IndicatorDefinition> indicators,
                                 List<RegionGoalProgress> regions) {
}
