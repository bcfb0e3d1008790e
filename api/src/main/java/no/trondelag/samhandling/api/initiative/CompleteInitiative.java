package no.trondelag.samhandling.api.initiative;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Completes an approved initiative on a steering-group decision.
 */
public record CompleteInitiative(
        String initiativeId,
        LocalDate effectiveDate,
        String decisionId) implements LedgerCommand, CitesAuthority {

    /**
     * The identifier of the aggregate this command is routed to.
     *
     * @return the prefixed aggregate identifier
     */
    @Override
    @TargetAggregateIdentifier
    public String targetAggregateId() {
        return LedgerIds.initiative(initiativeId);
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
