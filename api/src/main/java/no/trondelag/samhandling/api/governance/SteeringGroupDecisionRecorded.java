package no.trondelag.samhandling.api.governance;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A steering-group decision was recorded.
 */
@Revision("1")
public record SteeringGroupDecisionRecorded(
        String decisionId,
        LocalDate meetingDate,
        String caseNumber,
        String title,
        String text,
        List<String> points) implements LedgerEvent {
}
