package no.trondelag.samhandling.query.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.trondelag.samhandling.api.funding.FindFunding;
import no.trondelag.samhandling.api.funding.FundingReport;
import no.trondelag.samhandling.api.funding.FundingYear;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import no.trondelag.samhandling.query.participation.ParticipationView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the funding report: per year, the budget, allocations by source, pledges, the gap, and the 2-FTE flag.
 */
public class FundingQueries {

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

    private final LedgerReader reader;

    /**
     * Creates the handler.
     *
     * @param reader the read side's views
     */
    public FundingQueries(LedgerReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    FundingReport handle(FindFunding query) {
        Read<List<FundingYear>> read = reader.read(query.readPoint(), views -> views.funding().years().stream()
                .filter(year -> query.year() == null || query.year() == year.year())
                .map(year -> report(year, views.participation()))
                .toList());
        return new FundingReport(read.meta(), read.result(), DEFINITIONS);
    }

    private static FundingYear report(FundingView.Year year, ParticipationView participation) {
        Map<String, BigDecimal> pledgedByRegion = new TreeMap<>();
        for (FundingView.Pledge pledge : year.pledges()) {
            String regionId = participation.findParticipant(pledge.participantId())
                    .map(ParticipantView::regionId)
                    .orElse(null);
            pledgedByRegion.merge(regionId == null ? NO_REGION : regionId, pledge.amountNok(), BigDecimal::add);
        }
        BigDecimal allocated = year.allocated().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pledged = year.pledges().stream().map(FundingView.Pledge::amountNok)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gap = year.budget() == null ? null : year.budget().subtract(allocated).max(BigDecimal.ZERO);
        BigDecimal gapAfterPledges = gap == null ? null : gap.subtract(pledged).max(BigDecimal.ZERO);
        boolean belowMinimum = year.requiredFte() != null && year.requiredFte().compareTo(MINIMUM_FTE) < 0;
        return new FundingYear(year.year(), year.budget(), year.requiredFte(), belowMinimum,
                year.budgetDecisionId(), year.allocated(), allocated, pledged, gap, gapAfterPledges, pledgedByRegion);
    }
}
