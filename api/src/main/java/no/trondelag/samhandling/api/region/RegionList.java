package no.trondelag.samhandling.api.region;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * The regions.
 *
 * @param meta    the read point and position
 * @param regions the regions, by id
 */
public record RegionList(ReportMeta meta, List<RegionView> regions) {
}
