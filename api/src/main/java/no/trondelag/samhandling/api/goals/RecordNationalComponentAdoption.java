package no.trondelag.samhandling.api.goals;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a participant adopted a national common component (nasjonal felleskomponent).
 */
public record RecordNationalComponentAdoption(
        String participantId,
        String component,
        LocalDate adoptedOn) implements LedgerCommand {

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
