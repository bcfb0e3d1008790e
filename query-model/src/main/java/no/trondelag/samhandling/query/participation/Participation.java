package no.trondelag.samhandling.query.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.RegionView;

/**
 * Regions and participants as the participation projection has them at one read point: who is registered, in which
 * region, who is a member, and who was merged into whom. Other reports read it to place participants in regions.
 */
public final class Participation {

    private final Map<String, RegionView> regions;
    private final Map<String, ParticipantView> participants;
    private final Map<String, Set<String>> predecessorsOf;

    Participation(Map<String, RegionView> regions, Map<String, ParticipantView> participants,
                  Map<String, Set<String>> predecessorsOf) {
        this.regions = regions;
        this.participants = participants;
        this.predecessorsOf = predecessorsOf;
    }

    /**
     * Every region, by id.
     *
     * @return the regions
     */
    public List<RegionView> regions() {
        return List.copyOf(regions.values());
    }

    /**
     * Every registered participant, including those merged away, by id.
     *
     * @return the participants
     */
    public List<ParticipantView> participants() {
        return List.copyOf(participants.values());
    }

    /**
     * One participant.
     *
     * @param participantId the participant
     * @return the participant, or empty when it is not registered
     */
    public Optional<ParticipantView> findParticipant(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    /**
     * A participant's primary region.
     *
     * @param participantId the participant
     * @return the region, or {@code null} when it has none or is not registered
     */
    public String regionOf(String participantId) {
        ParticipantView participant = participants.get(participantId);
        return participant == null ? null : participant.regionId();
    }

    /**
     * The participants that stand on their own (not merged away) in a region.
     *
     * @param regionId the region
     * @return its participants, by id
     */
    public List<ParticipantView> activeIn(String regionId) {
        return participants.values().stream()
                .filter(p -> p.mergedInto().isEmpty() && regionId.equals(p.regionId()))
                .toList();
    }

    /**
     * The participants that stand on their own and are members of the collaboration.
     *
     * @return the active members, by id
     */
    public List<ParticipantView> activeMembers() {
        return participants.values().stream()
                .filter(p -> p.mergedInto().isEmpty() && p.member())
                .toList();
    }

    /**
     * The summed population of some participants, counting an unknown population as none.
     *
     * @param participants the participants
     * @return their population
     */
    public static long population(List<ParticipantView> participants) {
        return participants.stream()
                .mapToLong(participant -> participant.population() == null ? 0 : participant.population())
                .sum();
    }

    /**
     * A participant and, transitively, every participant merged into it.
     *
     * @param participantId the participant
     * @return the ids, the participant first
     */
    public List<String> withPredecessors(String participantId) {
        List<String> covered = new ArrayList<>();
        collect(participantId, covered);
        return covered;
    }

    private void collect(String participantId, Collection<String> covered) {
        if (covered.contains(participantId)) {
            return;
        }
        covered.add(participantId);
        for (String predecessor : predecessorsOf.getOrDefault(participantId, Set.of())) {
            collect(predecessor, covered);
        }
    }
}
