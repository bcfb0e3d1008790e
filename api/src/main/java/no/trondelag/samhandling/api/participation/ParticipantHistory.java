package no.trondelag.samhandling.api.participation;

import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * A participant's timeline in ledger order.
 *
 * @param meta          the read point and position
 * @param participantId the participant asked for
 * @param covers        the participants whose events are included: itself and, transitively, its predecessors
 * @param entries       the events, or an empty list when the participant is unknown at the read point
 * @param known         whether the participant was registered at the read point
 */
public record ParticipantHistory(ReportMeta meta, String participantId, List<String> covers,
                                 List<HistoryEntry> entries, boolean known) {
}
