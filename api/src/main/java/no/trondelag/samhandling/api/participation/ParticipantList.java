package no.trondelag.samhandling.api.participation;

import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * A list of participants.
 *
 * @param meta         the read point and position
 * @param participants the participants, by id
 */
public record ParticipantList(ReportMeta meta, List<ParticipantView> participants) {
}
