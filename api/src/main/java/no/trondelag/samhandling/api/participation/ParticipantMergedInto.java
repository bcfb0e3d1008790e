package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A predecessor was merged into a successor; when the predecessor is the successor itself, it continues under the
 * merged name, region and population.
 */
@Revision("1")
public record ParticipantMergedInto(
        String participantId,
        String successorId,
        String successorName,
        List<String> predecessorIds,
        String regionId,
        Integer population,
        LocalDate effectiveDate,
        Authority authority) implements LedgerEvent, CitesAuthority {
}
