package no.trondelag.samhandling.query.governance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerView;

/**
 * The steering-group decision log: every decision as recorded, its corrections, and every event that cites it.
 */
public final class DecisionsView implements LedgerView {

    private final Map<String, Decision> decisions = new LinkedHashMap<>();

    @Override
    public void apply(LedgerFact fact) {
        if (fact.event() instanceof SteeringGroupDecisionRecorded e) {
            decisions.put(e.decisionId(), new Decision(e, fact.toEntry()));
        } else if (fact.event() instanceof SteeringGroupDecisionCorrected e) {
            Decision decision = decisions.get(e.decisionId());
            if (decision != null) {
                decision.text = e.text();
                decision.points = e.points();
                decision.corrections.add(fact.toEntry());
            }
        } else {
            Authority authority = fact.authority();
            if (authority != null && authority.citesSteeringGroupDecision()) {
                Decision decision = decisions.get(authority.decisionId());
                if (decision != null) {
                    decision.citedBy.add(fact.toEntry());
                }
            }
        }
    }

    /**
     * Every decision, by meeting date and then id.
     *
     * @return the decisions
     */
    public List<DecisionView> decisions() {
        return decisions.values().stream()
                .map(Decision::toView)
                .sorted(Comparator.comparing(DecisionView::meetingDate).thenComparing(DecisionView::decisionId))
                .toList();
    }

    /**
     * One decision.
     *
     * @param decisionId the decision
     * @return the decision, or empty when it is not recorded
     */
    public Optional<DecisionView> decision(String decisionId) {
        return Optional.ofNullable(decisions.get(decisionId)).map(Decision::toView);
    }

    private static final class Decision {
        private final SteeringGroupDecisionRecorded recorded;
        private final HistoryEntry recordedEntry;
        private final List<HistoryEntry> corrections = new ArrayList<>();
        private final List<HistoryEntry> citedBy = new ArrayList<>();
        private String text;
        private List<String> points;

        private Decision(SteeringGroupDecisionRecorded recorded, HistoryEntry recordedEntry) {
            this.recorded = recorded;
            this.recordedEntry = recordedEntry;
            this.text = recorded.text();
            this.points = recorded.points();
        }

        private DecisionView toView() {
            return new DecisionView(recorded.decisionId(), recorded.meetingDate(), recorded.caseNumber(),
                    recorded.title(), text, List.copyOf(points), recordedEntry, List.copyOf(corrections),
                    List.copyOf(citedBy));
        }
    }
}
