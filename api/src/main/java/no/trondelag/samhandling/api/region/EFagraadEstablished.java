package no.trondelag.samhandling.api.region;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A region established its regional e-council (eFagråd).
 */
@Revision("1")
public record EFagraadEstablished(
        String regionId,
        LocalDate effectiveDate,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
