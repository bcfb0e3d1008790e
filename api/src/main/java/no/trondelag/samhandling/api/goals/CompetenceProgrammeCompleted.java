package no.trondelag.samhandling.api.goals;

import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A member's leaders completed their competence programme cohort.
 */
@Revision("1")
public record CompetenceProgrammeCompleted(
        String participantId,
        String cohort,
        Integer leadersCompleted) implements LedgerEvent {
}
