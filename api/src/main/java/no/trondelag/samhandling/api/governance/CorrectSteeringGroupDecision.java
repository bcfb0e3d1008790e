package no.trondelag.samhandling.api.governance;

import java.util.List;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects the text and points of a recorded decision; the original stays in history.
 */
public record CorrectSteeringGroupDecision(
        String decisionId,
        String text,
        List<String> points,
        String reason) implements LedgerCommand {

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
