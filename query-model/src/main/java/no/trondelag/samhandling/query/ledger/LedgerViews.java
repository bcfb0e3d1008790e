package no.trondelag.samhandling.query.ledger;

import no.trondelag.samhandling.query.funding.FundingView;
import no.trondelag.samhandling.query.goals.ProgressView;
import no.trondelag.samhandling.query.governance.DecisionsView;
import no.trondelag.samhandling.query.initiative.InitiativesView;
import no.trondelag.samhandling.query.participation.ParticipationView;

/**
 * Every view, folded together in one pass over the facts, at one read point.
 *
 * @param participation regions and participants
 * @param funding       secretariat funding
 * @param initiatives   joint initiatives
 * @param progress      maturity, components and competence
 * @param decisions     the decision log
 */
public record LedgerViews(ParticipationView participation, FundingView funding, InitiativesView initiatives,
                          ProgressView progress, DecisionsView decisions) implements LedgerView {

    /**
     * Empty views, before any fact.
     *
     * @return new views
     */
    public static LedgerViews empty() {
        return new LedgerViews(new ParticipationView(), new FundingView(), new InitiativesView(),
                new ProgressView(), new DecisionsView());
    }

    @Override
    public void apply(LedgerFact fact) {
        participation.apply(fact);
        funding.apply(fact);
        initiatives.apply(fact);
        progress.apply(fact);
        decisions.apply(fact);
    }
}
