package no.trondelag.samhandling.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.app.config.LedgerJson;
import no.trondelag.samhandling.command.upcasting.LedgerUpcasters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
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
    /** The JSON of every older revision of an event, as the ledger stored it, named {@code <Event>-rev<n>.json}. */
    private static final Path OLDER_REVISIONS = Path.of("../command-model/src/test/resources/upcasting");
    private static final ObjectMapper MAPPER = LedgerJson.messageMapper();
    /**
     * The events past their first revision, each with the revision its approved file shows; every older revision
     * has an upcaster in the command model's {@code upcasting} package.
     */
    private static final Map<Class<? extends LedgerEvent>, Integer> CURRENT_REVISIONS =
            Map.of(InitiativeApproved.class, 2);

    static Stream<LedgerEvent> events() {
        return EventSamples.all().stream();
    }

    static Stream<LedgerEvent> revisedEvents() {
        return events().filter(event -> CURRENT_REVISIONS.containsKey(event.getClass()));
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
    void everyEventCarriesItsCurrentRevision(LedgerEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);

        assertThat(revision).isNotNull();
        assertThat(revision.value()).isEqualTo(String.valueOf(CURRENT_REVISIONS.getOrDefault(event.getClass(), 1)));
    }

    /**
     * Each older revision's stored JSON, the approved file of its day, runs through the ledger's upcasters and the
     * message serializer and must come out as the sample, whose values it holds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("revisedEvents")
    void everyOlderRevisionUpcastsToTheSample(LedgerEvent event) throws IOException {
        Serializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.messageMapper()).build();
        String name = event.getClass().getSimpleName();
        int current = CURRENT_REVISIONS.get(event.getClass());
        for (int revision = 1; revision < current; revision++) {
            Path older = OLDER_REVISIONS.resolve(name + "-rev" + revision + ".json");
            assertThat(older).as("stored JSON of " + name + " revision " + revision).exists();
            IntermediateEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>(
                    "Aggregate", "aggregate:1", 0, "event-" + revision, Instant.EPOCH, event.getClass().getName(),
                    String.valueOf(revision), Files.readAllBytes(older), "{}".getBytes(StandardCharsets.UTF_8)),
                    serializer);

            List<IntermediateEventRepresentation> upcast =
                    LedgerUpcasters.chain().upcast(Stream.of(stored)).toList();

            assertThat(upcast).hasSize(1);
            assertThat(upcast.get(0).getType().getRevision()).isEqualTo(String.valueOf(current));
            assertThat((Object) serializer.deserialize(upcast.get(0).getData())).isEqualTo(event);
        }
    }
}
