package no.trondelag.samhandling.api.governance;

import java.util.List;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A recorded decision's text and points were corrected.
 */
@Revision("1")
public record SteeringGroupDecisionCorrected(
        String decisionId,
        String text,
        List<String> points,
        String reason) implements LedgerEvent {
}
