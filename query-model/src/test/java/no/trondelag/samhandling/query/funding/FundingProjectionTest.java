package no.trondelag.samhandling.query.funding;

import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.funding.FindFunding;
import no.trondelag.samhandling.api.funding.FundingReport;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.FundingYear;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.query.ledger.Trondelag;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The secretariat's funding 2019-2021: a 2-FTE budget for 2019 funded by discretionary grants, the county authority
 * and pledges from Fosen and Trondheim; a 2020 budget revised down to 1.5 FTE below what was already allocated; and
 * a pledge for 2021 before any budget.
 */
class FundingProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String BUDGET_2019 = "sg-2018-05-02-07";
    private static final String ALLOCATIONS_2019 = "sg-2018-11-08-02";
    private static final String BUDGET_2020 = "sg-2019-11-07-03";
    private static final String REVISED_2020 = "sg-2020-02-13-02";

    private final Projections facts = new Projections();
    private final FundingProjection queries = facts.funding();
    private RecordedEvent revision;

    /**
     * The secretariat's funding 2019-2021: a 2-FTE budget for 2019 funded by discretionary grants, the county
     * authority and pledges from Fosen and Trondheim; a 2020 budget revised down to 1.5 FTE below what was already
     * allocated; and a pledge for 2021 before any budget.
     */
    private void funding() {
        facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), INDRE_FOSEN.registered(),
                ORLAND.registered(), TRONDHEIM.registered(), COUNTY_AUTHORITY.registered(),
                decision(BUDGET_2019, LocalDate.of(2018, 5, 2), "Sekretariat 2019"),
                decision(ALLOCATIONS_2019, LocalDate.of(2018, 11, 8), "Finansiering 2019"),
                decision(BUDGET_2020, LocalDate.of(2019, 11, 7), "Sekretariat 2020"),
                decision(REVISED_2020, LocalDate.of(2020, 2, 13), "Revidert sekretariat 2020"),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                ORLAND.joinedByCouncil(LocalDate.of(2018, 9, 6)),
                TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 21)),
                COUNTY_AUTHORITY.joinedOnDecision(LocalDate.of(2018, 5, 2), BUDGET_2019),
                new SecretariatBudgetSet(2019, nok("2.0"), nok("2400000.00"), BUDGET_2019),
                new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("1000000.00"),
                        ALLOCATIONS_2019),
                new SecretariatFundingAllocated(2019, FundingSource.COUNTY_AUTHORITY, nok("500000.00"),
                        ALLOCATIONS_2019),
                new SecretariatFundingPledged(2019, "817920632", nok("50000.00"),
                        Authority.ofDecision(ALLOCATIONS_2019)),
                new SecretariatFundingPledged(2019, "5054", nok("300000.00"),
                        INDRE_FOSEN.council(LocalDate.of(2018, 12, 13))),
                new SecretariatFundingPledged(2019, "5015", nok("200000.00"),
                        ORLAND.council(LocalDate.of(2018, 12, 6))),
                new SecretariatFundingPledged(2019, "5001", nok("400000.00"),
                        TRONDHEIM.council(LocalDate.of(2019, 1, 15))),
                new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("250000.00"),
                        BUDGET_2020),
                new SecretariatBudgetSet(2020, nok("2.0"), nok("2000000.00"), BUDGET_2020),
                new SecretariatFundingAllocated(2020, FundingSource.DISCRETIONARY_GRANT, nok("1900000.00"),
                        BUDGET_2020));
        revision = facts.record(new SecretariatBudgetSet(2020, nok("1.5"), nok("1800000.00"), REVISED_2020));
        facts.record(new SecretariatFundingPledged(2021, "5054", nok("100000.00"),
                INDRE_FOSEN.council(LocalDate.of(2020, 12, 10))));
    }

    private static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    private FundingYear year(ReadPoint readPoint, int year) {
        FundingReport report = queries.handle(new FindFunding(readPoint, year));
        assertThat(report.years()).hasSize(1);
        return report.years().get(0);
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    /** The secretariat's funding 2019-2021 (see {@link #funding()}). */
    @Nested
    class Secretariat2019To2021 {

        @BeforeEach
        void history() {
            funding();
        }

        @Nested
        class Year2019 {

            @Test
            void budgetAllocationsPledgesAndGapToday() {
                // when
                FundingYear year = year(now(), 2019);

                // then
                assertThat(year.year()).isEqualTo(2019);
                assertThat(year.budgetNok()).isEqualTo(nok("2400000.00"));
                assertThat(year.requiredFte()).isEqualTo(nok("2.0"));
                assertThat(year.belowMinimumFte()).isFalse();
                assertThat(year.budgetDecisionId()).isEqualTo(BUDGET_2019);
                assertThat(year.allocatedBySource()).containsOnly(
                        entry(FundingSource.DISCRETIONARY_GRANT, nok("1250000.00")),
                        entry(FundingSource.COUNTY_AUTHORITY, nok("500000.00")));
                assertThat(year.allocatedNok()).isEqualByComparingTo("1750000.00");
                assertThat(year.pledgedNok()).isEqualByComparingTo("950000.00");
                // 2 400 000 - 1 750 000
                assertThat(year.gapNok()).isEqualByComparingTo("650000.00");
                // 650 000 - 950 000 is below zero
                assertThat(year.gapAfterPledgesNok()).isEqualByComparingTo("0");
            }

            @Test
            void pledgesAreSummedByThePledgingMembersRegionAndPartnersWithoutOneUnderNone() {
                assertThat(year(now(), 2019).pledgedByRegion()).containsExactly(
                        entry("fosen", nok("500000.00")),
                        entry(FundingProjection.NO_REGION, nok("50000.00")),
                        entry("trondheimsregionen", nok("400000.00")));
            }

            @Test
            void atTheEndOf2018OnlyWhatWasDecidedByThenCounts() {
                // when
                FundingYear year = year(asOf(2018, 12, 31), 2019);

                // then the second grant (decided 7 November 2019) and Trondheim's pledge (15 January 2019) are not in
                assertThat(year.allocatedBySource()).containsOnly(
                        entry(FundingSource.DISCRETIONARY_GRANT, nok("1000000.00")),
                        entry(FundingSource.COUNTY_AUTHORITY, nok("500000.00")));
                assertThat(year.allocatedNok()).isEqualByComparingTo("1500000.00");
                assertThat(year.pledgedNok()).isEqualByComparingTo("550000.00");
                assertThat(year.gapNok()).isEqualByComparingTo("900000.00");
                assertThat(year.gapAfterPledgesNok()).isEqualByComparingTo("350000.00");
                assertThat(year.pledgedByRegion()).containsExactly(
                        entry("fosen", nok("500000.00")), entry(FundingProjection.NO_REGION, nok("50000.00")));
            }

            @Test
            void beforeTheBudgetDecisionThereIsNoYear() {
                FundingReport report = queries.handle(new FindFunding(asOf(2018, 5, 1), 2019));

                assertThat(report.years()).isEmpty();
                assertThat(report.meta()).isEqualTo(new ReportMeta(LocalDate.of(2018, 5, 1), null,
                        facts.last().position(), facts.last().position() + 1));
            }
        }

        @Nested
        class Year2020 {

            @Test
            void aBudgetRevisedBelowTheAllocationsHasNoNegativeGapAndIsFlaggedBelowTwoFte() {
                // when
                FundingYear year = year(now(), 2020);

                // then
                assertThat(year.budgetNok()).isEqualTo(nok("1800000.00"));
                assertThat(year.requiredFte()).isEqualTo(nok("1.5"));
                assertThat(year.belowMinimumFte()).isTrue();
                assertThat(year.budgetDecisionId()).isEqualTo(REVISED_2020);
                assertThat(year.allocatedNok()).isEqualByComparingTo("1900000.00");
                assertThat(year.pledgedNok()).isEqualByComparingTo("0");
                assertThat(year.gapNok()).isEqualByComparingTo("0");
                assertThat(year.gapAfterPledgesNok()).isEqualByComparingTo("0");
                assertThat(year.pledgedByRegion()).isEmpty();
            }

            @Test
            void beforeTheRevisionTheTwoFteBudgetIsNotFlagged() {
                FundingYear year = year(asOf(2019, 12, 31), 2020);

                assertThat(year.requiredFte()).isEqualTo(nok("2.0"));
                assertThat(year.belowMinimumFte()).isFalse();
                assertThat(year.budgetDecisionId()).isEqualTo(BUDGET_2020);
                assertThat(year.gapNok()).isEqualByComparingTo("100000.00");
            }
        }

        @Test
        void aYearWithPledgesButNoBudgetHasNoGap() {
            FundingYear year = year(now(), 2021);

            assertThat(year.budgetNok()).isNull();
            assertThat(year.requiredFte()).isNull();
            assertThat(year.belowMinimumFte()).isFalse();
            assertThat(year.budgetDecisionId()).isNull();
            assertThat(year.allocatedBySource()).isEmpty();
            assertThat(year.allocatedNok()).isEqualByComparingTo("0");
            assertThat(year.pledgedNok()).isEqualByComparingTo("100000.00");
            assertThat(year.gapNok()).isNull();
            assertThat(year.gapAfterPledgesNok()).isNull();
            assertThat(year.pledgedByRegion()).containsExactly(entry("fosen", nok("100000.00")));
        }

        @Test
        void withoutAYearEveryYearIsReportedInOrderWithTheDefinitions() {
            FundingReport report = queries.handle(new FindFunding(now(), null));

            assertThat(report.years()).extracting(FundingYear::year).containsExactly(2019, 2020, 2021);
            assertThat(report.definitions()).isEqualTo(FundingProjection.DEFINITIONS)
                    .anySatisfy(definition -> assertThat(definition).startsWith("gapNok"));
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(),
                facts.last().position() + 1));
        }

        @Test
        void aYearWithoutFundingFactsIsNotReported() {
            assertThat(queries.handle(new FindFunding(now(), 2018)).years()).isEmpty();
        }

        @Test
        void knownBeforeTheRevisionWasRecordedThe2020BudgetIsTheFirstOne() {
            FundingYear year = year(new ReadPoint(TODAY, revision.recordedAt().minusSeconds(1)), 2020);

            assertThat(year.budgetNok()).isEqualTo(nok("2000000.00"));
            assertThat(year.requiredFte()).isEqualTo(nok("2.0"));
            assertThat(year.belowMinimumFte()).isFalse();
            assertThat(year.budgetDecisionId()).isEqualTo(BUDGET_2020);
            assertThat(year.gapNok()).isEqualByComparingTo("100000.00");
            assertThat(queries.handle(new FindFunding(new ReadPoint(TODAY, revision.recordedAt()), 2020)).meta())
                    .isEqualTo(new ReportMeta(TODAY, revision.recordedAt(), revision.position(),
                            revision.position() + 1));
        }

        @Test
        void theRevisionCountsFromItsMeetingDate() {
            assertThat(year(asOf(2020, 2, 12), 2020).budgetDecisionId()).isEqualTo(BUDGET_2020);
            assertThat(year(asOf(2020, 2, 13), 2020).budgetDecisionId()).isEqualTo(REVISED_2020);
        }

        @Test
        void aPledgeIsPlacedInThePledgingMembersRegionOnTheDateRead() {
            // given Indre Fosen moves to Trondheimsregionen in 2021
            facts.record(new ParticipantMovedToRegion("5054", "fosen", "trondheimsregionen",
                    LocalDate.of(2021, 1, 1), INDRE_FOSEN.council(LocalDate.of(2020, 11, 5))));

            // then its 2019 pledge counts under Fosen at the end of 2020 and under Trondheimsregionen today
            assertThat(year(asOf(2020, 12, 31), 2019).pledgedByRegion()).containsExactly(
                    entry("fosen", nok("500000.00")),
                    entry(FundingProjection.NO_REGION, nok("50000.00")),
                    entry("trondheimsregionen", nok("400000.00")));
            assertThat(year(now(), 2019).pledgedByRegion()).containsExactly(
                    entry("fosen", nok("200000.00")),
                    entry(FundingProjection.NO_REGION, nok("50000.00")),
                    entry("trondheimsregionen", nok("700000.00")));
        }
    }

    /** One fact after another, as the old fold of the funding view applied them. */
    @Nested
    class OneFactAfterAnother {

        private FundingYear only() {
            FundingReport report = queries.handle(new FindFunding(now(), null));
            assertThat(report.years()).hasSize(1);
            return report.years().get(0);
        }

        @Test
        void aBudgetSetsAmountStaffingAndDecision() {
            // given
            facts.recordAll(new SecretariatBudgetSet(2019, nok("2.0"), nok("2400000.00"), "sg-2018-05-02-07"));

            // when
            FundingYear year = only();

            // then
            assertThat(year.year()).isEqualTo(2019);
            assertThat(year.budgetNok()).isEqualTo(nok("2400000.00"));
            assertThat(year.requiredFte()).isEqualTo(nok("2.0"));
            assertThat(year.budgetDecisionId()).isEqualTo("sg-2018-05-02-07");
            assertThat(year.allocatedBySource()).isEmpty();
            assertThat(year.pledgedNok()).isEqualByComparingTo("0");
            assertThat(year.pledgedByRegion()).isEmpty();
            assertThat(year.gapNok()).isEqualTo(nok("2400000.00"));
        }

        @Test
        void aNewDecisionRevisesTheBudget() {
            facts.recordAll(new SecretariatBudgetSet(2020, nok("2.0"), nok("2000000.00"), "sg-2019-11-07-03"),
                    new SecretariatBudgetSet(2020, nok("1.5"), nok("1800000.00"), "sg-2020-02-13-02"));

            FundingYear year = only();

            assertThat(year.budgetNok()).isEqualTo(nok("1800000.00"));
            assertThat(year.requiredFte()).isEqualTo(nok("1.5"));
            assertThat(year.budgetDecisionId()).isEqualTo("sg-2020-02-13-02");
        }

        @Test
        void allocationsAreSummedPerSource() {
            facts.recordAll(
                    new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("1000000.00"),
                            "sg-1"),
                    new SecretariatFundingAllocated(2019, FundingSource.COUNTY_AUTHORITY, nok("500000.00"), "sg-1"),
                    new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT, nok("250000.50"),
                            "sg-2"));

            FundingYear year = only();

            assertThat(year.allocatedBySource()).isEqualTo(Map.of(
                    FundingSource.DISCRETIONARY_GRANT, nok("1250000.50"),
                    FundingSource.COUNTY_AUTHORITY, nok("500000.00")));
            assertThat(year.allocatedNok()).isEqualTo(nok("1750000.50"));
        }

        @Test
        void pledgesAreKeptOneByOneAndEachCountsInItsPledgersRegion() {
            facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), INDRE_FOSEN.registered(),
                    TRONDHEIM.registered(),
                    new SecretariatFundingPledged(2019, "5054", nok("300000.00"),
                            Trondelag.INDRE_FOSEN.council(LocalDate.of(2018, 12, 13))),
                    new SecretariatFundingPledged(2019, "5001", nok("400000.00"), null),
                    new SecretariatFundingPledged(2019, "5054", nok("50000.00"), null));

            FundingYear year = only();

            assertThat(year.pledgedNok()).isEqualTo(nok("750000.00"));
            assertThat(year.pledgedByRegion()).containsExactly(
                    entry("fosen", nok("350000.00")), entry("trondheimsregionen", nok("400000.00")));
            assertThat(year.budgetNok()).isNull();
            assertThat(year.requiredFte()).isNull();
        }

        @Test
        void aPledgeByAParticipantNotRegisteredCountsUnderNoRegion() {
            facts.record(new SecretariatFundingPledged(2019, "5054", nok("300000.00"), null));

            assertThat(only().pledgedByRegion()).containsExactly(entry(FundingProjection.NO_REGION,
                    nok("300000.00")));
        }

        @Test
        void yearsAreKeptApartAndListedInOrder() {
            facts.recordAll(new SecretariatBudgetSet(2020, nok("2.0"), nok("2000000.00"), "sg-2"),
                    new SecretariatBudgetSet(2019, nok("2.0"), nok("2400000.00"), "sg-1"),
                    new SecretariatFundingAllocated(2019, FundingSource.OTHER, nok("10.00"), "sg-1"));

            List<FundingYear> years = queries.handle(new FindFunding(now(), null)).years();

            assertThat(years).extracting(FundingYear::year).containsExactly(2019, 2020);
            assertThat(years.get(0).allocatedBySource()).containsOnlyKeys(FundingSource.OTHER);
            assertThat(years.get(1).allocatedBySource()).isEmpty();
        }

        @Test
        void noFundingFactsMeanNoYears() {
            facts.record(Trondelag.FOSEN.registered());

            FundingReport report = queries.handle(new FindFunding(now(), null));

            assertThat(report.years()).isEmpty();
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, 0, 1));
        }
    }
}
