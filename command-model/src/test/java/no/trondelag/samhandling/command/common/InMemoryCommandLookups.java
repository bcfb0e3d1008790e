package no.trondelag.samhandling.command.common;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.trondelag.samhandling.api.participation.ParticipantKind;

/**
 * {@link CommandLookups} held in maps, for fixtures and the in-process harness. The {@code with…} methods preload
 * what a test's "given" needs and return this instance, so they chain.
 */
public class InMemoryCommandLookups implements CommandLookups {

    private final Map<IdKind, Set<String>> ids = new EnumMap<>(IdKind.class);
    private final Map<String, ParticipantStanding> participants = new HashMap<>();

    @Override
    public boolean exists(IdKind kind, String id) {
        return ids.getOrDefault(kind, Set.of()).contains(id);
    }

    @Override
    public void register(IdKind kind, String id) {
        ids.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
    }

    @Override
    public Optional<ParticipantStanding> participant(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    @Override
    public void save(ParticipantStanding standing) {
        participants.put(standing.participantId(), standing);
    }

    public InMemoryCommandLookups withRegions(String... regionIds) {
        return withIds(IdKind.REGION, regionIds);
    }

    public InMemoryCommandLookups withDecisions(String... decisionIds) {
        return withIds(IdKind.DECISION, decisionIds);
    }

    public InMemoryCommandLookups withInitiatives(String... initiativeIds) {
        return withIds(IdKind.INITIATIVE, initiativeIds);
    }

    public InMemoryCommandLookups withMember(String participantId, ParticipantKind kind) {
        return withStanding(new ParticipantStanding(participantId, kind, true, false));
    }

    public InMemoryCommandLookups withNonMember(String participantId, ParticipantKind kind) {
        return withStanding(new ParticipantStanding(participantId, kind, false, false));
    }

    public InMemoryCommandLookups withMergedAway(String participantId, ParticipantKind kind, boolean wasMember) {
        return withStanding(new ParticipantStanding(participantId, kind, wasMember, true));
    }

    public InMemoryCommandLookups withStanding(ParticipantStanding standing) {
        save(standing);
        return this;
    }

    public Set<String> ids(IdKind kind) {
        return Set.copyOf(ids.getOrDefault(kind, Set.of()));
    }

    public List<ParticipantStanding> standings() {
        return List.copyOf(participants.values());
    }

    private InMemoryCommandLookups withIds(IdKind kind, String... values) {
        for (String value : values) {
            register(kind, value);
        }
        return this;
    }
}
