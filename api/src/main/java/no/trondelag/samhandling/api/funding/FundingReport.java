package no.trondelag.samhandling.api.funding;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Secretariat funding per year.
 *
 * @param meta        the read point and position
 * @param years       each year, in order
 * @param definitions what the computed figures mean
 */
public record FundingReport(ReportMeta meta, List<FundingYear> years, List<String> definitions) {
}
