package no.trondelag.samhandling.query.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerView;

/**
 * Regions and participants: who is registered, in which region, who is a member, and who was merged into whom.
 */
public final class ParticipationView implements LedgerView {

    private final Map<String, Region> regions = new TreeMap<>();
    private final Map<String, Participant> participants = new TreeMap<>();
    private final Map<String, Set<String>> predecessorsOf = new TreeMap<>();

    @Override
    public void apply(LedgerFact fact) {
        if (fact.event() instanceof RegionRegistered e) {
            regions.put(e.regionId(), new Region(e.regionId(), e.name()));
        } else if (fact.event() instanceof EFagraadEstablished e) {
            region(e.regionId()).eFagraadOn = e.effectiveDate();
        } else if (fact.event() instanceof StrategyGroupRepresentativeAppointed e) {
            region(e.regionId()).representativeId = e.participantId();
        } else if (fact.event() instanceof ParticipantRegistered e) {
            participants.put(e.participantId(), new Participant(e));
        } else if (fact.event() instanceof CollaborationJoined e) {
            ifRegistered(e.participantId(), participant -> {
                participant.member = true;
                participant.memberSince = e.effectiveDate();
            });
        } else if (fact.event() instanceof CollaborationWithdrawn e) {
            ifRegistered(e.participantId(), participant -> {
                participant.member = false;
                participant.memberSince = null;
            });
        } else if (fact.event() instanceof ParticipantMovedToRegion e) {
            ifRegistered(e.participantId(), participant -> participant.regionId = e.regionId());
        } else if (fact.event() instanceof ParticipantMergedInto e) {
            ifRegistered(e.participantId(), participant -> merge(participant, e));
        }
    }

    private void merge(Participant participant, ParticipantMergedInto merge) {
        if (merge.participantId().equals(merge.successorId())) {
            participant.name = merge.successorName();
            participant.regionId = merge.regionId();
            participant.population = merge.population();
        } else {
            participant.mergedInto.add(merge.successorId());
            predecessorsOf.computeIfAbsent(merge.successorId(), id -> new LinkedHashSet<>())
                    .add(merge.participantId());
        }
    }

    /**
     * Every region, by id.
     *
     * @return the regions
     */
    public List<RegionView> regions() {
        return regions.values().stream().map(Region::toView).toList();
    }

    /**
     * One region.
     *
     * @param regionId the region
     * @return the region, or empty when it is not registered
     */
    public Optional<RegionView> findRegion(String regionId) {
        return Optional.ofNullable(regions.get(regionId)).map(Region::toView);
    }

    /**
     * Every registered participant, including those merged away, by id.
     *
     * @return the participants
     */
    public List<ParticipantView> participants() {
        return participants.values().stream().map(this::toView).toList();
    }

    /**
     * One participant.
     *
     * @param participantId the participant
     * @return the participant, or empty when it is not registered
     */
    public Optional<ParticipantView> findParticipant(String participantId) {
        return Optional.ofNullable(participants.get(participantId)).map(this::toView);
    }

    /**
     * The participants that stand on their own (not merged away) in a region.
     *
     * @param regionId the region
     * @return its participants, by id
     */
    public List<ParticipantView> activeIn(String regionId) {
        return participants.values().stream()
                .filter(p -> p.mergedInto.isEmpty() && regionId.equals(p.regionId))
                .map(this::toView)
                .toList();
    }

    /**
     * The participants that stand on their own and are members of the collaboration.
     *
     * @return the active members, by id
     */
    public List<ParticipantView> activeMembers() {
        return participants.values().stream()
                .filter(p -> p.mergedInto.isEmpty() && p.member)
                .map(this::toView)
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

    private Region region(String regionId) {
        return regions.computeIfAbsent(regionId, id -> new Region(id, id));
    }

    /**
     * Applies a change to a registered participant. The command side guarantees registration comes first; a fact
     * about a participant unknown to this fold (possible only for a read point cut between the two) is left out.
     */
    private void ifRegistered(String participantId, Consumer<Participant> change) {
        Participant participant = participants.get(participantId);
        if (participant != null) {
            change.accept(participant);
        }
    }

    private ParticipantView toView(Participant p) {
        return new ParticipantView(p.participantId, p.name, p.kind, p.regionId, p.population, p.registeredOn,
                p.member, p.memberSince, List.copyOf(p.mergedInto),
                List.copyOf(predecessorsOf.getOrDefault(p.participantId, Set.of())));
    }

    private static final class Region {
        private final String regionId;
        private final String name;
        private LocalDate eFagraadOn;
        private String representativeId;

        private Region(String regionId, String name) {
            this.regionId = regionId;
            this.name = name;
        }

        private RegionView toView() {
            return new RegionView(regionId, name, eFagraadOn, representativeId);
        }
    }

    private static final class Participant {
        private final String participantId;
        private final ParticipantKind kind;
        private final LocalDate registeredOn;
        private final List<String> mergedInto = new ArrayList<>();
        private String name;
        private String regionId;
        private Integer population;
        private boolean member;
        private LocalDate memberSince;

        private Participant(ParticipantRegistered registered) {
            this.participantId = registered.participantId();
            this.kind = registered.kind();
            this.registeredOn = registered.effectiveDate();
            this.name = registered.name();
            this.regionId = registered.regionId();
            this.population = registered.population();
        }
    }
}
