package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may read what with the built-in users: reports, reference data, histories and the decision log are public,
 * but who recorded each event ({@code actor}) is shown to auditors only; the actuator, except health, and the admin
 * API are for ADMIN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:read-access-it;DB_CLOSE_DELAY=-1",
        "management.endpoints.web.exposure.include=health,info,metrics"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAccessIT {

    private static final String DECISION_ID = "sg-2018-05-02-07";

    private static final List<String> PUBLIC_READS = List.of(
            "/api/reports/participation", "/api/reports/participation/fosen", "/api/reports/funding",
            "/api/reports/funding?year=2019", "/api/reports/goals", "/api/reports/initiatives", "/api/regions",
            "/api/participants", "/api/participants/5054", "/api/participants/5054/history",
            "/api/audit/decisions", "/api/audit/decisions/" + DECISION_ID,
            "/api/reports/participation?format=csv", "/api/participants/5054/history?format=csv",
            "/api/audit/decisions/" + DECISION_ID + "?format=csv");

    /** The reads that carry who recorded each event, with the actors an auditor sees there. */
    private static final Map<String, List<String>> READS_WITH_ACTORS = Map.of(
            "/api/audit/decisions", List.of("secretariat"),
            "/api/audit/decisions/" + DECISION_ID, List.of("secretariat"),
            "/api/participants/5054/history", List.of("system:seed", "kommune-5054"),
            "/api/participants/5054/history?format=csv", List.of("system:seed", "kommune-5054"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    void recordADecisionAndAJoinAndWaitForTheReadSide() {
        RawHttp.Response decision = RawHttp.anonymous(port).as("secretariat").command("RecordSteeringGroupDecision",
                """
                {"decisionId":"%s","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                 "points":["Strategien vedtas"]}""".formatted(DECISION_ID));
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        RawHttp.Response join = RawHttp.anonymous(port).as("kommune-5054").command("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""");
        assertThat(join.status()).as(join.toString()).isEqualTo(200);
        awaitReadSide();
    }

    private void awaitReadSide() {
        ReadSide.awaitCaughtUp(processing, jdbc);
    }

    static Stream<String> publicReads() {
        return PUBLIC_READS.stream();
    }

    @ParameterizedTest(name = "anonymous GET {0} -> 200")
    @MethodSource("publicReads")
    void publicReadsNeedNoCredentials(String path) {
        RawHttp.Response response = RawHttp.anonymous(port).get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).matches(type -> type.startsWith("application/json")
                || type.startsWith("text/csv"), "JSON or CSV");
    }

    static Stream<Arguments> readersOfActors() {
        return Stream.of("anonymous", "secretariat", "admin", "kommune-5054", "auditor")
                .flatMap(reader -> READS_WITH_ACTORS.keySet().stream().sorted()
                        .map(path -> Arguments.of(reader, path)));
    }

    @ParameterizedTest(name = "{0} GET {1}")
    @MethodSource("readersOfActors")
    void actorsAreShownToAuditorsOnly(String reader, String path) {
        RawHttp http = reader.equals("anonymous") ? RawHttp.anonymous(port) : RawHttp.anonymous(port).as(reader);
        List<String> actors = READS_WITH_ACTORS.get(path);

        RawHttp.Response response = http.get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        if (reader.equals("auditor")) {
            assertThat(response.body()).contains(actors);
        } else {
            assertThat(response.body()).doesNotContain("\"actor\"").doesNotContain(actors);
            if (response.contentType().startsWith("application/json")) {
                assertThat(response.json().findValues("actor")).isEmpty();
            }
        }
    }

    @Test
    void auditorsSeeWhoRecordedTheDecisionAndTheJoin() {
        RawHttp auditor = RawHttp.anonymous(port).as("auditor");

        JsonNode decision = auditor.get("/api/audit/decisions/" + DECISION_ID).json().path("decision");
        JsonNode history = auditor.get("/api/participants/5054/history").json();

        assertThat(decision.path("recorded").path("actor").asText()).isEqualTo("secretariat");
        assertThat(history.path("entries").findValuesAsText("actor")).containsExactly("system:seed", "kommune-5054");
    }

    @Test
    void healthIsPublic() {
        assertThat(RawHttp.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(RawHttp.anonymous(port).as("secretariat").get("/actuator/health").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"})
    void theRestOfTheActuatorIsForAdmins(String path) {
        RawHttp anonymous = RawHttp.anonymous(port);

        RawHttp.Response unauthenticated = anonymous.get(path);
        assertThat(unauthenticated.status()).as(unauthenticated.toString()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        assertThat(unauthenticated.wwwAuthenticate()).startsWith("Basic ");
        assertThat(anonymous.basic("admin", "secretariat").get(path).status()).isEqualTo(401);
        for (String user : List.of("secretariat", "auditor", "kommune-5054")) {
            RawHttp.Response forbidden = anonymous.as(user).get(path);
            assertThat(forbidden.status()).as(user + ": " + forbidden).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
        }
        RawHttp.Response admin = anonymous.as("admin").get(path);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/admin/anything", "/api/admin/projections"})
    void theAdminApiIsForAdmins(String path) {
        RawHttp anonymous = RawHttp.anonymous(port);

        RawHttp.Response unauthenticated = anonymous.get(path);
        assertThat(unauthenticated.status()).as(unauthenticated.toString()).isEqualTo(401);
        assertThat(unauthenticated.wwwAuthenticate()).startsWith("Basic ");
        assertThat(anonymous.post(path, "{}").status()).isEqualTo(401);
        for (String user : List.of("secretariat", "auditor", "kommune-5054")) {
            RawHttp.Response forbidden = anonymous.as(user).get(path);
            assertThat(forbidden.status()).as(user + ": " + forbidden).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.as(user).post(path, "{}").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous.as("admin").get(path).status()).isNotIn(401, 403);
    }
}
