package no.trondelag.samhandling.command.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The first upcaster, tested against the JSON that revision 1 of {@code InitiativeApproved} was stored as (the
 * approved file of that revision, kept in {@code upcasting/InitiativeApproved-rev1.json}), through the ledger's chain
 * as the event store runs it.
 */
class InitiativeApproved1_to_2UpcasterTest {

    private static final String REVISION_1_FIXTURE = "/upcasting/InitiativeApproved-rev1.json";
    private static final String INITIATIVE_APPROVED = InitiativeApproved.class.getName();

    /**
     * Jackson as the application's message mapper reads JSON: numbers with a fraction as exact decimals, trailing
     * zeros kept, so the amount's digits pass through the upcaster's tree unchanged.
     */
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false))
            .build();

    private static byte[] revision1() {
        try (InputStream fixture = InitiativeApproved1_to_2UpcasterTest.class.getResourceAsStream(
                REVISION_1_FIXTURE)) {
            assertThat(fixture).as(REVISION_1_FIXTURE).isNotNull();
            return fixture.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IntermediateEventRepresentation stored(String payloadType, String revision, byte[] payload) {
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("actor", "secretariat"), byte[].class);
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Initiative",
                "initiative:felles-sak-arkiv", 1, "event-1", Instant.parse("2018-05-03T08:00:00Z"), payloadType,
                revision, payload, metaData.getData()), serializer);
    }

    private static List<IntermediateEventRepresentation> upcast(IntermediateEventRepresentation stored) {
        return LedgerUpcasters.chain().upcast(Stream.of(stored)).toList();
    }

    @Nested
    class RevisionOne {

        @Test
        void becomesRevisionTwoWithTheSameAmountInKroner() {
            // given
            IntermediateEventRepresentation stored = stored(INITIATIVE_APPROVED, "1", revision1());

            // when
            List<IntermediateEventRepresentation> upcast = upcast(stored);

            // then
            assertThat(upcast).hasSize(1);
            assertThat(upcast.get(0).getType().getName()).isEqualTo(INITIATIVE_APPROVED);
            assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
            InitiativeApproved event = serializer.deserialize(upcast.get(0).getData());
            assertThat(event).isEqualTo(new InitiativeApproved("felles-sak-arkiv", "sg-2018-05-02-07",
                    Money.nok(new BigDecimal("1250000.00"))));
            assertThat(event.budget().amount().scale()).isEqualTo(2);
            assertThat(event.budget().currency()).isEqualTo("NOK");
        }

        @Test
        void movesTheBudgetIntoAnAmountWithCurrencyAndKeepsTheOtherFields() {
            List<IntermediateEventRepresentation> upcast = upcast(stored(INITIATIVE_APPROVED, "1", revision1()));

            JsonNode json = upcast.get(0).getData(JsonNode.class).getData();
            assertThat(json.has("budgetNok")).isFalse();
            assertThat(json.path("budget").path("amount").decimalValue()).isEqualTo(new BigDecimal("1250000.00"));
            assertThat(json.path("budget").path("currency").asText()).isEqualTo("NOK");
            assertThat(json.path("initiativeId").asText()).isEqualTo("felles-sak-arkiv");
            assertThat(json.path("decisionId").asText()).isEqualTo("sg-2018-05-02-07");
        }

        @Test
        void keepsTheEventsIdentityTimeAndMetaData() {
            IntermediateEventRepresentation stored = stored(INITIATIVE_APPROVED, "1", revision1());

            IntermediateEventRepresentation upcast = upcast(stored).get(0);

            assertThat(upcast.getMessageIdentifier()).isEqualTo("event-1");
            assertThat(upcast.getAggregateIdentifier()).contains("initiative:felles-sak-arkiv");
            assertThat(upcast.getSequenceNumber()).contains(1L);
            assertThat(upcast.getTimestamp()).isEqualTo(Instant.parse("2018-05-03T08:00:00Z"));
            assertThat(upcast.getMetaData().getObject()).containsEntry("actor", "secretariat");
        }
    }

    @Nested
    class EverythingElse {

        @Test
        void revisionTwoPassesUnchanged() {
            byte[] revision2 = serializer.serialize(new InitiativeApproved("felles-sak-arkiv", "sg-2018-05-02-07",
                    Money.nok(new BigDecimal("1250000.00"))), byte[].class).getData();

            IntermediateEventRepresentation upcast = upcast(stored(INITIATIVE_APPROVED, "2", revision2)).get(0);

            assertThat(upcast.getType().getRevision()).isEqualTo("2");
            assertThat(upcast.getData(byte[].class).getData()).isEqualTo(revision2);
        }

        @Test
        void otherEventsPassUnchanged() {
            byte[] cancelled = """
                    {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2019-02-01-02","reason":"Nasjonal"}"""
                    .getBytes(StandardCharsets.UTF_8);

            IntermediateEventRepresentation upcast =
                    upcast(stored(InitiativeCancelled.class.getName(), "1", cancelled)).get(0);

            SerializedType type = upcast.getType();
            assertThat(type.getName()).isEqualTo(InitiativeCancelled.class.getName());
            assertThat(type.getRevision()).isEqualTo("1");
            assertThat(upcast.getData(byte[].class).getData()).isEqualTo(cancelled);
        }
    }
}
