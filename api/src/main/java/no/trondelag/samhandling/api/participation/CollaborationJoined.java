package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant joined the collaboration.
 */
@Revision("1")
public record CollaborationJoined(
        String participantId,
        LocalDate effectiveDate,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
