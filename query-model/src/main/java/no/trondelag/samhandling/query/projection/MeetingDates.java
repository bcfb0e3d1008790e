package no.trondelag.samhandling.query.projection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.query.ledger.EffectiveDates;

/**
 * The meeting dates of the steering group's decisions, as one projection keeps them, so that it dates an event that
 * rests on a decision by the decision's meeting date when it handles the event: a projection handles events in
 * ledger order, and the command side records a decision before anything can cite it. A decision's meeting date is
 * the same in every version of the projection, so the dates already read are kept for all.
 */
public final class MeetingDates {

    private final ProjectionTables tables;
    private final Map<String, LocalDate> known = new ConcurrentHashMap<>();

    /**
     * Declares the table of meeting dates among a projection's tables.
     *
     * @param tables the projection's tables
     */
    public MeetingDates(ProjectionTables tables) {
        this.tables = tables;
        tables.plain("meeting", "decision_id VARCHAR(200) NOT NULL PRIMARY KEY, meeting_date DATE NOT NULL");
    }

    /**
     * Keeps a decision's meeting date.
     *
     * @param decision the decision
     */
    public void record(SteeringGroupDecisionRecorded decision) {
        tables.write("INSERT INTO {meeting} (decision_id, meeting_date) VALUES (?, ?)", decision.decisionId(),
                decision.meetingDate());
        known.put(decision.decisionId(), decision.meetingDate());
    }

    /**
     * The date an event takes effect: its own, its external decision's, or the meeting date of the steering-group
     * decision it rests on.
     *
     * @param event the event
     * @return the date, or {@code null} when the event holds from its recording
     */
    public LocalDate effectiveOn(LedgerEvent event) {
        return EffectiveDates.of(event, this::meetingDate);
    }

    private LocalDate meetingDate(String decisionId) {
        LocalDate date = known.get(decisionId);
        if (date == null) {
            List<LocalDate> stored = tables.jdbc().queryForList(
                    tables.sqlForWriting("SELECT meeting_date FROM {meeting} WHERE decision_id = ?"), LocalDate.class,
                    decisionId);
            if (!stored.isEmpty()) {
                date = stored.get(0);
                known.put(decisionId, date);
            }
        }
        return date;
    }
}
