package no.trondelag.samhandling.query.initiative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.query.funding.FundingQueries;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import no.trondelag.samhandling.query.participation.ParticipationView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the initiatives report: status, pillar, goals, approving decision, participants per region and the last
 * milestone of every joint initiative.
 */
public class InitiativeQueries {

    private final LedgerReader reader;

    /**
     * Creates the handler.
     *
     * @param reader the read side's views
     */
    public InitiativeQueries(LedgerReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    InitiativesReport handle(FindInitiatives query) {
        Read<List<InitiativeView>> read = reader.read(query.readPoint(), views -> views.initiatives().initiatives()
                .stream()
                .map(initiative -> report(initiative, views.participation()))
                .toList());
        return new InitiativesReport(read.meta(), read.result());
    }

    private static InitiativeView report(InitiativesView.Initiative initiative, ParticipationView participation) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (String participantId : initiative.participants()) {
            String regionId = participation.findParticipant(participantId)
                    .map(ParticipantView::regionId)
                    .orElse(null);
            byRegion.computeIfAbsent(regionId == null ? FundingQueries.NO_REGION : regionId,
                    id -> new ArrayList<>()).add(participantId);
        }
        return new InitiativeView(initiative.initiativeId(), initiative.title(), initiative.status().name(),
                initiative.pillar(), initiative.goals(), initiative.approvedBy(), kroner(initiative.budget()), byRegion,
                initiative.participants().size(), initiative.lastMilestone(), initiative.closedOn());
    }

    /**
     * The report gives budgets in kroner ({@code budgetNok}); every approval is in kroner, since
     * {@code ApproveInitiative} takes kroner, so a budget in any other currency means the ledger holds an event
     * this report cannot show truthfully.
     */
    private static BigDecimal kroner(Money budget) {
        if (budget == null) {
            return null;
        }
        if (!Money.NOK.equals(budget.currency())) {
            throw new IllegalStateException("An initiative's budget is in " + budget.currency()
                    + "; the initiatives report shows kroner only");
        }
        return budget.amount();
    }
}
