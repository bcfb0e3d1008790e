package no.trondelag.samhandling.api.governance;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a decision of the steering group (rådmannsutvalget) with its numbered points.
 */
public record RecordSteeringGroupDecision(
        String decisionId,
        LocalDate meetingDate,
        String caseNumber,
        String title,
        String text,
        List<String> points) implements LedgerCommand {

    /**
     * The identifier of the aggregate this command is routed to.
     *
     * @return the prefixed aggregate identifier
     */
    @Override
    @TargetAggregateIdentifier
    public String targetAggregateId() {
        return LedgerIds.decision(decisionId);
    }
}
