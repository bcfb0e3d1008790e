package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.verifier.ExportLine;
import no.trondelag.samhandling.verifier.LedgerVerifier;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The verifiable ledger end to end (ADR 0031): a seeded ledger with a decision, an initiative approved on it and a
 * budget set by it; an auditor saves a checkpoint, the ledger grows, and every proof the public endpoints give is
 * checked by the standalone verifier exactly as an auditor runs it, before and after tampering with the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.integrity.settle-time=200ms", "ledger.integrity.advance-interval=1h"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerProofIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECISION = "sg-2018-05-02-07";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @TempDir
    Path files;

    LedgerHttp anonymous;
    String saved;
    long savedSize;
    String latest;
    long latestSize;
    long decision;
    long approval;

    @BeforeAll
    void aLedgerWithADecisionAndASavedCheckpoint() throws InterruptedException {
        anonymous = new LedgerHttp(port);
        LedgerHttp secretariat = anonymous.as("secretariat");
        decision = accepted(secretariat.command("RecordSteeringGroupDecision", """
                {"decisionId":"%s","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi","text":"Rådmannsutvalget vedtar","points":["Strategien vedtas"]}"""
                .formatted(DECISION)));
        Thread.sleep(300);
        saved = checkpoint();
        savedSize = size(saved);
        accepted(secretariat.command("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[3,4]}"""));
        approval = accepted(secretariat.command("ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"%s","budgetNok":"2000000.00"}"""
                .formatted(DECISION)));
        accepted(secretariat.command("SetSecretariatBudget", """
                {"year":2019,"requiredFte":2.0,"amountNok":"1500000.00","decisionId":"%s"}""".formatted(DECISION)));
        ReadSide.awaitCaughtUp(processing, jdbc);
        Thread.sleep(300);
        latest = checkpoint();
        latestSize = size(latest);
    }

    private static long accepted(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("events").get(0).path("globalIndex").asLong();
    }

    private String checkpoint() {
        Response response = anonymous.get("/api/ledger/checkpoint");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.body();
    }

    private static long size(String note) {
        return Long.parseLong(note.split("\n")[1]);
    }

    private Path file(String name, String content) {
        try {
            return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path key() {
        Response response = anonymous.get("/api/ledger/checkpoint/key");
        assertThat(response.status()).isEqualTo(200);
        return file("key.txt", response.body());
    }

    /** Runs the standalone verifier as an auditor runs it, over files. */
    private Outcome verifier(String command, Path... arguments) {
        List<String> args = new ArrayList<>(List.of(command));
        for (Path argument : arguments) {
            args.add(argument.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LedgerVerifier.run(args.toArray(String[]::new), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8));
    }

    private JsonNode json(String path, LedgerHttp as) {
        Response response = as.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * What the verifier answered.
     *
     * @param status its exit status
     * @param output what it printed
     */
    record Outcome(int status, String output) {
    }

    @Nested
    class Checkpoints {

        @Test
        void theLatestIsSignedByThePublishedKeyAndCoversEveryChainedEvent() {
            Outcome outcome = verifier("checkpoint", key(), file("latest.txt", latest));

            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
            assertThat(latest).startsWith("samhandling.trondelag.no/ledger\n" + latestSize + "\n");
            assertThat(latestSize).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_chain", Long.class));
            assertThat(anonymous.get("/api/ledger/checkpoint/key").body())
                    .startsWith("samhandling.trondelag.no/ledger+cac1fb71+");
        }

        @Test
        void aSavedCheckpointIsServedAgainByItsSizeExactlyAsSigned() {
            Response again = anonymous.get("/api/ledger/checkpoints/" + savedSize);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(saved);
        }

        @Test
        void aSizeNeverSignedIsNotFoundAndWithoutATimestampAuthorityThereIsNoTimestamp() {
            Response never = anonymous.get("/api/ledger/checkpoints/" + (latestSize + 1000));
            Response timestamp = anonymous.get("/api/ledger/checkpoints/" + latestSize + "/timestamp");

            assertThat(never.status()).isEqualTo(404);
            assertThat(never.json().path("rule").asText()).isEqualTo("checkpoint-not-signed");
            assertThat(timestamp.status()).isEqualTo(404);
            assertThat(timestamp.json().path("rule").asText()).isEqualTo("checkpoint-not-timestamped");
            assertThat(timestamp.json().path("detail").asText()).contains("no time-stamping authority");
        }

        @Test
        void aCheckpointAskedForAgainWithoutGrowthIsTheSame() {
            assertThat(checkpoint()).isEqualTo(latest);
        }
    }

    @Nested
    class Inclusion {

        @Test
        void anEventByPositionAndByIdentifierVerifiesAgainstTheLatestCheckpoint() {
            JsonNode byPosition = json("/api/ledger/proofs/inclusion?position=" + approval, anonymous);
            String eventId = byPosition.path("event").path("eventId").asText();
            JsonNode byId = json("/api/ledger/proofs/inclusion?eventId=" + eventId, anonymous);

            assertThat(byId).isEqualTo(byPosition);
            assertThat(byPosition.path("treeSize").asLong()).isEqualTo(latestSize);
            assertThat(byPosition.path("event").has("metaData")).as("the public never sees who recorded it")
                    .isFalse();
            Outcome outcome = verifier("inclusion", key(), file("latest.txt", latest),
                    file("proof.json", byPosition.toString()));
            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
            assertThat(outcome.output()).contains("position " + approval);
        }

        @Test
        void anAuditorGetsTheMetadataAndItStillVerifies() {
            JsonNode proof = json("/api/ledger/proofs/inclusion?position=" + approval, anonymous.as("auditor"));

            String metaData = new String(Base64.getDecoder().decode(proof.path("event").path("metaData").asText()),
                    StandardCharsets.UTF_8);
            assertThat(metaData).contains("secretariat");
            Outcome outcome = verifier("inclusion", key(), file("latest.txt", latest),
                    file("proof.json", proof.toString()));
            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
        }

        @Test
        void anEventIsProvedAgainstTheSavedCheckpointToo() {
            JsonNode proof = json("/api/ledger/proofs/inclusion?position=" + decision + "&treeSize=" + savedSize,
                    anonymous);

            Outcome outcome = verifier("inclusion", key(), file("saved.txt", saved),
                    file("proof.json", proof.toString()));
            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
        }

        @Test
        void aForgedProofOrAnEventEditedInTransitFails() {
            ObjectNode proof = (ObjectNode) json("/api/ledger/proofs/inclusion?position=" + approval, anonymous);
            ObjectNode forged = proof.deepCopy();
            String first = forged.path("proof").get(0).asText();
            ((ArrayNode) forged.get("proof")).set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
            ObjectNode edited = proof.deepCopy();
            String payload = new String(Base64.getDecoder().decode(edited.path("event").path("payload").asText()),
                    StandardCharsets.UTF_8);
            ((ObjectNode) edited.get("event")).put("payload", Base64.getEncoder().encodeToString(
                    payload.replace("2000000", "9000000").getBytes(StandardCharsets.UTF_8)));
            edited.remove("leafHash");

            Outcome forgedOutcome = verifier("inclusion", key(), file("latest.txt", latest),
                    file("forged.json", forged.toString()));
            Outcome editedOutcome = verifier("inclusion", key(), file("latest.txt", latest),
                    file("edited.json", edited.toString()));

            assertThat(forgedOutcome.status()).as(forgedOutcome.output()).isEqualTo(LedgerVerifier.INVALID);
            assertThat(editedOutcome.status()).as(editedOutcome.output()).isEqualTo(LedgerVerifier.INVALID);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "|position|name the event by position or by eventId",
                "position=1&eventId=x|eventId|name the event by position or by eventId",
                "position=0|position|must be a whole number from 1 up",
                "position=abc|position|must be a whole number",
                "position=1&treeSize=-1|treeSize|must be a whole number from 0 up"})
        void badParametersAreRefusedNamingTheField(String query, String field, String message) {
            Response response = anonymous.get("/api/ledger/proofs/inclusion?" + (query == null ? "" : query));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
            assertThat(response.json().path("errors").get(0).path("message").asText()).startsWith(message);
        }

        @Test
        void anEventNotInTheTreeOrATreeNotYetThatLargeIsNotFound() {
            Response unknown = anonymous.get("/api/ledger/proofs/inclusion?eventId=no-such-event");
            Response later = anonymous.get("/api/ledger/proofs/inclusion?position=" + approval + "&treeSize="
                    + savedSize);
            Response beyond = anonymous.get("/api/ledger/proofs/inclusion?position=1&treeSize=" + (latestSize + 1000));

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("rule").asText()).isEqualTo("event-not-in-tree");
            assertThat(later.status()).as("approved after the saved checkpoint").isEqualTo(404);
            assertThat(later.json().path("rule").asText()).isEqualTo("event-not-in-tree");
            assertThat(beyond.status()).isEqualTo(404);
            assertThat(beyond.json().path("rule").asText()).isEqualTo("tree-size-beyond-tree");
        }
    }

    @Nested
    class Consistency {

        @Test
        void theLogOnlyGrewFromTheSavedCheckpointToTheLatest() {
            JsonNode proof = json("/api/ledger/proofs/consistency?from=" + savedSize, anonymous);

            assertThat(proof.path("toSize").asLong()).isEqualTo(latestSize);
            Outcome outcome = verifier("consistency", key(), file("saved.txt", saved), file("latest.txt", latest),
                    file("proof.json", proof.toString()));
            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
        }

        @Test
        void checkpointsGivenTheWrongWayRoundCannotBeVerifiedAndAForgedProofFails() {
            JsonNode proof = json("/api/ledger/proofs/consistency?from=" + savedSize, anonymous);
            ObjectNode forged = proof.deepCopy();
            ArrayNode hashes = (ArrayNode) forged.get("proof");
            hashes.set(hashes.size() - 1, "00".repeat(32));

            Outcome swapped = verifier("consistency", key(), file("latest.txt", latest), file("saved.txt", saved),
                    file("proof.json", proof.toString()));
            Outcome forgedOutcome = verifier("consistency", key(), file("saved.txt", saved),
                    file("latest.txt", latest), file("forged.json", forged.toString()));

            assertThat(swapped.status()).as(swapped.output()).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
            assertThat(forgedOutcome.status()).as(forgedOutcome.output()).isEqualTo(LedgerVerifier.INVALID);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "|from|is required",
                "from=abc|from|must be a whole number",
                "from=-1|from|must be a whole number from 0 up",
                "from=5&to=4|from|must not be above to"})
        void badParametersAreRefusedNamingTheField(String query, String field, String message) {
            Response response = anonymous.get("/api/ledger/proofs/consistency?" + (query == null ? "" : query));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
            assertThat(response.json().path("errors").get(0).path("message").asText()).startsWith(message);
        }

        @Test
        void aSizeBeyondTheTreeIsNotFound() {
            Response beyond = anonymous.get("/api/ledger/proofs/consistency?from=1&to=" + (latestSize + 1000));
            Response fromBeyond = anonymous.get("/api/ledger/proofs/consistency?from=" + (latestSize + 1000));

            assertThat(beyond.status()).isEqualTo(404);
            assertThat(beyond.json().path("rule").asText()).isEqualTo("tree-size-beyond-tree");
            assertThat(fromBeyond.status()).isEqualTo(404);
            assertThat(fromBeyond.json().path("rule").asText()).isEqualTo("tree-size-beyond-tree");
        }
    }

    @Nested
    class DecisionBundle {

        @Test
        void holdsTheDecisionAndEveryEventCitingItAndVerifies() {
            JsonNode bundle = json("/api/ledger/proofs/decisions/" + DECISION, anonymous);

            List<String> kinds = new ArrayList<>();
            bundle.path("events").forEach(entry -> kinds.add(entry.path("kind").asText()));
            assertThat(kinds).containsExactly("DECISION", "CITATION", "CITATION");
            assertThat(bundle.path("pending")).isEmpty();
            assertThat(bundle.path("checkpoint").asText()).isEqualTo(latest);
            Outcome outcome = verifier("bundle", key(), file("bundle.json", bundle.toString()));
            assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.VALID);
            assertThat(outcome.output()).contains("the 2 events citing it");
        }

        @Test
        void anEventCitingAnotherDecisionOrAChangedEventFails() {
            JsonNode bundle = json("/api/ledger/proofs/decisions/" + DECISION, anonymous);
            ObjectNode otherDecision = bundle.deepCopy();
            otherDecision.put("decisionId", "sg-2019-01-01-01");
            ObjectNode changed = bundle.deepCopy();
            ObjectNode event = (ObjectNode) changed.get("events").get(1).get("event");
            String payload = new String(Base64.getDecoder().decode(event.path("payload").asText()),
                    StandardCharsets.UTF_8);
            event.put("payload", Base64.getEncoder().encodeToString(payload.replace("2000000", "2500000")
                    .getBytes(StandardCharsets.UTF_8)));

            Outcome other = verifier("bundle", key(), file("other.json", otherDecision.toString()));
            Outcome edited = verifier("bundle", key(), file("changed.json", changed.toString()));

            assertThat(other.status()).as(other.output()).isEqualTo(LedgerVerifier.INVALID);
            assertThat(edited.status()).as(edited.output()).isEqualTo(LedgerVerifier.INVALID);
        }

        @Test
        void anUnknownDecisionIsNotFound() {
            Response response = anonymous.get("/api/ledger/proofs/decisions/sg-1999-01-01-01");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().path("rule").asText()).isEqualTo("not-found");
        }
    }

    @Nested
    class Export {

        @Test
        void anAuditorsExportHoldsExactlyTheEventsOfTheCheckpointAndEveryTamperingShows() throws IOException {
            List<String> lines = LedgerIntegrityIT.exportEverything(anonymous.as("auditor"));
            assertThat(lines).allSatisfy(line -> assertThat(ExportLine.read(line).leafIndex()).isNotNull());
            Path key = key();
            Path checkpoint = file("latest.txt", latest);

            Outcome untouched = verifier("export", key, checkpoint, file("export.jsonl", String.join("\n", lines)));
            List<String> removed = new ArrayList<>(lines);
            removed.remove(3);
            List<String> reordered = new ArrayList<>(lines);
            reordered.set(3, lines.get(4));
            reordered.set(4, lines.get(3));
            List<String> changed = new ArrayList<>(lines);
            ObjectNode edited = (ObjectNode) JSON.readTree(lines.get(5));
            edited.put("aggregateId", edited.path("aggregateId").asText() + "-forged");
            changed.set(5, edited.toString());

            assertThat(untouched.status()).as(untouched.output()).isEqualTo(LedgerVerifier.VALID);
            for (List<String> tampered : List.of(removed, reordered, changed)) {
                Outcome outcome = verifier("export", key, checkpoint,
                        file("tampered.jsonl", String.join("\n", tampered)));
                assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.INVALID);
            }
        }
    }

    @Nested
    class TamperingWithTheDatabase {

        @Test
        void anEventChangedInTheStoreAfterTheCheckpointNoLongerMatchesItsProof() throws IOException {
            byte[] original = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE globalIndex = ?",
                    byte[].class, approval);
            try {
                jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalIndex = ?",
                        new String(original, StandardCharsets.UTF_8).replace("2000000", "2000001")
                                .getBytes(StandardCharsets.UTF_8), approval);

                JsonNode bundle = json("/api/ledger/proofs/decisions/" + DECISION, anonymous);
                Outcome outcome = verifier("bundle", key(), file("bundle.json", bundle.toString()));

                assertThat(outcome.status()).as(outcome.output()).isEqualTo(LedgerVerifier.INVALID);
                assertThat(outcome.output()).contains("position " + approval);
            } finally {
                jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalIndex = ?", original, approval);
            }
        }
    }
}
