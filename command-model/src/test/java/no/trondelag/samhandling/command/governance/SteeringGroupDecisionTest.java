package no.trondelag.samhandling.command.governance;

import static no.trondelag.samhandling.command.common.ExpectedRejections.conflict;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.trondelag.samhandling.api.governance.CorrectSteeringGroupDecision;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.command.common.InMemoryCommandLookups;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SteeringGroupDecisionTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** 00:30 on 3 May 2018 in Oslo (summer time, UTC+2), while it is still 2 May in UTC. */
    private static final Instant JUST_AFTER_MIDNIGHT_3_MAY_2018 = Instant.parse("2018-05-02T22:30:00Z");
    private static final LocalDate MEETING_DATE = LocalDate.of(2018, 5, 2);
    private static final String DECISION_ID = "sg-2018-05-02-07";
    private static final List<String> POINTS = List.of(
            "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
            "Strategien sendes kommunene for tilslutning.");
    private static final SteeringGroupDecisionRecorded RECORDED = new SteeringGroupDecisionRecorded(DECISION_ID,
            MEETING_DATE, "18/7", "Samhandlingsstrategi for digitalisering", "Rådmannsutvalget vedtok strategien.",
            POINTS);

    private AggregateTestFixture<SteeringGroupDecision> fixture;
    private InMemoryCommandLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SteeringGroupDecision.class);
        lookups = new InMemoryCommandLookups();
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(Clock.fixed(JUST_AFTER_MIDNIGHT_3_MAY_2018, OSLO));
    }

    private static RecordSteeringGroupDecision recordOn(LocalDate meetingDate) {
        return new RecordSteeringGroupDecision(DECISION_ID, meetingDate, "18/7",
                "Samhandlingsstrategi for digitalisering", "Rådmannsutvalget vedtok strategien.", POINTS);
    }

    @Nested
    class RecordSteeringGroupDecisionCommand {

        @Test
        void decisionOfAPastMeetingIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(recordOn(MEETING_DATE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(RECORDED);
        }

        @Test
        void decisionOfTodaysMeetingInOsloIsRecordedThoughItIsStillYesterdayInUtc() {
            LocalDate todayInOslo = LocalDate.of(2018, 5, 3);

            fixture.givenNoPriorActivity()
                    .when(recordOn(todayInOslo))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SteeringGroupDecisionRecorded(DECISION_ID, todayInOslo, "18/7",
                            "Samhandlingsstrategi for digitalisering", "Rådmannsutvalget vedtok strategien.",
                            POINTS));
        }

        @Test
        void decisionOfAnEarlierMeetingIsRecordedWithoutCaseNumber() {
            LocalDate earlier = LocalDate.of(2017, 11, 30);

            fixture.givenNoPriorActivity()
                    .when(new RecordSteeringGroupDecision("sg-2017-11-30-02", earlier, null, "Mandat",
                            "Rådmannsutvalget ga strategigruppen mandat.", List.of()))
                    .expectEvents(new SteeringGroupDecisionRecorded("sg-2017-11-30-02", earlier, null, "Mandat",
                            "Rådmannsutvalget ga strategigruppen mandat.", List.of()));
        }

        @Test
        void decisionIdIsRecordedOnlyOnce() {
            lookups.withDecisions(DECISION_ID);

            fixture.givenNoPriorActivity()
                    .when(recordOn(MEETING_DATE))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_ALREADY_RECORDED,
                            "Decision sg-2018-05-02-07 is already recorded"))
                    .expectNoEvents();
        }

        @Test
        void meetingDateCannotBeInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(recordOn(LocalDate.of(2018, 5, 4)))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.MEETING_DATE_IN_FUTURE,
                            "Meeting date 2018-05-04 is after today, 2018-05-03"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CorrectSteeringGroupDecisionCommand {

        @Test
        void correctionIsRecordedBesideTheOriginal() {
            List<String> correctedPoints = List.of(
                    "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
                    "Strategien sendes kommunene og fylkeskommunen for tilslutning.");

            fixture.given(RECORDED)
                    .when(new CorrectSteeringGroupDecision(DECISION_ID, "Rådmannsutvalget vedtok strategien.",
                            correctedPoints, "Fylkeskommunen manglet i punkt 2"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SteeringGroupDecisionCorrected(DECISION_ID,
                            "Rådmannsutvalget vedtok strategien.", correctedPoints,
                            "Fylkeskommunen manglet i punkt 2"));
        }

        @Test
        void decisionCanBeCorrectedMoreThanOnce() {
            SteeringGroupDecisionCorrected first = new SteeringGroupDecisionCorrected(DECISION_ID, "Første retting.",
                    POINTS, "Skrivefeil");

            fixture.given(RECORDED, first)
                    .when(new CorrectSteeringGroupDecision(DECISION_ID, "Andre retting.", POINTS, "Ny skrivefeil"))
                    .expectEvents(new SteeringGroupDecisionCorrected(DECISION_ID, "Andre retting.", POINTS,
                            "Ny skrivefeil"));
        }

        @Test
        void unrecordedDecisionCannotBeCorrected() {
            fixture.givenNoPriorActivity()
                    .when(new CorrectSteeringGroupDecision(DECISION_ID, "Rettet tekst.", POINTS, "Skrivefeil"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
