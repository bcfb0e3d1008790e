package no.trondelag.samhandling.api.goals;

import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records how many of a member's leaders completed their cohort.
 */
public record CompleteCompetenceProgramme(
        String participantId,
        String cohort,
        Integer leadersCompleted) implements LedgerCommand {

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
