package no.trondelag.samhandling.query.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerView;

/**
 * What each participant recorded towards the goals: its latest maturity score, the national components it adopted,
 * and whether it completed a cohort of the competence programme.
 */
public final class ProgressView implements LedgerView {

    private final Map<String, Assessment> latestAssessment = new HashMap<>();
    private final Map<String, Set<String>> adopted = new HashMap<>();
    private final Set<String> trackedComponents = new TreeSet<>();
    private final Set<String> completedProgramme = new HashSet<>();

    @Override
    public void apply(LedgerFact fact) {
        if (fact.event() instanceof DigitalMaturityAssessed e) {
            Assessment latest = latestAssessment.get(e.participantId());
            if (latest == null || !e.assessedOn().isBefore(latest.assessedOn())) {
                latestAssessment.put(e.participantId(), new Assessment(e.assessedOn(), e.score()));
            }
        } else if (fact.event() instanceof NationalComponentAdopted e) {
            adopted.computeIfAbsent(e.participantId(), id -> new HashSet<>()).add(e.component());
            trackedComponents.add(e.component());
        } else if (fact.event() instanceof CompetenceProgrammeCompleted e && e.leadersCompleted() > 0) {
            completedProgramme.add(e.participantId());
        }
    }

    /**
     * A participant's latest maturity score.
     *
     * @param participantId the participant
     * @return the score, or {@code null} when never assessed
     */
    public BigDecimal latestScore(String participantId) {
        Assessment assessment = latestAssessment.get(participantId);
        return assessment == null ? null : assessment.score();
    }

    /**
     * The national components the ledger tracks: every component any participant has adopted.
     *
     * @return the components, sorted
     */
    public Set<String> trackedComponents() {
        return Set.copyOf(trackedComponents);
    }

    /**
     * How many tracked components a participant adopted.
     *
     * @param participantId the participant
     * @return the number adopted
     */
    public int adoptedCount(String participantId) {
        return adopted.getOrDefault(participantId, Set.of()).size();
    }

    /**
     * Whether any of a participant's leaders completed a cohort of the competence programme.
     *
     * @param participantId the participant
     * @return {@code true} when a cohort was completed
     */
    public boolean completedProgramme(String participantId) {
        return completedProgramme.contains(participantId);
    }

    private record Assessment(LocalDate assessedOn, BigDecimal score) {
    }
}
