package no.trondelag.samhandling.api.region;

import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a regional collaboration arena (regionråd) under a stable slug.
 */
public record RegisterRegion(
        String regionId,
        String name) implements LedgerCommand {

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
