package no.trondelag.samhandling.api.governance;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * The steering-group decision log.
 *
 * @param meta      the read point and position
 * @param decisions the decisions, by meeting date and id
 */
public record DecisionLog(ReportMeta meta, List<DecisionView> decisions) {
}
