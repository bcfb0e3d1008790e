package no.trondelag.samhandling.query.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerView;

/**
 * The secretariat's funding per year: the budget in force, allocations by source, and members' pledges.
 */
public final class FundingView implements LedgerView {

    private final Map<Integer, Year> years = new TreeMap<>();

    @Override
    public void apply(LedgerFact fact) {
        if (fact.event() instanceof SecretariatBudgetSet e) {
            Year year = year(e.year());
            year.budget = e.amountNok();
            year.requiredFte = e.requiredFte();
            year.budgetDecisionId = e.decisionId();
        } else if (fact.event() instanceof SecretariatFundingAllocated e) {
            year(e.year()).allocated.merge(e.source(), e.amountNok(), BigDecimal::add);
        } else if (fact.event() instanceof SecretariatFundingPledged e) {
            year(e.year()).pledges.add(new Pledge(e.participantId(), e.amountNok()));
        }
    }

    /**
     * The years with any funding fact, in order.
     *
     * @return the years
     */
    public List<Year> years() {
        return List.copyOf(years.values());
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, Year::new);
    }

    /**
     * A member's pledge.
     *
     * @param participantId the pledging member
     * @param amountNok     the amount
     */
    public record Pledge(String participantId, BigDecimal amountNok) {
    }

    /**
     * One year's funding facts.
     */
    public static final class Year {
        private final int year;
        private final Map<FundingSource, BigDecimal> allocated = new EnumMap<>(FundingSource.class);
        private final List<Pledge> pledges = new ArrayList<>();
        private BigDecimal budget;
        private BigDecimal requiredFte;
        private String budgetDecisionId;

        private Year(int year) {
            this.year = year;
        }

        /** @return the budget year */
        public int year() {
            return year;
        }

        /** @return the budget in force, or {@code null} */
        public BigDecimal budget() {
            return budget;
        }

        /** @return the staffing the budget pays for, or {@code null} */
        public BigDecimal requiredFte() {
            return requiredFte;
        }

        /** @return the decision that set the budget in force, or {@code null} */
        public String budgetDecisionId() {
            return budgetDecisionId;
        }

        /** @return allocations summed per source */
        public Map<FundingSource, BigDecimal> allocated() {
            return new EnumMap<>(allocated);
        }

        /** @return the pledges, in ledger order */
        public List<Pledge> pledges() {
            return List.copyOf(pledges);
        }
    }
}
