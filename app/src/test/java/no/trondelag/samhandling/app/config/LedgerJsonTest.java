package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Query results that hold an event of any type cross a serializing query bus whole, with the event's class named
 * on the wire only.
 */
class LedgerJsonTest {

    private static final Serializer MESSAGES = JacksonSerializer.builder()
            .objectMapper(LedgerJson.messageMapper()).build();

    private static final HistoryEntry JOINED = new HistoryEntry(73, Instant.parse("2018-06-15T08:00:00.123Z"),
            LocalDate.of(2018, 6, 14), "CollaborationJoined", "secretariat",
            new Authority(null, "Indre Fosen kommunestyre", "18/1234", LocalDate.of(2018, 6, 14)),
            new CollaborationJoined("5054", LocalDate.of(2018, 6, 14),
                    new Authority(null, "Indre Fosen kommunestyre", "18/1234", LocalDate.of(2018, 6, 14))));

    @Test
    void aHistoryEntryComesBackEqualWithItsEventsClass() {
        SerializedObject<byte[]> wire = MESSAGES.serialize(JOINED, byte[].class);

        assertThat(new String(wire.getData(), StandardCharsets.UTF_8))
                .contains("\"@class\":\"" + CollaborationJoined.class.getName() + "\"");
        assertThat((Object) MESSAGES.deserialize(wire)).isEqualTo(JOINED);
    }

    @Test
    void aListOfThemToo() {
        record Timeline(String participantId, List<HistoryEntry> entries) {
        }
        Timeline timeline = new Timeline("5054", List.of(JOINED, JOINED.withoutActor()));

        assertThat((Object) MESSAGES.deserialize(MESSAGES.serialize(timeline, byte[].class))).isEqualTo(timeline);
    }

    @Test
    void anEventItselfIsWrittenWithoutTheClassName() {
        String event = new String(MESSAGES.serialize(JOINED.event(), byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(event).doesNotContain("@class").startsWith("{\"participantId\":\"5054\"");
    }
}
