package no.trondelag.samhandling.query.ledger;

import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.KLAEBU;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.query.ledger.FactLog.Watermark;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcFactLogTest {

    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final LocalDate MAY_2 = LocalDate.of(2018, 5, 2);
    private static final Instant RECORDED = Instant.parse("2024-01-08T08:00:00.123456Z");

    private JdbcTemplate jdbc;
    private JdbcFactLog log;

    @BeforeEach
    void database() {
        assertThat(H2FactLogs.MIGRATIONS).as("the read model migrations, relative to the module directory")
                .allMatch(java.nio.file.Files::exists);
        jdbc = H2FactLogs.database();
        log = new JdbcFactLog(jdbc, H2FactLogs.serializer());
    }

    private static LedgerFact fact(long position, LedgerEvent event) {
        return fact(position, event, RECORDED.plusSeconds(position));
    }

    private static LedgerFact fact(long position, LedgerEvent event, Instant recordedAt) {
        LocalDate effectiveOn = EffectiveDates.of(event, decisionId -> STRATEGY.equals(decisionId) ? MAY_2 : null);
        return new LedgerFact(position, recordedAt, effectiveOn, "secretariat", event);
    }

    private List<LedgerFact> readAll() {
        return readAfter(-1);
    }

    private List<LedgerFact> readAfter(long position) {
        List<LedgerFact> facts = new ArrayList<>();
        log.forEach(position, facts::add);
        return facts;
    }

    @Test
    void anEmptyLogHasNoFacts() {
        assertThat(log.watermark()).isEqualTo(new Watermark(0, 0, -1));
        assertThat(readAll()).isEmpty();
        assertThat(log.concerning(List.of("5054"))).isEmpty();
    }

    @Nested
    class RoundTrip {

        @Test
        void aFactCopiedFromAMessageTakesTheEventAsTheMessageHoldsItSerialized() {
            // given a message as the event store gives it: its payload serialized by the log's serializer
            LedgerEvent event = INDRE_FOSEN.registered();
            var serializer = H2FactLogs.serializer();
            var stored = serializer.serialize(event, String.class);
            var message = new org.axonframework.serialization.SerializedMessage<LedgerEvent>("event-1", stored,
                    serializer.serialize(org.axonframework.messaging.MetaData.emptyInstance(), String.class),
                    serializer);

            // when
            log.append(fact(0, event), message);

            // then
            assertThat(readAll()).containsExactly(fact(0, event));
            assertThat(jdbc.queryForObject("SELECT payload FROM rm_fact", String.class)).isEqualTo(stored.getData());
        }

        @Test
        void factsOfEveryShapeAreReadBackEqual() {
            // given
            List<LedgerFact> facts = List.of(
                    fact(0, new RegionRegistered("fosen", "Fosen regionråd")),
                    fact(1, INDRE_FOSEN.registered()),
                    fact(2, new SteeringGroupDecisionRecorded(STRATEGY, MAY_2, "7/18", "Samhandlingsstrategi",
                            "Strategien vedtas.", List.of("1. Strategien vedtas", "2. Sekretariat opprettes"))),
                    fact(3, INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14))),
                    fact(4, new SecretariatBudgetSet(2019, new BigDecimal("2.0"), new BigDecimal("2400000.00"),
                            STRATEGY)),
                    fact(5, new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT,
                            new BigDecimal("1250000.50"), STRATEGY)),
                    fact(6, new InitiativeProposed("felles-sak-arkiv", "Felles sak/arkiv", null,
                            Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), "5054")),
                    fact(7, new DigitalMaturityAssessed("5054", LocalDate.of(2019, 3, 1), new BigDecimal("3.10"),
                            "KS")),
                    fact(8, Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595, TRONDHEIM, KLAEBU)
                            .mergedInto("5030")));

            // when
            facts.forEach(log::append);

            // then
            assertThat(readAll()).containsExactlyElementsOf(facts);
            assertThat(readAll().get(4).effectiveOn()).isEqualTo(MAY_2);
            assertThat(readAll().get(0).effectiveOn()).isNull();
        }

        @Test
        void recordingInstantsKeepTheirMicroseconds() {
            log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd"), RECORDED));

            assertThat(readAll().get(0).recordedAt()).isEqualTo(Instant.parse("2024-01-08T08:00:00.123456Z"));
        }

        @Test
        void recordingInstantsAreCutToTheMicrosecond() {
            log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd"),
                    Instant.parse("2024-01-08T08:00:00.123456789Z")));

            assertThat(readAll().get(0).recordedAt()).isEqualTo(Instant.parse("2024-01-08T08:00:00.123456Z"));
        }

        @Test
        void aFactWithoutActorIsReadBackWithoutActor() {
            LedgerFact fact = new LedgerFact(0, RECORDED, null, null, new RegionRegistered("fosen", "Fosen"));
            log.append(fact);

            assertThat(readAll()).containsExactly(fact);
        }

        @Test
        void thePayloadIsStoredWithTypeAndRevision() {
            log.append(fact(0, INDRE_FOSEN.registered()));

            assertThat(jdbc.queryForMap("SELECT event_type, payload_type, payload_revision FROM rm_fact"))
                    .containsEntry("EVENT_TYPE", "ParticipantRegistered")
                    .containsEntry("PAYLOAD_TYPE", ParticipantRegistered.class.getName())
                    .containsEntry("PAYLOAD_REVISION", "1");
        }
    }

    @Nested
    class Order {

        @Test
        void factsAreReadInPositionOrderWhateverTheOrderTheyArrivedIn() {
            // given position 2 committed late, into a gap
            log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
            log.append(fact(1, INDRE_FOSEN.registered()));
            log.append(fact(3, Trondelag.OSEN.registered()));
            log.append(fact(2, INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14))));

            assertThat(readAll()).extracting(LedgerFact::position).containsExactly(0L, 1L, 2L, 3L);
        }

        @Test
        void onlyFactsAfterThePositionAreRead() {
            for (long position = 0; position < 5; position++) {
                log.append(fact(position, new RegionRegistered("r" + position, "R" + position)));
            }

            assertThat(readAfter(2)).extracting(LedgerFact::position).containsExactly(3L, 4L);
            assertThat(readAfter(4)).isEmpty();
        }
    }

    @Nested
    class InATransaction {

        private TransactionTemplate transaction;

        @BeforeEach
        void transactions() {
            transaction = new TransactionTemplate(
                    new DataSourceTransactionManager(java.util.Objects.requireNonNull(jdbc.getDataSource())));
        }

        @Test
        void factsAppendedInATransactionAreWrittenTogetherWhenItCommits() {
            transaction.executeWithoutResult(status -> {
                log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
                log.append(fact(1, INDRE_FOSEN.registered()));

                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact", Long.class))
                        .as("not written before the commit").isZero();
            });

            assertThat(readAll()).extracting(LedgerFact::position).containsExactly(0L, 1L);
            assertThat(log.concerning(List.of("5054"))).hasSize(1);
            assertThat(log.watermark()).isEqualTo(new Watermark(0, 2, 1));
        }

        @Test
        void aLogGivenAFreshnessSeesWhatItsTransactionWroteOnceItCommits() {
            JdbcFactLog remembering = new JdbcFactLog(jdbc, H2FactLogs.serializer(),
                    org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
                    java.time.Duration.ofHours(1));
            assertThat(remembering.watermark()).isEqualTo(new Watermark(0, 0, -1));

            transaction.executeWithoutResult(status -> {
                remembering.append(fact(0, INDRE_FOSEN.registered()));
                assertThat(remembering.watermark()).as("before the commit").isEqualTo(new Watermark(0, 0, -1));
            });

            assertThat(remembering.watermark()).isEqualTo(new Watermark(0, 1, 0));
        }

        @Test
        void factsAppendedInATransactionThatRollsBackAreNotWritten() {
            transaction.executeWithoutResult(status -> {
                log.append(fact(0, INDRE_FOSEN.registered()));
                status.setRollbackOnly();
            });
            transaction.executeWithoutResult(status -> log.append(fact(1, Trondelag.OSEN.registered())));

            assertThat(readAll()).extracting(LedgerFact::position).containsExactly(1L);
            assertThat(log.watermark()).isEqualTo(new Watermark(0, 1, 1));
        }

        @Test
        void aFactThatCannotBeSerializedFailsItsAppendAndNotTheTransactionsOtherFacts() {
            transaction.executeWithoutResult(status -> {
                log.append(fact(0, INDRE_FOSEN.registered()));
                assertThatThrownBy(() -> log.append(new LedgerFact(1, RECORDED, null, "secretariat",
                        new Unserializable()))).isInstanceOf(RuntimeException.class);
            });

            assertThat(readAll()).extracting(LedgerFact::position).containsExactly(0L);
        }
    }

    /** An event Jackson cannot serialize: its one property throws. */
    private static final class Unserializable implements LedgerEvent {

        @SuppressWarnings("unused")
        public String getBroken() {
            throw new IllegalStateException("cannot be serialized");
        }
    }

    @Nested
    class Watermarks {

        @Test
        void aLogGivenAFreshnessSeesItsOwnChangesAtOnceAndAnotherNodesWithinTheFreshness() {
            JdbcFactLog remembering = new JdbcFactLog(jdbc, H2FactLogs.serializer(),
                    org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
                    java.time.Duration.ofHours(1));
            JdbcFactLog otherNode = new JdbcFactLog(jdbc, H2FactLogs.serializer());
            remembering.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
            assertThat(remembering.watermark()).isEqualTo(new Watermark(0, 1, 0));

            otherNode.append(fact(1, INDRE_FOSEN.registered()));

            assertThat(remembering.watermark()).as("another node's append, within the freshness")
                    .isEqualTo(new Watermark(0, 1, 0));
            assertThat(otherNode.watermark()).isEqualTo(new Watermark(0, 2, 1));

            remembering.append(fact(2, Trondelag.OSEN.registered()));

            assertThat(remembering.watermark()).as("its own append, at once").isEqualTo(new Watermark(0, 3, 2));

            remembering.clear();

            assertThat(remembering.watermark()).as("its own clearing, at once").isEqualTo(new Watermark(1, 0, -1));
        }

        @Test
        void theWatermarkCountsFactsAndNamesTheHighestPosition() {
            log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
            log.append(fact(5, Trondelag.OSEN.registered()));
            Watermark before = log.watermark();
            log.append(fact(1, INDRE_FOSEN.registered()));

            assertThat(before).isEqualTo(new Watermark(0, 2, 5));
            assertThat(log.watermark()).as("an append below the highest position changes it too")
                    .isEqualTo(new Watermark(0, 3, 5));
        }

        @Test
        void reappendingAPositionReplacesTheFactThere() {
            // given
            log.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
            log.append(fact(1, INDRE_FOSEN.registered()));

            // when the same position is delivered again
            LedgerFact again = fact(1, Trondelag.OSEN.registered());
            log.append(again);
            log.append(again);

            // then
            assertThat(log.watermark()).as("facts replaced are not counted again").isEqualTo(new Watermark(0, 2, 1));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact", Long.class)).isEqualTo(2L);
            assertThat(log.countAfter(0)).isEqualTo(1);
            assertThat(log.countUpTo(0)).isEqualTo(1);
            assertThat(readAll()).extracting(LedgerFact::event)
                    .containsExactly(new RegionRegistered("fosen", "Fosen regionråd"), Trondelag.OSEN.registered());
            assertThat(log.concerning(List.of("5054"))).isEmpty();
            assertThat(log.concerning(List.of("5020"))).containsExactly(again);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact_participant", Long.class)).isEqualTo(1L);
        }

        @Test
        void clearingRemovesEveryFactAndItsIndex() {
            log.append(fact(0, INDRE_FOSEN.registered()));
            log.append(fact(1, INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14))));

            log.clear();

            assertThat(log.watermark()).isEqualTo(new Watermark(1, 0, -1));
            assertThat(readAll()).isEmpty();
            assertThat(log.concerning(List.of("5054"))).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact_participant", Long.class)).isZero();
        }
    }

    @Nested
    class Concerning {

        @Test
        void theFactsConcerningAnyOfTheParticipantsAreReadOnceEachInPositionOrder() {
            // given
            List<LedgerFact> merge = new ArrayList<>();
            log.append(fact(0, TRONDHEIM.registered()));
            log.append(fact(1, KLAEBU.registered()));
            log.append(fact(2, INDRE_FOSEN.registered()));
            log.append(fact(3, KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20))));
            List<LedgerEvent> events = Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595, TRONDHEIM,
                    KLAEBU).events(false);
            for (int i = 0; i < events.size(); i++) {
                merge.add(fact(4 + i, events.get(i)));
            }
            merge.forEach(log::append);

            // when
            List<LedgerFact> concerning = log.concerning(List.of("5001", "5030"));

            // then
            assertThat(concerning).extracting(LedgerFact::position).containsExactly(0L, 1L, 3L, 4L, 5L);
            assertThat(concerning.get(3)).isEqualTo(merge.get(0));
            assertThat(log.concerning(List.of("5001"))).extracting(LedgerFact::position)
                    .containsExactly(0L, 4L, 5L);
            assertThat(log.concerning(List.of("5054", "9999"))).extracting(LedgerFact::position)
                    .containsExactly(2L);
        }

        @Test
        void noParticipantsConcernNoFacts() {
            log.append(fact(0, INDRE_FOSEN.registered()));

            assertThat(log.concerning(List.of())).isEmpty();
        }
    }

    @Nested
    class MeetingDates {

        private final LedgerFact decision = fact(3, new SteeringGroupDecisionRecorded(STRATEGY, MAY_2, "7/18",
                "Samhandlingsstrategi", "Strategien vedtas.", List.of()));

        /** A fact as the recorder adds it: with only the date the event gives itself. */
        private LedgerFact recorded(long position, LedgerEvent event) {
            return new LedgerFact(position, RECORDED.plusSeconds(position), EffectiveDates.of(event), "secretariat",
                    event);
        }

        @Test
        void aFactCitingADecisionReadsWithItsMeetingDateWhicheverWasRecordedFirst() {
            // given a pledge resting on the decision recorded after it, and one recorded before it
            log.append(recorded(5, new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
                    new BigDecimal("2400000.00"), STRATEGY)));
            log.append(decision);
            log.append(recorded(1, new SecretariatFundingPledged(2019, "5054", new BigDecimal("300000.00"),
                    Authority.ofDecision(STRATEGY))));

            assertThat(jdbc.queryForList("SELECT effective_on FROM rm_fact WHERE position IN (1, 5)", LocalDate.class))
                    .as("stored without the meeting date").containsOnlyNulls();
            assertThat(readAll()).extracting(LedgerFact::position, LedgerFact::effectiveOn)
                    .containsExactly(tuple(1L, MAY_2), tuple(3L, MAY_2), tuple(5L, MAY_2));
            assertThat(log.concerning(List.of("5054"))).singleElement()
                    .extracting(LedgerFact::effectiveOn).isEqualTo(MAY_2);
        }

        @Test
        void aFactCitingADecisionNotYetRecordedHoldsFromItsRecordingUntilItIs() {
            LedgerFact budget = recorded(5, new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
                    new BigDecimal("2400000.00"), STRATEGY));
            log.append(budget);

            assertThat(readAll()).singleElement().extracting(LedgerFact::effectiveOn).isNull();

            log.append(decision);

            assertThat(readAfter(4)).singleElement().extracting(LedgerFact::effectiveOn).isEqualTo(MAY_2);
        }

        @Test
        void aFactWithADateOfItsOwnKeepsItAndACorrectionTakesNoDateFromItsDecision() {
            LocalDate joined = LocalDate.of(2018, 6, 14);
            log.append(decision);
            log.append(recorded(4, new CollaborationJoined("5054", joined, Authority.ofDecision(STRATEGY))));
            log.append(recorded(6, new SteeringGroupDecisionCorrected(STRATEGY, "Rettet", List.of(), "typo")));

            assertThat(readAll()).extracting(LedgerFact::position, LedgerFact::effectiveOn)
                    .containsExactly(tuple(3L, MAY_2), tuple(4L, joined), tuple(6L, null));
        }
    }

    @Nested
    class Upcasting {

        /**
         * A stand-in for an upcaster of the command model (which the read side may not depend on): revision 0 of
         * {@code InitiativeCancelled} named its reason {@code why}.
         */
        private final EventUpcaster whyBecameReason = new SingleEventUpcaster() {

            private final SimpleSerializedType revision0 =
                    new SimpleSerializedType(InitiativeCancelled.class.getName(), "0");

            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return revision0.equals(representation.getType());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(
                        new SimpleSerializedType(InitiativeCancelled.class.getName(), "1"), JsonNode.class,
                        payload -> {
                            ObjectNode event = payload.deepCopy();
                            event.set("reason", event.remove("why"));
                            return event;
                        });
            }
        };

        private void storeRevision0(long position) {
            jdbc.update("INSERT INTO rm_fact (position, recorded_at_micros, effective_on, event_type, payload_type, "
                            + "payload_revision, payload, actor) VALUES (?, ?, NULL, ?, ?, '0', ?, 'secretariat')",
                    position, 1_704_700_800_000_000L + position, InitiativeCancelled.class.getSimpleName(),
                    InitiativeCancelled.class.getName(), """
                            {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2019-02-01-02",\
                            "why":"Nasjonal løsning"}""");
        }

        @Test
        void aFactRecordedAtAnOlderRevisionIsReadAsTheCurrentOne() {
            // given
            JdbcFactLog upcasting = new JdbcFactLog(jdbc, H2FactLogs.serializer(), whyBecameReason);
            upcasting.append(fact(0, new RegionRegistered("fosen", "Fosen regionråd")));
            storeRevision0(1);

            // when
            List<LedgerFact> facts = new ArrayList<>();
            upcasting.forEach(-1, facts::add);

            // then
            assertThat(facts).extracting(LedgerFact::event).containsExactly(
                    new RegionRegistered("fosen", "Fosen regionråd"),
                    new InitiativeCancelled("felles-innbyggerportal", "sg-2019-02-01-02", "Nasjonal løsning"));
            assertThat(facts.get(1).position()).isEqualTo(1);
            assertThat(facts.get(1).actor()).isEqualTo("secretariat");
        }

        @Test
        void factsOfTheCurrentRevisionPassTheUpcastersUnchanged() {
            JdbcFactLog upcasting = new JdbcFactLog(jdbc, H2FactLogs.serializer(), whyBecameReason);
            InitiativeCancelled current =
                    new InitiativeCancelled("felles-innbyggerportal", "sg-2019-02-01-02", "Nasjonal løsning");
            upcasting.append(fact(0, current));

            List<LedgerFact> facts = new ArrayList<>();
            upcasting.forEach(-1, facts::add);

            assertThat(facts).extracting(LedgerFact::event).containsExactly(current);
        }
    }
}
