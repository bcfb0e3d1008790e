package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command API's conditions: {@code Idempotency-Key} (a retry returns the first response and appends nothing,
 * also after a restart; the same key with another body is refused), {@code If-Match} (412 with the current version
 * unless the target is at the named version), and the 64 KiB body limit.
 */
class CommandPreconditionsIT {

    private static final String JOIN = """
            {"participantId":"5054","effectiveDate":"2018-06-14",
             "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""";
    private static final String ASSESSMENT = """
            {"participantId":"5054","assessedOn":"2019-05-01","score":3.4}""";

    @TempDir
    Path dataDir;

    /**
     * Starts the ledger on this test's database; {@link CommandPreconditionsPostgresIT} starts it on PostgreSQL.
     *
     * @return the running ledger
     */
    protected ConfigurableApplicationContext start() {
        // command-line arguments, unlike builder properties, win over application-test.yml's in-memory database
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("ledger")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    private static LedgerHttp http(ConfigurableApplicationContext context, String user) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new LedgerHttp(port).as(user);
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    @Nested
    class IdempotencyKey {

        @Test
        void aRetryReturnsTheFirstResponseAndAppendsNothingEvenAfterARestart() {
            Response first;
            long afterFirst;
            try (ConfigurableApplicationContext context = start()) {
                LedgerHttp http = http(context, "kommune-5054");
                first = http.command("JoinCollaboration", JOIN, "Idempotency-Key", "join-5054-2018");
                afterFirst = events(context);

                Response retry = http.command("JoinCollaboration", JOIN.replace("\n", " "), "Idempotency-Key",
                        "join-5054-2018");

                assertThat(first.status()).isEqualTo(200);
                assertThat(retry.status()).isEqualTo(200);
                assertThat(retry.body()).isEqualTo(first.body());
                assertThat(retry.etag()).isEqualTo(first.etag());
                assertThat(events(context)).isEqualTo(afterFirst);
            }
            try (ConfigurableApplicationContext restarted = start()) {
                Response retry = http(restarted, "kommune-5054").command("JoinCollaboration", JOIN,
                        "Idempotency-Key", "join-5054-2018");

                assertThat(retry.status()).isEqualTo(200);
                assertThat(retry.body()).isEqualTo(first.body());
                assertThat(events(restarted)).isEqualTo(afterFirst);
            }
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            try (ConfigurableApplicationContext context = start()) {
                LedgerHttp http = http(context, "kommune-5054");
                http.command("RecordMaturityAssessment", ASSESSMENT, "Idempotency-Key", "assessment-1");
                long before = events(context);

                Response other = http.command("RecordMaturityAssessment", ASSESSMENT.replace("3.4", "3.5"),
                        "Idempotency-Key", "assessment-1");

                assertThat(other.status()).isEqualTo(422);
                assertThat(other.contentType()).startsWith("application/problem+json");
                assertThat(other.json().path("rule").asText()).isEqualTo("idempotency-key-reused");
                assertThat(events(context)).isEqualTo(before);
            }
        }

        @Test
        void theSameKeyFromAnotherSenderIsRefused() {
            try (ConfigurableApplicationContext context = start()) {
                http(context, "kommune-5054").command("RecordMaturityAssessment", ASSESSMENT, "Idempotency-Key",
                        "shared-key");

                Response other = http(context, "secretariat").command("RecordMaturityAssessment", ASSESSMENT,
                        "Idempotency-Key", "shared-key");

                assertThat(other.status()).isEqualTo(422);
            }
        }

        @Test
        void aRejectedCommandStoresNoKeySoItsRetryIsEvaluatedAgain() {
            try (ConfigurableApplicationContext context = start()) {
                LedgerHttp http = http(context, "kommune-5054");
                Response early = http.command("WithdrawFromCollaboration", """
                        {"participantId":"5054","effectiveDate":"2019-01-01",
                         "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"19/1","date":"2019-01-01"}}""",
                        "Idempotency-Key", "withdraw-1");
                assertThat(early.status()).isEqualTo(409);
                assertThat(http.command("JoinCollaboration", JOIN).status()).isEqualTo(200);

                Response retry = http.command("WithdrawFromCollaboration", """
                        {"participantId":"5054","effectiveDate":"2019-01-01",
                         "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"19/1","date":"2019-01-01"}}""",
                        "Idempotency-Key", "withdraw-1");

                assertThat(retry.status()).isEqualTo(200);
            }
        }

        @Test
        void aMalformedKeyIsABadRequest() {
            try (ConfigurableApplicationContext context = start()) {
                Response response = http(context, "kommune-5054").command("JoinCollaboration", JOIN,
                        "Idempotency-Key", "x".repeat(201));

                assertThat(response.status()).isEqualTo(400);
                assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
            }
        }
    }

    @Nested
    class IfMatch {

        @Test
        void theCommandAppliesOnlyAtTheNamedVersion() {
            try (ConfigurableApplicationContext context = start()) {
                LedgerHttp http = http(context, "kommune-5054");
                Response joined = http.command("JoinCollaboration", JOIN);
                assertThat(joined.etag()).isEqualTo("\"1\"");
                long before = events(context);

                Response stale = http.command("RecordMaturityAssessment", ASSESSMENT, "If-Match", "\"0\"");

                assertThat(stale.status()).isEqualTo(412);
                assertThat(stale.contentType()).startsWith("application/problem+json");
                assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
                assertThat(stale.json().path("expectedVersion").asLong()).isZero();
                assertThat(stale.etag()).isEqualTo("\"1\"");
                assertThat(events(context)).isEqualTo(before);

                Response current = http.command("RecordMaturityAssessment", ASSESSMENT, "If-Match", joined.etag());

                assertThat(current.status()).isEqualTo(200);
                assertThat(current.etag()).isEqualTo("\"2\"");
            }
        }

        @Test
        void aVersionAheadOfTheAggregateIsAlsoAMismatch() {
            try (ConfigurableApplicationContext context = start()) {
                Response ahead = http(context, "kommune-5054").command("RecordMaturityAssessment", ASSESSMENT,
                        "If-Match", "7");

                assertThat(ahead.status()).isEqualTo(412);
                assertThat(ahead.json().path("currentVersion").asLong()).isZero();
            }
        }

        @Test
        void anUnreadableVersionIsABadRequest() {
            try (ConfigurableApplicationContext context = start()) {
                Response response = http(context, "kommune-5054").command("RecordMaturityAssessment", ASSESSMENT,
                        "If-Match", "\"latest\"");

                assertThat(response.status()).isEqualTo(400);
                assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("If-Match");
            }
        }
    }

    @Nested
    class BodySize {

        @Test
        void bodiesOver64KiBAreRefusedWith413() {
            try (ConfigurableApplicationContext context = start()) {
                long before = events(context);
                String huge = "{\"regionId\":\"big\",\"name\":\"" + "x".repeat(70_000) + "\"}";

                Response response = http(context, "secretariat").command("RegisterRegion", huge);

                assertThat(response.status()).isEqualTo(413);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(events(context)).isEqualTo(before);
            }
        }

        @Test
        void aLongStringUnderTheLimitIsAFieldError() {
            try (ConfigurableApplicationContext context = start()) {
                String longName = "{\"regionId\":\"big\",\"name\":\"" + "x".repeat(5_000) + "\"}";

                Response response = http(context, "secretariat").command("RegisterRegion", longName);

                assertThat(response.status()).isEqualTo(400);
                assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("name");
            }
        }
    }
}
