package no.trondelag.samhandling.command.funding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.funding.AllocateSecretariatFunding;
import no.trondelag.samhandling.api.funding.PledgeSecretariatFunding;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.funding.SetSecretariatBudget;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.Rejections;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The secretariat's funding for one year: its budget (set and revised by steering-group decisions), members'
 * pledges, and allocations by source, which never exceed the budget. The first command for a year creates it.
 */
@Aggregate(cache = BoundedCache.AGGREGATES)
class SecretariatYear {

    @AggregateIdentifier
    private String id;
    private BigDecimal budget;
    private final Set<String> budgetDecisionIds = new HashSet<>();
    private BigDecimal allocated = BigDecimal.ZERO;

    SecretariatYear() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetSecretariatBudget command, CommandLookups lookups) {
        if (budgetDecisionIds.contains(command.decisionId())) {
            throw Rejections.conflict(Rule.BUDGET_REVISION_NEEDS_NEW_DECISION, "The " + command.year()
                    + " budget was already set by decision " + command.decisionId());
        }
        if (command.amountNok().compareTo(allocated) < 0) {
            throw Rejections.conflict(Rule.ALLOCATIONS_EXCEED_BUDGET, "A budget of " + command.amountNok()
                    + " NOK is below the " + allocated + " NOK already allocated for " + command.year());
        }
        lookups.requireDecision(command.decisionId());
        apply(new SecretariatBudgetSet(command.year(), command.requiredFte(), command.amountNok(),
                command.decisionId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PledgeSecretariatFunding command, CommandLookups lookups) {
        lookups.requireParticipant(command.participantId()).requireActiveMember();
        lookups.requireKnown(command.authority());
        apply(new SecretariatFundingPledged(command.year(), command.participantId(), command.amountNok(),
                command.authority()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AllocateSecretariatFunding command, CommandLookups lookups) {
        if (budget == null) {
            throw Rejections.conflict(Rule.BUDGET_NOT_SET, "No secretariat budget is set for " + command.year());
        }
        BigDecimal total = allocated.add(command.amountNok());
        if (total.compareTo(budget) > 0) {
            throw Rejections.conflict(Rule.ALLOCATIONS_EXCEED_BUDGET, "Allocating " + command.amountNok()
                    + " NOK brings " + command.year() + " to " + total + " NOK, over its budget of " + budget);
        }
        lookups.requireDecision(command.decisionId());
        apply(new SecretariatFundingAllocated(command.year(), command.source(), command.amountNok(),
                command.decisionId()));
    }

    @EventSourcingHandler
    void on(SecretariatBudgetSet event) {
        id = LedgerIds.secretariatYear(event.year());
        budget = event.amountNok();
        budgetDecisionIds.add(event.decisionId());
    }

    @EventSourcingHandler
    void on(SecretariatFundingPledged event) {
        id = LedgerIds.secretariatYear(event.year());
    }

    @EventSourcingHandler
    void on(SecretariatFundingAllocated event) {
        allocated = allocated.add(event.amountNok());
    }
}
