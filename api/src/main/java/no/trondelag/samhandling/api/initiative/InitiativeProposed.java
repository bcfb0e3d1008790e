package no.trondelag.samhandling.api.initiative;

import java.util.List;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A joint initiative was proposed.
 */
@Revision("1")
public record InitiativeProposed(
        String initiativeId,
        String title,
        String description,
        Pillar pillar,
        List<Integer> goals,
        String proposedBy) implements LedgerEvent {
}
