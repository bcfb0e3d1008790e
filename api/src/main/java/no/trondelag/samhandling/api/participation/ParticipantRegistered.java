package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant was registered; as a merge successor it cites the merge's authority, otherwise none.
 */
@Revision("1")
public record ParticipantRegistered(
        String participantId,
        String name,
        ParticipantKind kind,
        String regionId,
        Integer population,
        LocalDate effectiveDate,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
