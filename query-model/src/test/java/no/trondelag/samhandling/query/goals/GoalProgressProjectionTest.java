package no.trondelag.samhandling.query.goals;

import static no.trondelag.samhandling.query.ledger.Trondelag.AFJORD;
import static no.trondelag.samhandling.query.ledger.Trondelag.BJUGN;
import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_GOVERNOR;
import static no.trondelag.samhandling.query.ledger.Trondelag.FJELLREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.KS;
import static no.trondelag.samhandling.query.ledger.Trondelag.NAMDAL;
import static no.trondelag.samhandling.query.ledger.Trondelag.NAMSOS;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.ROAN;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.FindGoalProgress;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.goals.IndicatorDefinition;
import no.trondelag.samhandling.api.goals.IndicatorValue;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.goals.RegionGoalProgress;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import no.trondelag.samhandling.query.ledger.Trondelag.Partner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The goal-progress projection: goal progress in four regions at several read points, and single facts one after
 * another.
 */
class GoalProgressProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String COMPLETION = "sg-2020-06-11-05";
    private static final String SAK_ARKIV = Projections.CASE_ARCHIVE_INITIATIVE;
    private static final String INNBYGGER = "digitale-innbyggertjenester";
    private static final String VELFERD = "velferdsteknologi";

    /** A second state agency in the collaboration (organisation number made up for the test). */
    private static final Partner ARKIVVERKET = new Partner("999000222", "Arkivverket", ParticipantKind.STATE_AGENCY);

    private final Projections facts = new Projections();
    private final GoalProgressProjection queries = facts.goals();

    /**
     * Goal progress in Fosen (six municipalities, 25 502 inhabitants; Ørland, Osen and Indre Fosen members with
     * 16 408), beside Trondheimsregionen (Trondheim a member), Namdal (Namsos registered, not a member) and
     * Fjellregionen (no municipality under it). The county authority and two state agencies (the County Governor,
     * Arkivverket) are members; KS is registered only.
     */
    private void history() {
        facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), NAMDAL.registered(),
                FJELLREGIONEN.registered(), ORLAND.registered(), BJUGN.registered(), AFJORD.registered(),
                ROAN.registered(), OSEN.registered(), INDRE_FOSEN.registered(), TRONDHEIM.registered(),
                NAMSOS.registered(), COUNTY_AUTHORITY.registered(), COUNTY_GOVERNOR.registered(), KS.registered(),
                decision(STRATEGY, LocalDate.of(2018, 5, 2), "Samhandlingsstrategi"),
                decision(COMPLETION, LocalDate.of(2020, 6, 11), "Velferdsteknologi fullført"),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                ORLAND.joinedByCouncil(LocalDate.of(2018, 9, 6)),
                OSEN.joinedByCouncil(LocalDate.of(2018, 10, 18)),
                TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 21)),
                COUNTY_AUTHORITY.joinedOnDecision(LocalDate.of(2018, 5, 2), STRATEGY),
                COUNTY_GOVERNOR.joinedOnDecision(LocalDate.of(2018, 5, 2), STRATEGY),
                ARKIVVERKET.registered(), ARKIVVERKET.joinedOnDecision(LocalDate.of(2018, 11, 8), STRATEGY),
                new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1), Authority.ofDecision(STRATEGY)),
                new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1),
                        Authority.ofDecision(STRATEGY)),
                proposed(SAK_ARKIV), proposed(INNBYGGER), proposed(VELFERD),
                new InitiativeApproved(SAK_ARKIV, STRATEGY, Money.nok(new BigDecimal("1500000.00"))),
                new InitiativeApproved(INNBYGGER, STRATEGY, Money.nok(new BigDecimal("800000.00"))),
                new InitiativeApproved(VELFERD, STRATEGY, Money.nok(new BigDecimal("500000.00"))),
                new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                new InitiativeJoined(SAK_ARKIV, "5001", LocalDate.of(2018, 9, 1)),
                new InitiativeJoined(INNBYGGER, "5015", LocalDate.of(2018, 10, 1)),
                new InitiativeJoined(VELFERD, "5020", LocalDate.of(2018, 11, 1)),
                new InitiativeCompleted(VELFERD, LocalDate.of(2020, 6, 30), COMPLETION),
                assessed("5054", LocalDate.of(2018, 3, 1), "2.5"),
                assessed("5054", LocalDate.of(2019, 3, 1), "3.1"),
                assessed("5015", LocalDate.of(2019, 4, 1), "2.8"),
                assessed("5017", LocalDate.of(2019, 4, 1), "3.9"),
                assessed("5054", LocalDate.of(2017, 10, 1), "4.9"),
                new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2018, 5, 1)),
                new NationalComponentAdopted("5054", "Digipost", LocalDate.of(2019, 5, 1)),
                new NationalComponentAdopted("5015", "ID-porten", LocalDate.of(2018, 6, 1)),
                new NationalComponentAdopted("5015", "SvarUt", LocalDate.of(2019, 6, 1)),
                new NationalComponentAdopted("5001", "Altinn", LocalDate.of(2018, 7, 1)),
                new CompetenceProgrammeEnrolled("5054", "2019-1", 12),
                new CompetenceProgrammeCompleted("5054", "2019-1", 11),
                new CompetenceProgrammeEnrolled("5015", "2019-1", 4),
                new CompetenceProgrammeCompleted("5015", "2019-1", 0),
                new CompetenceProgrammeEnrolled("5020", "2019-2", 3));
    }

    private static InitiativeProposed proposed(String initiativeId) {
        return new InitiativeProposed(initiativeId, initiativeId, "", Pillar.PRIORITISED_INITIATIVES, List.of(1),
                "5054");
    }

    private static DigitalMaturityAssessed assessed(String participantId, LocalDate on, String score) {
        return new DigitalMaturityAssessed(participantId, on, new BigDecimal(score), "KS digitaliseringsindeks");
    }

    private static IndicatorValue value(String id, String numerator, String denominator, String value) {
        return new IndicatorValue(id, new BigDecimal(numerator), new BigDecimal(denominator),
                value == null ? null : new BigDecimal(value));
    }

    private RegionGoalProgress region(ReadPoint readPoint, String regionId) {
        return queries.handle(new FindGoalProgress(readPoint)).regions().stream()
                .filter(region -> region.regionId().equals(regionId))
                .findFirst()
                .orElseThrow();
    }

    private IndicatorValue indicator(ReadPoint readPoint, String regionId, String indicatorId) {
        return region(readPoint, regionId).indicators().stream()
                .filter(indicator -> indicator.id().equals(indicatorId))
                .findFirst()
                .orElseThrow();
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    /** Goal progress in four regions (see {@link #history()}) at several read points. */
    @Nested
    class FourRegions {

        @BeforeEach
        void recorded() {
            history();
        }

        @Nested
        class FosenToday {

            @Test
            void goal1TwoOfThreeMembersTakePartInAnActiveInitiative() {
                // Indre Fosen (case and records) and Ørland (citizen services); Osen's initiative is completed
                assertThat(indicator(now(), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "2", "3", "0.6667"));
            }

            @Test
            void goal2TheMeanOfTheMembersLatestMaturityScores() {
                // Indre Fosen 3.1 (latest by date, not the 4.9 of 2017 recorded last), Ørland 2.8; Osen has no score
                // and Bjugn is no member
                assertThat(indicator(now(), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "5.9", "2", "2.9500"));
            }

            @Test
            void goal2TheShareOfMembersWithACompletedCompetenceProgramme() {
                // Indre Fosen completed; Ørland completed with no leader; Osen only enrolled
                assertThat(indicator(now(), "fosen", GoalProgressProjection.COMPETENCE))
                        .isEqualTo(value(GoalProgressProjection.COMPETENCE, "1", "3", "0.3333"));
            }

            @Test
            void goal3TheMeanShareOfTrackedNationalComponentsAdopted() {
                // tracked: Altinn, Digipost, ID-porten, SvarUt; Indre Fosen 3, Ørland 2, Osen 0 of 3 x 4
                assertThat(indicator(now(), "fosen", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "5", "12", "0.4167"));
            }

            @Test
            void goal3TheShareOfMembersInTheJointCaseAndRecordsInitiative() {
                assertThat(indicator(now(), "fosen", GoalProgressProjection.CASE_ARCHIVE))
                        .isEqualTo(value(GoalProgressProjection.CASE_ARCHIVE, "1", "3", "0.3333"));
            }

            @Test
            void goal4ThePopulationCoverage() {
                // 5351 + 967 + 10090 of 25502
                assertThat(indicator(now(), "fosen", GoalProgressProjection.COVERAGE))
                        .isEqualTo(value(GoalProgressProjection.COVERAGE, "16408", "25502", "0.6434"));
            }

            @Test
            void goal5EFagraadAndRepresentativeInPlace() {
                assertThat(indicator(now(), "fosen", GoalProgressProjection.EFAGRAAD))
                        .isEqualTo(value(GoalProgressProjection.EFAGRAAD, "1", "1", "1.0000"));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.REPRESENTATIVE))
                        .isEqualTo(value(GoalProgressProjection.REPRESENTATIVE, "1", "1", "1.0000"));
            }

            @Test
            void goal5TwoOfThreeKindsOfCountyLevelPartnerAreMembersCountingEachKindOnce() {
                // the county authority and two state agencies are members; KS is not
                assertThat(indicator(now(), "fosen", GoalProgressProjection.PARTNERS))
                        .isEqualTo(value(GoalProgressProjection.PARTNERS, "2", "3", "0.6667"));
            }

            @Test
            void theNineIndicatorsAreReportedInTheOrderOfTheirDefinitions() {
                GoalProgressReport report = queries.handle(new FindGoalProgress(now()));

                assertThat(report.indicators()).extracting(IndicatorDefinition::id).containsExactly(
                        GoalProgressProjection.ACTIVE_INITIATIVE, GoalProgressProjection.MATURITY,
                        GoalProgressProjection.COMPETENCE, GoalProgressProjection.COMPONENTS,
                        GoalProgressProjection.CASE_ARCHIVE, GoalProgressProjection.COVERAGE,
                        GoalProgressProjection.EFAGRAAD,
                        GoalProgressProjection.REPRESENTATIVE, GoalProgressProjection.PARTNERS);
                assertThat(report.indicators()).extracting(IndicatorDefinition::goal)
                        .containsExactly(1, 2, 2, 3, 3, 4, 5, 5, 5);
                assertThat(report.indicators().get(4).definition()).contains("'" + SAK_ARKIV + "'");
                assertThat(region(now(), "fosen").indicators()).extracting(IndicatorValue::id)
                        .containsExactlyElementsOf(report.indicators().stream().map(IndicatorDefinition::id).toList());
                assertThat(report.regions()).extracting(RegionGoalProgress::regionId)
                        .containsExactly("fjellregionen", "fosen", "namdal", "trondheimsregionen");
                assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(),
                        facts.last().position() + 1));
            }
        }

        @Nested
        class OtherRegions {

            @Test
            void trondheimsregionenHasNoEFagraadYet() {
                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "1", "1", "1.0000"));
                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "1", "4", "0.2500"));
                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.EFAGRAAD))
                        .isEqualTo(value(GoalProgressProjection.EFAGRAAD, "0", "1", "0.0000"));
                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.REPRESENTATIVE))
                        .isEqualTo(value(GoalProgressProjection.REPRESENTATIVE, "0", "1", "0.0000"));
            }

            @Test
            void aRegionWithoutMembersHasNoValueForTheMemberShares() {
                RegionGoalProgress namdal = region(now(), "namdal");

                assertThat(namdal.name()).isEqualTo("Namdal regionråd");
                assertThat(namdal.indicators()).containsExactly(
                        value(GoalProgressProjection.ACTIVE_INITIATIVE, "0", "0", null),
                        value(GoalProgressProjection.MATURITY, "0", "0", null),
                        value(GoalProgressProjection.COMPETENCE, "0", "0", null),
                        value(GoalProgressProjection.COMPONENTS, "0", "0", null),
                        value(GoalProgressProjection.CASE_ARCHIVE, "0", "0", null),
                        value(GoalProgressProjection.COVERAGE, "0", "13078", "0.0000"),
                        value(GoalProgressProjection.EFAGRAAD, "0", "1", "0.0000"),
                        value(GoalProgressProjection.REPRESENTATIVE, "0", "1", "0.0000"),
                        value(GoalProgressProjection.PARTNERS, "2", "3", "0.6667"));
            }

            @Test
            void aRegionWithoutMunicipalitiesHasNoCoverage() {
                assertThat(indicator(now(), "fjellregionen", GoalProgressProjection.COVERAGE))
                        .isEqualTo(value(GoalProgressProjection.COVERAGE, "0", "0", null));
            }
        }

        @Nested
        class FosenInThePast {

            @Test
            void atTheEndOf2019OsensInitiativeWasStillActive() {
                assertThat(indicator(asOf(2019, 12, 31), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "3", "3", "1.0000"));
            }

            @Test
            void atTheEndOf2018OnlyTheAssessmentsMadeByThenCount() {
                // Indre Fosen's latest by then is 2.5 of March 2018; Ørland was first assessed in 2019
                assertThat(indicator(asOf(2018, 12, 31), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "2.5", "1", "2.5000"));
            }

            @Test
            void atTheEndOf2018FewerComponentsWereTrackedAndAdopted() {
                // tracked then: Altinn, ID-porten, SvarUt; Indre Fosen 2, Ørland 1
                assertThat(indicator(asOf(2018, 12, 31), "fosen", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "3", "9", "0.3333"));
            }

            @Test
            void beforeAnyoneJoinedThereWasNoCoverage() {
                assertThat(indicator(asOf(2018, 5, 1), "fosen", GoalProgressProjection.COVERAGE))
                        .isEqualTo(value(GoalProgressProjection.COVERAGE, "0", "25502", "0.0000"));
                assertThat(indicator(asOf(2018, 5, 1), "fosen", GoalProgressProjection.PARTNERS))
                        .isEqualTo(value(GoalProgressProjection.PARTNERS, "0", "3", "0.0000"));
            }
        }

        @Nested
        class KnownAtAnInstant {

            @Test
            void knownBeforeTheCompletionWasRecordedOsensInitiativeStillCountsToday() {
                RecordedEvent completed = facts.first(InitiativeCompleted.class);

                assertThat(indicator(new ReadPoint(TODAY, completed.recordedAt().minusSeconds(1)), "fosen",
                        GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "3", "3", "1.0000"));
                assertThat(indicator(new ReadPoint(TODAY, completed.recordedAt()), "fosen",
                        GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "2", "3", "0.6667"));
            }

            @Test
            void knownBeforeIndreFosensSecondAssessmentWasRecordedItsFirstIsItsLatest() {
                RecordedEvent second = facts.all().stream()
                        .filter(fact -> fact.event() instanceof DigitalMaturityAssessed assessed
                                && assessed.score().compareTo(new BigDecimal("3.1")) == 0)
                        .findFirst().orElseThrow();

                assertThat(indicator(new ReadPoint(TODAY, second.recordedAt().minusSeconds(1)), "fosen",
                        GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "2.5", "1", "2.5000"));
                assertThat(queries.handle(new FindGoalProgress(new ReadPoint(TODAY,
                        second.recordedAt().minusSeconds(1)))).meta()).isEqualTo(new ReportMeta(TODAY,
                        second.recordedAt().minusSeconds(1), second.position() - 1, second.position()));
            }
        }

        @Nested
        class AfterwardsRecorded {

            @Test
            void aMemberLeavingItsInitiativeCountsFromTheDateItLeft() {
                facts.record(new InitiativeLeft(INNBYGGER, "5015", LocalDate.of(2021, 1, 1)));

                assertThat(indicator(asOf(2020, 12, 31), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "2", "3", "0.6667"));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "1", "3", "0.3333"));
            }

            @Test
            void aMemberWithdrawingLeavesTheMemberSharesFromTheDateItWithdrew() {
                RecordedEvent withdrawn = facts.record(new CollaborationWithdrawn("5054", LocalDate.of(2022, 1, 1),
                        INDRE_FOSEN.council(LocalDate.of(2021, 12, 9)), "Egen satsing"));

                assertThat(indicator(asOf(2021, 12, 31), "fosen", GoalProgressProjection.COVERAGE))
                        .isEqualTo(value(GoalProgressProjection.COVERAGE, "16408", "25502", "0.6434"));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.COVERAGE))
                        .isEqualTo(value(GoalProgressProjection.COVERAGE, "6318", "25502", "0.2477"));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.CASE_ARCHIVE))
                        .isEqualTo(value(GoalProgressProjection.CASE_ARCHIVE, "0", "2", "0.0000"));
                assertThat(indicator(new ReadPoint(TODAY, withdrawn.recordedAt().minusSeconds(1)), "fosen",
                        GoalProgressProjection.CASE_ARCHIVE))
                        .isEqualTo(value(GoalProgressProjection.CASE_ARCHIVE, "1", "3", "0.3333"));
            }

            @Test
            void theReportCoversOnlyWhatTheParticipationAndInitiativesProjectionsHaveReached() {
                long lastBefore = facts.last().position();
                RecordedEvent left = facts.recordFor(List.of(facts.goals(), facts.participation()),
                        new InitiativeLeft(INNBYGGER, "5015", LocalDate.of(2021, 1, 1)));

                GoalProgressReport behind = queries.handle(new FindGoalProgress(now()));
                assertThat(behind.meta()).isEqualTo(new ReportMeta(TODAY, null, lastBefore, lastBefore + 1));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "2", "3", "0.6667"));

                facts.deliver(left, facts.initiatives());
                assertThat(queries.handle(new FindGoalProgress(now())).meta())
                        .isEqualTo(new ReportMeta(TODAY, null, left.position(), left.position() + 1));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.ACTIVE_INITIATIVE))
                        .isEqualTo(value(GoalProgressProjection.ACTIVE_INITIATIVE, "1", "3", "0.3333"));
            }
        }
    }

    /**
     * One fact after another, as the old fold of the progress view applied them, read through the indicators of
     * three regions with one member each: Indre Fosen in Fosen, Trondheim in Trondheimsregionen, Namsos in Namdal.
     */
    @Nested
    class OneFactAfterAnother {

        @BeforeEach
        void threeMembers() {
            facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), NAMDAL.registered(),
                    INDRE_FOSEN.registered(), TRONDHEIM.registered(), NAMSOS.registered(),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                    TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 21)),
                    NAMSOS.joinedByCouncil(LocalDate.of(2018, 6, 28)));
        }

        @Nested
        class Maturity {

            @Test
            void theLatestAssessmentByDateCounts() {
                facts.recordAll(assessed("5054", LocalDate.of(2018, 3, 1), "2.5"),
                        assessed("5054", LocalDate.of(2019, 3, 1), "3.1"));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "3.1", "1", "3.1000"));
                assertThat(indicator(asOf(2019, 2, 28), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "2.5", "1", "2.5000"));
            }

            @Test
            void anOlderAssessmentRecordedLaterDoesNotReplaceANewerOne() {
                facts.recordAll(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"),
                        assessed("5054", LocalDate.of(2017, 10, 1), "4.9"));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "3.1", "1", "3.1000"));
                assertThat(indicator(asOf(2018, 12, 31), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "4.9", "1", "4.9000"));
            }

            @Test
            void aSecondAssessmentOnTheSameDateReplacesTheFirst() {
                facts.recordAll(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"),
                        assessed("5054", LocalDate.of(2019, 3, 1), "3.3"));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "3.3", "1", "3.3000"));
            }

            @Test
            void aParticipantNeverAssessedHasNoScore() {
                facts.record(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"));

                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "0", "0", null));
                assertThat(indicator(now(), "fosen", GoalProgressProjection.MATURITY))
                        .isEqualTo(value(GoalProgressProjection.MATURITY, "3.1", "1", "3.1000"));
            }
        }

        @Nested
        class NationalComponents {

            @Test
            void everyComponentAnyParticipantAdoptedIsTrackedOnce() {
                // given adoptions by Indre Fosen, by Ørland (not registered here) and by Trondheim
                facts.recordAll(new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                        new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2018, 5, 1)),
                        new NationalComponentAdopted("5015", "ID-porten", LocalDate.of(2018, 6, 1)),
                        new NationalComponentAdopted("5001", "Altinn", LocalDate.of(2018, 7, 1)));

                // then three components are tracked: Altinn, ID-porten, SvarUt
                assertThat(indicator(now(), "namdal", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "0", "3", "0.0000"));
                assertThat(indicator(asOf(2018, 6, 30), "namdal", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "0", "2", "0.0000"));
            }

            @Test
            void eachParticipantsAdoptionsAreCountedOncePerComponent() {
                facts.recordAll(new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                        new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2018, 5, 1)),
                        new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2019, 4, 1)),
                        new NationalComponentAdopted("5001", "ID-porten", LocalDate.of(2018, 6, 1)));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "2", "2", "1.0000"));
                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "1", "2", "0.5000"));
                assertThat(indicator(now(), "namdal", GoalProgressProjection.COMPONENTS))
                        .isEqualTo(value(GoalProgressProjection.COMPONENTS, "0", "2", "0.0000"));
            }
        }

        @Nested
        class CompetenceProgramme {

            @Test
            void aCohortCompletedByAtLeastOneLeaderCounts() {
                facts.recordAll(new CompetenceProgrammeEnrolled("5054", "2019-1", 12),
                        new CompetenceProgrammeCompleted("5054", "2019-1", 11));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.COMPETENCE))
                        .isEqualTo(value(GoalProgressProjection.COMPETENCE, "1", "1", "1.0000"));
            }

            @Test
            void aCohortCompletedByNoLeaderDoesNotCount() {
                facts.recordAll(new CompetenceProgrammeEnrolled("5001", "2019-1", 4),
                        new CompetenceProgrammeCompleted("5001", "2019-1", 0));

                assertThat(indicator(now(), "trondheimsregionen", GoalProgressProjection.COMPETENCE))
                        .isEqualTo(value(GoalProgressProjection.COMPETENCE, "0", "1", "0.0000"));
            }

            @Test
            void anEnrolmentAloneDoesNotCount() {
                facts.record(new CompetenceProgrammeEnrolled("5005", "2019-2", 3));

                assertThat(indicator(now(), "namdal", GoalProgressProjection.COMPETENCE))
                        .isEqualTo(value(GoalProgressProjection.COMPETENCE, "0", "1", "0.0000"));
            }

            @Test
            void aLaterCohortCompletedByNoLeaderDoesNotUndoAnEarlierCompletion() {
                facts.recordAll(new CompetenceProgrammeCompleted("5054", "2019-1", 11),
                        new CompetenceProgrammeCompleted("5054", "2020-1", 0));

                assertThat(indicator(now(), "fosen", GoalProgressProjection.COMPETENCE))
                        .isEqualTo(value(GoalProgressProjection.COMPETENCE, "1", "1", "1.0000"));
            }
        }
    }
}
