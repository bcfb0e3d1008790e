package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Money from a funding source was allocated to a year's secretariat budget.
 */
@Revision("1")
public record SecretariatFundingAllocated(
        Integer year,
        FundingSource source,
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
