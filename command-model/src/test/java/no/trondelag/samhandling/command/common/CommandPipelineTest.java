package no.trondelag.samhandling.command.common;

import static no.trondelag.samhandling.command.common.ExpectedRejections.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.CommandOutcome;
import no.trondelag.samhandling.api.common.CommandOutcome.AppendedEvent;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.command.common.CommandLookups.IdKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every command goes through on its way in and every event on its way to the store, shown on single-aggregate
 * commands; {@code MergeParticipantsTest} shows the same across aggregates.
 */
class CommandPipelineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-01-15T09:00:00Z"), ZoneId.of("Europe/Oslo"));
    private static final String DECISION_ID = "sg-2018-11-21-04";

    private CommandModelHarness harness;

    @BeforeEach
    void start() {
        harness = CommandModelHarness.start(CLOCK);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void commandIsHandledAndItsOutcomeNamesTheStoredEvent() {
        AppendedEvents appended = harness.send(new RegisterRegion("fosen", "Fosen regionråd"));

        DomainEventMessage<?> stored = harness.events(LedgerIds.region("fosen")).get(0);
        assertThat(stored.getPayload()).isEqualTo(new RegionRegistered("fosen", "Fosen regionråd"));
        assertThat(appended.outcome()).isEqualTo(new CommandOutcome("region:fosen", 0L, List.of(
                new AppendedEvent(stored.getIdentifier(), "region:fosen", 0L, "RegionRegistered"))));
        assertThat(harness.lookups().exists(IdKind.REGION, "fosen")).isTrue();
    }

    @Test
    void eventsOfACommandWhoseDecisionIdIsItsAuthorityCiteThatDecision() {
        harness.send(new RecordSteeringGroupDecision(DECISION_ID, LocalDate.of(2018, 11, 21), "18/31",
                "Felles sak- og arkivsystem", "Rådmannsutvalget godkjente satsingen.", List.of()));
        harness.send(new ProposeInitiative("felles-sak-arkiv", "Felles sak- og arkivsystem", null,
                Pillar.PRIORITISED_INITIATIVES, List.of(1, 3), null));

        harness.send(new ApproveInitiative("felles-sak-arkiv", DECISION_ID, new BigDecimal("2500000.00")));

        List<DomainEventMessage<?>> events = harness.events(LedgerIds.initiative("felles-sak-arkiv"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getMetaData()).doesNotContainKey("authority");
        assertThat(events.get(1).getPayload()).isEqualTo(
                new InitiativeApproved("felles-sak-arkiv", DECISION_ID, Money.nok(new BigDecimal("2500000.00"))));
        assertThat(events.get(1).getMetaData())
                .containsEntry("actor", CommandModelHarness.ACTOR)
                .containsEntry("authority", Map.of("decisionId", DECISION_ID));
        assertThat(harness.lookups().ids(IdKind.DECISION)).containsExactly(DECISION_ID);
        assertThat(harness.lookups().ids(IdKind.INITIATIVE)).containsExactly("felles-sak-arkiv");
    }

    @Test
    void malformedCommandIsRejectedBeforeAnyHandlerAndAppendsNothing() {
        Throwable thrown = catchThrowable(() -> harness.send(new RegisterRegion("Fosen", " ")));

        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) thrown).getDetails()).contains(invalid(
                new FieldError("regionId", "must be a slug of 2 to 40 characters a-z, 0-9 and -"),
                new FieldError("name", "must not be blank")));
        assertThat(harness.eventCount()).isZero();
    }

    @Test
    void commandWithoutActorIsRefusedAndAppendsNothing() {
        Throwable thrown = catchThrowable(() -> harness.send(new RegisterRegion("fosen", "Fosen regionråd"),
                Map.of("correlationId", "request-1")));

        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessage("Event RegionRegistered has no actor; every event must say who caused it");
        assertThat(harness.eventCount()).isZero();
        assertThat(harness.lookups().exists(IdKind.REGION, "fosen")).isFalse();
    }

    @Test
    void blankActorIsRefusedToo() {
        Throwable thrown = catchThrowable(() -> harness.send(new RegisterRegion("fosen", "Fosen regionråd"),
                Map.of("actor", " ")));

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(harness.eventCount()).isZero();
    }
}
