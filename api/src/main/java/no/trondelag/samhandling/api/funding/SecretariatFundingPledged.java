package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A member pledged a contribution to a year's secretariat.
 */
@Revision("1")
public record SecretariatFundingPledged(
        Integer year,
        String participantId,
        BigDecimal amountNok,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
