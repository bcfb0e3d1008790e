package no.trondelag.samhandling.command.participation;

import static no.trondelag.samhandling.command.common.ExpectedRejections.conflict;
import static no.trondelag.samhandling.command.common.ExpectedRejections.invalid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.CompleteCompetenceProgramme;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.EnrolInCompetenceProgramme;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.api.goals.RecordNationalComponentAdoption;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.MergeParticipants;
import no.trondelag.samhandling.api.participation.MoveParticipantToRegion;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.participation.WithdrawFromCollaboration;
import no.trondelag.samhandling.command.common.InMemoryCommandLookups;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    private static final LocalDate JAN_1_2018 = LocalDate.of(2018, 1, 1);
    private static final LocalDate COUNCIL_MEETING = LocalDate.of(2018, 6, 14);
    private static final LocalDate REFORM_DATE = LocalDate.of(2020, 1, 1);
    private static final String STEERING_DECISION = "sg-2018-05-02-07";
    private static final Authority BY_STEERING_DECISION = Authority.ofDecision(STEERING_DECISION);

    private static final String INDRE_FOSEN = "5054";
    private static final Authority INDRE_FOSEN_COUNCIL =
            Authority.external("Indre Fosen kommunestyre", "18/1234", COUNCIL_MEETING);
    private static final ParticipantRegistered INDRE_FOSEN_REGISTERED = new ParticipantRegistered(INDRE_FOSEN,
            "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen", 10090, JAN_1_2018, null);
    private static final CollaborationJoined INDRE_FOSEN_JOINED =
            new CollaborationJoined(INDRE_FOSEN, COUNCIL_MEETING, INDRE_FOSEN_COUNCIL);

    private static final String COUNTY = "817920632";
    private static final ParticipantRegistered COUNTY_REGISTERED = new ParticipantRegistered(COUNTY,
            "Trøndelag fylkeskommune", ParticipantKind.COUNTY_AUTHORITY, null, 458744, JAN_1_2018, null);

    private static final String KLAEBU = "5030";
    private static final Authority REFORM =
            Authority.external("Stortinget", "Innst. 386 S (2016–2017)", LocalDate.of(2017, 6, 8));
    private static final MergeParticipants TRONDHEIM_ABSORBS_KLAEBU = new MergeParticipants("5001", "Trondheim",
            List.of("5001", KLAEBU), "trondheimsregionen", 199595, REFORM_DATE, REFORM);
    private static final ParticipantRegistered KLAEBU_REGISTERED = new ParticipantRegistered(KLAEBU, "Klæbu",
            ParticipantKind.MUNICIPALITY, "trondheimsregionen", 6094, JAN_1_2018, null);
    private static final CollaborationJoined KLAEBU_JOINED = new CollaborationJoined(KLAEBU, COUNCIL_MEETING,
            Authority.external("Klæbu kommunestyre", "18/77", COUNCIL_MEETING));
    private static final ParticipantMergedInto KLAEBU_MERGED_INTO_TRONDHEIM = new ParticipantMergedInto(KLAEBU,
            "5001", "Trondheim", List.of("5001", KLAEBU), "trondheimsregionen", 199595, REFORM_DATE, REFORM);
    private static final String KLAEBU_MERGED_AWAY =
            "Participant 5030 was merged into 5001 on 2020-01-01";

    private AggregateTestFixture<Participant> fixture;
    private InMemoryCommandLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        lookups = new InMemoryCommandLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Nested
    class RegisterParticipantCommand {

        @Test
        void municipalityIsRegisteredInItsRegion() {
            lookups.withRegions("fosen");

            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(INDRE_FOSEN, "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen",
                            10090, JAN_1_2018))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(INDRE_FOSEN_REGISTERED);
        }

        @Test
        void countyAuthorityIsRegisteredWithoutRegion() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(COUNTY, "Trøndelag fylkeskommune",
                            ParticipantKind.COUNTY_AUTHORITY, null, 458744, JAN_1_2018))
                    .expectEvents(COUNTY_REGISTERED);
        }

        @Test
        void municipalityIsIdentifiedByItsFourDigitNumber() {
            lookups.withRegions("fosen");

            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant("944305483", "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen",
                            10090, JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(invalid("participantId",
                            "a municipality is identified by its 4-digit municipality number"))
                    .expectNoEvents();
        }

        @Test
        void stateAgencyIsIdentifiedByItsNineDigitOrganisationNumber() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant("5000", "Statsforvalteren i Trøndelag",
                            ParticipantKind.STATE_AGENCY, null, 0, JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(invalid("participantId",
                            "a participant that is not a municipality is identified by its 9-digit organisation number"))
                    .expectNoEvents();
        }

        @Test
        void municipalityNeedsRegion() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(INDRE_FOSEN, "Indre Fosen", ParticipantKind.MUNICIPALITY, null,
                            10090, JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(invalid("regionId", "a municipality needs a region"))
                    .expectNoEvents();
        }

        @Test
        void participantIdIsRegisteredOnlyOnce() {
            lookups.withRegions("fosen").withNonMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(INDRE_FOSEN, "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen",
                            10090, JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_ALREADY_REGISTERED,
                            "Participant 5054 is already registered"))
                    .expectNoEvents();
        }

        @Test
        void regionMustBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(INDRE_FOSEN, "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen",
                            10090, JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_NOT_REGISTERED, "Region fosen is not registered"))
                    .expectNoEvents();
        }

        @Test
        void partnerThatNamesARegionNeedsItRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant("971045698", "KS Trøndelag", ParticipantKind.OTHER, "namdal", 0,
                            JAN_1_2018))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_NOT_REGISTERED, "Region namdal is not registered"))
                    .expectNoEvents();
        }
    }

    @Nested
    class JoinCollaborationCommand {

        @Test
        void municipalityJoinsOnItsOwnCouncilDecision() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new JoinCollaboration(INDRE_FOSEN, COUNCIL_MEETING, INDRE_FOSEN_COUNCIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(INDRE_FOSEN_JOINED);
        }

        @Test
        void countyAuthorityJoinsOnRecordedSteeringGroupDecision() {
            lookups.withDecisions(STEERING_DECISION);

            fixture.given(COUNTY_REGISTERED)
                    .when(new JoinCollaboration(COUNTY, LocalDate.of(2018, 5, 2), BY_STEERING_DECISION))
                    .expectEvents(new CollaborationJoined(COUNTY, LocalDate.of(2018, 5, 2), BY_STEERING_DECISION));
        }

        @Test
        void municipalityCannotJoinOnSteeringGroupDecision() {
            lookups.withDecisions(STEERING_DECISION);

            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new JoinCollaboration(INDRE_FOSEN, COUNCIL_MEETING, BY_STEERING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.MUNICIPALITY_JOINS_BY_COUNCIL_DECISION,
                            "Municipality 5054 cites steering-group decision sg-2018-05-02-07"))
                    .expectNoEvents();
        }

        @Test
        void memberCannotJoinAgain() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new JoinCollaboration(INDRE_FOSEN, LocalDate.of(2018, 9, 1), INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.ALREADY_MEMBER, "Participant 5054 is already a member"))
                    .expectNoEvents();
        }

        @Test
        void partnerCannotCiteUnrecordedSteeringGroupDecision() {
            fixture.given(COUNTY_REGISTERED)
                    .when(new JoinCollaboration(COUNTY, LocalDate.of(2018, 5, 2), BY_STEERING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-05-02-07 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void cannotJoinBeforeRegistration() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new JoinCollaboration(INDRE_FOSEN, LocalDate.of(2017, 12, 31), INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5054 was registered on 2018-01-01, after 2017-12-31"))
                    .expectNoEvents();
        }

        @Test
        void formerMemberRejoinsAfterWithdrawal() {
            LocalDate rejoined = LocalDate.of(2020, 3, 1);

            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, withdrawnOn(LocalDate.of(2019, 12, 31)))
                    .when(new JoinCollaboration(INDRE_FOSEN, rejoined, INDRE_FOSEN_COUNCIL))
                    .expectEvents(new CollaborationJoined(INDRE_FOSEN, rejoined, INDRE_FOSEN_COUNCIL));
        }

        @Test
        void cannotRejoinWithEffectBeforeTheWithdrawal() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, withdrawnOn(LocalDate.of(2019, 12, 31)))
                    .when(new JoinCollaboration(INDRE_FOSEN, LocalDate.of(2019, 6, 1), INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_LAST_CHANGE, "Participant 5054 last changed "
                            + "membership, region or merge on 2019-12-31, after 2019-06-01"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotJoin() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new JoinCollaboration(KLAEBU, LocalDate.of(2020, 2, 1), INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }

        @Test
        void unregisteredParticipantCannotJoin() {
            fixture.givenNoPriorActivity()
                    .when(new JoinCollaboration(INDRE_FOSEN, COUNCIL_MEETING, INDRE_FOSEN_COUNCIL))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class WithdrawFromCollaborationCommand {

        private final Authority withdrawalDecision =
                Authority.external("Indre Fosen kommunestyre", "19/880", LocalDate.of(2019, 11, 28));

        @Test
        void memberWithdrawsWithReason() {
            LocalDate effective = LocalDate.of(2019, 12, 31);

            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, effective, withdrawalDecision,
                            "Går inn i et annet samarbeid"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CollaborationWithdrawn(INDRE_FOSEN, effective, withdrawalDecision,
                            "Går inn i et annet samarbeid"));
        }

        @Test
        void memberWithdrawsWithoutReason() {
            LocalDate effective = LocalDate.of(2019, 12, 31);

            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, effective, withdrawalDecision, null))
                    .expectEvents(new CollaborationWithdrawn(INDRE_FOSEN, effective, withdrawalDecision, null));
        }

        @Test
        void nonMemberCannotWithdraw() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, LocalDate.of(2019, 12, 31), withdrawalDecision,
                            null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5054 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void formerMemberCannotWithdrawTwice() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, withdrawnOn(LocalDate.of(2019, 12, 31)))
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, LocalDate.of(2020, 1, 31), withdrawalDecision,
                            null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5054 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void memberMergedAwayCannotWithdraw() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_JOINED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new WithdrawFromCollaboration(KLAEBU, LocalDate.of(2020, 2, 1), withdrawalDecision, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }

        @Test
        void cannotCiteUnrecordedSteeringGroupDecision() {
            fixture.given(COUNTY_REGISTERED, new CollaborationJoined(COUNTY, JAN_1_2018, INDRE_FOSEN_COUNCIL))
                    .when(new WithdrawFromCollaboration(COUNTY, LocalDate.of(2019, 12, 31), BY_STEERING_DECISION,
                            null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-05-02-07 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawWithEffectBeforeJoining() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, LocalDate.of(2018, 3, 1), withdrawalDecision,
                            null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_LAST_CHANGE, "Participant 5054 last changed "
                            + "membership, region or merge on 2018-06-14, after 2018-03-01"))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawWithEffectBeforeRegistration() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, LocalDate.of(2017, 6, 1), withdrawalDecision,
                            null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5054 was registered on 2018-01-01, after 2017-06-01"))
                    .expectNoEvents();
        }

        @Test
        void unregisteredParticipantCannotWithdraw() {
            fixture.givenNoPriorActivity()
                    .when(new WithdrawFromCollaboration(INDRE_FOSEN, LocalDate.of(2019, 12, 31), withdrawalDecision,
                            null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class MoveParticipantToRegionCommand {

        private final LocalDate moveDate = LocalDate.of(2019, 1, 1);

        @Test
        void municipalityMovesToAnotherRegisteredRegion() {
            lookups.withRegions("fosen", "trondheimsregionen");

            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", moveDate,
                            INDRE_FOSEN_COUNCIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ParticipantMovedToRegion(INDRE_FOSEN, "fosen", "trondheimsregionen", moveDate,
                            INDRE_FOSEN_COUNCIL));
        }

        @Test
        void partnerWithoutRegionMovesIntoOne() {
            lookups.withRegions("namdal").withDecisions(STEERING_DECISION);

            fixture.given(COUNTY_REGISTERED)
                    .when(new MoveParticipantToRegion(COUNTY, "namdal", moveDate, BY_STEERING_DECISION))
                    .expectEvents(new ParticipantMovedToRegion(COUNTY, null, "namdal", moveDate,
                            BY_STEERING_DECISION));
        }

        @Test
        void moveNeedsARegionOtherThanTheCurrentOne() {
            lookups.withRegions("fosen");

            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "fosen", moveDate, INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_UNCHANGED,
                            "Participant 5054 is already in region fosen"))
                    .expectNoEvents();
        }

        @Test
        void afterAMoveTheNewRegionIsTheCurrentOne() {
            lookups.withRegions("fosen", "trondheimsregionen");

            fixture.given(INDRE_FOSEN_REGISTERED, new ParticipantMovedToRegion(INDRE_FOSEN, "fosen",
                            "trondheimsregionen", moveDate, INDRE_FOSEN_COUNCIL))
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", LocalDate.of(2019, 6, 1),
                            INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_UNCHANGED,
                            "Participant 5054 is already in region trondheimsregionen"))
                    .expectNoEvents();
        }

        @Test
        void targetRegionMustBeRegistered() {
            lookups.withRegions("fosen");

            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", moveDate,
                            INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_NOT_REGISTERED,
                            "Region trondheimsregionen is not registered"))
                    .expectNoEvents();
        }

        @Test
        void cannotCiteUnrecordedSteeringGroupDecision() {
            lookups.withRegions("trondheimsregionen");

            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", moveDate,
                            BY_STEERING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-05-02-07 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void cannotMoveWithEffectBeforeRegistration() {
            lookups.withRegions("trondheimsregionen");

            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", LocalDate.of(2017, 1, 1),
                            INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5054 was registered on 2018-01-01, after 2017-01-01"))
                    .expectNoEvents();
        }

        @Test
        void cannotMoveWithEffectBeforeTheLastMembershipChange() {
            lookups.withRegions("trondheimsregionen");

            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", LocalDate.of(2018, 3, 1),
                            INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_LAST_CHANGE, "Participant 5054 last changed "
                            + "membership, region or merge on 2018-06-14, after 2018-03-01"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotMove() {
            lookups.withRegions("fosen");

            fixture.given(KLAEBU_REGISTERED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new MoveParticipantToRegion(KLAEBU, "fosen", LocalDate.of(2020, 2, 1), INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }

        @Test
        void unregisteredParticipantCannotMove() {
            lookups.withRegions("trondheimsregionen");

            fixture.givenNoPriorActivity()
                    .when(new MoveParticipantToRegion(INDRE_FOSEN, "trondheimsregionen", moveDate,
                            INDRE_FOSEN_COUNCIL))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordMaturityAssessmentCommand {

        private final LocalDate assessedOn = LocalDate.of(2019, 3, 15);

        @Test
        void registeredParticipantRecordsAssessmentWithoutBeingMember() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new RecordMaturityAssessment(INDRE_FOSEN, assessedOn, new BigDecimal("3.40"),
                            "KS digitaliseringsrundspørring"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DigitalMaturityAssessed(INDRE_FOSEN, assessedOn, new BigDecimal("3.40"),
                            "KS digitaliseringsrundspørring"));
        }

        @Test
        void assessmentMethodMayBeLeftOut() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new RecordMaturityAssessment(INDRE_FOSEN, assessedOn, new BigDecimal("2.5"), null))
                    .expectEvents(new DigitalMaturityAssessed(INDRE_FOSEN, assessedOn, new BigDecimal("2.5"), null));
        }

        @Test
        void assessmentCannotPrecedeRegistration() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new RecordMaturityAssessment(INDRE_FOSEN, LocalDate.of(2017, 10, 1), BigDecimal.ONE, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5054 was registered on 2018-01-01, after 2017-10-01"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotBeAssessed() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_JOINED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new RecordMaturityAssessment(KLAEBU, LocalDate.of(2020, 3, 1), BigDecimal.ONE, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }

        @Test
        void unregisteredParticipantCannotBeAssessed() {
            fixture.givenNoPriorActivity()
                    .when(new RecordMaturityAssessment(INDRE_FOSEN, assessedOn, BigDecimal.ONE, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordNationalComponentAdoptionCommand {

        private final LocalDate adoptedOn = LocalDate.of(2019, 5, 1);
        private final NationalComponentAdopted idPortenAdopted =
                new NationalComponentAdopted(INDRE_FOSEN, "ID-porten", adoptedOn);

        @Test
        void participantAdoptsNationalComponent() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new RecordNationalComponentAdoption(INDRE_FOSEN, "ID-porten", adoptedOn))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(idPortenAdopted);
        }

        @Test
        void participantAdoptsAnotherComponentToo() {
            fixture.given(INDRE_FOSEN_REGISTERED, idPortenAdopted)
                    .when(new RecordNationalComponentAdoption(INDRE_FOSEN, "SvarUt", adoptedOn))
                    .expectEvents(new NationalComponentAdopted(INDRE_FOSEN, "SvarUt", adoptedOn));
        }

        @Test
        void componentIsAdoptedOnlyOnce() {
            fixture.given(INDRE_FOSEN_REGISTERED, idPortenAdopted)
                    .when(new RecordNationalComponentAdoption(INDRE_FOSEN, "ID-porten", LocalDate.of(2020, 1, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.COMPONENT_ALREADY_ADOPTED,
                            "Participant 5054 has already adopted ID-porten"))
                    .expectNoEvents();
        }

        @Test
        void adoptionCannotPrecedeRegistration() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new RecordNationalComponentAdoption(INDRE_FOSEN, "ID-porten", LocalDate.of(2016, 1, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5054 was registered on 2018-01-01, after 2016-01-01"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotAdopt() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new RecordNationalComponentAdoption(KLAEBU, "ID-porten", LocalDate.of(2020, 3, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }
    }

    @Nested
    class EnrolInCompetenceProgrammeCommand {

        @Test
        void memberEnrolsLeadersInCohort() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED)
                    .when(new EnrolInCompetenceProgramme(INDRE_FOSEN, "2019-høst", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CompetenceProgrammeEnrolled(INDRE_FOSEN, "2019-høst", 4));
        }

        @Test
        void memberEnrolsInAnotherCohortToo() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED,
                            new CompetenceProgrammeEnrolled(INDRE_FOSEN, "2019-høst", 4))
                    .when(new EnrolInCompetenceProgramme(INDRE_FOSEN, "2020-vår", 2))
                    .expectEvents(new CompetenceProgrammeEnrolled(INDRE_FOSEN, "2020-vår", 2));
        }

        @Test
        void nonMemberCannotEnrol() {
            fixture.given(INDRE_FOSEN_REGISTERED)
                    .when(new EnrolInCompetenceProgramme(INDRE_FOSEN, "2019-høst", 4))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5054 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void participantEnrolsInCohortOnlyOnce() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED,
                            new CompetenceProgrammeEnrolled(INDRE_FOSEN, "2019-høst", 4))
                    .when(new EnrolInCompetenceProgramme(INDRE_FOSEN, "2019-høst", 6))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.ALREADY_ENROLLED,
                            "Participant 5054 is already enrolled in cohort 2019-høst"))
                    .expectNoEvents();
        }

        @Test
        void memberMergedAwayCannotEnrol() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_JOINED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new EnrolInCompetenceProgramme(KLAEBU, "2020-vår", 2))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }
    }

    @Nested
    class CompleteCompetenceProgrammeCommand {

        private final CompetenceProgrammeEnrolled fourEnrolled =
                new CompetenceProgrammeEnrolled(INDRE_FOSEN, "2019-høst", 4);

        @Test
        void someEnrolledLeadersComplete() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled)
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2019-høst", 3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CompetenceProgrammeCompleted(INDRE_FOSEN, "2019-høst", 3));
        }

        @Test
        void allEnrolledLeadersComplete() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled)
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2019-høst", 4))
                    .expectEvents(new CompetenceProgrammeCompleted(INDRE_FOSEN, "2019-høst", 4));
        }

        @Test
        void formerMemberStillCompletesCohortItEnrolledIn() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled,
                            withdrawnOn(LocalDate.of(2019, 12, 31)))
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2019-høst", 2))
                    .expectEvents(new CompetenceProgrammeCompleted(INDRE_FOSEN, "2019-høst", 2));
        }

        @Test
        void completionNeedsEnrolmentInThatCohort() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled)
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2020-vår", 1))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_ENROLLED,
                            "Participant 5054 is not enrolled in cohort 2020-vår"))
                    .expectNoEvents();
        }

        @Test
        void cohortIsCompletedOnlyOnce() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled,
                            new CompetenceProgrammeCompleted(INDRE_FOSEN, "2019-høst", 3))
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2019-høst", 1))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.COHORT_ALREADY_COMPLETED,
                            "Participant 5054 has already completed cohort 2019-høst"))
                    .expectNoEvents();
        }

        @Test
        void noMoreLeadersCompleteThanWereEnrolled() {
            fixture.given(INDRE_FOSEN_REGISTERED, INDRE_FOSEN_JOINED, fourEnrolled)
                    .when(new CompleteCompetenceProgramme(INDRE_FOSEN, "2019-høst", 5))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.MORE_COMPLETED_THAN_ENROLLED,
                            "5 leaders completed cohort 2019-høst but 4 were enrolled"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotComplete() {
            fixture.given(KLAEBU_REGISTERED, KLAEBU_JOINED,
                            new CompetenceProgrammeEnrolled(KLAEBU, "2019-høst", 2), KLAEBU_MERGED_INTO_TRONDHEIM)
                    .when(new CompleteCompetenceProgramme(KLAEBU, "2019-høst", 2))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }
    }

    /**
     * The aggregate's side of {@link MergeParticipants}, invoked the way {@link MergeParticipantsHandler} does.
     * {@code MergeParticipantsTest} runs the whole command across aggregates.
     */
    @Nested
    class MergeSteps {

        private static final String SNILLFJORD = "5012";
        private static final String SNILLFJORD_ID = LedgerIds.participant(SNILLFJORD);
        private final ParticipantRegistered snillfjordRegistered = new ParticipantRegistered(SNILLFJORD,
                "Snillfjord", ParticipantKind.MUNICIPALITY, "orkdalsregionen", 987, JAN_1_2018, null);
        private final MergeParticipants intoHeim = new MergeParticipants("5055", "Heim",
                List.of("5011", "1571", SNILLFJORD), "orkdalsregionen", 4225, REFORM_DATE, REFORM);
        private final MergeParticipants intoHitra = new MergeParticipants("5056", "Hitra",
                List.of("5013", SNILLFJORD), "orkdalsregionen", 4648, REFORM_DATE, REFORM);

        @Test
        void predecessorIsMergedIntoSuccessor() {
            fixture.given(snillfjordRegistered)
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(intoHeim))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(mergedInto(SNILLFJORD, intoHeim));
        }

        @Test
        void splitGivesPredecessorAnotherSuccessorOnTheSameDate() {
            fixture.given(snillfjordRegistered, mergedInto(SNILLFJORD, intoHeim))
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(intoHitra))
                    .expectEvents(mergedInto(SNILLFJORD, intoHitra));
        }

        @Test
        void predecessorIsNotMergedTwiceIntoTheSameSuccessor() {
            fixture.given(snillfjordRegistered, mergedInto(SNILLFJORD, intoHeim))
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(intoHeim))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PREDECESSOR_ALREADY_MERGED,
                            "Participant 5012 was already merged into 5055 on 2020-01-01"))
                    .expectNoEvents();
        }

        @Test
        void predecessorMergedAwayIsNotMergedAgainOnAnotherDate() {
            MergeParticipants laterIntoFroya = new MergeParticipants("5014", "Frøya", List.of("5014", SNILLFJORD),
                    "orkdalsregionen", 4962, LocalDate.of(2020, 7, 1), REFORM);

            fixture.given(snillfjordRegistered, mergedInto(SNILLFJORD, intoHeim))
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(laterIntoFroya))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PREDECESSOR_ALREADY_MERGED,
                            "Participant 5012 was already merged into 5055 on 2020-01-01"))
                    .expectNoEvents();
        }

        @Test
        void mergeCannotTakeEffectBeforeThePredecessorsLastChange() {
            fixture.given(snillfjordRegistered, new CollaborationJoined(SNILLFJORD, LocalDate.of(2020, 2, 1),
                            Authority.external("Snillfjord kommunestyre", "20/3", LocalDate.of(2020, 1, 20))))
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(intoHeim))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_LAST_CHANGE, "Participant 5012 last changed "
                            + "membership, region or merge on 2020-02-01, after 2020-01-01"))
                    .expectNoEvents();
        }

        @Test
        void mergeCannotTakeEffectBeforeThePredecessorsRegistration() {
            fixture.given(new ParticipantRegistered(SNILLFJORD, "Snillfjord", ParticipantKind.MUNICIPALITY,
                            "orkdalsregionen", 987, LocalDate.of(2020, 6, 1), null))
                    .whenInvoking(SNILLFJORD_ID, snillfjord -> snillfjord.mergeInto(intoHeim))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_REGISTRATION,
                            "Participant 5012 was registered on 2020-06-01, after 2020-01-01"))
                    .expectNoEvents();
        }

        @Test
        void continuingSuccessorKeepsItsIdAndJoinsWhenAPredecessorWasMember() {
            fixture.given(trondheimRegistered())
                    .whenInvoking(LedgerIds.participant("5001"),
                            trondheim -> trondheim.continueAsSuccessor(TRONDHEIM_ABSORBS_KLAEBU, true))
                    .expectEvents(mergedInto("5001", TRONDHEIM_ABSORBS_KLAEBU),
                            new CollaborationJoined("5001", REFORM_DATE, REFORM));
        }

        @Test
        void continuingMemberDoesNotJoinAgain() {
            fixture.given(trondheimRegistered(), new CollaborationJoined("5001", COUNCIL_MEETING, INDRE_FOSEN_COUNCIL))
                    .whenInvoking(LedgerIds.participant("5001"),
                            trondheim -> trondheim.continueAsSuccessor(TRONDHEIM_ABSORBS_KLAEBU, true))
                    .expectEvents(mergedInto("5001", TRONDHEIM_ABSORBS_KLAEBU));
        }

        @Test
        void continuingNonMemberStaysNonMemberWhenNoPredecessorWasMember() {
            fixture.given(trondheimRegistered())
                    .whenInvoking(LedgerIds.participant("5001"),
                            trondheim -> trondheim.continueAsSuccessor(TRONDHEIM_ABSORBS_KLAEBU, false))
                    .expectEvents(mergedInto("5001", TRONDHEIM_ABSORBS_KLAEBU));
        }

        @Test
        void continuingSuccessorTakesTheMergedRegion() {
            MergeParticipants intoNewRegion = new MergeParticipants("5001", "Trondheim", List.of("5001", KLAEBU),
                    "fosen", 199595, REFORM_DATE, REFORM);
            lookups.withRegions("fosen", "trondheimsregionen");

            fixture.given(trondheimRegistered(), mergedInto("5001", intoNewRegion))
                    .when(new MoveParticipantToRegion("5001", "fosen", LocalDate.of(2020, 2, 1), REFORM))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_UNCHANGED,
                            "Participant 5001 is already in region fosen"));
        }

        @Test
        void participantMergedAwayCannotContinueAsSuccessor() {
            MergeParticipants klaebuAsSuccessor = new MergeParticipants(KLAEBU, "Klæbu", List.of(KLAEBU, "5031"),
                    "trondheimsregionen", 20052, LocalDate.of(2021, 1, 1), REFORM);

            fixture.given(KLAEBU_REGISTERED, KLAEBU_MERGED_INTO_TRONDHEIM)
                    .whenInvoking(LedgerIds.participant(KLAEBU),
                            klaebu -> klaebu.continueAsSuccessor(klaebuAsSuccessor, false))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY, KLAEBU_MERGED_AWAY))
                    .expectNoEvents();
        }

        @Test
        void continuingSuccessorCannotMergeBeforeItsLastChange() {
            fixture.given(trondheimRegistered(), new CollaborationJoined("5001", LocalDate.of(2020, 3, 1),
                            Authority.external("Trondheim bystyre", "20/14", LocalDate.of(2020, 2, 27))))
                    .whenInvoking(LedgerIds.participant("5001"),
                            trondheim -> trondheim.continueAsSuccessor(TRONDHEIM_ABSORBS_KLAEBU, true))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BEFORE_LAST_CHANGE, "Participant 5001 last changed "
                            + "membership, region or merge on 2020-03-01, after 2020-01-01"))
                    .expectNoEvents();
        }

        @Test
        void newSuccessorIsRegisteredAsMemberWhenAPredecessorWasMember() {
            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Participant(intoHitra, ParticipantKind.MUNICIPALITY, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ParticipantRegistered("5056", "Hitra", ParticipantKind.MUNICIPALITY,
                                    "orkdalsregionen", 4648, REFORM_DATE, REFORM),
                            new CollaborationJoined("5056", REFORM_DATE, REFORM));
        }

        @Test
        void newSuccessorIsRegisteredAsNonMemberWhenNoPredecessorWasMember() {
            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Participant(intoHitra, ParticipantKind.MUNICIPALITY, false))
                    .expectEvents(new ParticipantRegistered("5056", "Hitra", ParticipantKind.MUNICIPALITY,
                            "orkdalsregionen", 4648, REFORM_DATE, REFORM));
        }

        @Test
        void newSuccessorNumberMustFitThePredecessorsKind() {
            MergeParticipants intoOrganisationNumber = new MergeParticipants("938772924", "Hitra",
                    List.of("5013", SNILLFJORD), "orkdalsregionen", 4648, REFORM_DATE, REFORM);

            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Participant(intoOrganisationNumber, ParticipantKind.MUNICIPALITY,
                            true))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(invalid("successorId",
                            "a municipality is identified by its 4-digit municipality number"))
                    .expectNoEvents();
        }

        private ParticipantRegistered trondheimRegistered() {
            return new ParticipantRegistered("5001", "Trondheim", ParticipantKind.MUNICIPALITY,
                    "trondheimsregionen", 193501, JAN_1_2018, null);
        }
    }

    private static CollaborationWithdrawn withdrawnOn(LocalDate effectiveDate) {
        return new CollaborationWithdrawn(INDRE_FOSEN, effectiveDate,
                Authority.external("Indre Fosen kommunestyre", "19/880", effectiveDate.minusMonths(1)), null);
    }

    private static ParticipantMergedInto mergedInto(String participantId, MergeParticipants merge) {
        return new ParticipantMergedInto(participantId, merge.successorId(), merge.successorName(),
                merge.predecessorIds(), merge.regionId(), merge.population(), merge.effectiveDate(),
                merge.authority());
    }
}
