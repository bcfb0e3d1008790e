package no.trondelag.samhandling.api.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A joint initiative at a read point.
 *
 * @param initiativeId          the initiative
 * @param title                 its title
 * @param status                PROPOSED, APPROVED, COMPLETED or CANCELLED
 * @param pillar                the strategy pillar
 * @param goals                 the goals it serves
 * @param approvedByDecisionId  the approving steering-group decision, or {@code null}
 * @param budgetNok             its approved budget, or {@code null}
 * @param participantsByRegion  current participants per region ({@code none} for participants without one)
 * @param participantCount      how many participants it has
 * @param lastMilestone         the last milestone reached, or {@code null}
 * @param closedOn              the effective date it was completed, or {@code null}
 */
public record InitiativeView(String initiativeId, String title, String status, Pillar pillar, List<Integer> goals,
                             String approvedByDecisionId, BigDecimal budgetNok,
                             Map<String, List<String>> participantsByRegion, int participantCount,
                             Milestone lastMilestone, LocalDate closedOn) {

    /**
     * A milestone reached.
     *
     * @param milestone       its name
     * @param reachedOn       when it was reached
     * @param progressPercent the initiative's progress then
     */
    public record Milestone(String milestone, LocalDate reachedOn, int progressPercent) {
    }
}
