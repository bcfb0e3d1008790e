package no.trondelag.samhandling.app.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.goals.IndicatorDefinition;
import no.trondelag.samhandling.api.goals.IndicatorValue;
import no.trondelag.samhandling.api.goals.RegionGoalProgress;

/**
 * Goal progress as a region × goal matrix: one row per region, one column per indicator, the columns grouped under
 * the strategy's five goals (mål 1–5). Each cell holds its figure as text and a background whose shade grows with
 * it; the text alone carries the figure.
 *
 * @param goals      the goals, each with how many indicator columns it spans
 * @param indicators the indicator columns, in order
 * @param rows       one row per region
 */
public record GoalMatrix(List<Goal> goals, List<Indicator> indicators, List<Row> rows) {

    private static final NorskFormat FMT = NorskFormat.INSTANCE;

    /** The strategy's five goals in bokmål. */
    static final Map<Integer, String> GOAL_TEXTS = Map.of(
            1, "Kommunene lærer av hverandre og utvikler brukervennlige tjenester sammen.",
            2, "Kommunene har høy digital modenhet og endringskapasitet.",
            3, "Kommunene standardiserer etter beste praksis og tar i bruk nasjonale fellesløsninger.",
            4, "Innbyggere og næringsliv opplever en effektiv og samordnet offentlig sektor.",
            5, "Sammen med KS, fylkeskommunen og Statsforvalteren bygger kommunene et partnerskap for digitalisering "
                    + "som bidrar til nasjonal utvikling.");

    private static final Map<String, Texts> INDICATORS = Map.of(
            "goal1.members-in-active-initiative", new Texts("I aktiv satsing",
                    "Andel medlemmer som er med i minst én godkjent felles satsing som ikke er fullført eller "
                            + "avlyst."),
            "goal2.mean-maturity-score", new Texts("Digital modenhet",
                    "Gjennomsnitt av medlemmenes siste måling av digital modenhet, på en skala fra 1 til 5."),
            "goal2.members-completed-competence-programme", new Texts("Kompetanse\u00adprogram fullført",
                    "Andel medlemmer der ledere har fullført et kull i kompetanseprogrammet."),
            "goal3.mean-share-of-national-components-adopted", new Texts("Nasjonale felles\u00adløsninger",
                    "Hvor stor andel av de nasjonale fellesløsningene som følges, medlemmene i snitt har tatt i "
                            + "bruk."),
            "goal3.members-in-joint-case-archive-initiative", new Texts("Felles sak-/arkiv\u00adsystem",
                    "Andel medlemmer som er med i satsingen på felles sak-/arkivsystem."),
            "goal4.population-coverage", new Texts("Innbyggere dekket",
                    "Andel av innbyggerne i regionens kommuner som bor i en medlemskommune."),
            "goal5.efagraad-established", new Texts("eFagråd",
                    "Om regionen har etablert sitt eFagråd."),
            "goal5.strategy-group-representative-appointed", new Texts("Representant i strategi\u00adgruppen",
                    "Om regionen har oppnevnt sin representant i strategigruppen."),
            "goal5.county-level-partners-in-collaboration", new Texts("Partnere på fylkesnivå",
                    "Hvor mange av de tre partnerne på fylkesnivå (fylkeskommunen, Statsforvalteren og KS) som er "
                            + "med i samarbeidet; likt for alle regioner."));

    /** An indicator's short name and its definition in bokmål. */
    private record Texts(String label, String definition) {
    }

    /**
     * A goal heading.
     *
     * @param number  the goal, 1 to 5
     * @param text    the goal in words
     * @param columns how many indicator columns it spans
     */
    public record Goal(int number, String text, int columns) {
    }

    /**
     * An indicator column.
     *
     * @param id         the indicator's id in the report
     * @param goal       the goal it measures
     * @param label      its short name
     * @param definition how it is computed, in bokmål
     */
    public record Indicator(String id, int goal, String label, String definition) {
    }

    /**
     * A region's row.
     *
     * @param regionId the region
     * @param name     its name
     * @param cells    one cell per indicator column
     */
    public record Row(String regionId, String name, List<Cell> cells) {
    }

    /**
     * A cell.
     *
     * @param text       the figure as text, or {@code null} when there is nothing to measure
     * @param background the cell's background colour, light for low and darker for high figures
     */
    public record Cell(String text, String background) {
    }

    /**
     * Builds the matrix from the goal-progress report.
     *
     * @param report the report
     * @return the matrix
     */
    static GoalMatrix of(GoalProgressReport report) {
        List<Indicator> indicators = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        for (IndicatorDefinition definition : report.indicators()) {
            Texts texts = INDICATORS.getOrDefault(definition.id(), new Texts(definition.id(), definition.definition()));
            indicators.add(new Indicator(definition.id(), definition.goal(), texts.label(), texts.definition()));
            if (goals.isEmpty() || goals.get(goals.size() - 1).number() != definition.goal()) {
                goals.add(new Goal(definition.goal(), GOAL_TEXTS.getOrDefault(definition.goal(), ""), 1));
            } else {
                Goal last = goals.remove(goals.size() - 1);
                goals.add(new Goal(last.number(), last.text(), last.columns() + 1));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RegionGoalProgress region : report.regions()) {
            List<Cell> cells = new ArrayList<>();
            for (IndicatorValue value : region.indicators()) {
                cells.add(cell(value));
            }
            rows.add(new Row(region.regionId(), region.name(), cells));
        }
        return new GoalMatrix(goals, indicators, rows);
    }

    private static Cell cell(IndicatorValue value) {
        String id = value.id();
        if (id.equals("goal2.mean-maturity-score")) {
            if (value.value() == null) {
                return new Cell(null, shade(null));
            }
            BigDecimal share = value.value().subtract(BigDecimal.ONE)
                    .divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
            return new Cell(FMT.decimal(value.value(), 1, 1) + " av 5", shade(share));
        }
        if (id.equals("goal5.efagraad-established") || id.equals("goal5.strategy-group-representative-appointed")) {
            boolean yes = value.numerator() != null && value.numerator().signum() > 0;
            return new Cell(FMT.yesNo(yes), shade(yes ? BigDecimal.ONE : BigDecimal.ZERO));
        }
        if (id.equals("goal5.county-level-partners-in-collaboration")) {
            return new Cell(FMT.number(value.numerator()) + " av " + FMT.number(value.denominator()),
                    shade(value.value()));
        }
        return new Cell(value.value() == null ? null : FMT.percent(value.value()), shade(value.value()));
    }

    /** From white at 0 to a mid blue at 1, light enough for black text to keep a contrast above 7:1. */
    private static String shade(BigDecimal share) {
        if (share == null) {
            return "#f2f2f2";
        }
        double s = Math.max(0, Math.min(1, share.doubleValue()));
        int r = (int) Math.round(255 - s * (255 - 0x9e));
        int g = (int) Math.round(255 - s * (255 - 0xc9));
        int b = (int) Math.round(255 - s * (255 - 0xe6));
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
