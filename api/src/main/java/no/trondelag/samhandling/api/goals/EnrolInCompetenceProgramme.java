package no.trondelag.samhandling.api.goals;

import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enrols a member's leaders in a cohort of the competence programme.
 */
public record EnrolInCompetenceProgramme(
        String participantId,
        String cohort,
        Integer leaders) implements LedgerCommand {

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
