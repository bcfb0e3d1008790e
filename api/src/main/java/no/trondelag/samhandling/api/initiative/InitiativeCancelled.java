package no.trondelag.samhandling.api.initiative;

import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * An initiative was cancelled.
 */
@Revision("1")
public record InitiativeCancelled(
        String initiativeId,
        String decisionId,
        String reason) implements LedgerEvent, CitesAuthority {

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
