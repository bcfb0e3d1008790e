package no.trondelag.samhandling.query.ledger;

import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.region.RegionRegistered;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

class FactRecorderTest {

    private static final Instant RECORDED = Instant.parse("2024-01-08T08:00:00.123456Z");
    private static final SteeringGroupDecisionRecorded STRATEGY = new SteeringGroupDecisionRecorded(
            "sg-2018-05-02-07", LocalDate.of(2018, 5, 2), "7/18", "Samhandlingsstrategi", "Vedtatt", List.of());
    private static final SecretariatBudgetSet BUDGET = new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
            new BigDecimal("2400000.00"), "sg-2018-05-02-07");

    private final InMemoryFactLog log = new InMemoryFactLog();
    /** Positions an event store would give, by event identifier; empty unless a test says otherwise. */
    private final Map<String, Long> storedPositions = new java.util.HashMap<>();
    private final java.util.List<String> lookups = new java.util.ArrayList<>();
    private final EventIndex eventIndex = new EventIndex() {
        @Override
        public java.util.OptionalLong globalIndexOf(String id) {
            lookups.add("one");
            return storedPositions.containsKey(id)
                    ? java.util.OptionalLong.of(storedPositions.get(id))
                    : java.util.OptionalLong.empty();
        }

        @Override
        public Map<String, Long> globalIndexesOf(java.util.Collection<String> ids) {
            lookups.add("batch of " + ids.size());
            Map<String, Long> found = new java.util.HashMap<>(storedPositions);
            found.keySet().retainAll(ids);
            return found;
        }
    };
    private final FactRecorder recorder = new FactRecorder(log, eventIndex);

    private static EventMessage<LedgerEvent> message(LedgerEvent event, Map<String, ?> metaData, Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), event, metaData, timestamp);
    }

    private static void deliver(FactRecorder recorder, long position, LedgerEvent event) {
        recorder.on(event, message(event, Map.of("actor", "secretariat"), RECORDED.plusSeconds(position)),
                new GlobalSequenceTrackingToken(position));
    }

    @Test
    void anEventIsRecordedWithItsPositionTimestampEffectiveDateAndActor() {
        // when
        recorder.on(INDRE_FOSEN.registered(), message(INDRE_FOSEN.registered(),
                Map.of("actor", "secretariat", "correlationId", "c-1"), RECORDED), new GlobalSequenceTrackingToken(41));

        // then
        assertThat(log.all()).containsExactly(new LedgerFact(41, RECORDED, LocalDate.of(2018, 1, 1), "secretariat",
                INDRE_FOSEN.registered()));
    }

    @Test
    void anEventFillingAGapLateIsRecordedAtItsOwnPositionNotTheTokens() {
        // given position 8 committed after position 9 was processed: the token handed along names 9
        deliver(recorder, 9, STRATEGY);
        EventMessage<LedgerEvent> late = message(INDRE_FOSEN.registered(), Map.of("actor", "secretariat"), RECORDED);
        storedPositions.put(late.getIdentifier(), 8L);

        // when
        recorder.on(INDRE_FOSEN.registered(), late, new GlobalSequenceTrackingToken(9));

        // then both facts are kept, each at its own position
        assertThat(log.all()).extracting(LedgerFact::position).containsExactly(8L, 9L);
        assertThat(log.all()).extracting(LedgerFact::event).containsExactly(INDRE_FOSEN.registered(), STRATEGY);
    }

    @Test
    void inABatchThePositionsOfAllItsEventsAreLookedUpAtOnce() {
        // given a batch of three events, the last of which filled a gap at position 4 after 9 was seen
        List<EventMessage<LedgerEvent>> messages = List.of(
                message(STRATEGY, Map.of("actor", "secretariat"), RECORDED),
                message(BUDGET, Map.of("actor", "secretariat"), RECORDED),
                message(INDRE_FOSEN.registered(), Map.of("actor", "secretariat"), RECORDED));
        storedPositions.put(messages.get(0).getIdentifier(), 8L);
        storedPositions.put(messages.get(1).getIdentifier(), 9L);
        storedPositions.put(messages.get(2).getIdentifier(), 4L);
        BatchingUnitOfWork<EventMessage<LedgerEvent>> batch = new BatchingUnitOfWork<>(messages);

        // when
        batch.start();
        try {
            for (EventMessage<LedgerEvent> message : messages) {
                recorder.on(message.getPayload(), message, new GlobalSequenceTrackingToken(9));
            }
        } finally {
            batch.commit();
        }

        // then
        assertThat(lookups).containsExactly("batch of 3");
        assertThat(log.all()).extracting(LedgerFact::position).containsExactly(4L, 8L, 9L);
    }

    @Test
    void anEventWithoutActorIsRecordedWithoutActor() {
        RegionRegistered fosen = new RegionRegistered("fosen", "Fosen regionråd");

        recorder.on(fosen, message(fosen, Map.of(), RECORDED), new GlobalSequenceTrackingToken(0));

        assertThat(log.all()).containsExactly(new LedgerFact(0, RECORDED, null, null, fosen));
    }

    @Test
    void anEventCitingADecisionIsRecordedFromItselfAloneAndReadsWithTheMeetingDate() {
        // given two segments: the budget's is ahead of the decision's
        deliver(recorder, 1, BUDGET);
        deliver(new FactRecorder(log, eventIndex), 0, STRATEGY);

        // then the budget was recorded without a date, and reads with the decision's
        assertThat(log.asAppended()).extracting(LedgerFact::position, LedgerFact::effectiveOn)
                .containsExactly(tuple(0L, LocalDate.of(2018, 5, 2)), tuple(1L, null));
        assertThat(log.all()).extracting(LedgerFact::effectiveOn)
                .containsExactly(LocalDate.of(2018, 5, 2), LocalDate.of(2018, 5, 2));
    }

    @Test
    void aResetClearsTheLog() {
        // given
        deliver(recorder, 0, STRATEGY);

        // when
        recorder.reset();
        deliver(recorder, 1, BUDGET);

        // then the decision is no longer there, so the budget holds from its recording
        assertThat(log.all()).containsExactly(new LedgerFact(1, RECORDED.plusSeconds(1), null, "secretariat",
                BUDGET));
    }
}
