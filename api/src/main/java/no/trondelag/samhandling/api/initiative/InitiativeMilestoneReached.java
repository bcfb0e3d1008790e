package no.trondelag.samhandling.api.initiative;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * An initiative reached a milestone.
 */
@Revision("1")
public record InitiativeMilestoneReached(
        String initiativeId,
        String milestone,
        LocalDate reachedOn,
        Integer progressPercent) implements LedgerEvent {
}
