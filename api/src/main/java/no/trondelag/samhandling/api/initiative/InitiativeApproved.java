package no.trondelag.samhandling.api.initiative;

import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.common.Money;
import org.axonframework.serialization.Revision;

/**
 * A steering-group decision approved an initiative, with its budget. Revision 2 holds the budget as an amount with
 * its currency; revision 1 held it as {@code budgetNok}, kroner without a currency, and is upcast on reading.
 *
 * @param initiativeId the initiative
 * @param decisionId   the approving steering-group decision
 * @param budget       the approved budget
 */
@Revision("2")
public record InitiativeApproved(
        String initiativeId,
        String decisionId,
        Money budget) implements LedgerEvent, CitesAuthority {

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
