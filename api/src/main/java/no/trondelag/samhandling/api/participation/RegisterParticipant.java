package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a municipality or partner organisation; municipalities need a region.
 */
public record RegisterParticipant(
        String participantId,
        String name,
        ParticipantKind kind,
        String regionId,
        Integer population,
        LocalDate effectiveDate) implements LedgerCommand {

    /**
     * The identifier of the aggregate this command is routed to.
     *
     * @return the prefixed aggregate identifier
     */
    @Override
    @TargetAggregateIdentifier
    public String targetAggregateId() {
        return LedgerIds.participant(participantId);
    }
}
