package no.trondelag.samhandling.query.goals;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.FindGoalProgress;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.goals.IndicatorDefinition;
import no.trondelag.samhandling.api.goals.IndicatorValue;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.goals.RegionGoalProgress;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.query.initiative.InitiativeProjection;
import no.trondelag.samhandling.query.initiative.InitiativeProjection.Initiative;
import no.trondelag.samhandling.query.ledger.Ratios;
import no.trondelag.samhandling.query.participation.Participation;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import no.trondelag.samhandling.query.projection.ReadAt;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The goal-progress projection: what each participant recorded towards the goals (maturity scores, national
 * components adopted, competence-programme cohorts completed). The report gives, for each region, one ratio per
 * indicator of the strategy's five goals, each with its definition; "members" are the region's participants that are
 * members of the collaboration and not merged away on the date read, as the participation projection has them, and
 * initiatives are as the initiatives projection has them.
 */
@ProcessingGroup(GoalProgressProjection.NAME)
public class GoalProgressProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "goal-progress";
    /** The version of its tables. */
    public static final int VERSION = 1;

    static final String ACTIVE_INITIATIVE = "goal1.members-in-active-initiative";
    static final String MATURITY = "goal2.mean-maturity-score";
    static final String COMPETENCE = "goal2.members-completed-competence-programme";
    static final String COMPONENTS = "goal3.mean-share-of-national-components-adopted";
    static final String CASE_ARCHIVE = "goal3.members-in-joint-case-archive-initiative";
    static final String COVERAGE = "goal4.population-coverage";
    static final String EFAGRAAD = "goal5.efagraad-established";
    static final String REPRESENTATIVE = "goal5.strategy-group-representative-appointed";
    static final String PARTNERS = "goal5.county-level-partners-in-collaboration";

    private static final Set<ParticipantKind> COUNTY_LEVEL_PARTNERS =
            EnumSet.of(ParticipantKind.COUNTY_AUTHORITY, ParticipantKind.STATE_AGENCY, ParticipantKind.OTHER);
    private static final String PARTICIPANT = "participant_id VARCHAR(100) NOT NULL";

    private final ParticipationProjection participation;
    private final InitiativeProjection initiatives;
    private final String caseArchiveInitiativeId;
    private final List<IndicatorDefinition> definitions;

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc                    the read side's database
     * @param ledgerLog               the ledger's log, which counts the events known at a read point
     * @param participation           where members and regions are read
     * @param initiatives             where initiatives and who takes part are read
     * @param caseArchiveInitiativeId the id of the joint case and records initiative (felles sak-/arkivsystem)
     */
    public GoalProgressProjection(JdbcTemplate jdbc, LedgerLog ledgerLog, ParticipationProjection participation,
                                  InitiativeProjection initiatives, String caseArchiveInitiativeId) {
        super(NAME, VERSION, jdbc, ledgerLog);
        this.participation = participation;
        this.initiatives = initiatives;
        this.caseArchiveInitiativeId = caseArchiveInitiativeId;
        this.definitions = definitions(caseArchiveInitiativeId);
        tables.bitemporal("assessment", PARTICIPANT + ", assessed_on DATE NOT NULL, score VARCHAR(20) NOT NULL",
                        "participant_id, assessed_on")
                .bitemporal("adoption", PARTICIPANT + ", component VARCHAR(200) NOT NULL", "participant_id")
                .bitemporal("programme", PARTICIPANT, "participant_id");
    }

    @EventHandler
    void on(DigitalMaturityAssessed event, EventMessage<?> message, TrackingToken token) {
        tables.insert("assessment", recorded(message, token), event.assessedOn(), event.participantId(),
                event.assessedOn(), event.score().toString());
    }

    @EventHandler
    void on(NationalComponentAdopted event, EventMessage<?> message, TrackingToken token) {
        tables.insert("adoption", recorded(message, token), event.adoptedOn(), event.participantId(),
                event.component());
    }

    /** A cohort counts towards the goal when any of the participant's leaders completed it. */
    @EventHandler
    void on(CompetenceProgrammeCompleted event, EventMessage<?> message, TrackingToken token) {
        var recorded = recorded(message, token);
        if (event.leadersCompleted() != null && event.leadersCompleted() > 0) {
            tables.insert("programme", recorded, meetings.effectiveOn(event), event.participantId());
        }
    }

    @QueryHandler
    GoalProgressReport handle(FindGoalProgress query) {
        ReadAt at = readAt(query.readPoint(), participation, initiatives);
        return answered(query, at, () -> {
            Progress progress = progressAt(at);
            Participation participants = participation.at(at);
            List<Initiative> all = initiatives.at(at);
            Set<String> inActiveInitiative = all.stream().filter(Initiative::active)
                    .flatMap(initiative -> initiative.participants().stream()).collect(Collectors.toSet());
            Set<String> inCaseArchive = all.stream()
                    .filter(initiative -> initiative.initiativeId().equals(caseArchiveInitiativeId))
                    .flatMap(initiative -> initiative.participants().stream()).collect(Collectors.toSet());
            long partnerKinds = participants.activeMembers().stream()
                    .map(ParticipantView::kind)
                    .filter(COUNTY_LEVEL_PARTNERS::contains)
                    .distinct()
                    .count();
            List<RegionGoalProgress> regions = participants.regions().stream()
                    .map(region -> progressOf(region, participants, progress, inActiveInitiative, inCaseArchive,
                            partnerKinds))
                    .toList();
            return new GoalProgressReport(meta(at), definitions, regions);
        });
    }

    /**
     * Each participant's latest maturity score (the one assessed last, and of those the last recorded), the
     * components each adopted, every component anyone adopted, and who completed a cohort.
     */
    private Progress progressAt(ReadAt at) {
        MapSqlParameterSource parameters = at.parameters();
        Map<String, BigDecimal> scores = new HashMap<>();
        tables.named().query(tables.latest(at, "assessment", "participant_id", "assessed_on DESC, position DESC"),
                parameters, row -> {
                    scores.put(row.getString("participant_id"), new BigDecimal(row.getString("score")));
                });
        Map<String, Set<String>> adopted = new HashMap<>();
        Set<String> tracked = new TreeSet<>();
        tables.named().query(tables.sql(at, "SELECT DISTINCT participant_id, component FROM {adoption} WHERE "
                + ReadAt.IN_EFFECT), parameters, row -> {
                    adopted.computeIfAbsent(row.getString("participant_id"), id -> new HashSet<>())
                            .add(row.getString("component"));
                    tracked.add(row.getString("component"));
                });
        Set<String> completed = new HashSet<>(tables.named().queryForList(tables.sql(at, 
                "SELECT DISTINCT participant_id FROM {programme} WHERE " + ReadAt.IN_EFFECT), parameters,
                String.class));
        return new Progress(scores, adopted, tracked.size(), completed);
    }

    private RegionGoalProgress progressOf(RegionView region, Participation participants, Progress progress,
                                          Set<String> inActiveInitiative, Set<String> inCaseArchive,
                                          long partnerKinds) {
        List<ParticipantView> active = participants.activeIn(region.regionId());
        List<ParticipantView> members = active.stream().filter(ParticipantView::member).toList();
        List<BigDecimal> scores = members.stream()
                .map(member -> progress.scores().get(member.participantId()))
                .filter(Objects::nonNull)
                .toList();
        long adoptions = members.stream()
                .mapToLong(member -> progress.adopted().getOrDefault(member.participantId(), Set.of()).size())
                .sum();
        List<ParticipantView> municipalities = active.stream()
                .filter(participant -> participant.kind() == ParticipantKind.MUNICIPALITY)
                .toList();
        return new RegionGoalProgress(region.regionId(), region.name(), List.of(
                share(ACTIVE_INITIATIVE, members, member -> inActiveInitiative.contains(member.participantId())),
                value(MATURITY, scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                        BigDecimal.valueOf(scores.size())),
                share(COMPETENCE, members, member -> progress.completed().contains(member.participantId())),
                value(COMPONENTS, BigDecimal.valueOf(adoptions),
                        BigDecimal.valueOf((long) members.size() * progress.tracked())),
                share(CASE_ARCHIVE, members, member -> inCaseArchive.contains(member.participantId())),
                value(COVERAGE, BigDecimal.valueOf(Participation.population(municipalities.stream()
                                .filter(ParticipantView::member).toList())),
                        BigDecimal.valueOf(Participation.population(municipalities))),
                value(EFAGRAAD, region.eFagraadEstablishedOn() == null ? BigDecimal.ZERO : BigDecimal.ONE,
                        BigDecimal.ONE),
                value(REPRESENTATIVE, region.strategyGroupRepresentativeId() == null ? BigDecimal.ZERO
                        : BigDecimal.ONE, BigDecimal.ONE),
                value(PARTNERS, BigDecimal.valueOf(partnerKinds), BigDecimal.valueOf(COUNTY_LEVEL_PARTNERS.size()))));
    }

    private static IndicatorValue share(String id, List<ParticipantView> members,
                                        Predicate<ParticipantView> counted) {
        return value(id, BigDecimal.valueOf(members.stream().filter(counted).count()),
                BigDecimal.valueOf(members.size()));
    }

    private static IndicatorValue value(String id, BigDecimal numerator, BigDecimal denominator) {
        return new IndicatorValue(id, numerator, denominator, Ratios.of(numerator, denominator));
    }

    private static List<IndicatorDefinition> definitions(String caseArchiveInitiativeId) {
        return List.of(
                new IndicatorDefinition(ACTIVE_INITIATIVE, 1, "members taking part in at least one approved, "
                        + "not completed or cancelled joint initiative / members"),
                new IndicatorDefinition(MATURITY, 2, "sum of members' latest digital maturity scores (1.0-5.0) / "
                        + "members with a score"),
                new IndicatorDefinition(COMPETENCE, 2, "members with leaders who completed a competence programme "
                        + "cohort / members"),
                new IndicatorDefinition(COMPONENTS, 3, "national components adopted by members / (members x "
                        + "national components tracked, which are all components any participant has adopted)"),
                new IndicatorDefinition(CASE_ARCHIVE, 3, "members taking part in the joint case and records "
                        + "initiative '" + caseArchiveInitiativeId + "' / members"),
                new IndicatorDefinition(COVERAGE, 4, "population of member municipalities / population of "
                        + "municipalities"),
                new IndicatorDefinition(EFAGRAAD, 5, "1 when the region has established its eFagråd / 1"),
                new IndicatorDefinition(REPRESENTATIVE, 5, "1 when the region has a strategy-group "
                        + "representative / 1"),
                new IndicatorDefinition(PARTNERS, 5, "kinds of county-level partner (county authority, state "
                        + "agency such as the County Governor, other such as KS) with a member in the "
                        + "collaboration / 3; the same for every region"));
    }

    private record Progress(Map<String, BigDecimal> scores, Map<String, Set<String>> adopted, int tracked,
                            Set<String> completed) {
    }
}
