package no.trondelag.samhandling.api.initiative;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant left an initiative.
 */
@Revision("1")
public record InitiativeLeft(
        String initiativeId,
        String participantId,
        LocalDate effectiveDate) implements LedgerEvent {
}
