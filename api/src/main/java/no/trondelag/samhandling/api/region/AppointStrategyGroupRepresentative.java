package no.trondelag.samhandling.api.region;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Appoints a member participant as the region's representative in the strategy group.
 */
public record AppointStrategyGroupRepresentative(
        String regionId,
        String participantId,
        LocalDate effectiveDate,
        Authority authority) implements LedgerCommand, CitesAuthority {

    /**
     * The identifier of the aggregate this command is routed to.
     *
     * @return the prefixed aggregate identifier
     */
    @Override
    @TargetAggregateIdentifier
    public String targetAggregateId() {
        return LedgerIds.region(regionId);
    }
}
