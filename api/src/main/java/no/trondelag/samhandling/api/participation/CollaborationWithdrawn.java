package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A member left the collaboration.
 */
@Revision("1")
public record CollaborationWithdrawn(
        String participantId,
        LocalDate effectiveDate,
        Authority authority,
        String reason) implements LedgerEvent, CitesAuthority {
}
