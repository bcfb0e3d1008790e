package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain lives in the database, not in a node: an untouched store verifies against a digest taken before a
 * restart, the chain goes on from where it ended, and it keeps up with the event store in the background.
 */
class LedgerChainRestartIT {

    @TempDir
    Path dataDir;

    /**
     * Starts the ledger on the file database. The settings are arguments, not default properties, because the test
     * profile's own datasource URL would win over defaults and give every start a fresh in-memory database.
     */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("ledger")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                        "--ledger.integrity.settle-time=200ms",
                        "--ledger.integrity.advance-interval=100ms");
    }

    private static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private static boolean verifies(LedgerHttp http, JsonNode digest) {
        Response response = http.post("/api/ledger/verify", "application/json", digest.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("valid").asBoolean();
    }

    @Test
    void anUntouchedStoreVerifiesAfterARestartAndTheChainGoesOnFromItsEnd() {
        JsonNode digest;
        long storedBeforeRestart;
        try (ConfigurableApplicationContext context = start()) {
            LedgerHttp http = http(context);
            assertThat(http.as("secretariat").command("RecordSteeringGroupDecision", """
                    {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                     "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                     "points":["Strategien vedtas"]}""").status()).isEqualTo(200);
            digest = http.get("/api/ledger/digest").json();
            storedBeforeRestart = events(context);
        }
        try (ConfigurableApplicationContext restarted = start()) {
            LedgerHttp http = http(restarted);
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            assertThat(events(restarted)).as("the same store, not seeded again").isEqualTo(storedBeforeRestart);

            assertThat(verifies(http, digest)).isTrue();

            assertThat(http.as("secretariat").command("JoinCollaboration", """
                    {"participantId":"5054","effectiveDate":"2018-06-14",
                     "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""")
                    .status()).isEqualTo(200);
            JsonNode later = http.get("/api/ledger/digest").json();

            assertThat(later.path("position").asLong()).isGreaterThan(digest.path("position").asLong());
            assertThat(verifies(http, later)).isTrue();
            assertThat(verifies(http, digest)).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_chain", Long.class))
                    .as("one link per stored event")
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class));
        }
    }

    @Test
    void theChainKeepsUpWithTheStoreInTheBackground() throws InterruptedException {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(http(context).as("secretariat").command("RegisterRegion", """
                    {"regionId":"test-region","name":"Testregionen"}""").status()).isEqualTo(200);
            long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) FROM ledger_chain", Long.class) < head) {
                assertThat(Instant.now()).as("the chain reaches the head without a digest").isBefore(deadline);
                Thread.sleep(50);
            }
        }
    }
}
