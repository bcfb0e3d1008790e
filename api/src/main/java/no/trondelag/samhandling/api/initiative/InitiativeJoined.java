package no.trondelag.samhandling.api.initiative;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant joined an initiative.
 */
@Revision("1")
public record InitiativeJoined(
        String initiativeId,
        String participantId,
        LocalDate effectiveDate) implements LedgerEvent {
}
