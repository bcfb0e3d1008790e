package no.trondelag.samhandling.api.participation;

import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * One participant, or none when it was not registered at the read point.
 *
 * @param meta        the read point and position
 * @param participant the participant, or {@code null}
 */
public record ParticipantDetail(ReportMeta meta, ParticipantView participant) {
}
