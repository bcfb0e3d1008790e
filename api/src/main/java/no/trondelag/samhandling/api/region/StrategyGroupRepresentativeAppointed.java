package no.trondelag.samhandling.api.region;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant became the region's representative in the strategy group.
 */
@Revision("1")
public record StrategyGroupRepresentativeAppointed(
        String regionId,
        String participantId,
        LocalDate effectiveDate,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
