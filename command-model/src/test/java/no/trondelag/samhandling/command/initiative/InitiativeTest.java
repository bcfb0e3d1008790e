package no.trondelag.samhandling.command.initiative;

import static no.trondelag.samhandling.command.common.ExpectedRejections.conflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.CancelInitiative;
import no.trondelag.samhandling.api.initiative.CompleteInitiative;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.JoinInitiative;
import no.trondelag.samhandling.api.initiative.LeaveInitiative;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.initiative.RecordInitiativeMilestone;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.command.common.InMemoryCommandLookups;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InitiativeTest {

    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final String APPROVING_DECISION = "sg-2018-11-21-04";
    private static final String CLOSING_DECISION = "sg-2021-06-10-02";
    private static final BigDecimal BUDGET = new BigDecimal("2500000.00");
    private static final String INDRE_FOSEN = "5054";
    private static final String OSEN = "5020";

    private static final InitiativeProposed PROPOSED = new InitiativeProposed(SAK_ARKIV,
            "Felles sak- og arkivsystem", "Felles anskaffelse og drift av sak- og arkivsystem.",
            Pillar.PRIORITISED_INITIATIVES, List.of(1, 3), "Strategigruppen");
    private static final InitiativeApproved APPROVED =
            new InitiativeApproved(SAK_ARKIV, APPROVING_DECISION, Money.nok(BUDGET));
    private static final InitiativeCompleted COMPLETED =
            new InitiativeCompleted(SAK_ARKIV, LocalDate.of(2021, 6, 10), CLOSING_DECISION);
    private static final InitiativeCancelled CANCELLED =
            new InitiativeCancelled(SAK_ARKIV, CLOSING_DECISION, "Erstattet av nasjonal løsning");
    private static final InitiativeJoined INDRE_FOSEN_JOINED =
            new InitiativeJoined(SAK_ARKIV, INDRE_FOSEN, LocalDate.of(2019, 1, 1));

    private AggregateTestFixture<Initiative> fixture;
    private InMemoryCommandLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        lookups = new InMemoryCommandLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Nested
    class ProposeInitiativeCommand {

        @Test
        void initiativeIsProposed() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeInitiative(SAK_ARKIV, "Felles sak- og arkivsystem",
                            "Felles anskaffelse og drift av sak- og arkivsystem.", Pillar.PRIORITISED_INITIATIVES,
                            List.of(1, 3), "Strategigruppen"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PROPOSED);
        }

        @Test
        void initiativeIsProposedWithoutDescriptionOrProposer() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeInitiative("lederprogram", "Lederprogram", null, Pillar.COMPETENCE, List.of(2),
                            null))
                    .expectEvents(new InitiativeProposed("lederprogram", "Lederprogram", null, Pillar.COMPETENCE,
                            List.of(2), null));
        }

        @Test
        void initiativeIdIsProposedOnlyOnce() {
            lookups.withInitiatives(SAK_ARKIV);

            fixture.givenNoPriorActivity()
                    .when(new ProposeInitiative(SAK_ARKIV, "Nytt forslag", null, Pillar.COMPETENCE, List.of(2), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_ALREADY_PROPOSED,
                            "Initiative felles-sak-arkiv is already proposed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ApproveInitiativeCommand {

        @Test
        void proposedInitiativeIsApprovedByRecordedDecision() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.given(PROPOSED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(APPROVED);
        }

        @Test
        void initiativeIsApprovedWithoutBudget() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.given(PROPOSED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BigDecimal.ZERO))
                    .expectEvents(new InitiativeApproved(SAK_ARKIV, APPROVING_DECISION, Money.nok(BigDecimal.ZERO)));
        }

        @Test
        void approvalNeedsRecordedDecision() {
            fixture.given(PROPOSED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-11-21-04 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void approvedInitiativeIsNotApprovedAgain() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.given(PROPOSED, APPROVED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_PROPOSED,
                            "Initiative felles-sak-arkiv is approved"))
                    .expectNoEvents();
        }

        @Test
        void completedInitiativeCannotBeApproved() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.given(PROPOSED, APPROVED, COMPLETED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_PROPOSED,
                            "Initiative felles-sak-arkiv is completed"))
                    .expectNoEvents();
        }

        @Test
        void cancelledInitiativeCannotBeApproved() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.given(PROPOSED, CANCELLED)
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_PROPOSED,
                            "Initiative felles-sak-arkiv is cancelled"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeCannotBeApproved() {
            lookups.withDecisions(APPROVING_DECISION);

            fixture.givenNoPriorActivity()
                    .when(new ApproveInitiative(SAK_ARKIV, APPROVING_DECISION, BUDGET))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class JoinInitiativeCommand {

        private final LocalDate joinDate = LocalDate.of(2019, 1, 1);

        @Test
        void memberJoinsApprovedInitiative() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED, APPROVED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(INDRE_FOSEN_JOINED);
        }

        @Test
        void memberJoinsInitiativeAwaitingApproval() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectEvents(INDRE_FOSEN_JOINED);
        }

        @Test
        void participantWhoLeftJoinsAgain() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);
            LocalDate rejoined = LocalDate.of(2020, 9, 1);

            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED,
                            new InitiativeLeft(SAK_ARKIV, INDRE_FOSEN, LocalDate.of(2020, 1, 1)))
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, rejoined))
                    .expectEvents(new InitiativeJoined(SAK_ARKIV, INDRE_FOSEN, rejoined));
        }

        @Test
        void completedInitiativeTakesNoNewParticipants() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED, APPROVED, COMPLETED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_CLOSED,
                            "Initiative felles-sak-arkiv is completed"))
                    .expectNoEvents();
        }

        @Test
        void cancelledInitiativeTakesNoNewParticipants() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED, CANCELLED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_CLOSED,
                            "Initiative felles-sak-arkiv is cancelled"))
                    .expectNoEvents();
        }

        @Test
        void participantJoinsOnlyOnce() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, LocalDate.of(2019, 6, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.ALREADY_IN_INITIATIVE,
                            "Participant 5054 already takes part in felles-sak-arkiv"))
                    .expectNoEvents();
        }

        @Test
        void unregisteredParticipantCannotJoin() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_NOT_REGISTERED,
                            "Participant 5054 is not registered"))
                    .expectNoEvents();
        }

        @Test
        void nonMemberCannotJoin() {
            lookups.withNonMember(OSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(PROPOSED, APPROVED)
                    .when(new JoinInitiative(SAK_ARKIV, OSEN, joinDate))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5020 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotJoin() {
            lookups.withMergedAway("5030", ParticipantKind.MUNICIPALITY, true);

            fixture.given(PROPOSED, APPROVED)
                    .when(new JoinInitiative(SAK_ARKIV, "5030", LocalDate.of(2020, 2, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY,
                            "Participant 5030 was merged away"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeCannotBeJoined() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.givenNoPriorActivity()
                    .when(new JoinInitiative(SAK_ARKIV, INDRE_FOSEN, joinDate))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class LeaveInitiativeCommand {

        private final LocalDate leaveDate = LocalDate.of(2020, 1, 1);

        @Test
        void participantLeavesInitiative() {
            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED)
                    .when(new LeaveInitiative(SAK_ARKIV, INDRE_FOSEN, leaveDate))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InitiativeLeft(SAK_ARKIV, INDRE_FOSEN, leaveDate));
        }

        @Test
        void participantLeavesCompletedInitiative() {
            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED, COMPLETED)
                    .when(new LeaveInitiative(SAK_ARKIV, INDRE_FOSEN, leaveDate))
                    .expectEvents(new InitiativeLeft(SAK_ARKIV, INDRE_FOSEN, leaveDate));
        }

        @Test
        void onlyAParticipantCanLeave() {
            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED)
                    .when(new LeaveInitiative(SAK_ARKIV, OSEN, leaveDate))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_IN_INITIATIVE,
                            "Participant 5020 does not take part in felles-sak-arkiv"))
                    .expectNoEvents();
        }

        @Test
        void participantWhoLeftCannotLeaveAgain() {
            fixture.given(PROPOSED, APPROVED, INDRE_FOSEN_JOINED,
                            new InitiativeLeft(SAK_ARKIV, INDRE_FOSEN, leaveDate))
                    .when(new LeaveInitiative(SAK_ARKIV, INDRE_FOSEN, LocalDate.of(2020, 2, 1)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_IN_INITIATIVE,
                            "Participant 5054 does not take part in felles-sak-arkiv"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeCannotBeLeft() {
            fixture.givenNoPriorActivity()
                    .when(new LeaveInitiative(SAK_ARKIV, INDRE_FOSEN, leaveDate))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordInitiativeMilestoneCommand {

        private final LocalDate reachedOn = LocalDate.of(2019, 9, 1);
        private final InitiativeMilestoneReached specificationDone =
                new InitiativeMilestoneReached(SAK_ARKIV, "Kravspesifikasjon ferdig", reachedOn, 30);

        @Test
        void approvedInitiativeReachesMilestone() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Kravspesifikasjon ferdig", reachedOn, 30))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(specificationDone);
        }

        @Test
        void progressMayStayAtTheLastMilestonesLevel() {
            LocalDate later = LocalDate.of(2019, 10, 1);

            fixture.given(PROPOSED, APPROVED, specificationDone)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Høring avsluttet", later, 30))
                    .expectEvents(new InitiativeMilestoneReached(SAK_ARKIV, "Høring avsluttet", later, 30));
        }

        @Test
        void progressNeverGoesBelowTheLastMilestone() {
            fixture.given(PROPOSED, APPROVED, specificationDone)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Omstart", LocalDate.of(2019, 11, 1), 29))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PROGRESS_DECREASED,
                            "Progress 29% is below the last milestone's 30%"))
                    .expectNoEvents();
        }

        @Test
        void initiativeAwaitingApprovalReachesNoMilestone() {
            fixture.given(PROPOSED)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Kravspesifikasjon ferdig", reachedOn, 30))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is proposed"))
                    .expectNoEvents();
        }

        @Test
        void completedInitiativeReachesNoMilestone() {
            fixture.given(PROPOSED, APPROVED, COMPLETED)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Etterarbeid", LocalDate.of(2021, 7, 1), 100))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is completed"))
                    .expectNoEvents();
        }

        @Test
        void cancelledInitiativeReachesNoMilestone() {
            fixture.given(PROPOSED, APPROVED, CANCELLED)
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Etterarbeid", LocalDate.of(2021, 7, 1), 100))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is cancelled"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeReachesNoMilestone() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInitiativeMilestone(SAK_ARKIV, "Kravspesifikasjon ferdig", reachedOn, 30))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CompleteInitiativeCommand {

        @Test
        void approvedInitiativeIsCompletedByRecordedDecision() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, APPROVED)
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 6, 10), CLOSING_DECISION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(COMPLETED);
        }

        @Test
        void completionNeedsRecordedDecision() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 6, 10), CLOSING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2021-06-10-02 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void initiativeAwaitingApprovalCannotBeCompleted() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED)
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 6, 10), CLOSING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is proposed"))
                    .expectNoEvents();
        }

        @Test
        void completedInitiativeIsNotCompletedAgain() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, APPROVED, COMPLETED)
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 7, 1), CLOSING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is completed"))
                    .expectNoEvents();
        }

        @Test
        void cancelledInitiativeCannotBeCompleted() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, APPROVED, CANCELLED)
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 7, 1), CLOSING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_NOT_APPROVED,
                            "Initiative felles-sak-arkiv is cancelled"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeCannotBeCompleted() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.givenNoPriorActivity()
                    .when(new CompleteInitiative(SAK_ARKIV, LocalDate.of(2021, 6, 10), CLOSING_DECISION))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CancelInitiativeCommand {

        @Test
        void approvedInitiativeIsCancelledByRecordedDecision() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, APPROVED)
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "Erstattet av nasjonal løsning"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CANCELLED);
        }

        @Test
        void initiativeAwaitingApprovalIsCancelled() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED)
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "Erstattet av nasjonal løsning"))
                    .expectEvents(CANCELLED);
        }

        @Test
        void cancellationNeedsRecordedDecision() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "Erstattet av nasjonal løsning"))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2021-06-10-02 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void completedInitiativeCannotBeCancelled() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, APPROVED, COMPLETED)
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "For sent"))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_COMPLETED,
                            "Initiative felles-sak-arkiv is completed"))
                    .expectNoEvents();
        }

        @Test
        void initiativeIsCancelledOnlyOnce() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.given(PROPOSED, CANCELLED)
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "Igjen"))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.INITIATIVE_ALREADY_CANCELLED,
                            "Initiative felles-sak-arkiv is already cancelled"))
                    .expectNoEvents();
        }

        @Test
        void unknownInitiativeCannotBeCancelled() {
            lookups.withDecisions(CLOSING_DECISION);

            fixture.givenNoPriorActivity()
                    .when(new CancelInitiative(SAK_ARKIV, CLOSING_DECISION, "Finnes ikke"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
