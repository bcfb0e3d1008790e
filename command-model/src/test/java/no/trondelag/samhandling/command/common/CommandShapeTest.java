package no.trondelag.samhandling.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.funding.AllocateSecretariatFunding;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.PledgeSecretariatFunding;
import no.trondelag.samhandling.api.funding.SetSecretariatBudget;
import no.trondelag.samhandling.api.goals.CompleteCompetenceProgramme;
import no.trondelag.samhandling.api.goals.EnrolInCompetenceProgramme;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.api.goals.RecordNationalComponentAdoption;
import no.trondelag.samhandling.api.governance.CorrectSteeringGroupDecision;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.CancelInitiative;
import no.trondelag.samhandling.api.initiative.CompleteInitiative;
import no.trondelag.samhandling.api.initiative.JoinInitiative;
import no.trondelag.samhandling.api.initiative.LeaveInitiative;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.initiative.RecordInitiativeMilestone;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.MergeParticipants;
import no.trondelag.samhandling.api.participation.MoveParticipantToRegion;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.participation.WithdrawFromCollaboration;
import no.trondelag.samhandling.api.region.AppointStrategyGroupRepresentative;
import no.trondelag.samhandling.api.region.EstablishEFagraad;
import no.trondelag.samhandling.api.region.RegisterRegion;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandShapeTest {

    private static final LocalDate DATE = LocalDate.of(2018, 6, 14);
    private static final String DECISION_ID = "sg-2018-05-02-07";
    private static final Authority EXTERNAL = Authority.external("Indre Fosen kommunestyre", "18/1234", DATE);
    private static final Authority BY_DECISION = Authority.ofDecision(DECISION_ID);

    private static final RegisterParticipant REGISTER_PARTICIPANT =
            new RegisterParticipant("5054", "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen", 10090, DATE);
    private static final MergeParticipants MERGE = new MergeParticipants("5001", "Trondheim",
            List.of("5001", "5030"), "trondheimsregionen", 199595, LocalDate.of(2020, 1, 1), EXTERNAL);
    private static final RecordSteeringGroupDecision RECORD_DECISION = new RecordSteeringGroupDecision(DECISION_ID,
            DATE, "18/7", "Samhandlingsstrategi", "Rådmannsutvalget vedtok strategien.", List.of("Punkt 1"));
    private static final ProposeInitiative PROPOSE_INITIATIVE = new ProposeInitiative("felles-sak-arkiv",
            "Felles sak- og arkivsystem", "Felles anskaffelse.", Pillar.PRIORITISED_INITIATIVES, List.of(1, 3),
            "Strategigruppen");
    private static final ApproveInitiative APPROVE_INITIATIVE =
            new ApproveInitiative("felles-sak-arkiv", DECISION_ID, new BigDecimal("2500000.00"));
    private static final RecordInitiativeMilestone MILESTONE =
            new RecordInitiativeMilestone("felles-sak-arkiv", "Kravspesifikasjon ferdig", DATE, 30);
    private static final SetSecretariatBudget SET_BUDGET =
            new SetSecretariatBudget(2019, new BigDecimal("2.0"), new BigDecimal("1800000.00"), DECISION_ID);
    private static final PledgeSecretariatFunding PLEDGE =
            new PledgeSecretariatFunding(2019, "5054", new BigDecimal("50000.00"), EXTERNAL);
    private static final RecordMaturityAssessment ASSESSMENT =
            new RecordMaturityAssessment("5054", DATE, new BigDecimal("3.4"), "KS digitaliseringsrundspørring");
    private static final EnrolInCompetenceProgramme ENROL = new EnrolInCompetenceProgramme("5054", "2019-høst", 4);
    private static final CompleteCompetenceProgramme COMPLETE_PROGRAMME =
            new CompleteCompetenceProgramme("5054", "2019-høst", 3);
    private static final JoinCollaboration JOIN = new JoinCollaboration("5054", DATE, EXTERNAL);
    private static final WithdrawFromCollaboration WITHDRAW =
            new WithdrawFromCollaboration("5054", DATE, EXTERNAL, "Går inn i et annet samarbeid");

    /** One well-formed example of every command. */
    private static final List<Record> VALID_COMMANDS = List.of(
            new RegisterRegion("fosen", "Fosen regionråd"),
            new EstablishEFagraad("fosen", DATE, EXTERNAL),
            new AppointStrategyGroupRepresentative("fosen", "5054", DATE, BY_DECISION),
            REGISTER_PARTICIPANT,
            JOIN,
            WITHDRAW,
            new MoveParticipantToRegion("5054", "trondheimsregionen", DATE, EXTERNAL),
            MERGE,
            RECORD_DECISION,
            new CorrectSteeringGroupDecision(DECISION_ID, "Rettet tekst.", List.of("Punkt 1"), "Skrivefeil"),
            PROPOSE_INITIATIVE,
            APPROVE_INITIATIVE,
            new JoinInitiative("felles-sak-arkiv", "5054", DATE),
            new LeaveInitiative("felles-sak-arkiv", "5054", DATE),
            MILESTONE,
            new CompleteInitiative("felles-sak-arkiv", DATE, DECISION_ID),
            new CancelInitiative("felles-sak-arkiv", DECISION_ID, "Erstattet av nasjonal løsning"),
            SET_BUDGET,
            PLEDGE,
            new AllocateSecretariatFunding(2019, FundingSource.DISCRETIONARY_GRANT, new BigDecimal("1000000"),
                    DECISION_ID),
            ASSESSMENT,
            new RecordNationalComponentAdoption("5054", "ID-porten", DATE),
            ENROL,
            COMPLETE_PROGRAMME);

    /** The fields a command may leave out, as the spec allows. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of(
            "RegisterParticipant.regionId",
            "WithdrawFromCollaboration.reason",
            "RecordSteeringGroupDecision.caseNumber",
            "ProposeInitiative.description",
            "ProposeInitiative.proposedBy",
            "RecordMaturityAssessment.method");

    @Nested
    class EveryCommandIsCovered {

        @Test
        void thereAreExactly24CommandsAndEachHasAWellFormedExample() {
            Set<Class<?>> commands = ApiClasses.recordsImplementing(LedgerCommand.class);

            assertThat(commands).hasSize(24);
            assertThat(VALID_COMMANDS.stream().map(Object::getClass).collect(Collectors.toSet()))
                    .isEqualTo(commands);
        }

        @Test
        void everyFieldOfEveryCommandHasAShapeRule() {
            List<String> fieldsWithoutRule = ApiClasses.recordsImplementing(LedgerCommand.class).stream()
                    .flatMap(command -> Arrays.stream(command.getRecordComponents())
                            .map(component -> command.getSimpleName() + "." + component.getName()))
                    .filter(field -> !CommandShape.hasRule(field.substring(field.indexOf('.') + 1)))
                    .toList();

            assertThat(fieldsWithoutRule).isEmpty();
            assertThat(CommandShape.hasRule("colour")).isFalse();
        }

        @Test
        void everyWellFormedExamplePasses() {
            assertThat(VALID_COMMANDS).allSatisfy(command -> assertThat(CommandShape.check(command))
                    .as(command.getClass().getSimpleName()).isEmpty());
        }

        @Test
        void everyFieldIsRequiredExceptTheOptionalOnes() {
            List<String> optionalSeen = new ArrayList<>();
            for (Record command : VALID_COMMANDS) {
                for (RecordComponent component : command.getClass().getRecordComponents()) {
                    String qualified = command.getClass().getSimpleName() + "." + component.getName();
                    List<FieldError> errors = CommandShape.check(with(command, component.getName(), null));
                    if (OPTIONAL_FIELDS.contains(qualified)) {
                        optionalSeen.add(qualified);
                        assertThat(errors).as(qualified).isEmpty();
                    } else {
                        assertThat(errors).as(qualified)
                                .containsExactly(new FieldError(component.getName(), "is required"));
                    }
                }
            }
            assertThat(optionalSeen).containsExactlyInAnyOrderElementsOf(OPTIONAL_FIELDS);
        }

        @Test
        void optionalFieldThatIsGivenMustBeWellFormed() {
            assertThat(CommandShape.check(with(WITHDRAW, "reason", " ")))
                    .containsExactly(new FieldError("reason", "must not be blank"));
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "regionId", "Fosen")))
                    .containsExactly(new FieldError("regionId", "must be a slug of 2 to 40 characters a-z, 0-9 and -"));
        }

        @Test
        void everyOffendingFieldIsReportedInFieldOrder() {
            RegisterParticipant command = new RegisterParticipant("505", " ", null, "fosen", -1, DATE);

            assertThat(CommandShape.check(command)).containsExactly(
                    new FieldError("participantId", "must be a 4-digit municipality or 9-digit organisation number"),
                    new FieldError("name", "must not be blank"),
                    new FieldError("kind", "is required"),
                    new FieldError("population", "must be between 0 and 10000000"));
        }

        @Test
        void fieldWithoutRuleIsAProgrammingError() {
            record Unruly(String colour) {
            }

            assertThatThrownBy(() -> CommandShape.check(new Unruly("blue")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("No shape rule for field Unruly.colour");
        }
    }

    @Nested
    class Identifiers {

        @ParameterizedTest
        @ValueSource(strings = {"5054", "1571", "817920632"})
        void participantIdIsAMunicipalityOrOrganisationNumber(String participantId) {
            assertThat(CommandShape.check(with(JOIN, "participantId", participantId))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"505", "50540", "81792063", "8179206321", "abcd", " 5054", "5054 ", ""})
        void participantIdOfAnyOtherShapeIsRejected(String participantId) {
            assertThat(CommandShape.check(with(JOIN, "participantId", participantId))).containsExactly(
                    new FieldError("participantId", "must be a 4-digit municipality or 9-digit organisation number"));
        }

        @Test
        void successorIdFollowsTheParticipantIdRule() {
            assertThat(CommandShape.check(with(MERGE, "successorId", "938772924"))).isEmpty();
            assertThat(CommandShape.check(with(MERGE, "successorId", "50011"))).containsExactly(
                    new FieldError("successorId", "must be a 4-digit municipality or 9-digit organisation number"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"fosen", "inn-trondelag", "ab", "0123456789012345678901234567890123456789"})
        void regionIdIsASlugOfTwoToFortyCharacters(String regionId) {
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "regionId", regionId))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"f", "Fosen", "trøndelag", "fosen_nord", "fosen ",
                "01234567890123456789012345678901234567890"})
        void regionIdOfAnyOtherShapeIsRejected(String regionId) {
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "regionId", regionId))).containsExactly(
                    new FieldError("regionId", "must be a slug of 2 to 40 characters a-z, 0-9 and -"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sg-2018-05-02-07", "abc", "2018-05-02"})
        void decisionIdIsASlug(String decisionId) {
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "decisionId", decisionId))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"sg", "-sg-2018", "SG-2018-05-02-07", "sg 2018", "sg/2018"})
        void decisionIdOfAnyOtherShapeIsRejected(String decisionId) {
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "decisionId", decisionId))).containsExactly(
                    new FieldError("decisionId", "must be a slug such as sg-2018-05-02-07"));
        }

        @Test
        void decisionIdIsAtMostEightyOneCharacters() {
            String longest = "s" + "g".repeat(80);

            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "decisionId", longest))).isEmpty();
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "decisionId", longest + "g"))).containsExactly(
                    new FieldError("decisionId", "must be a slug such as sg-2018-05-02-07"));
        }

        @Test
        void initiativeIdIsASlug() {
            assertThat(CommandShape.check(with(MILESTONE, "initiativeId", "lederprogram-2019"))).isEmpty();
            assertThat(CommandShape.check(with(MILESTONE, "initiativeId", "Felles sak/arkiv"))).containsExactly(
                    new FieldError("initiativeId", "must be a slug such as felles-sak-arkiv"));
        }
    }

    @Nested
    class Ranges {

        @Test
        void scoreIsFromOneToFive() {
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("1.0")))).isEmpty();
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("5.00")))).isEmpty();
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("0.99"))))
                    .containsExactly(new FieldError("score", "must be between 1 and 5"));
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("5.01"))))
                    .containsExactly(new FieldError("score", "must be between 1 and 5"));
        }

        @Test
        void scoreHasAtMostTwoDecimals() {
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("3.125"))))
                    .containsExactly(new FieldError("score", "must have at most two decimals"));
            assertThat(CommandShape.check(with(ASSESSMENT, "score", new BigDecimal("3.1200")))).isEmpty();
        }

        @Test
        void progressPercentIsFromZeroToHundred() {
            assertThat(CommandShape.check(with(MILESTONE, "progressPercent", 0))).isEmpty();
            assertThat(CommandShape.check(with(MILESTONE, "progressPercent", 100))).isEmpty();
            assertThat(CommandShape.check(with(MILESTONE, "progressPercent", -1)))
                    .containsExactly(new FieldError("progressPercent", "must be between 0 and 100"));
            assertThat(CommandShape.check(with(MILESTONE, "progressPercent", 101)))
                    .containsExactly(new FieldError("progressPercent", "must be between 0 and 100"));
        }

        @Test
        void populationIsNotNegative() {
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "population", 0))).isEmpty();
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "population", 10_000_000))).isEmpty();
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "population", -1)))
                    .containsExactly(new FieldError("population", "must be between 0 and 10000000"));
            assertThat(CommandShape.check(with(MERGE, "population", 10_000_001)))
                    .containsExactly(new FieldError("population", "must be between 0 and 10000000"));
        }

        @Test
        void atLeastOneLeaderIsEnrolled() {
            assertThat(CommandShape.check(with(ENROL, "leaders", 1))).isEmpty();
            assertThat(CommandShape.check(with(ENROL, "leaders", 0)))
                    .containsExactly(new FieldError("leaders", "must be between 1 and 100000"));
        }

        @Test
        void noLeaderMayCompleteButNeverFewerThanNone() {
            assertThat(CommandShape.check(with(COMPLETE_PROGRAMME, "leadersCompleted", 0))).isEmpty();
            assertThat(CommandShape.check(with(COMPLETE_PROGRAMME, "leadersCompleted", -1)))
                    .containsExactly(new FieldError("leadersCompleted", "must be between 0 and 100000"));
        }

        @Test
        void yearIsFrom2000To2100() {
            assertThat(CommandShape.check(with(SET_BUDGET, "year", 2000))).isEmpty();
            assertThat(CommandShape.check(with(SET_BUDGET, "year", 2100))).isEmpty();
            assertThat(CommandShape.check(with(SET_BUDGET, "year", 1999)))
                    .containsExactly(new FieldError("year", "must be between 2000 and 2100"));
            assertThat(CommandShape.check(with(PLEDGE, "year", 2101)))
                    .containsExactly(new FieldError("year", "must be between 2000 and 2100"));
        }

        @Test
        void requiredFteIsFromZeroToThousandWithTwoDecimals() {
            assertThat(CommandShape.check(with(SET_BUDGET, "requiredFte", BigDecimal.ZERO))).isEmpty();
            assertThat(CommandShape.check(with(SET_BUDGET, "requiredFte", new BigDecimal("1000")))).isEmpty();
            assertThat(CommandShape.check(with(SET_BUDGET, "requiredFte", new BigDecimal("-0.5"))))
                    .containsExactly(new FieldError("requiredFte", "must be between 0 and 1000"));
            assertThat(CommandShape.check(with(SET_BUDGET, "requiredFte", new BigDecimal("1000.01"))))
                    .containsExactly(new FieldError("requiredFte", "must be between 0 and 1000"));
            assertThat(CommandShape.check(with(SET_BUDGET, "requiredFte", new BigDecimal("2.005"))))
                    .containsExactly(new FieldError("requiredFte", "must have at most two decimals"));
        }

        @Test
        void datesAreFrom1900To2100() {
            assertThat(CommandShape.check(with(JOIN, "effectiveDate", LocalDate.of(1900, 1, 1)))).isEmpty();
            assertThat(CommandShape.check(with(JOIN, "effectiveDate", LocalDate.of(2100, 12, 31)))).isEmpty();
            assertThat(CommandShape.check(with(JOIN, "effectiveDate", LocalDate.of(1899, 12, 31))))
                    .containsExactly(new FieldError("effectiveDate", "must be between 1900-01-01 and 2100-12-31"));
            assertThat(CommandShape.check(with(RECORD_DECISION, "meetingDate", LocalDate.of(2101, 1, 1))))
                    .containsExactly(new FieldError("meetingDate", "must be between 1900-01-01 and 2100-12-31"));
        }
    }

    @Nested
    class Money {

        @Test
        void amountIsGreaterThanZero() {
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("0.01")))).isEmpty();
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", BigDecimal.ZERO)))
                    .containsExactly(new FieldError("amountNok", "must be greater than 0"));
            assertThat(CommandShape.check(with(SET_BUDGET, "amountNok", new BigDecimal("-100"))))
                    .containsExactly(new FieldError("amountNok", "must be greater than 0"));
        }

        @Test
        void amountHasAtMostTwoDecimals() {
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("1250000.50")))).isEmpty();
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("1250000.000")))).isEmpty();
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("1250000.005"))))
                    .containsExactly(new FieldError("amountNok", "kroner have at most two decimals (øre)"));
        }

        @Test
        void amountIsAtMostATrillionKroner() {
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("1000000000000")))).isEmpty();
            assertThat(CommandShape.check(with(PLEDGE, "amountNok", new BigDecimal("1000000000000.01"))))
                    .containsExactly(new FieldError("amountNok", "must be at most 1000000000000 NOK"));
        }

        @Test
        void budgetMayBeZeroButNotNegative() {
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "budgetNok", BigDecimal.ZERO))).isEmpty();
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "budgetNok", new BigDecimal("-0.01"))))
                    .containsExactly(new FieldError("budgetNok", "must not be negative"));
            assertThat(CommandShape.check(with(APPROVE_INITIATIVE, "budgetNok", new BigDecimal("10.999"))))
                    .containsExactly(new FieldError("budgetNok", "kroner have at most two decimals (øre)"));
        }
    }

    @Nested
    class Goals {

        @Test
        void initiativeNamesOneToFiveOfTheStrategysGoals() {
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(5)))).isEmpty();
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(1, 2, 3, 4, 5)))).isEmpty();
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of())))
                    .containsExactly(new FieldError("goals", "must name 1 to 5 of the strategy's goals"));
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(1, 2, 3, 4, 5, 1))))
                    .containsExactly(new FieldError("goals", "must name 1 to 5 of the strategy's goals"));
        }

        @Test
        void goalsAreNumberedOneToFive() {
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(0))))
                    .containsExactly(new FieldError("goals", "goals are numbered 1 to 5"));
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(2, 6))))
                    .containsExactly(new FieldError("goals", "goals are numbered 1 to 5"));
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", Arrays.asList(2, null))))
                    .containsExactly(new FieldError("goals", "goals are numbered 1 to 5"));
        }

        @Test
        void eachGoalIsNamedOnce() {
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "goals", List.of(3, 1, 3))))
                    .containsExactly(new FieldError("goals", "each goal is named once"));
        }
    }

    @Nested
    class Texts {

        @Test
        void shortTextIsAtMostThreeHundredCharacters() {
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "name", "n".repeat(300)))).isEmpty();
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "name", "n".repeat(301))))
                    .containsExactly(new FieldError("name", "must be at most 300 characters"));
            assertThat(CommandShape.check(with(RECORD_DECISION, "title", "t".repeat(301))))
                    .containsExactly(new FieldError("title", "must be at most 300 characters"));
            assertThat(CommandShape.check(with(MERGE, "successorName", "s".repeat(301))))
                    .containsExactly(new FieldError("successorName", "must be at most 300 characters"));
            assertThat(CommandShape.check(with(ENROL, "cohort", "c".repeat(301))))
                    .containsExactly(new FieldError("cohort", "must be at most 300 characters"));
        }

        @Test
        void longTextIsAtMostTwentyThousandCharacters() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "text", "t".repeat(20_000)))).isEmpty();
            assertThat(CommandShape.check(with(RECORD_DECISION, "text", "t".repeat(20_001))))
                    .containsExactly(new FieldError("text", "must be at most 20000 characters"));
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "description", "d".repeat(20_001))))
                    .containsExactly(new FieldError("description", "must be at most 20000 characters"));
            assertThat(CommandShape.check(with(WITHDRAW, "reason", "r".repeat(20_001))))
                    .containsExactly(new FieldError("reason", "must be at most 20000 characters"));
        }

        @Test
        void textIsNotBlank() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "title", "")))
                    .containsExactly(new FieldError("title", "must not be blank"));
            assertThat(CommandShape.check(with(RECORD_DECISION, "text", " \t\n")))
                    .containsExactly(new FieldError("text", "must not be blank"));
        }
    }

    @Nested
    class ControlCharactersInTexts {

        private static final String IN_LINE = "must not contain control characters";
        private static final String IN_FREE_TEXT =
                "must not contain control characters other than line breaks and tabs";

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u001b[31m", "\u0007", "\n", "\r", "\t", "\u007f", "\u0085",
                "\u009b", "\u202a", "\u202e", "\u2066", "\u2069"})
        void singleLineTextRejectsEveryControlCharacterLineBreaksIncluded(String control) {
            assertThat(CommandShape.check(with(RECORD_DECISION, "title", "Vedtak " + control + "om strategi")))
                    .containsExactly(new FieldError("title", IN_LINE));
            assertThat(CommandShape.check(with(REGISTER_PARTICIPANT, "name", control + "Indre Fosen")))
                    .containsExactly(new FieldError("name", IN_LINE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u001b", "\u000b", "\u000c", "\u007f", "\u0080", "\u009f",
                "\u202d", "\u2068"})
        void freeTextRejectsControlCharactersOtherThanLineBreaksAndTabs(String control) {
            assertThat(CommandShape.check(with(RECORD_DECISION, "text", "Vedtatt." + control)))
                    .containsExactly(new FieldError("text", IN_FREE_TEXT));
            assertThat(CommandShape.check(with(WITHDRAW, "reason", control + "Ny avtale")))
                    .containsExactly(new FieldError("reason", IN_FREE_TEXT));
        }

        @Test
        void freeTextMayRunOverSeveralLinesAndHoldTabs() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "text", "Punkt 1\nPunkt 2\r\n\tInnrykk")))
                    .isEmpty();
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "description", "Linje 1\nLinje 2"))).isEmpty();
        }

        @Test
        void eachPointAndEachPartOfAnAuthorityIsCheckedUnderItsName() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "points", List.of("Punkt 1", "Punkt \u0000"))))
                    .containsExactly(new FieldError("points[1]", IN_FREE_TEXT));
            assertThat(CommandShape.check(with(JOIN, "authority",
                    Authority.external("Kommune\u202estyre", "18/\n1", DATE)))).containsExactly(
                    new FieldError("authority.body", IN_LINE),
                    new FieldError("authority.caseNumber", IN_LINE));
        }

        @Test
        void aControlCharacterIsNamedEvenWhereJavaCountsItAsWhitespace() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "title", "\u001f")))
                    .containsExactly(new FieldError("title", IN_LINE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://example.com\",\"Klikk\")", "+1+1", "-5", "@SUM(1)",
                "Ærlig \u00e5pen tekst \u2013 med \u00abanf\u00f8rsel\u00bb", "\u200e\u00a0"})
        void textThatOnlyLooksLikeAFormulaOrHoldsOtherUnicodeIsLegal(String text) {
            assertThat(CommandShape.check(with(PROPOSE_INITIATIVE, "title", text))).isEmpty();
        }
    }

    @Nested
    class Lists {

        @Test
        void decisionMayHaveNoPointsButAtMostHundred() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "points", List.of()))).isEmpty();
            assertThat(CommandShape.check(with(RECORD_DECISION, "points", Collections.nCopies(100, "p")))).isEmpty();
            assertThat(CommandShape.check(with(RECORD_DECISION, "points", Collections.nCopies(101, "p"))))
                    .containsExactly(new FieldError("points", "must have 0 to 100 items"));
        }

        @Test
        void eachPointIsCheckedUnderItsIndex() {
            assertThat(CommandShape.check(with(RECORD_DECISION, "points",
                    Arrays.asList("Punkt 1", " ", null, "p".repeat(20_001))))).containsExactly(
                    new FieldError("points[1]", "must not be blank"),
                    new FieldError("points[2]", "is required"),
                    new FieldError("points[3]", "must be at most 20000 characters"));
        }

        @Test
        void mergeNamesOneToTwentyPredecessors() {
            List<String> twenty = IntStream.rangeClosed(5001, 5020).mapToObj(String::valueOf).toList();

            assertThat(CommandShape.check(with(MERGE, "predecessorIds", twenty))).isEmpty();
            assertThat(CommandShape.check(with(MERGE, "predecessorIds", List.of())))
                    .containsExactly(new FieldError("predecessorIds", "must have 1 to 20 items"));
            assertThat(CommandShape.check(with(MERGE, "predecessorIds",
                    Stream.concat(twenty.stream(), Stream.of("5021")).toList())))
                    .containsExactly(new FieldError("predecessorIds", "must have 1 to 20 items"));
        }

        @Test
        void eachPredecessorIdIsCheckedUnderItsIndex() {
            assertThat(CommandShape.check(with(MERGE, "predecessorIds", Arrays.asList("5001", "50x0", null))))
                    .containsExactly(
                            new FieldError("predecessorIds[1]",
                                    "must be a 4-digit municipality or 9-digit organisation number"),
                            new FieldError("predecessorIds[2]", "is required"));
        }
    }

    @Nested
    class AuthorityField {

        @Test
        void authorityCitesARecordedDecisionByItsId() {
            assertThat(CommandShape.check(with(JOIN, "authority", BY_DECISION))).isEmpty();
            assertThat(CommandShape.check(with(JOIN, "authority", Authority.ofDecision("SG 1"))))
                    .containsExactly(new FieldError("authority.decisionId", "must be a slug such as sg-2018-05-02-07"));
        }

        @Test
        void authorityCitesAnExternalDecisionByBodyCaseNumberAndDate() {
            assertThat(CommandShape.check(with(JOIN, "authority", EXTERNAL))).isEmpty();
            assertThat(CommandShape.check(with(JOIN, "authority", new Authority(null, null, null, null))))
                    .containsExactly(
                            new FieldError("authority.body", "is required for an external decision"),
                            new FieldError("authority.caseNumber", "is required for an external decision"),
                            new FieldError("authority.date", "is required for an external decision"));
        }

        @Test
        void externalAuthoritysPartsAreCheckedUnderNestedNames() {
            Authority malformed = Authority.external(" ", "c".repeat(301), LocalDate.of(1899, 1, 1));

            assertThat(CommandShape.check(with(PLEDGE, "authority", malformed))).containsExactly(
                    new FieldError("authority.body", "must not be blank"),
                    new FieldError("authority.caseNumber", "must be at most 300 characters"),
                    new FieldError("authority.date", "must be between 1900-01-01 and 2100-12-31"));
        }

        @Test
        void authorityCitesEitherADecisionOrAnExternalOneNotBoth() {
            Authority both = new Authority(DECISION_ID, "Indre Fosen kommunestyre", null, null);

            assertThat(CommandShape.check(with(MERGE, "authority", both))).containsExactly(new FieldError("authority",
                    "cites either a decisionId or an external body, caseNumber and date, not both"));
        }
    }

    @Nested
    class Interceptor {

        @Test
        void malformedCommandIsRejectedWithEveryOffendingFieldBeforeItsHandler() {
            RegisterParticipant malformed = new RegisterParticipant("505", "Indre Fosen", ParticipantKind.MUNICIPALITY,
                    "fosen", -1, DATE);
            List<String> proceeded = new ArrayList<>();

            Throwable thrown = intercept(malformed, proceeded);

            assertThat(thrown).isInstanceOf(CommandExecutionException.class);
            assertThat(((CommandExecutionException) thrown).getDetails()).contains(new CommandRejection(
                    Reason.INVALID, "invalid-fields", "The command has invalid fields: 2 to correct.", List.of(
                    new FieldError("participantId", "must be a 4-digit municipality or 9-digit organisation number"),
                    new FieldError("population", "must be between 0 and 10000000"))));
            assertThat(proceeded).isEmpty();
        }

        @Test
        void wellFormedCommandProceedsToItsHandler() {
            List<String> proceeded = new ArrayList<>();

            Throwable thrown = intercept(REGISTER_PARTICIPANT, proceeded);

            assertThat(thrown).isNull();
            assertThat(proceeded).containsExactly("handled");
        }

        private Throwable intercept(Object command, List<String> proceeded) {
            CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command);
            DefaultUnitOfWork<CommandMessage<Object>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
            try {
                return catchThrowable(() -> new CommandShapeInterceptor().handle(unitOfWork, () -> {
                    proceeded.add("handled");
                    return null;
                }));
            } finally {
                unitOfWork.rollback();
            }
        }
    }

    /** A copy of a command record with one field replaced. */
    @SuppressWarnings("unchecked")
    private static <T extends Record> T with(T command, String field, Object value) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                values[i] = value;
                found = true;
            } else {
                values[i] = read(components[i], command);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(command.getClass().getSimpleName() + " has no field " + field);
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = command.getClass().getDeclaredConstructor(types);
            return (T) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
