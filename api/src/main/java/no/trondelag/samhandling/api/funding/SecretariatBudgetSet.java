package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * The secretariat's budget for a year was set or revised.
 */
@Revision("1")
public record SecretariatBudgetSet(
        Integer year,
        BigDecimal requiredFte,
        BigDecimal amountNok,
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
