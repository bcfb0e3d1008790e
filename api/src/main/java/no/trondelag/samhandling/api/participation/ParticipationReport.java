package no.trondelag.samhandling.api.participation;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Participation by region. A participant counts under its primary region on the date read; one merged away no
 * longer counts from the merge's effective date, and its successor counts instead.
 *
 * @param meta    the read point and position
 * @param regions each region's participation, by region id
 */
public record ParticipationReport(ReportMeta meta, List<RegionParticipation> regions) {
}
