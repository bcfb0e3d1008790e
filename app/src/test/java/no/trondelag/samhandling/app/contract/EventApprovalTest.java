package no.trondelag.samhandling.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.app.config.LedgerJson;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the serialized form of every event: the JSON the event store holds must equal the approved file in
 * {@code src/test/resources/approved-events}, so any change to the contract shows up as a reviewed diff (and needs
 * a new revision with an upcaster). Run with {@code -Dapprove=true} to write the files after a deliberate change.
 */
class EventApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final ObjectMapper MAPPER = LedgerJson.messageMapper();

    static Stream<LedgerEvent> events() {
        return EventSamples.all().stream();
    }

    @Test
    void everyEventOfTheContractHasASample() {
        assertThat(EventSamples.all()).hasSize(24)
                .extracting(event -> event.getClass().getSimpleName())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serializedFormMatchesTheApprovedFile(LedgerEvent event) throws IOException {
        String name = event.getClass().getSimpleName();
        String json = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(event) + "\n";
        Path approved = APPROVED.resolve(name + ".json");
        if (Boolean.getBoolean("approve")) {
            Files.createDirectories(APPROVED);
            Files.writeString(approved, json, StandardCharsets.UTF_8);
        }

        assertThat(approved).as("approved file for " + name).exists();
        assertThat(json).isEqualTo(Files.readString(approved, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void approvedFileReadsBackAsTheSameEvent(LedgerEvent event) throws IOException {
        Path approved = APPROVED.resolve(event.getClass().getSimpleName() + ".json");

        Object read = MAPPER.readValue(Files.readString(approved, StandardCharsets.UTF_8), event.getClass());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventCarriesRevisionOne(LedgerEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);

        assertThat(revision).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }
}
