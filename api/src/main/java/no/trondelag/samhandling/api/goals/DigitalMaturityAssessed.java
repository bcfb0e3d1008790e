package no.trondelag.samhandling.api.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A participant's digital maturity was assessed.
 */
@Revision("1")
public record DigitalMaturityAssessed(
        String participantId,
        LocalDate assessedOn,
        BigDecimal score,
        String method) implements LedgerEvent {
}
