package no.trondelag.samhandling.command.funding;

import static no.trondelag.samhandling.command.common.ExpectedRejections.conflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.funding.AllocateSecretariatFunding;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.PledgeSecretariatFunding;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.funding.SetSecretariatBudget;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.command.common.InMemoryCommandLookups;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretariatYearTest {

    private static final int YEAR = 2019;
    private static final String BUDGET_DECISION = "sg-2018-11-21-03";
    private static final String REVISION_DECISION = "sg-2019-03-14-05";
    private static final String ALLOCATION_DECISION = "sg-2019-02-07-02";
    private static final BigDecimal TWO_FTE = new BigDecimal("2.0");
    private static final BigDecimal BUDGET = new BigDecimal("1800000.00");
    private static final SecretariatBudgetSet BUDGET_SET =
            new SecretariatBudgetSet(YEAR, TWO_FTE, BUDGET, BUDGET_DECISION);
    private static final String INDRE_FOSEN = "5054";
    private static final Authority INDRE_FOSEN_COUNCIL =
            Authority.external("Indre Fosen kommunestyre", "18/1502", LocalDate.of(2018, 12, 13));

    private AggregateTestFixture<SecretariatYear> fixture;
    private InMemoryCommandLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SecretariatYear.class);
        lookups = new InMemoryCommandLookups();
        fixture.registerInjectableResource(lookups);
    }

    private static SecretariatFundingAllocated allocated(String amount) {
        return new SecretariatFundingAllocated(YEAR, FundingSource.DISCRETIONARY_GRANT, new BigDecimal(amount),
                ALLOCATION_DECISION);
    }

    @Nested
    class SetSecretariatBudgetCommand {

        @Test
        void firstBudgetCreatesTheYear() {
            lookups.withDecisions(BUDGET_DECISION);

            fixture.givenNoPriorActivity()
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, BUDGET, BUDGET_DECISION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(BUDGET_SET);
        }

        @Test
        void budgetBelowTwoFteIsAllowed() {
            lookups.withDecisions(BUDGET_DECISION);
            BigDecimal oneAndAHalf = new BigDecimal("1.5");

            fixture.givenNoPriorActivity()
                    .when(new SetSecretariatBudget(YEAR, oneAndAHalf, BUDGET, BUDGET_DECISION))
                    .expectEvents(new SecretariatBudgetSet(YEAR, oneAndAHalf, BUDGET, BUDGET_DECISION));
        }

        @Test
        void newDecisionRevisesBudget() {
            lookups.withDecisions(BUDGET_DECISION, REVISION_DECISION);
            BigDecimal revised = new BigDecimal("2100000.00");

            fixture.given(BUDGET_SET)
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, revised, REVISION_DECISION))
                    .expectEvents(new SecretariatBudgetSet(YEAR, TWO_FTE, revised, REVISION_DECISION));
        }

        @Test
        void budgetIsSetForAYearThatSoFarOnlyHasPledges() {
            lookups.withDecisions(BUDGET_DECISION);

            fixture.given(new SecretariatFundingPledged(YEAR, INDRE_FOSEN, new BigDecimal("50000"),
                            INDRE_FOSEN_COUNCIL))
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, BUDGET, BUDGET_DECISION))
                    .expectEvents(BUDGET_SET);
        }

        @Test
        void revisionNeedsADecisionOtherThanTheOneThatSetTheBudget() {
            lookups.withDecisions(BUDGET_DECISION);

            fixture.given(BUDGET_SET)
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, new BigDecimal("2000000"), BUDGET_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BUDGET_REVISION_NEEDS_NEW_DECISION,
                            "The 2019 budget was already set by decision sg-2018-11-21-03"))
                    .expectNoEvents();
        }

        @Test
        void decisionThatSetAnEarlierBudgetCannotSetItAgainAfterARevision() {
            lookups.withDecisions(BUDGET_DECISION, REVISION_DECISION);

            fixture.given(BUDGET_SET,
                            new SecretariatBudgetSet(YEAR, TWO_FTE, new BigDecimal("2100000.00"), REVISION_DECISION))
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, BUDGET, BUDGET_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BUDGET_REVISION_NEEDS_NEW_DECISION,
                            "The 2019 budget was already set by decision sg-2018-11-21-03"))
                    .expectNoEvents();
        }

        @Test
        void revisedBudgetCannotFallBelowWhatIsAllocated() {
            lookups.withDecisions(BUDGET_DECISION, REVISION_DECISION);

            fixture.given(BUDGET_SET, allocated("1000000.00"), allocated("500000.00"))
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, new BigDecimal("1499999.99"), REVISION_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.ALLOCATIONS_EXCEED_BUDGET, "A budget of 1499999.99 NOK "
                            + "is below the 1500000.00 NOK already allocated for 2019"))
                    .expectNoEvents();
        }

        @Test
        void revisedBudgetMayEqualWhatIsAllocated() {
            lookups.withDecisions(BUDGET_DECISION, REVISION_DECISION);
            BigDecimal exactlyAllocated = new BigDecimal("1500000");

            fixture.given(BUDGET_SET, allocated("1000000.00"), allocated("500000.00"))
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, exactlyAllocated, REVISION_DECISION))
                    .expectEvents(new SecretariatBudgetSet(YEAR, TWO_FTE, exactlyAllocated, REVISION_DECISION));
        }

        @Test
        void budgetNeedsRecordedDecision() {
            fixture.givenNoPriorActivity()
                    .when(new SetSecretariatBudget(YEAR, TWO_FTE, BUDGET, BUDGET_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-11-21-03 is not recorded"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PledgeSecretariatFundingCommand {

        private final BigDecimal pledge = new BigDecimal("50000.00");

        @Test
        void memberPledgesBeforeTheBudgetIsSet() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.givenNoPriorActivity()
                    .when(new PledgeSecretariatFunding(YEAR, INDRE_FOSEN, pledge, INDRE_FOSEN_COUNCIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SecretariatFundingPledged(YEAR, INDRE_FOSEN, pledge, INDRE_FOSEN_COUNCIL));
        }

        @Test
        void memberPledgesOnRecordedSteeringGroupDecision() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY).withDecisions(BUDGET_DECISION);
            Authority byDecision = Authority.ofDecision(BUDGET_DECISION);

            fixture.given(BUDGET_SET)
                    .when(new PledgeSecretariatFunding(YEAR, INDRE_FOSEN, pledge, byDecision))
                    .expectEvents(new SecretariatFundingPledged(YEAR, INDRE_FOSEN, pledge, byDecision));
        }

        @Test
        void unregisteredParticipantCannotPledge() {
            fixture.given(BUDGET_SET)
                    .when(new PledgeSecretariatFunding(YEAR, INDRE_FOSEN, pledge, INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_NOT_REGISTERED,
                            "Participant 5054 is not registered"))
                    .expectNoEvents();
        }

        @Test
        void nonMemberCannotPledge() {
            lookups.withNonMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(BUDGET_SET)
                    .when(new PledgeSecretariatFunding(YEAR, INDRE_FOSEN, pledge, INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5054 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotPledge() {
            lookups.withMergedAway("5030", ParticipantKind.MUNICIPALITY, true);

            fixture.given(BUDGET_SET)
                    .when(new PledgeSecretariatFunding(YEAR, "5030", pledge, INDRE_FOSEN_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY,
                            "Participant 5030 was merged away"))
                    .expectNoEvents();
        }

        @Test
        void pledgeCannotCiteUnrecordedSteeringGroupDecision() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(BUDGET_SET)
                    .when(new PledgeSecretariatFunding(YEAR, INDRE_FOSEN, pledge,
                            Authority.ofDecision(REVISION_DECISION)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2019-03-14-05 is not recorded"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AllocateSecretariatFundingCommand {

        @Test
        void fundingIsAllocatedWithinBudget() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.given(BUDGET_SET)
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.DISCRETIONARY_GRANT,
                            new BigDecimal("1000000.00"), ALLOCATION_DECISION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(allocated("1000000.00"));
        }

        @Test
        void allocationsMayExhaustTheBudgetExactly() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.given(BUDGET_SET, allocated("1000000.00"))
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.COUNTY_AUTHORITY,
                            new BigDecimal("800000.00"), ALLOCATION_DECISION))
                    .expectEvents(new SecretariatFundingAllocated(YEAR, FundingSource.COUNTY_AUTHORITY,
                            new BigDecimal("800000.00"), ALLOCATION_DECISION));
        }

        @Test
        void allocationsNeverExceedTheBudget() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.given(BUDGET_SET, allocated("1000000.00"))
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.COUNTY_AUTHORITY,
                            new BigDecimal("800000.01"), ALLOCATION_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.ALLOCATIONS_EXCEED_BUDGET, "Allocating 800000.01 NOK "
                            + "brings 2019 to 1800000.01 NOK, over its budget of 1800000.00"))
                    .expectNoEvents();
        }

        @Test
        void revisedBudgetMakesRoomForMoreAllocations() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.given(BUDGET_SET, allocated("1000000.00"),
                            new SecretariatBudgetSet(YEAR, TWO_FTE, new BigDecimal("2000000.00"), REVISION_DECISION))
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.COUNTY_AUTHORITY,
                            new BigDecimal("1000000.00"), ALLOCATION_DECISION))
                    .expectEvents(new SecretariatFundingAllocated(YEAR, FundingSource.COUNTY_AUTHORITY,
                            new BigDecimal("1000000.00"), ALLOCATION_DECISION));
        }

        @Test
        void allocationNeedsBudgetForTheYear() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.givenNoPriorActivity()
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.DISCRETIONARY_GRANT,
                            new BigDecimal("100000"), ALLOCATION_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BUDGET_NOT_SET, "No secretariat budget is set for 2019"))
                    .expectNoEvents();
        }

        @Test
        void pledgesAloneDoNotSetTheBudget() {
            lookups.withDecisions(ALLOCATION_DECISION);

            fixture.given(new SecretariatFundingPledged(YEAR, INDRE_FOSEN, new BigDecimal("50000"),
                            INDRE_FOSEN_COUNCIL))
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.PARTICIPANT_CONTRIBUTIONS,
                            new BigDecimal("50000"), ALLOCATION_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.BUDGET_NOT_SET, "No secretariat budget is set for 2019"))
                    .expectNoEvents();
        }

        @Test
        void allocationNeedsRecordedDecision() {
            fixture.given(BUDGET_SET)
                    .when(new AllocateSecretariatFunding(YEAR, FundingSource.DISCRETIONARY_GRANT,
                            new BigDecimal("100000"), ALLOCATION_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2019-02-07-02 is not recorded"))
                    .expectNoEvents();
        }
    }
}
