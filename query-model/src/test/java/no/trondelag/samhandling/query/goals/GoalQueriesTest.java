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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.InMemoryFactLog;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.Trondelag.Partner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Goal progress in Fosen (six municipalities, 25 502 inhabitants; Ørland, Osen and Indre Fosen members with 16 408),
 * beside Trondheimsregionen (Trondheim a member), Namdal (Namsos registered, not a member) and Fjellregionen (no
 * municipality under it). The county authority and two state agencies (the County Governor, Arkivverket) are
 * members; KS is registered only.
 */
class GoalQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String COMPLETION = "sg-2020-06-11-05";
    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final String INNBYGGER = "digitale-innbyggertjenester";
    private static final String VELFERD = "velferdsteknologi";

    /** A second state agency in the collaboration (organisation number made up for the test). */
    private static final Partner ARKIVVERKET = new Partner("999000222", "Arkivverket", ParticipantKind.STATE_AGENCY);

    private final InMemoryFactLog log = new InMemoryFactLog();
    private final Facts facts = new Facts(log);
    private final GoalQueries queries = new GoalQueries(
            new LedgerReader(log, Clock.fixed(Instant.parse("2024-06-14T10:00:00Z"), ZoneId.of("Europe/Oslo"))),
            SAK_ARKIV);

    @BeforeEach
    void history() {
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

    @Nested
    class FosenToday {

        @Test
        void goal1TwoOfThreeMembersTakePartInAnActiveInitiative() {
            // Indre Fosen (case and records) and Ørland (citizen services); Osen's initiative is completed
            assertThat(indicator(now(), "fosen", GoalQueries.ACTIVE_INITIATIVE))
                    .isEqualTo(value(GoalQueries.ACTIVE_INITIATIVE, "2", "3", "0.6667"));
        }

        @Test
        void goal2TheMeanOfTheMembersLatestMaturityScores() {
            // Indre Fosen 3.1 (latest by date, not the 4.9 of 2017 recorded last), Ørland 2.8; Osen has no score
            // and Bjugn is no member
            assertThat(indicator(now(), "fosen", GoalQueries.MATURITY))
                    .isEqualTo(value(GoalQueries.MATURITY, "5.9", "2", "2.9500"));
        }

        @Test
        void goal2TheShareOfMembersWithACompletedCompetenceProgramme() {
            // Indre Fosen completed; Ørland completed with no leader; Osen only enrolled
            assertThat(indicator(now(), "fosen", GoalQueries.COMPETENCE))
                    .isEqualTo(value(GoalQueries.COMPETENCE, "1", "3", "0.3333"));
        }

        @Test
        void goal3TheMeanShareOfTrackedNationalComponentsAdopted() {
            // tracked: Altinn, Digipost, ID-porten, SvarUt; Indre Fosen 3, Ørland 2, Osen 0 of 3 x 4
            assertThat(indicator(now(), "fosen", GoalQueries.COMPONENTS))
                    .isEqualTo(value(GoalQueries.COMPONENTS, "5", "12", "0.4167"));
        }

        @Test
        void goal3TheShareOfMembersInTheJointCaseAndRecordsInitiative() {
            assertThat(indicator(now(), "fosen", GoalQueries.CASE_ARCHIVE))
                    .isEqualTo(value(GoalQueries.CASE_ARCHIVE, "1", "3", "0.3333"));
        }

        @Test
        void goal4ThePopulationCoverage() {
            // 5351 + 967 + 10090 of 25502
            assertThat(indicator(now(), "fosen", GoalQueries.COVERAGE))
                    .isEqualTo(value(GoalQueries.COVERAGE, "16408", "25502", "0.6434"));
        }

        @Test
        void goal5EFagraadAndRepresentativeInPlace() {
            assertThat(indicator(now(), "fosen", GoalQueries.EFAGRAAD))
                    .isEqualTo(value(GoalQueries.EFAGRAAD, "1", "1", "1.0000"));
            assertThat(indicator(now(), "fosen", GoalQueries.REPRESENTATIVE))
                    .isEqualTo(value(GoalQueries.REPRESENTATIVE, "1", "1", "1.0000"));
        }

        @Test
        void goal5TwoOfThreeKindsOfCountyLevelPartnerAreMembersCountingEachKindOnce() {
            // the county authority and two state agencies are members; KS is not
            assertThat(indicator(now(), "fosen", GoalQueries.PARTNERS))
                    .isEqualTo(value(GoalQueries.PARTNERS, "2", "3", "0.6667"));
        }

        @Test
        void theNineIndicatorsAreReportedInTheOrderOfTheirDefinitions() {
            GoalProgressReport report = queries.handle(new FindGoalProgress(now()));

            assertThat(report.indicators()).extracting(IndicatorDefinition::id).containsExactly(
                    GoalQueries.ACTIVE_INITIATIVE, GoalQueries.MATURITY, GoalQueries.COMPETENCE,
                    GoalQueries.COMPONENTS, GoalQueries.CASE_ARCHIVE, GoalQueries.COVERAGE, GoalQueries.EFAGRAAD,
                    GoalQueries.REPRESENTATIVE, GoalQueries.PARTNERS);
            assertThat(report.indicators()).extracting(IndicatorDefinition::goal)
                    .containsExactly(1, 2, 2, 3, 3, 4, 5, 5, 5);
            assertThat(report.indicators().get(4).definition()).contains("'" + SAK_ARKIV + "'");
            assertThat(region(now(), "fosen").indicators()).extracting(IndicatorValue::id)
                    .containsExactlyElementsOf(report.indicators().stream().map(IndicatorDefinition::id).toList());
            assertThat(report.regions()).extracting(RegionGoalProgress::regionId)
                    .containsExactly("fjellregionen", "fosen", "namdal", "trondheimsregionen");
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(), facts.last().position() + 1));
        }
    }

    @Nested
    class OtherRegions {

        @Test
        void trondheimsregionenHasNoEFagraadYet() {
            assertThat(indicator(now(), "trondheimsregionen", GoalQueries.ACTIVE_INITIATIVE))
                    .isEqualTo(value(GoalQueries.ACTIVE_INITIATIVE, "1", "1", "1.0000"));
            assertThat(indicator(now(), "trondheimsregionen", GoalQueries.COMPONENTS))
                    .isEqualTo(value(GoalQueries.COMPONENTS, "1", "4", "0.2500"));
            assertThat(indicator(now(), "trondheimsregionen", GoalQueries.EFAGRAAD))
                    .isEqualTo(value(GoalQueries.EFAGRAAD, "0", "1", "0.0000"));
            assertThat(indicator(now(), "trondheimsregionen", GoalQueries.REPRESENTATIVE))
                    .isEqualTo(value(GoalQueries.REPRESENTATIVE, "0", "1", "0.0000"));
        }

        @Test
        void aRegionWithoutMembersHasNoValueForTheMemberShares() {
            RegionGoalProgress namdal = region(now(), "namdal");

            assertThat(namdal.name()).isEqualTo("Namdal regionråd");
            assertThat(namdal.indicators()).containsExactly(
                    value(GoalQueries.ACTIVE_INITIATIVE, "0", "0", null),
                    value(GoalQueries.MATURITY, "0", "0", null),
                    value(GoalQueries.COMPETENCE, "0", "0", null),
                    value(GoalQueries.COMPONENTS, "0", "0", null),
                    value(GoalQueries.CASE_ARCHIVE, "0", "0", null),
                    value(GoalQueries.COVERAGE, "0", "13078", "0.0000"),
                    value(GoalQueries.EFAGRAAD, "0", "1", "0.0000"),
                    value(GoalQueries.REPRESENTATIVE, "0", "1", "0.0000"),
                    value(GoalQueries.PARTNERS, "2", "3", "0.6667"));
        }

        @Test
        void aRegionWithoutMunicipalitiesHasNoCoverage() {
            assertThat(indicator(now(), "fjellregionen", GoalQueries.COVERAGE))
                    .isEqualTo(value(GoalQueries.COVERAGE, "0", "0", null));
        }
    }

    @Nested
    class FosenInThePast {

        @Test
        void atTheEndOf2019OsensInitiativeWasStillActive() {
            assertThat(indicator(asOf(2019, 12, 31), "fosen", GoalQueries.ACTIVE_INITIATIVE))
                    .isEqualTo(value(GoalQueries.ACTIVE_INITIATIVE, "3", "3", "1.0000"));
        }

        @Test
        void atTheEndOf2018OnlyTheAssessmentsMadeByThenCount() {
            // Indre Fosen's latest by then is 2.5 of March 2018; Ørland was first assessed in 2019
            assertThat(indicator(asOf(2018, 12, 31), "fosen", GoalQueries.MATURITY))
                    .isEqualTo(value(GoalQueries.MATURITY, "2.5", "1", "2.5000"));
        }

        @Test
        void atTheEndOf2018FewerComponentsWereTrackedAndAdopted() {
            // tracked then: Altinn, ID-porten, SvarUt; Indre Fosen 2, Ørland 1
            assertThat(indicator(asOf(2018, 12, 31), "fosen", GoalQueries.COMPONENTS))
                    .isEqualTo(value(GoalQueries.COMPONENTS, "3", "9", "0.3333"));
        }

        @Test
        void beforeAnyoneJoinedThereWasNoCoverage() {
            assertThat(indicator(asOf(2018, 5, 1), "fosen", GoalQueries.COVERAGE))
                    .isEqualTo(value(GoalQueries.COVERAGE, "0", "25502", "0.0000"));
            assertThat(indicator(asOf(2018, 5, 1), "fosen", GoalQueries.PARTNERS))
                    .isEqualTo(value(GoalQueries.PARTNERS, "0", "3", "0.0000"));
        }
    }
}
