package no.trondelag.samhandling.app.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.trondelag.samhandling.api.funding.FindFunding;
import no.trondelag.samhandling.api.funding.FundingReport;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.FundingYear;
import no.trondelag.samhandling.api.goals.FindGoalProgress;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Oversikt, the dashboard's front page: each region's participation as a chart and a table, the secretariat's
 * funding for a chosen year, goal progress as a region × goal matrix, and the joint initiatives, all as of the
 * chosen date and read through the same queries as the report endpoints.
 */
@Controller
@Hidden
class OverviewController {

    private static final NorskFormat FMT = NorskFormat.INSTANCE;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final DashboardSupport support;

    OverviewController(DashboardSupport support) {
        this.support = support;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String dato, @RequestParam(required = false) String aar,
                    Model model) {
        Integer chosenYear = year(aar);
        DashboardSupport.Page page = support.open(dato, "oversikt", "/",
                mapOf("aar", chosenYear == null ? null : chosenYear.toString()), model);

        ParticipationReport participation = support.ask(new FindParticipation(page.readPoint(), null),
                ParticipationReport.class);
        List<ParticipationRow> rows = participation.regions().stream()
                .map(region -> ParticipationRow.of(region, page.names()))
                .toList();
        model.addAttribute("participation", rows);
        model.addAttribute("participationTotal", ParticipationRow.total(rows));
        model.addAttribute("participationChart", participationChart(rows, page.asOf()).svg());

        FundingReport funding = support.ask(new FindFunding(page.readPoint(), null), FundingReport.class);
        List<Integer> years = funding.years().stream().map(FundingYear::year).toList();
        Integer year = chosenYear != null ? chosenYear : defaultYear(years, page.asOf().date().getYear());
        FundingYear shown = funding.years().stream().filter(y -> year != null && y.year() == year).findFirst()
                .orElse(null);
        model.addAttribute("fundingYears", years);
        model.addAttribute("fundingYear", year);
        model.addAttribute("funding", shown);
        if (shown != null) {
            model.addAttribute("fundingSources", sources(shown));
            model.addAttribute("fundingPledgesByRegion", pledgesByRegion(shown, page.names()));
            model.addAttribute("fundingChart", fundingChart(shown).svg());
            DecisionView budgetDecision = shown.budgetDecisionId() == null ? null
                    : page.names().decision(shown.budgetDecisionId());
            model.addAttribute("fundingDecisionTitle", budgetDecision == null ? shown.budgetDecisionId()
                    : budgetDecision.title() + " (" + FMT.date(budgetDecision.meetingDate()) + ")");
        }

        GoalProgressReport goals = support.ask(new FindGoalProgress(page.readPoint()), GoalProgressReport.class);
        model.addAttribute("goals", GoalMatrix.of(goals));
        model.addAttribute("goalTexts", GoalMatrix.GOAL_TEXTS);

        InitiativesReport initiatives = support.ask(new FindInitiatives(page.readPoint()), InitiativesReport.class);
        model.addAttribute("initiatives", initiatives.initiatives().stream()
                .map(initiative -> InitiativeRow.of(initiative, page))
                .toList());

        model.addAttribute("position", participation.meta().position());
        return "dashboard/overview";
    }

    private static Integer year(String aar) {
        if (aar == null || aar.isBlank()) {
            return null;
        }
        String digits = aar.strip();
        if (digits.matches("\\d{4}")) {
            int year = Integer.parseInt(digits);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        }
        throw new InvalidPageParameterException("aar", aar, "Året må være et årstall mellom " + FIRST_YEAR
                + " og " + LAST_YEAR + ", for eksempel 2019.");
    }

    /** The year of the date shown when it has funding; else the latest earlier year that has; else the first. */
    private static Integer defaultYear(List<Integer> years, int yearShown) {
        if (years.contains(yearShown)) {
            return yearShown;
        }
        return years.stream().filter(y -> y < yearShown).max(Comparator.naturalOrder())
                .orElse(years.isEmpty() ? null : years.get(0));
    }

    private static List<Amount> sources(FundingYear year) {
        List<Amount> amounts = new ArrayList<>();
        for (FundingSource source : FundingSource.values()) {
            BigDecimal amount = year.allocatedBySource() == null ? null : year.allocatedBySource().get(source);
            amounts.add(new Amount(FMT.sourceInSentence(source), amount == null ? BigDecimal.ZERO : amount));
        }
        return amounts;
    }

    private static List<Amount> pledgesByRegion(FundingYear year, LedgerNames names) {
        if (year.pledgedByRegion() == null) {
            return List.of();
        }
        return year.pledgedByRegion().entrySet().stream()
                .map(entry -> new Amount(entry.getKey().equals("none") ? "Uten region" : names.region(entry.getKey()),
                        entry.getValue()))
                .toList();
    }

    private static BarChart participationChart(List<ParticipationRow> rows, AsOf asOf) {
        List<BarChart.Group> groups = rows.stream().map(row -> new BarChart.Group(row.name(), List.of(
                new BarChart.Bar(share(row.memberMunicipalities(), row.municipalities()),
                        row.memberMunicipalities() + " av " + row.municipalities() + " kommuner"),
                new BarChart.Bar(row.coverage() == null ? 0 : row.coverage().doubleValue(),
                        FMT.percent(row.coverage() == null ? BigDecimal.ZERO : row.coverage())
                                + " av innbyggerne")))).toList();
        return new BarChart("deltakelse-diagram", "Deltakelse per region per " + FMT.date(asOf.date()),
                "Stolpediagram. For hver region viser den første stolpen hvor stor andel av kommunene som er "
                        + "medlemmer av samarbeidet, og den andre hvor stor andel av innbyggerne som bor i en "
                        + "medlemskommune. De samme tallene står i tabellen under diagrammet.",
                List.of("Medlemskommuner", "Innbyggere dekket"), groups, List.of(
                        new BarChart.Tick(0, "0 %"), new BarChart.Tick(0.25, "25 %"), new BarChart.Tick(0.5, "50 %"),
                        new BarChart.Tick(0.75, "75 %"), new BarChart.Tick(1, "100 %")), BarChart.WIDE);
    }

    private static BarChart fundingChart(FundingYear year) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("Budsjett", year.budgetNok());
        figures.put("Tildelt", year.allocatedNok());
        figures.put("Lovet", year.pledgedNok());
        figures.put("Mangler", year.gapNok());
        BigDecimal max = figures.values().stream().filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        List<BarChart.Group> groups = new ArrayList<>();
        figures.forEach((label, value) -> groups.add(new BarChart.Group(label, List.of(new BarChart.Bar(
                value == null || max.signum() == 0 ? 0 : value.divide(max, MathContext.DECIMAL64).doubleValue(),
                value == null ? "ikke satt" : FMT.nok(value))))));
        return new BarChart("finansiering-diagram", "Sekretariatets finansiering " + year.year(),
                "Stolpediagram over budsjett, tildelte midler, lovede midler og hva som mangler av budsjettet for "
                        + year.year() + ". De samme tallene står i tabellen ved siden av.",
                List.of("Kroner"), groups, List.of(), BarChart.NARROW);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static Map<String, String> mapOf(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }

    /**
     * An amount with what it is.
     *
     * @param label what the amount is
     * @param nok   the amount in kroner
     */
    public record Amount(String label, BigDecimal nok) {
    }

    /**
     * One region's participation, or the sum of all regions.
     *
     * @param regionId             the region, or {@code null} for the sum
     * @param name                 its name
     * @param municipalities       municipalities registered and not merged away
     * @param memberMunicipalities of those, the members
     * @param rate                 members / municipalities, or {@code null}
     * @param populationTotal      the municipalities' population
     * @param populationCovered    the member municipalities' population
     * @param coverage             covered / total, or {@code null}
     * @param eFagraadOn           when the region established its eFagråd, or {@code null}
     * @param representative       the region's strategy-group representative's name, or {@code null}
     */
    public record ParticipationRow(String regionId, String name, int municipalities, int memberMunicipalities,
                                   BigDecimal rate, long populationTotal, long populationCovered,
                                   BigDecimal coverage, LocalDate eFagraadOn, String representative) {

        static ParticipationRow of(RegionParticipation region, LedgerNames names) {
            return new ParticipationRow(region.regionId(), region.name(), region.municipalitiesRegistered(),
                    region.memberMunicipalities(), region.participationRate(), region.populationTotal(),
                    region.populationCovered(), ratio(region.populationCovered(), region.populationTotal()),
                    region.eFagraadEstablishedOn(), region.strategyGroupRepresentativeId() == null ? null
                    : names.participant(region.strategyGroupRepresentativeId()));
        }

        static ParticipationRow total(List<ParticipationRow> rows) {
            int municipalities = rows.stream().mapToInt(ParticipationRow::municipalities).sum();
            int members = rows.stream().mapToInt(ParticipationRow::memberMunicipalities).sum();
            long population = rows.stream().mapToLong(ParticipationRow::populationTotal).sum();
            long covered = rows.stream().mapToLong(ParticipationRow::populationCovered).sum();
            return new ParticipationRow(null, "Hele Trøndelag", municipalities, members, ratio(members,
                    municipalities), population, covered, ratio(covered, population), null, null);
        }

        private static BigDecimal ratio(long part, long whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole),
                    MathContext.DECIMAL64);
        }
    }

    /**
     * A joint initiative (felles satsing) as the overview lists it.
     *
     * @param title          its title
     * @param status         its status in bokmål
     * @param pillar         its pillar (søyle) in bokmål
     * @param goals          the goals it serves, such as "1, 3, 4"
     * @param decision       the approving decision's title, or {@code null}
     * @param decisionHref   a link to that decision, or {@code null}
     * @param budgetNok      its budget, or {@code null}
     * @param participants   how many take part
     * @param lastMilestone  its last milestone in words, or {@code null}
     */
    public record InitiativeRow(String title, String status, String pillar, String goals, String decision,
                                String decisionHref, BigDecimal budgetNok, int participants, String lastMilestone) {

        static InitiativeRow of(InitiativeView initiative, DashboardSupport.Page page) {
            String decisionId = initiative.approvedByDecisionId();
            DecisionView decision = decisionId == null ? null : page.names().decision(decisionId);
            InitiativeView.Milestone milestone = initiative.lastMilestone();
            return new InitiativeRow(initiative.title(), FMT.initiativeStatus(initiative.status()),
                    FMT.pillar(initiative.pillar()),
                    String.join(", ", initiative.goals().stream().map(String::valueOf).toList()),
                    decisionId == null ? null : decision == null ? decisionId : decision.title(),
                    decisionId == null ? null : page.links().decision(decisionId), initiative.budgetNok(),
                    initiative.participantCount(), milestone == null ? null : milestone.milestone() + " ("
                    + FMT.date(milestone.reachedOn()) + ", " + milestone.progressPercent() + "\u00a0%)");
        }
    }
}
