package no.trondelag.samhandling.api.initiative;

import java.util.List;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Proposes a joint initiative (felles satsing) under one pillar, serving some of the five goals.
 */
public record ProposeInitiative(
        String initiativeId,
        String title,
        String description,
        Pillar pillar,
        List<Integer> goals,
        String proposedBy) implements LedgerCommand {

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
}
