package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.verifier.ExportLine;
import no.trondelag.samhandling.verifier.LedgerVerifier;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Takes a digest of a seeded ledger with a few commands and a settled gap in its global index, then tampers with
 * the event store directly over JDBC in every way the chain must catch, and checks that verification detects each
 * and locates it with the right kind. After each case the store is restored and must verify again. Also covers the
 * HTTP contract's bad input, who may export, and offline verification of an export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.integrity.settle-time=200ms")
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:ledger-integrity-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIntegrityIT {

    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    LedgerHttp anonymous;
    JsonNode digest;
    long decision;
    long join;
    long afterGap;
    List<Long> gap;

    @BeforeAll
    void recordCommandsLeaveASettledGapAndTakeADigest() throws InterruptedException {
        anonymous = new LedgerHttp(port);
        LedgerHttp secretariat = anonymous.as("secretariat");
        decision = accepted(secretariat.command("RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                 "points":["Strategien vedtas"]}"""));
        join = accepted(secretariat.command("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}"""));
        accepted(secretariat.command("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[3,4]}"""));
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
        nextGlobalIndex(head + 3);
        gap = List.of(head + 1, head + 2);
        afterGap = accepted(secretariat.command("RegisterRegion", """
                {"regionId":"gap-region","name":"Regionen etter hullet"}"""));
        assertThat(afterGap).isEqualTo(head + 3);
        Thread.sleep(300);

        Response response = anonymous.get("/api/ledger/digest");
        assertThat(response.status()).isEqualTo(200);
        digest = response.json();
        assertThat(digest.path("position").asLong()).isEqualTo(afterGap);
    }

    /** Makes the database give the next event this global index, leaving the positions before it empty. */
    private void nextGlobalIndex(long position) {
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), ?, false)",
                    Long.class, position);
        } else {
            jdbc.execute("ALTER TABLE domainevententry ALTER COLUMN globalIndex RESTART WITH " + position);
        }
    }

    private static long accepted(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("events").get(0).path("globalIndex").asLong();
    }

    private JsonNode verify(JsonNode saved) {
        Response response = anonymous.post("/api/ledger/verify", "application/json", saved.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void assertFirstDifference(long position, String kind) {
        JsonNode verification = verify(digest);
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("position").asLong()).isEqualTo(digest.path("position").asLong());
        assertThat(verification.path("firstDifference").path("position").asLong()).as(verification.toString())
                .isEqualTo(position);
        assertThat(verification.path("firstDifference").path("kind").asText()).as(verification.toString())
                .isEqualTo(kind);
        assertThat(verification.path("firstDifference").path("detail").asText()).isNotBlank();
    }

    private Map<String, Object> row(long position) {
        return jdbc.queryForMap("SELECT * FROM domainevententry WHERE globalIndex = ?", position);
    }

    private void insert(Map<String, Object> row) {
        jdbc.update("INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("GLOBALINDEX"), row.get("AGGREGATEIDENTIFIER"), row.get("SEQUENCENUMBER"), row.get("TYPE"),
                row.get("EVENTIDENTIFIER"), row.get("METADATA"), row.get("PAYLOAD"), row.get("PAYLOADREVISION"),
                row.get("PAYLOADTYPE"), row.get("TIMESTAMP"));
    }

    private byte[] bytes(long position, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM domainevententry WHERE globalIndex = ?",
                byte[].class, position);
    }

    private void setBytes(long position, String column, byte[] value) {
        jdbc.update("UPDATE domainevententry SET " + column + " = ? WHERE globalIndex = ?", value, position);
    }

    private void swap(long first, long second) {
        jdbc.update("UPDATE domainevententry SET globalIndex = -1 WHERE globalIndex = ?", first);
        jdbc.update("UPDATE domainevententry SET globalIndex = ? WHERE globalIndex = ?", first, second);
        jdbc.update("UPDATE domainevententry SET globalIndex = ? WHERE globalIndex = -1", second);
    }

    private Map<String, Object> forgedAt(long position) {
        Map<String, Object> forged = new LinkedCaseInsensitiveMap<>();
        forged.putAll(row(join));
        forged.put("GLOBALINDEX", position);
        forged.put("EVENTIDENTIFIER", "forged-" + position);
        forged.put("AGGREGATEIDENTIFIER", "Participant-5001");
        forged.put("SEQUENCENUMBER", 99L);
        return forged;
    }

    @Nested
    class Untouched {

        @Test
        void theDigestCoversTheHeadButNotTheSettledGap() {
            List<Long> chained = jdbc.queryForList("SELECT position FROM ledger_chain ORDER BY position", Long.class);

            assertThat(chained).contains(decision, join, afterGap).doesNotContainAnyElementsOf(gap);
            assertThat(digest.path("digest").asText()).matches("[0-9a-f]{64}");
            assertThat(Instant.parse(digest.path("issuedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        }

        @Test
        void theStoredEventsVerifyAgainstTheDigest() {
            JsonNode verification = verify(digest);

            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("position").asLong()).isEqualTo(afterGap);
            assertThat(verification.has("firstDifference")).isFalse();
        }

        @Test
        void aLaterDigestExtendsTheChainAndTheEarlierOneStillVerifies() {
            accepted(anonymous.as("secretariat").command("RegisterRegion", """
                    {"regionId":"test-region","name":"Testregionen"}"""));

            JsonNode later = anonymous.get("/api/ledger/digest").json();

            assertThat(later.path("position").asLong()).isGreaterThan(afterGap);
            assertThat(verify(later).path("valid").asBoolean()).isTrue();
            assertThat(verify(digest).path("valid").asBoolean()).isTrue();
        }

        @Test
        void theStoreStillVerifiesAfterEveryProjectionIsReplayed() {
            ReadSide.replayAll(eventProcessing);
            ReadSide.awaitCaughtUp(eventProcessing, jdbc);

            assertThat(verify(digest).path("valid").asBoolean()).isTrue();
        }
    }

    @Nested
    class Tampering {

        @AfterEach
        void theRestoredStoreVerifiesAgain() {
            assertThat(verify(digest).path("valid").asBoolean()).as("restored").isTrue();
        }

        @Test
        void oneChangedPayloadByteIsAChange() {
            byte[] original = bytes(decision, "payload");
            byte[] changed = original.clone();
            changed[changed.length / 2] ^= 0x01;
            setBytes(decision, "payload", changed);
            try {
                assertFirstDifference(decision, "CHANGED");
            } finally {
                setBytes(decision, "payload", original);
            }
        }

        @Test
        void changedMetadataIsAChange() {
            byte[] original = bytes(join, "metaData");
            String metaData = new String(original, StandardCharsets.UTF_8);
            assertThat(metaData).contains("secretariat");
            setBytes(join, "metaData", metaData.replace("secretariat", "kommune-5054")
                    .getBytes(StandardCharsets.UTF_8));
            try {
                assertFirstDifference(join, "CHANGED");
            } finally {
                setBytes(join, "metaData", original);
            }
        }

        @Test
        void aDeletedEventIsARemoval() {
            Map<String, Object> deleted = row(join);
            jdbc.update("DELETE FROM domainevententry WHERE globalIndex = ?", join);
            try {
                assertFirstDifference(join, "REMOVED");
            } finally {
                insert(deleted);
            }
        }

        @Test
        void aForgedEventInASettledGapIsAnInsertion() {
            insert(forgedAt(gap.get(1)));
            try {
                assertFirstDifference(gap.get(1), "INSERTED");
            } finally {
                jdbc.update("DELETE FROM domainevententry WHERE globalIndex = ?", gap.get(1));
            }
        }

        @Test
        void aForgedEventAtANewPositionBelowTheFirstIsAnInsertion() {
            insert(forgedAt(0));
            try {
                assertFirstDifference(0, "INSERTED");
            } finally {
                jdbc.update("DELETE FROM domainevententry WHERE globalIndex = 0");
            }
        }

        @Test
        void twoSwappedEventsAreReordered() {
            swap(decision, join);
            try {
                assertFirstDifference(decision, "REORDERED");
            } finally {
                swap(decision, join);
            }
        }
    }

    @Nested
    class BadInput {

        @Test
        void eachInvalidFieldIsNamed() {
            Response response = anonymous.post("/api/ledger/verify", "application/json", """
                    {"position":-1,"digest":"xyz","issuedAt":"yesterday","signature":"none"}""");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("rule").asText()).isEqualTo("invalid-digest");
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("position", "digest", "issuedAt", "signature");
        }

        @Test
        void missingFieldsAreNamed() {
            Response response = anonymous.post("/api/ledger/verify", "application/json", "{}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("position", "digest");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"digest\"", "{\"position\":", "{\"position\":1}{}"})
        void aBodyThatIsNotAnObjectIsMalformed(String body) {
            Response response = anonymous.post("/api/ledger/verify", "application/json", body);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void aBodyThatIsNotJsonIsUnsupported() {
            assertThat(anonymous.post("/api/ledger/verify", "text/plain", digest.toString()).status())
                    .isEqualTo(415);
        }

        @Test
        void aDigestBeyondTheChainIsNotFound() {
            ObjectNode beyond = digest.deepCopy();
            beyond.put("position", 1_000_000);

            Response response = anonymous.post("/api/ledger/verify", "application/json", beyond.toString());

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().path("rule").asText()).isEqualTo("digest-beyond-chain");
            assertThat(response.json().path("detail").asText()).contains("1000000", "ends at position");
        }

        @ParameterizedTest
        @ValueSource(strings = {"limit=0", "limit=10001", "limit=ten", "after=-1", "after=1.5"})
        void unreadableExportParametersAreNamed(String query) {
            Response response = anonymous.as("auditor").get("/api/ledger/events?" + query);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("rule").asText()).isEqualTo("invalid-parameters");
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
    }

    @Nested
    class Export {

        @Test
        void isForAuditorsBecauseTheMetadataNamesWhoRecordedEachEvent() {
            assertThat(anonymous.get("/api/ledger/events").status()).isEqualTo(401);
            assertThat(anonymous.as("secretariat").get("/api/ledger/events").status()).isEqualTo(403);
            assertThat(anonymous.as("auditor").get("/api/ledger/events").status()).isEqualTo(200);
        }

        @Test
        void streamsFlatLinesOfStringsAndNumbersUpToTheHeadOfTheChain() throws Exception {
            Response response = anonymous.as("auditor").get("/api/ledger/events?after=" + (join - 1) + "&limit=2",
                    "Accept", NDJSON);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith(NDJSON);
            List<String> lines = response.body().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.path("position").asLong()).isEqualTo(join);
            assertThat(first.fieldNames()).toIterable().containsExactly("position", "eventId", "aggregateId",
                    "sequence", "payloadType", "payloadRevision", "timestamp", "payload", "metaData", "eventHash",
                    "chainHash", "leafIndex");
            first.fields().forEachRemaining(field -> assertThat(field.getValue().isTextual()
                    || field.getValue().isNumber()).as(field.getKey()).isTrue());
            assertThat(new String(Base64.getDecoder().decode(first.path("payload").asText()),
                    StandardCharsets.UTF_8)).contains("5054");
            assertThat(first.path("chainHash").asText()).isEqualTo(jdbc.queryForObject(
                    "SELECT chain_hash FROM ledger_chain WHERE position = ?", String.class, join));
        }

        @Test
        void anExportWithTheSavedDigestVerifiesOfflineAndFailsOnceALineIsEdited(@TempDir Path dir)
                throws Exception {
            Path export = dir.resolve("export.jsonl");
            Path saved = dir.resolve("digest.json");
            Files.writeString(saved, digest.toString());
            List<String> lines = exportEverything();
            Files.write(export, lines);

            Outcome untouched = verifyOffline(export, saved);

            assertThat(untouched.status()).as(untouched.output()).isEqualTo(LedgerVerifier.VALID);
            assertThat(untouched.output()).startsWith("VALID");

            int index = indexOfPosition(lines, join);
            ObjectNode edited = (ObjectNode) JSON.readTree(lines.get(index));
            String payload = new String(Base64.getDecoder().decode(edited.path("payload").asText()),
                    StandardCharsets.UTF_8);
            edited.put("payload", Base64.getEncoder().encodeToString(payload.replace("2018-06-14", "2018-06-15")
                    .getBytes(StandardCharsets.UTF_8)));
            List<String> tampered = new ArrayList<>(lines);
            tampered.set(index, edited.toString());
            Files.write(export, tampered);

            Outcome changed = verifyOffline(export, saved);

            assertThat(changed.status()).as(changed.output()).isEqualTo(LedgerVerifier.INVALID);
            assertThat(changed.output()).startsWith("INVALID").contains("position " + join + ": CHANGED");
        }

        private List<String> exportEverything() {
            return LedgerIntegrityIT.exportEverything(anonymous.as("auditor"));
        }

        private static int indexOfPosition(List<String> lines, long position) {
            for (int i = 0; i < lines.size(); i++) {
                if (ExportLine.read(lines.get(i)).position() == position) {
                    return i;
                }
            }
            throw new AssertionError("No line for position " + position);
        }
    }

    /** Every line of the export, read page by page as an auditor does. */
    static List<String> exportEverything(LedgerHttp auditor) {
        List<String> lines = new ArrayList<>();
        long after = 0;
        while (true) {
            Response page = auditor.get("/api/ledger/events?limit=25&after=" + after);
            assertThat(page.status()).isEqualTo(200);
            List<String> pageLines = page.body().lines().toList();
            if (pageLines.isEmpty()) {
                return lines;
            }
            lines.addAll(pageLines);
            after = ExportLine.read(pageLines.get(pageLines.size() - 1)).position();
        }
    }

    static Outcome verifyOffline(Path export, Path digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerifier.run(new String[] {"digest", export.toString(), digest.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What the offline verifier answered.
     *
     * @param status its exit status
     * @param output what it printed
     */
    record Outcome(int status, String output) {
    }
}
