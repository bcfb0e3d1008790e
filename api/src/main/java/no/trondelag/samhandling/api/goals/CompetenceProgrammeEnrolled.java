package no.trondelag.samhandling.api.goals;

import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A member's leaders were enrolled in a competence programme cohort.
 */
@Revision("1")
public record CompetenceProgrammeEnrolled(
        String participantId,
        String cohort,
        Integer leaders) implements LedgerEvent {
}
