package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets, or on a new decision revises, the secretariat's budget and staffing for a year.
 */
public record SetSecretariatBudget(
        Integer year,
        BigDecimal requiredFte,
        BigDecimal amountNok,
        String decisionId) implements LedgerCommand, CitesAuthority {

    /**
     * The identifier of the aggregate this command is routed to.
     *
     * @return the prefixed aggregate identifier
     */
    @Override
    @TargetAggregateIdentifier
    public String targetAggregateId() {
        return LedgerIds.secretariatYear(year);
    }

    /**
     * The steering-group decision this message rests on.
     *
     * @return the decision as authority
     */
    @Override
    public Authority authority() {
        return Authority.ofDecision(decisionId);
    }
}
