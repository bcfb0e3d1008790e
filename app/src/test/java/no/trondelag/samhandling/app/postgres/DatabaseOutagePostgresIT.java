package no.trondelag.samhandling.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database that goes away under load gets honest answers, within a bounded wait, and the service recovers by
 * itself. A PostgreSQL server of this test's own is stopped while clients send commands (each with an
 * Idempotency-Key) and read reports and health, and started again on the same data directory. No answer is a
 * {@code 500}; every failure is a {@code 503} with {@code Retry-After}; no request waits longer than the bound; every
 * acknowledged command is in the ledger; a command answered "not recorded" is not; a command whose outcome was
 * unknown, retried with its key, is recorded exactly once; and once the database is back, commands, reports and the
 * read side work again without a restart.
 */
class DatabaseOutagePostgresIT {

    /** The pool's connection timeout (2 s) plus what one request does besides waiting for it. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int CLIENTS = 6;
    private static final String DECISION = """
            {"decisionId": "outage-%d", "meetingDate": "2019-03-01", "caseNumber": "19/%d",
             "title": "Vedtak %d", "text": "Rådmannsutvalget vedtar.", "points": ["Punkt 1"]}""";

    @TempDir
    Path dataDir;

    /** One answered request: its problem's rule, or for health its status. */
    private record Answer(String what, int id, int status, String rule, String retryAfter, long millis,
                          long globalIndex) {
    }

    @Test
    void anOutageIsAnswered503WithinTheBoundAndNothingAcknowledgedIsLost() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE ledger");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test", "postgres")
                .run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/ledger",
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--ledger.integrity.settle-time=1s")) {
            LedgerHttp http = new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort());
            LedgerHttp secretariat = http.as("secretariat");

            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ids = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 2);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(clients.submit(() -> {
                    while (!stop.get()) {
                        int id = ids.incrementAndGet();
                        answers.add(timed("command", id, () -> secretariat.command("RecordSteeringGroupDecision",
                                DECISION.formatted(id, id, id), "Idempotency-Key", "outage-" + id)));
                    }
                    return null;
                }));
            }
            futures.add(clients.submit(() -> {
                while (!stop.get()) {
                    answers.add(timed("report", 0, () -> http.get("/api/audit/decisions")));
                }
                return null;
            }));
            futures.add(clients.submit(() -> {
                while (!stop.get()) {
                    answers.add(timed("health", 0, () -> http.get("/actuator/health")));
                    Thread.sleep(100);
                }
                return null;
            }));

            Thread.sleep(2_000);
            postgres.close();
            Thread.sleep(6_000);
            int lastDuringOutage = ids.get();
            postgres = startPostgres(port);
            awaitSuccessAfter(answers, lastDuringOutage);
            stop.set(true);
            for (Future<?> future : futures) {
                future.get(1, TimeUnit.MINUTES);
            }
            clients.shutdown();

            assertThat(answers).as("no answer is a 500, or anything but 200 and 503")
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 503));
            assertThat(answers).as("answers during the outage").anySatisfy(answer ->
                    assertThat(answer.status()).isEqualTo(503));
            assertThat(answers.stream().filter(answer -> answer.status() == 503))
                    .allSatisfy(answer -> {
                        if (answer.what().equals("health")) {
                            assertThat(answer.rule()).as("health's status").isEqualTo("DOWN");
                        } else {
                            assertThat(answer.retryAfter()).as(answer.toString()).isNotNull();
                            assertThat(answer.rule()).as(answer.toString())
                                    .isIn("database-unavailable", "outcome-unknown");
                        }
                    });
            long longest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();
            System.out.printf("Outage: %d answers, %d of them 503 %s, longest wait %d ms%n", answers.size(),
                    answers.stream().filter(answer -> answer.status() == 503).count(),
                    answers.stream().filter(answer -> answer.status() == 503).collect(
                            java.util.stream.Collectors.groupingBy(answer -> answer.what() + ":" + answer.rule(),
                                    java.util.stream.Collectors.counting())), longest);
            assertThat(answers).as("no request waits longer than %s", BOUND)
                    .allSatisfy(answer -> assertThat(answer.millis()).as(answer.toString())
                            .isLessThanOrEqualTo(BOUND.toMillis()));

            // commands whose outcome was unknown are retried with their key, and settle either way
            long last = answers.stream().mapToLong(Answer::globalIndex).max().orElseThrow();
            for (Answer answer : answers) {
                if ("outcome-unknown".equals(answer.rule())) {
                    Response retry = secretariat.command("RecordSteeringGroupDecision",
                            DECISION.formatted(answer.id(), answer.id(), answer.id()),
                            "Idempotency-Key", "outage-" + answer.id());
                    assertThat(retry.status()).as(retry.body()).isEqualTo(200);
                    last = Math.max(last, retry.json().path("events").path(0).path("globalIndex").asLong());
                }
            }
            http.awaitChainAt(last);
            Set<String> stored = decisionsInTheLedger(http);
            for (Answer answer : answers) {
                if (!answer.what().equals("command")) {
                    continue;
                }
                String decision = "decision:outage-" + answer.id();
                if (answer.status() == 200 || "outcome-unknown".equals(answer.rule())) {
                    assertThat(stored).as("acknowledged %s is in the ledger", decision).contains(decision);
                } else if ("database-unavailable".equals(answer.rule())) {
                    assertThat(stored).as("%s, answered 'not recorded', is not in the ledger", decision)
                            .doesNotContain(decision);
                }
            }
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
            awaitReadSideCaughtUp(http);
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start();
    }

    private static Answer timed(String what, int id, Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String rule = response.contentType().startsWith("application/problem+json")
                ? response.json().path("rule").asText(null)
                : what.equals("health") ? response.json().path("status").asText(null) : null;
        long globalIndex = what.equals("command") && response.status() == 200
                ? response.json().path("events").path(0).path("globalIndex").asLong() : -1;
        return new Answer(what, id, response.status(), rule, response.retryAfter(), millis, globalIndex);
    }

    /** Waits until a command sent after the database came back has been acknowledged. */
    private static void awaitSuccessAfter(List<Answer> answers, int id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (answers) {
                if (answers.stream().anyMatch(answer -> answer.what().equals("command") && answer.id() > id
                        && answer.status() == 200)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No command was acknowledged within a minute of the database coming back");
    }

    private static Set<String> decisionsInTheLedger(LedgerHttp http) {
        Set<String> decisions = new HashSet<>();
        for (JsonNode event : http.as("auditor").exportedEvents()) {
            String aggregateId = event.path("aggregateId").asText();
            if (aggregateId.startsWith("decision:outage-")) {
                assertThat(decisions.add(aggregateId)).as("%s recorded once", aggregateId).isTrue();
            }
        }
        return decisions;
    }

    /** The read side recovers by itself: every projection catches up with the head again. */
    private static void awaitReadSideCaughtUp(LedgerHttp http) {
        ReadSide.awaitCaughtUp(http.as("admin"), Duration.ofMinutes(2));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
