package no.trondelag.samhandling.api.goals;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant adopted a national common component.
 */
@Revision("1")
public record NationalComponentAdopted(
        String participantId,
        String component,
        LocalDate adoptedOn) implements LedgerEvent {
}
