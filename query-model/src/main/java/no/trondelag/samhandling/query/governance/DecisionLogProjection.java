package no.trondelag.samhandling.query.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import no.trondelag.samhandling.query.projection.ReadAt;
import no.trondelag.samhandling.query.projection.Recorded;
import no.trondelag.samhandling.query.projection.StoredEntries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The decision-log projection: every steering-group decision as recorded, its corrections, and every event that
 * cites it, each kept whole as an entry an auditor can read.
 */
@ProcessingGroup(DecisionLogProjection.NAME)
public class DecisionLogProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "decision-log";
    /** The version of its tables. */
    public static final int VERSION = 1;

    private static final String DECISION = "decision_id VARCHAR(200) NOT NULL, ";

    private final StoredEntries entries;

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc      the read side's database
     * @param ledgerLog the ledger's log, which counts the events known at a read point
     * @param json the mapper events are written with
     */
    public DecisionLogProjection(JdbcTemplate jdbc, LedgerLog ledgerLog, ObjectMapper json) {
        super(NAME, VERSION, jdbc, ledgerLog);
        this.entries = new StoredEntries(json);
        tables.bitemporal("decision", DECISION + StoredEntries.COLUMNS, "decision_id")
                .bitemporal("correction", DECISION + StoredEntries.COLUMNS, "decision_id")
                .bitemporal("citation", DECISION + StoredEntries.COLUMNS, "decision_id");
    }

    /** A decision is kept with its meeting date as its effective date. */
    @Override
    protected void decisionRecorded(SteeringGroupDecisionRecorded decision, EventMessage<?> message,
                                    Recorded recorded) {
        keep("decision", decision.decisionId(), decision, message, recorded);
    }

    @EventHandler
    void on(SteeringGroupDecisionCorrected event, EventMessage<?> message, TrackingToken token) {
        keep("correction", event.decisionId(), event, message, recorded(message, token));
    }

    /**
     * Any other event that cites a decision is kept as one of its citations, dated as the event takes effect.
     */
    @Override
    protected void handle(EventMessage<?> message, Recorded recorded) {
        if (!CitesAuthority.class.isAssignableFrom(message.getPayloadType())) {
            return;
        }
        LedgerEvent event = (LedgerEvent) message.getPayload();
        Authority authority = ((CitesAuthority) event).authority();
        if (authority != null && authority.citesSteeringGroupDecision()) {
            keep("citation", authority.decisionId(), event, message, recorded);
        }
    }

    private void keep(String table, String decisionId, LedgerEvent event, EventMessage<?> message,
                      Recorded recorded) {
        Object[] kept = entries.columns(event, message);
        Object[] values = new Object[kept.length + 1];
        values[0] = decisionId;
        System.arraycopy(kept, 0, values, 1, kept.length);
        tables.insert(table, recorded, meetings.effectiveOn(event), values);
    }

    @QueryHandler
    DecisionLog handle(FindDecisions query) {
        ReadAt at = readAt(query.readPoint());
        MapSqlParameterSource parameters = at.parameters().addValue("decision", query.decisionId());
        String ofDecision = query.decisionId() == null ? "" : " AND decision_id = :decision";
        Map<String, Decision> decisions = new LinkedHashMap<>();
        tables.named().query(tables.sql(at, "SELECT * FROM {decision} WHERE " + ReadAt.IN_EFFECT + ofDecision
                + " ORDER BY position"), parameters, row -> {
                    HistoryEntry entry = entries.entry(row);
                    decisions.put(row.getString("decision_id"), new Decision(entry));
                });
        tables.named().query(tables.sql(at, "SELECT * FROM {correction} WHERE " + ReadAt.IN_EFFECT + ofDecision
                + " ORDER BY position"), parameters, row -> {
                    Decision decision = decisions.get(row.getString("decision_id"));
                    if (decision != null && decision.precedes(row.getLong("position"))) {
                        decision.corrections.add(entries.entry(row));
                    }
                });
        tables.named().query(tables.sql(at, "SELECT * FROM {citation} WHERE " + ReadAt.IN_EFFECT + ofDecision
                + " ORDER BY position"), parameters, row -> {
                    Decision decision = decisions.get(row.getString("decision_id"));
                    if (decision != null && decision.precedes(row.getLong("position"))) {
                        decision.citedBy.add(entries.entry(row));
                    }
                });
        List<DecisionView> views = decisions.values().stream()
                .map(Decision::toView)
                .sorted(Comparator.comparing(DecisionView::meetingDate).thenComparing(DecisionView::decisionId))
                .toList();
        return new DecisionLog(meta(at), views);
    }

    /** A decision with its corrections and citations at a read point. */
    private static final class Decision {
        private final HistoryEntry recorded;
        private final List<HistoryEntry> corrections = new ArrayList<>();
        private final List<HistoryEntry> citedBy = new ArrayList<>();

        private Decision(HistoryEntry recorded) {
            this.recorded = recorded;
        }

        /**
         * Whether an event at a position comes after the decision in ledger order: the command side records a
         * decision before anything can correct or cite it, so an event before it (possible only in a ledger the
         * command side did not write) is left out, as applying the events in order would leave it out.
         */
        private boolean precedes(long position) {
            return position > recorded.position();
        }

        /** The text and points are the last correction's, if any. */
        private DecisionView toView() {
            SteeringGroupDecisionRecorded decision = (SteeringGroupDecisionRecorded) recorded.event();
            String text = decision.text();
            List<String> points = decision.points();
            for (HistoryEntry correction : corrections) {
                SteeringGroupDecisionCorrected corrected = (SteeringGroupDecisionCorrected) correction.event();
                text = corrected.text();
                points = corrected.points();
            }
            return new DecisionView(decision.decisionId(), decision.meetingDate(), decision.caseNumber(),
                    decision.title(), text, List.copyOf(points), recorded, List.copyOf(corrections),
                    List.copyOf(citedBy));
        }
    }
}
