package no.trondelag.samhandling.api.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a participant's digital maturity score (1.0 to 5.0).
 */
public record RecordMaturityAssessment(
        String participantId,
        LocalDate assessedOn,
        BigDecimal score,
        String method) implements LedgerCommand {

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
