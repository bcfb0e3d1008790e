package no.trondelag.samhandling.query.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.Trondelag;
import org.junit.jupiter.api.Test;

class FundingViewTest {

    private final Facts facts = new Facts();

    private static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aBudgetSetsAmountStaffingAndDecision() {
        // given
        facts.recordAll(new SecretariatBudgetSet(2019, nok("2.0"), nok("2400000.00"), "sg-2018-05-02-07"));

        // when
        FundingView.Year year = facts.foldInto(new FundingView()).years().get(0);

        // then
        assertThat(year.year()).isEqualTo(2019);
        assertThat(year.budget()).isEqualTo(nok("2400000.00"));
        assertThat(year.requiredFte()).isEqualTo(nok("2.0"));
        assertThat(year.budgetDecisionId()).isEqualTo("sg-2018-05-02-07");
        assertThat(year.allocated()).isEmpty();
        assertThat(year.pledges()).isEmpty();
    }

    @Test
    void aNewDecisionRevisesTheBudget() {
        facts.recordAll(new SecretariatBudgetSet(2020, nok("2.0"), nok("2000000.00"), "sg-2019-11-07-03"),
                new SecretariatBudgetSet(2020, nok("1.5"), nok("1800000.00"), "sg-2020-02-13-02"));

        FundingView.Year year = facts.foldInto(new FundingView()).years().get(0);

        assertThat(year.budget()).isEqualTo(nok("1800000.00"));
        assertThat(year.requiredFte()).isEqualTo(nok("1.5"));
        assertThat(year.budgetDecisionId()).isEqualTo("sg-2020-02-13-02");
    }

    @Test
    void allocationsAreSummedPerSource() {
        facts.recordAll(
                new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("1000000.00"), "sg-1"),
                new SecretariatFundingAllocated(2019, FundingSource.COUNTY_AUTHORITY, nok("500000.00"), "sg-1"),
                new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("250000.50"), "sg-2"));

        FundingView.Year year = facts.foldInto(new FundingView()).years().get(0);

        assertThat(year.allocated()).isEqualTo(Map.of(
                FundingSource.DISCRETIONARY_GRANT, nok("1250000.50"),
                FundingSource.COUNTY_AUTHORITY, nok("500000.00")));
    }

    @Test
    void pledgesAreKeptOneByOneInLedgerOrder() {
        facts.recordAll(
                new SecretariatFundingPledged(2019, "5054", nok("300000.00"),
                        Trondelag.INDRE_FOSEN.council(LocalDate.of(2018, 12, 13))),
                new SecretariatFundingPledged(2019, "5001", nok("400000.00"), null),
                new SecretariatFundingPledged(2019, "5054", nok("50000.00"), null));

        FundingView.Year year = facts.foldInto(new FundingView()).years().get(0);

        assertThat(year.pledges()).containsExactly(
                new FundingView.Pledge("5054", nok("300000.00")),
                new FundingView.Pledge("5001", nok("400000.00")),
                new FundingView.Pledge("5054", nok("50000.00")));
        assertThat(year.budget()).isNull();
        assertThat(year.requiredFte()).isNull();
    }

    @Test
    void yearsAreKeptApartAndListedInOrder() {
        facts.recordAll(new SecretariatBudgetSet(2020, nok("2.0"), nok("2000000.00"), "sg-2"),
                new SecretariatBudgetSet(2019, nok("2.0"), nok("2400000.00"), "sg-1"),
                new SecretariatFundingAllocated(2019, FundingSource.OTHER, nok("10.00"), "sg-1"));

        FundingView view = facts.foldInto(new FundingView());

        assertThat(view.years()).extracting(FundingView.Year::year).containsExactly(2019, 2020);
        assertThat(view.years().get(0).allocated()).containsOnlyKeys(FundingSource.OTHER);
        assertThat(view.years().get(1).allocated()).isEmpty();
    }

    @Test
    void noFundingFactsMeanNoYears() {
        facts.record(Trondelag.FOSEN.registered());

        assertThat(facts.foldInto(new FundingView()).years()).isEmpty();
    }
}
