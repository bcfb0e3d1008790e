package no.trondelag.samhandling.api.initiative;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * The joint initiatives.
 *
 * @param meta        the read point and position
 * @param initiatives the initiatives, by id
 */
public record InitiativesReport(ReportMeta meta, List<InitiativeView> initiatives) {
}
