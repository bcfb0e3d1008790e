package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import java.util.List;

/**
 * A participant as the ledger knows it at a read point.
 *
 * @param participantId the municipality or organisation number
 * @param name          its name
 * @param kind          its kind
 * @param regionId      its primary region, or {@code null}
 * @param population    its population
 * @param registeredOn  the effective date of its registration
 * @param member        whether it is a member of the collaboration
 * @param memberSince   the effective date it last joined, while a member
 * @param mergedInto    the successors it was merged into; empty while it stands on its own
 * @param predecessors  the participants merged into it
 */
public record ParticipantView(String participantId, String name, ParticipantKind kind, String regionId,
                              Integer population, LocalDate registeredOn, boolean member, LocalDate memberSince,
                              List<String> mergedInto, List<String> predecessors) {
}
