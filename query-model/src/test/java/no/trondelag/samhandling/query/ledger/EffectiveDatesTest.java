package no.trondelag.samhandling.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EffectiveDatesTest {

    private static final String DECISION = "sg-2018-05-02-07";
    private static final LocalDate MEETING = LocalDate.of(2018, 5, 2);
    private static final LocalDate OWN = LocalDate.of(2018, 6, 14);
    private static final LocalDate COUNCIL = LocalDate.of(2018, 3, 22);
    private static final Authority BY_DECISION = Authority.ofDecision(DECISION);
    private static final Authority BY_COUNCIL = Authority.external("Indre Fosen kommunestyre", "18/1234", COUNCIL);
    private static final Function<String, LocalDate> MEETINGS = Map.of(DECISION, MEETING)::get;

    @Nested
    class EventsWithADateOfTheirOwn {

        @Test
        void participationEventsTakeEffectOnTheirOwnDateRatherThanTheirAuthoritys() {
            assertThat(EffectiveDates.of(new ParticipantRegistered("5054", "Indre Fosen", ParticipantKind.MUNICIPALITY,
                    "fosen", 10090, OWN, BY_DECISION), MEETINGS)).isEqualTo(OWN);
            assertThat(EffectiveDates.of(new CollaborationJoined("5054", OWN, BY_COUNCIL), MEETINGS)).isEqualTo(OWN);
            assertThat(EffectiveDates.of(new CollaborationWithdrawn("5054", OWN, BY_COUNCIL, "budget"), MEETINGS))
                    .isEqualTo(OWN);
            assertThat(EffectiveDates.of(new ParticipantMovedToRegion("5054", "fosen", "trondheimsregionen", OWN,
                    BY_DECISION), MEETINGS)).isEqualTo(OWN);
            assertThat(EffectiveDates.of(new ParticipantMergedInto("5030", "5001", "Trondheim",
                    List.of("5001", "5030"), "trondheimsregionen", 199595, OWN, BY_COUNCIL), MEETINGS))
                    .isEqualTo(OWN);
        }

        @Test
        void regionEventsTakeEffectOnTheirOwnDate() {
            assertThat(EffectiveDates.of(new EFagraadEstablished("fosen", OWN, BY_DECISION), MEETINGS))
                    .isEqualTo(OWN);
            assertThat(EffectiveDates.of(new StrategyGroupRepresentativeAppointed("fosen", "5054", OWN, BY_DECISION),
                    MEETINGS)).isEqualTo(OWN);
        }

        @Test
        void aRecordedDecisionTakesEffectOnItsMeetingDate() {
            assertThat(EffectiveDates.of(new SteeringGroupDecisionRecorded("sg-2019-03-14-04",
                    LocalDate.of(2019, 3, 14), "RU-4/19", "Budget", "Text", List.of()), MEETINGS))
                    .isEqualTo(LocalDate.of(2019, 3, 14));
        }

        @Test
        void initiativeEventsTakeEffectOnTheirOwnDate() {
            assertThat(EffectiveDates.of(new InitiativeJoined("felles-sak-arkiv", "5054", OWN), MEETINGS))
                    .isEqualTo(OWN);
            assertThat(EffectiveDates.of(new InitiativeLeft("felles-sak-arkiv", "5054", OWN), MEETINGS))
                    .isEqualTo(OWN);
            assertThat(EffectiveDates.of(new InitiativeMilestoneReached("felles-sak-arkiv", "Anskaffelse", OWN, 40),
                    MEETINGS)).isEqualTo(OWN);
            assertThat(EffectiveDates.of(new InitiativeCompleted("felles-sak-arkiv", OWN, DECISION), MEETINGS))
                    .isEqualTo(OWN);
        }

        @Test
        void progressEventsTakeEffectOnTheDateTheyHappened() {
            assertThat(EffectiveDates.of(new DigitalMaturityAssessed("5054", OWN, new BigDecimal("3.1"), "KS"),
                    MEETINGS)).isEqualTo(OWN);
            assertThat(EffectiveDates.of(new NationalComponentAdopted("5054", "SvarUt", OWN), MEETINGS))
                    .isEqualTo(OWN);
        }
    }

    @Nested
    class EventsRestingOnADecision {

        @Test
        void anEventCitingASteeringGroupDecisionTakesEffectOnItsMeetingDate() {
            assertThat(EffectiveDates.of(new InitiativeApproved("felles-sak-arkiv", DECISION,
                    Money.nok(new BigDecimal("1500000.00"))), MEETINGS)).isEqualTo(MEETING);
            assertThat(EffectiveDates.of(new InitiativeCancelled("felles-sak-arkiv", DECISION, "merged"), MEETINGS))
                    .isEqualTo(MEETING);
            assertThat(EffectiveDates.of(new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
                    new BigDecimal("2400000.00"), DECISION), MEETINGS)).isEqualTo(MEETING);
            assertThat(EffectiveDates.of(new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT,
                    new BigDecimal("1000000.00"), DECISION), MEETINGS)).isEqualTo(MEETING);
            assertThat(EffectiveDates.of(new SecretariatFundingPledged(2019, "5054", new BigDecimal("300000.00"),
                    BY_DECISION), MEETINGS)).isEqualTo(MEETING);
        }

        @Test
        void anEventCitingAnExternalDecisionTakesEffectOnThatDecisionsDate() {
            assertThat(EffectiveDates.of(new SecretariatFundingPledged(2019, "5054", new BigDecimal("300000.00"),
                    BY_COUNCIL), MEETINGS)).isEqualTo(COUNCIL);
        }

        @Test
        void anEventCitingADecisionWhoseMeetingDateIsUnknownHoldsFromItsRecording() {
            assertThat(EffectiveDates.of(new InitiativeApproved("felles-sak-arkiv", "sg-2099-01-01-01",
                    Money.nok(new BigDecimal("1.00"))), MEETINGS)).isNull();
        }

        @Test
        void aParticipantRegisteredWithoutADateTakesEffectOnItsAuthoritysDate() {
            assertThat(EffectiveDates.of(new ParticipantRegistered("5054", "Indre Fosen", ParticipantKind.MUNICIPALITY,
                    "fosen", 10090, null, BY_COUNCIL), MEETINGS)).isEqualTo(COUNCIL);
        }
    }

    @Nested
    class TimelessEvents {

        @Test
        void eventsWithoutDateOrAuthorityHoldFromTheirRecording() {
            assertThat(EffectiveDates.of(new RegionRegistered("fosen", "Fosen regionråd"), MEETINGS)).isNull();
            assertThat(EffectiveDates.of(new InitiativeProposed("felles-sak-arkiv", "Felles sak/arkiv", "Felles "
                    + "sak- og arkivsystem", Pillar.PRIORITISED_INITIATIVES, List.of(3), "5054"), MEETINGS)).isNull();
            assertThat(EffectiveDates.of(new SteeringGroupDecisionCorrected(DECISION, "Rettet", List.of(), "typo"),
                    MEETINGS)).isNull();
            assertThat(EffectiveDates.of(new CompetenceProgrammeEnrolled("5054", "2019-1", 12), MEETINGS)).isNull();
            assertThat(EffectiveDates.of(new CompetenceProgrammeCompleted("5054", "2019-1", 11), MEETINGS)).isNull();
        }

        @Test
        void aPledgeWithoutAuthorityHoldsFromItsRecording() {
            assertThat(EffectiveDates.of(new SecretariatFundingPledged(2019, "5054", new BigDecimal("1.00"), null),
                    MEETINGS)).isNull();
        }

        @Test
        void aRegistrationWithNeitherDateNorAuthorityHoldsFromItsRecording() {
            assertThat(EffectiveDates.of(new ParticipantRegistered("817920632", "Trøndelag fylkeskommune",
                    ParticipantKind.COUNTY_AUTHORITY, null, null, null, null), MEETINGS)).isNull();
        }
    }
}
