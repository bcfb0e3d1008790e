package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.trondelag.samhandling.command.upcasting.InitiativeApproved1_to_2Upcaster;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The general serializer writes snapshots and leaves everything else as it was; the trigger and the upcasters are the
 * ledger's own.
 */
class EvolutionConfigurationTest {

    private final EvolutionConfiguration configuration = new EvolutionConfiguration();
    private final RevisionResolver revisions = new AnnotationRevisionResolver();
    private final Serializer general = configuration.serializer(revisions, LedgerJson.messageMapper());
    private final Serializer messages = configuration.messageSerializer(revisions, LedgerJson.messageMapper());

    @Nested
    class GeneralSerializer {

        /** What the general serializer wrote before snapshots, when it was the message serializer. */
        static Stream<Object> tokensAndMetaData() {
            GapAwareTrackingToken gapAware = GapAwareTrackingToken.newInstance(42, List.of(7L, 9L));
            return Stream.of(
                    new GlobalSequenceTrackingToken(42),
                    gapAware,
                    ReplayToken.createReplayToken(gapAware, GapAwareTrackingToken.newInstance(10, List.of())),
                    new MultiSourceTrackingToken(Map.of("ledger", new GlobalSequenceTrackingToken(3))),
                    MetaData.with("actor", "secretariat").and("authority", Map.of("decisionId", "sg-1")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("tokensAndMetaData")
        void writesTokensAndMetaDataAsBefore(Object value) {
            // when
            SerializedObject<String> written = general.serialize(value, String.class);

            // then
            SerializedObject<String> before = messages.serialize(value, String.class);
            assertThat(written.getData()).isEqualTo(before.getData());
            assertThat(written.getType()).isEqualTo(before.getType());
            assertThat((Object) general.deserialize(before)).isEqualTo(value);
        }
    }

    @Nested
    class EventSerializer {

        @Test
        void isTheMessageSerializer() {
            assertThat(configuration.eventSerializer(messages)).isSameAs(messages);
        }
    }

    @Nested
    class SnapshotTrigger {

        private final Snapshotter snapshotter = (aggregateType, aggregateId) -> {
        };

        @Test
        void countsEventsUpToTheConfiguredThreshold() {
            assertThat(configuration.ledgerSnapshotTrigger(snapshotter, 50))
                    .isInstanceOf(EventCountSnapshotTriggerDefinition.class)
                    .hasFieldOrPropertyWithValue("threshold", 50);
        }

        @Test
        void refusesAThresholdBelowOne() {
            assertThatThrownBy(() -> configuration.ledgerSnapshotTrigger(snapshotter, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ledger.snapshots.threshold");
        }
    }

    @Nested
    class Upcasters {

        @Test
        void areTheLedgersOneChain() {
            assertThat(configuration.ledgerUpcasters()).isInstanceOf(EventUpcasterChain.class)
                    .extracting("upcasters").asInstanceOf(LIST)
                    .singleElement().isInstanceOf(InitiativeApproved1_to_2Upcaster.class);
        }
    }
}
