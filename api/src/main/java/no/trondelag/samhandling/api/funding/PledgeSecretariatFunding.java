package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member pledges a contribution to a year's secretariat.
 */
public record PledgeSecretariatFunding(
        Integer year,
        String participantId,
        BigDecimal amountNok,
        Authority authority) implements LedgerCommand, CitesAuthority {

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
}
