package no.trondelag.samhandling.query.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipantDetail;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantList;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionList;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.Ratios;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import no.trondelag.samhandling.query.projection.ReadAt;
import no.trondelag.samhandling.query.projection.Recorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The participation projection: regions with their eFagråd and strategy-group representative, and participants with
 * their name, region, population, membership and merges. Each attribute has a table of its own, holding what each
 * event set it to, so that its value at any read point is the latest row in effect there.
 */
@ProcessingGroup(ParticipationProjection.NAME)
public class ParticipationProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "participation";
    /** The version of its tables. */
    public static final int VERSION = 1;

    private static final String ID = "VARCHAR(100) NOT NULL";

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc      the read side's database
     * @param ledgerLog the ledger's log, which counts the events known at a read point
     */
    public ParticipationProjection(JdbcTemplate jdbc, LedgerLog ledgerLog) {
        super(NAME, VERSION, jdbc, ledgerLog);
        tables.bitemporal("region", "region_id " + ID + ", name VARCHAR(400) NOT NULL", "region_id")
                .bitemporal("region_efagraad", "region_id " + ID + ", established_on DATE", "region_id")
                .bitemporal("region_representative", "region_id " + ID + ", participant_id VARCHAR(100)", "region_id")
                .bitemporal("participant", "participant_id " + ID + ", kind VARCHAR(40) NOT NULL, "
                        + "registered_on DATE", "participant_id")
                .bitemporal("participant_name", "participant_id " + ID + ", name VARCHAR(400)", "participant_id")
                .bitemporal("participant_region", "participant_id " + ID + ", region_id VARCHAR(100)",
                        "participant_id")
                .bitemporal("participant_population", "participant_id " + ID + ", population INTEGER",
                        "participant_id")
                .bitemporal("participant_membership", "participant_id " + ID + ", member BOOLEAN NOT NULL, "
                        + "member_since DATE", "participant_id")
                .bitemporal("participant_merge", "participant_id " + ID + ", successor_id " + ID, "successor_id");
    }

    @EventHandler
    void on(RegionRegistered event, EventMessage<?> message, TrackingToken token) {
        tables.insert("region", recorded(message, token), null, event.regionId(), event.name());
    }

    @EventHandler
    void on(EFagraadEstablished event, EventMessage<?> message, TrackingToken token) {
        tables.insert("region_efagraad", recorded(message, token), event.effectiveDate(), event.regionId(),
                event.effectiveDate());
    }

    @EventHandler
    void on(StrategyGroupRepresentativeAppointed event, EventMessage<?> message, TrackingToken token) {
        tables.insert("region_representative", recorded(message, token), event.effectiveDate(), event.regionId(),
                event.participantId());
    }

    @EventHandler
    void on(ParticipantRegistered event, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        LocalDate on = event.effectiveDate();
        tables.insert("participant", recorded, on, event.participantId(), event.kind().name(), on);
        tables.insert("participant_name", recorded, on, event.participantId(), event.name());
        tables.insert("participant_region", recorded, on, event.participantId(), event.regionId());
        tables.insert("participant_population", recorded, on, event.participantId(), event.population());
    }

    @EventHandler
    void on(CollaborationJoined event, EventMessage<?> message, TrackingToken token) {
        tables.insert("participant_membership", recorded(message, token), event.effectiveDate(),
                event.participantId(), true, event.effectiveDate());
    }

    @EventHandler
    void on(CollaborationWithdrawn event, EventMessage<?> message, TrackingToken token) {
        tables.insert("participant_membership", recorded(message, token), event.effectiveDate(),
                event.participantId(), false, null);
    }

    @EventHandler
    void on(ParticipantMovedToRegion event, EventMessage<?> message, TrackingToken token) {
        tables.insert("participant_region", recorded(message, token), event.effectiveDate(), event.participantId(),
                event.regionId());
    }

    /**
     * A participant that lives on as the successor takes the merged name, region and population; one merged away
     * records whom it was merged into.
     */
    @EventHandler
    void on(ParticipantMergedInto event, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        LocalDate on = event.effectiveDate();
        if (event.participantId().equals(event.successorId())) {
            tables.insert("participant_name", recorded, on, event.participantId(), event.successorName());
            tables.insert("participant_region", recorded, on, event.participantId(), event.regionId());
            tables.insert("participant_population", recorded, on, event.participantId(), event.population());
        } else {
            tables.insert("participant_merge", recorded, on, event.participantId(), event.successorId());
        }
    }

    @QueryHandler
    ParticipationReport handle(FindParticipation query) {
        ReadAt at = readAt(query.readPoint());
        return answered(query, at, () -> {
            Participation participation = at(at);
            List<RegionParticipation> regions = participation.regions().stream()
                    .filter(region -> query.regionId() == null || query.regionId().equals(region.regionId()))
                    .map(region -> participationIn(region, participation.activeIn(region.regionId())))
                    .toList();
            return new ParticipationReport(meta(at), regions);
        });
    }

    @QueryHandler
    RegionList handle(FindRegions query) {
        ReadAt at = readAt(query.readPoint());
        return answered(query, at, () -> new RegionList(meta(at), at(at).regions()));
    }

    @QueryHandler
    ParticipantList handle(FindParticipants query) {
        ReadAt at = readAt(query.readPoint());
        return answered(query, at, () -> new ParticipantList(meta(at), at(at).participants()));
    }

    @QueryHandler
    ParticipantDetail handle(FindParticipant query) {
        ReadAt at = readAt(query.readPoint());
        return answered(query, at, () -> new ParticipantDetail(meta(at),
                at(at).findParticipant(query.participantId()).orElse(null)));
    }

    /**
     * Regions and participants at a read point.
     *
     * @param at the read point, bounded by a position this projection has reached
     * @return what the projection holds there
     */
    public Participation at(ReadAt at) {
        MapSqlParameterSource parameters = at.parameters();
        Map<String, RegionView> regions = regionsAt(at, parameters);
        Map<String, String> names = strings(at, "participant_name", "participant_id", "name", parameters);
        Map<String, String> regionOf = strings(at, "participant_region", "participant_id", "region_id", parameters);
        Map<String, Integer> populations = new HashMap<>();
        Map<String, Membership> memberships = new HashMap<>();
        tables.named().query(tables.latest(at, "participant_population", "participant_id"), parameters, row -> {
            String participantId = row.getString("participant_id");
            int population = row.getInt("population");
            populations.put(participantId, row.wasNull() ? null : population);
        });
        tables.named().query(tables.latest(at, "participant_membership", "participant_id"), parameters, row -> {
            memberships.put(row.getString("participant_id"), new Membership(row.getBoolean("member"),
                    row.getObject("member_since", LocalDate.class), row.getLong("position")));
        });
        Map<String, Registration> registered = new TreeMap<>();
        tables.named().query(tables.latest(at, "participant", "participant_id"), parameters, row -> {
            registered.put(row.getString("participant_id"), new Registration(
                    ParticipantKind.valueOf(row.getString("kind")), row.getObject("registered_on", LocalDate.class),
                    row.getLong("position")));
        });
        Map<String, List<String>> mergedInto = new HashMap<>();
        Map<String, Set<String>> predecessorsOf = new HashMap<>();
        tables.named().query(tables.sql(at, "SELECT participant_id, successor_id, position FROM {participant_merge} "
                + "WHERE " + ReadAt.IN_EFFECT + " ORDER BY position"), parameters, row -> {
                    String participantId = row.getString("participant_id");
                    if (afterRegistration(registered.get(participantId), row.getLong("position"))) {
                        String successorId = row.getString("successor_id");
                        mergedInto.computeIfAbsent(participantId, id -> new ArrayList<>()).add(successorId);
                        predecessorsOf.computeIfAbsent(successorId, id -> new LinkedHashSet<>()).add(participantId);
                    }
                });
        Map<String, ParticipantView> participants = new TreeMap<>();
        registered.forEach((id, registration) -> {
            Membership membership = memberships.getOrDefault(id, Membership.NONE);
            if (!afterRegistration(registration, membership.position())) {
                membership = Membership.NONE;
            }
            participants.put(id, new ParticipantView(id, names.get(id), registration.kind(), regionOf.get(id),
                    populations.get(id), registration.registeredOn(), membership.member(), membership.since(),
                    List.copyOf(mergedInto.getOrDefault(id, List.of())),
                    List.copyOf(predecessorsOf.getOrDefault(id, Set.of()))));
        });
        return new Participation(regions, participants, predecessorsOf);
    }

    /**
     * The regions: those registered, and any an eFagråd or a representative was recorded for without (which the
     * command side does not allow), named by their id.
     */
    private Map<String, RegionView> regionsAt(ReadAt at, MapSqlParameterSource parameters) {
        Map<String, String> names = strings(at, "region", "region_id", "name", parameters);
        Map<String, LocalDate> eFagraad = new HashMap<>();
        tables.named().query(tables.latest(at, "region_efagraad", "region_id"), parameters, row -> {
            eFagraad.put(row.getString("region_id"), row.getObject("established_on", LocalDate.class));
        });
        Map<String, String> representatives = strings(at, "region_representative", "region_id", "participant_id", parameters);
        Set<String> ids = new java.util.TreeSet<>(names.keySet());
        ids.addAll(eFagraad.keySet());
        ids.addAll(representatives.keySet());
        Map<String, RegionView> regions = new TreeMap<>();
        for (String id : ids) {
            regions.put(id, new RegionView(id, names.getOrDefault(id, id), eFagraad.get(id),
                    representatives.get(id)));
        }
        return regions;
    }

    /** The latest value of one text column per key of a table, at a read point. */
    private Map<String, String> strings(ReadAt at, String table, String key, String column,
                                        MapSqlParameterSource parameters) {
        Map<String, String> values = new HashMap<>();
        tables.named().query(tables.latest(at, table, key), parameters,
                row -> {
                    values.put(row.getString(key), row.getString(column));
                });
        return values;
    }

    private static RegionParticipation participationIn(RegionView region, List<ParticipantView> active) {
        List<ParticipantView> municipalities = active.stream()
                .filter(participant -> participant.kind() == ParticipantKind.MUNICIPALITY)
                .toList();
        List<ParticipantView> memberMunicipalities = municipalities.stream().filter(ParticipantView::member).toList();
        return new RegionParticipation(region.regionId(), region.name(), municipalities.size(),
                memberMunicipalities.size(), Ratios.of(memberMunicipalities.size(), municipalities.size()),
                Participation.population(municipalities), Participation.population(memberMunicipalities),
                active.stream().filter(ParticipantView::member).toList(),
                region.eFagraadEstablishedOn(), region.strategyGroupRepresentativeId());
    }

    /**
     * Whether a fact about a participant counts: the command side records a participant's registration before any
     * fact about it, so a fact before it in ledger order (possible only in a ledger the command side did not write)
     * is left out, as applying the events in order would leave it out.
     */
    private static boolean afterRegistration(Registration registration, long position) {
        return registration != null && position > registration.position();
    }

    private record Registration(ParticipantKind kind, LocalDate registeredOn, long position) {
    }

    private record Membership(boolean member, LocalDate since, long position) {
        private static final Membership NONE = new Membership(false, null, Long.MAX_VALUE);
    }
}
