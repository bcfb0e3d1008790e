package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.app.engine.SecondEngine;
import no.trondelag.samhandling.app.engine.StoredEvents;
import no.trondelag.samhandling.verifier.ExportLine;
import no.trondelag.samhandling.verifier.LedgerVerifier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hash chain on another Axon event storage engine ({@link SecondEngine}), whose events live in no table: the
 * digest covers every stored event up to the head, the server verifies it, and the export holds every event as the
 * store gives it and verifies offline. Tampering with stored rows is a JDBC matter, tested in
 * {@link LedgerIntegrityIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.integrity.settle-time=200ms")
@ActiveProfiles("test")
@SecondEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIntegritySecondEngineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    LedgerHttp anonymous;
    JsonNode digest;

    @BeforeAll
    void recordCommandsAndTakeADigest() throws InterruptedException {
        anonymous = new LedgerHttp(port);
        LedgerHttp secretariat = anonymous.as("secretariat");
        assertThat(secretariat.command("RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                 "points":["Strategien vedtas"]}""").status()).isEqualTo(200);
        assertThat(secretariat.command("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""")
                .status()).isEqualTo(200);
        Thread.sleep(300);
        Response response = anonymous.get("/api/ledger/digest");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        digest = response.json();
    }

    @Test
    void theDigestCoversEveryStoredEventUpToTheHead() {
        long head = StoredEvents.head(eventStore);

        assertThat(head).as("the seed and the two commands").isGreaterThan(50);
        assertThat(digest.path("position").asLong()).isEqualTo(head);
        assertThat(digest.path("digest").asText()).matches("[0-9a-f]{64}").isNotEqualTo("0".repeat(64));
    }

    @Test
    void theStoredEventsVerifyAgainstTheDigest() {
        Response response = anonymous.post("/api/ledger/verify", "application/json", digest.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).as(response.body()).isTrue();
        assertThat(response.json().path("position").asLong()).isEqualTo(digest.path("position").asLong());
    }

    @Test
    void theExportHoldsEveryEventAsTheStoreGivesItAndVerifiesOffline(@TempDir Path dir) throws Exception {
        List<TrackedEventMessage<?>> stored = StoredEvents.all(eventStore);
        List<String> lines = LedgerIntegrityIT.exportEverything(anonymous.as("auditor"));

        assertThat(lines.stream().map(line -> ExportLine.read(line).position()).toList())
                .isEqualTo(stored.stream().map(event -> event.trackingToken().position().orElseThrow()).toList());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.path("eventId").asText()).isEqualTo(stored.get(i).getIdentifier());
            assertThat(Base64.getDecoder().decode(line.path("payload").asText())).as(line.toString())
                    .isEqualTo(stored.get(i).serializePayload(eventSerializer, byte[].class).getData());
        }
        Path export = dir.resolve("export.jsonl");
        Path saved = dir.resolve("digest.json");
        Files.write(export, lines);
        Files.writeString(saved, digest.toString());

        LedgerIntegrityIT.Outcome outcome = LedgerIntegrityIT.verifyOffline(export, saved);

        assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
    }

    @Test
    void theSignedCheckpointCoversEveryStoredEventAndItsProofsAndExportVerify(@TempDir Path dir) throws Exception {
        ReadSide.awaitCaughtUp(processing, eventStore);
        String checkpoint = anonymous.get("/api/ledger/checkpoint").body();
        Path key = Files.writeString(dir.resolve("key.txt"), anonymous.get("/api/ledger/checkpoint/key").body());
        Path saved = Files.writeString(dir.resolve("checkpoint.txt"), checkpoint);
        long head = StoredEvents.head(eventStore);
        Path proof = Files.writeString(dir.resolve("proof.json"),
                anonymous.get("/api/ledger/proofs/inclusion?position=" + head).body());
        Path bundle = Files.writeString(dir.resolve("bundle.json"),
                anonymous.get("/api/ledger/proofs/decisions/sg-2018-05-02-07").body());
        Path export = Files.write(dir.resolve("export.jsonl"),
                LedgerIntegrityIT.exportEverything(anonymous.as("auditor")));

        assertThat(checkpoint.split("\n")[1]).as("every stored event is a leaf")
                .isEqualTo(Long.toString(StoredEvents.all(eventStore).size()));
        for (String[] command : new String[][] {{"checkpoint", key.toString(), saved.toString()},
                {"inclusion", key.toString(), saved.toString(), proof.toString()},
                {"bundle", key.toString(), bundle.toString()},
                {"export", key.toString(), saved.toString(), export.toString()}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertThat(LedgerVerifier.run(command, print, print)).as(command[0] + ": " + out)
                    .isEqualTo(LedgerVerifier.VALID);
        }
    }
}
