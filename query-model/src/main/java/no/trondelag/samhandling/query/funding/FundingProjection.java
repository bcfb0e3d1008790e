package no.trondelag.samhandling.query.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.trondelag.samhandling.api.funding.FindFunding;
import no.trondelag.samhandling.api.funding.FundingReport;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.FundingYear;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
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
 * The funding projection: per year, the secretariat's budget in force, allocations by source, and members' pledges,
 * each dated by the decision it rests on. The report places pledges in the pledging member's region as the
 * participation projection has it on the date read.
 */
@ProcessingGroup(FundingProjection.NAME)
public class FundingProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "funding";
    /** The version of its tables. */
    public static final int VERSION = 1;

    /** The secretariat's staffing the strategy asks for. */
    public static final BigDecimal MINIMUM_FTE = new BigDecimal("2.0");
    /** The region under which pledges of participants without a region are summed. */
    public static final String NO_REGION = "none";

    static final List<String> DEFINITIONS = List.of(
            "allocatedNok = the sum of allocations from every source",
            "pledgedNok = the sum of members' pledges",
            "gapNok = budgetNok - allocatedNok, never below 0",
            "gapAfterPledgesNok = gapNok - pledgedNok, never below 0",
            "belowMinimumFte = requiredFte < 2.0 (the strategy asks for a secretariat of at least 2 FTE)",
            "pledgedByRegion = pledges summed by the pledging member's primary region on the date read");

    private static final String AMOUNT = "VARCHAR(60) NOT NULL";

    private final ParticipationProjection participation;

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc          the read side's database
     * @param ledgerLog     the ledger's log, which counts the events known at a read point
     * @param participation where pledging members' regions are read
     */
    public FundingProjection(JdbcTemplate jdbc, LedgerLog ledgerLog, ParticipationProjection participation) {
        super(NAME, VERSION, jdbc, ledgerLog);
        this.participation = participation;
        tables.bitemporal("budget", "budget_year INTEGER NOT NULL, amount VARCHAR(60), required_fte VARCHAR(60), "
                        + "decision_id VARCHAR(200)", "budget_year")
                .bitemporal("allocation", "budget_year INTEGER NOT NULL, source VARCHAR(40) NOT NULL, amount "
                        + AMOUNT, "budget_year")
                .bitemporal("pledge", "budget_year INTEGER NOT NULL, participant_id VARCHAR(100) NOT NULL, amount "
                        + AMOUNT, "budget_year");
    }

    @EventHandler
    void on(SecretariatBudgetSet event, EventMessage<?> message, TrackingToken token) {
        tables.insert("budget", recorded(message, token), meetings.effectiveOn(event), event.year(),
                text(event.amountNok()), text(event.requiredFte()), event.decisionId());
    }

    @EventHandler
    void on(SecretariatFundingAllocated event, EventMessage<?> message, TrackingToken token) {
        tables.insert("allocation", recorded(message, token), meetings.effectiveOn(event), event.year(),
                event.source().name(), event.amountNok().toString());
    }

    @EventHandler
    void on(SecretariatFundingPledged event, EventMessage<?> message, TrackingToken token) {
        tables.insert("pledge", recorded(message, token), meetings.effectiveOn(event), event.year(),
                event.participantId(), event.amountNok().toString());
    }

    @QueryHandler
    FundingReport handle(FindFunding query) {
        ReadAt at = readAt(query.readPoint(), participation);
        return answered(query, at, () -> {
            MapSqlParameterSource parameters = at.parameters();
            Map<Integer, Year> years = new TreeMap<>();
            tables.named().query(tables.latest(at, "budget", "budget_year"), parameters, row -> {
                Year year = years.computeIfAbsent(row.getInt("budget_year"), Year::new);
                year.budget = decimal(row.getString("amount"));
                year.requiredFte = decimal(row.getString("required_fte"));
                year.budgetDecisionId = row.getString("decision_id");
            });
            tables.named().query(tables.sql(at, "SELECT budget_year, source, amount FROM {allocation} WHERE "
                    + ReadAt.IN_EFFECT + " ORDER BY position"), parameters, row -> {
                        years.computeIfAbsent(row.getInt("budget_year"), Year::new).allocated.merge(
                                FundingSource.valueOf(row.getString("source")), new BigDecimal(row.getString("amount")),
                                BigDecimal::add);
                    });
            tables.named().query(tables.sql(at, "SELECT budget_year, participant_id, amount FROM {pledge} WHERE "
                    + ReadAt.IN_EFFECT + " ORDER BY position"), parameters, row -> {
                        years.computeIfAbsent(row.getInt("budget_year"), Year::new).pledges.add(
                                new Pledge(row.getString("participant_id"), new BigDecimal(row.getString("amount"))));
                    });
            Participation participants = participation.at(at);
            List<FundingYear> report = years.values().stream()
                    .filter(year -> query.year() == null || query.year() == year.year)
                    .map(year -> year.report(participants))
                    .toList();
            return new FundingReport(meta(at), report, DEFINITIONS);
        });
    }

    /** Amounts are kept as text, so that each keeps the scale it was recorded with. */
    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private record Pledge(String participantId, BigDecimal amountNok) {
    }

    /** One year's funding, as in effect at the read point. */
    private static final class Year {
        private final int year;
        private final Map<FundingSource, BigDecimal> allocated = new EnumMap<>(FundingSource.class);
        private final List<Pledge> pledges = new ArrayList<>();
        private BigDecimal budget;
        private BigDecimal requiredFte;
        private String budgetDecisionId;

        private Year(int year) {
            this.year = year;
        }

        private FundingYear report(Participation participation) {
            Map<String, BigDecimal> pledgedByRegion = new TreeMap<>();
            for (Pledge pledge : pledges) {
                String regionId = participation.regionOf(pledge.participantId());
                pledgedByRegion.merge(regionId == null ? NO_REGION : regionId, pledge.amountNok(), BigDecimal::add);
            }
            BigDecimal allocatedTotal = allocated.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pledged = pledges.stream().map(Pledge::amountNok).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal gap = budget == null ? null : budget.subtract(allocatedTotal).max(BigDecimal.ZERO);
            BigDecimal gapAfterPledges = gap == null ? null : gap.subtract(pledged).max(BigDecimal.ZERO);
            boolean belowMinimum = requiredFte != null && requiredFte.compareTo(MINIMUM_FTE) < 0;
            return new FundingYear(year, budget, requiredFte, belowMinimum, budgetDecisionId,
                    new EnumMap<>(allocated), allocatedTotal, pledged, gap, gapAfterPledges, pledgedByRegion);
        }
    }
}
