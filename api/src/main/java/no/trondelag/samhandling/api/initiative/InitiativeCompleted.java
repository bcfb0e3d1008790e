package no.trondelag.samhandling.api.initiative;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * An initiative was completed.
 */
@Revision("1")
public record InitiativeCompleted(
        String initiativeId,
        LocalDate effectiveDate,
        String decisionId) implements LedgerEvent, CitesAuthority {

    /**
     * The steering-group decision this message rests on.
     *
     * @return the decision as authority
     */
    @Override
    public Authority authority() {
        return Authority.ofDecision(decisionId);
    }
}
