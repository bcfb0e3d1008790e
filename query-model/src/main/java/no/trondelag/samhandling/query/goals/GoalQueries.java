package no.trondelag.samhandling.query.goals;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.trondelag.samhandling.api.goals.FindGoalProgress;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.goals.IndicatorDefinition;
import no.trondelag.samhandling.api.goals.IndicatorValue;
import no.trondelag.samhandling.api.goals.RegionGoalProgress;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.query.initiative.InitiativesView;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import no.trondelag.samhandling.query.ledger.LedgerViews;
import no.trondelag.samhandling.query.ledger.Ratios;
import no.trondelag.samhandling.query.participation.ParticipationView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the goal-progress report: for each region, one ratio per indicator of the strategy's five goals, each
 * returned with its definition. "Members" are the region's participants that are members of the collaboration and
 * not merged away on the date read.
 */
public class GoalQueries {

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

    private final LedgerReader reader;
    private final String caseArchiveInitiativeId;
    private final List<IndicatorDefinition> definitions;

    /**
     * Creates the handler.
     *
     * @param reader                  the read side's views
     * @param caseArchiveInitiativeId the id of the joint case and records initiative (felles sak-/arkivsystem)
     */
    public GoalQueries(LedgerReader reader, String caseArchiveInitiativeId) {
        this.reader = reader;
        this.caseArchiveInitiativeId = caseArchiveInitiativeId;
        this.definitions = List.of(
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

    @QueryHandler
    GoalProgressReport handle(FindGoalProgress query) {
        Read<List<RegionGoalProgress>> read = reader.read(query.readPoint(), views ->
                views.participation().regions().stream().map(region -> progressOf(region, views)).toList());
        return new GoalProgressReport(read.meta(), definitions, read.result());
    }

    private RegionGoalProgress progressOf(RegionView region, LedgerViews views) {
        List<ParticipantView> active = views.participation().activeIn(region.regionId());
        List<ParticipantView> members = active.stream().filter(ParticipantView::member).toList();
        ProgressView progress = views.progress();
        InitiativesView initiatives = views.initiatives();

        Set<String> inActiveInitiative = initiatives.initiatives().stream()
                .filter(InitiativesView.Initiative::active)
                .flatMap(initiative -> initiative.participants().stream())
                .collect(Collectors.toSet());
        Set<String> inCaseArchive = initiatives.initiatives().stream()
                .filter(initiative -> initiative.initiativeId().equals(caseArchiveInitiativeId))
                .flatMap(initiative -> initiative.participants().stream())
                .collect(Collectors.toSet());
        List<BigDecimal> scores = members.stream()
                .map(member -> progress.latestScore(member.participantId()))
                .filter(Objects::nonNull)
                .toList();
        int tracked = progress.trackedComponents().size();
        long adoptions = members.stream().mapToLong(member -> progress.adoptedCount(member.participantId())).sum();
        List<ParticipantView> municipalities = active.stream()
                .filter(participant -> participant.kind() == ParticipantKind.MUNICIPALITY)
                .toList();
        long partnerKinds = views.participation().activeMembers().stream()
                .map(ParticipantView::kind)
                .filter(COUNTY_LEVEL_PARTNERS::contains)
                .distinct()
                .count();

        return new RegionGoalProgress(region.regionId(), region.name(), List.of(
                share(ACTIVE_INITIATIVE, members, member -> inActiveInitiative.contains(member.participantId())),
                value(MATURITY, scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                        BigDecimal.valueOf(scores.size())),
                share(COMPETENCE, members, member -> progress.completedProgramme(member.participantId())),
                value(COMPONENTS, BigDecimal.valueOf(adoptions), BigDecimal.valueOf((long) members.size() * tracked)),
                share(CASE_ARCHIVE, members, member -> inCaseArchive.contains(member.participantId())),
                value(COVERAGE, BigDecimal.valueOf(ParticipationView.population(municipalities.stream()
                                .filter(ParticipantView::member).toList())),
                        BigDecimal.valueOf(ParticipationView.population(municipalities))),
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
}
