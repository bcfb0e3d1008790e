package no.trondelag.samhandling.api.initiative;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A steering-group decision approved an initiative.
 */
@Revision("1")
public record InitiativeApproved(
        String initiativeId,
        String decisionId,
        BigDecimal budgetNok) implements LedgerEvent, CitesAuthority {

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
