package no.trondelag.samhandling.api.governance;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;

/**
 * One steering-group decision with everything that followed from it.
 *
 * @param decisionId  the decision
 * @param meetingDate the steering group's meeting date
 * @param caseNumber  its case number, or {@code null}
 * @param title       its title
 * @param text        its text as last corrected
 * @param points      its points as last corrected
 * @param recorded    the event that recorded it, as first recorded
 * @param corrections every correction, in order
 * @param citedBy     every event that cites it as authority, in ledger order
 */
public record DecisionView(String decisionId, LocalDate meetingDate, String caseNumber, String title, String text,
                           List<String> points, HistoryEntry recorded, List<HistoryEntry> corrections,
                           List<HistoryEntry> citedBy) {
}
