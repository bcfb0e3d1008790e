package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps every command it acknowledged through a crash of the process. The application runs as a
 * process of its own from the jar, on its default H2 file database in a fresh data directory; eight clients send
 * commands while the process is killed ({@code kill -9}) at a random moment, and restarted on the same directory.
 * After every restart each acknowledged command's events are stored at the position the answer gave, no event is
 * stored twice, and a digest taken just before the kill still verifies. The export covers the hash chain, which passes
 * a gap (such as the position of a transaction the kill cut off) once the event after it is older than the settle
 * time; the check waits for the chain to reach the last acknowledged position.
 */
class CrashDurabilityIT {

    private static final int KILLS = 3;
    private static final int MIN_ACKNOWLEDGED = 200;
    private static final int CLIENTS = 8;
    /** Short enough for the checks to wait little, long enough that no commit under load is slower (default 10 s). */
    private static final String SETTLE_TIME = "2s";
    private static final String DECISION = """
            {"decisionId": "crash-%d-%d", "meetingDate": "2019-03-01", "caseNumber": "19/%d",
             "title": "Vedtak %d", "text": "Rådmannsutvalget vedtar.", "points": ["Punkt 1"]}""";

    @TempDir
    Path dataDir;

    /** An acknowledged command: the decision it recorded and where the answer said its event is. */
    private record Acknowledged(String aggregateId, String type, long globalIndex) {
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKillWithThePositionItWasGiven() throws Exception {
        Random random = new Random(20181);
        List<Acknowledged> acknowledged = new ArrayList<>();
        int round = 0;
        while (round < KILLS || acknowledged.size() < MIN_ACKNOWLEDGED) {
            round++;
            int port = freePort();
            Process process = start(port, round);
            LedgerHttp http = new LedgerHttp(port);
            try {
                awaitReady(http, process);
                checkLedger(http, acknowledged, round);
                long killAfterMillis = 300 + random.nextInt(1200);
                Kill kill = new Kill(process, http);
                acknowledged.addAll(load(http.as("secretariat"), round, killAfterMillis, kill));
                assertThat(kill.digest).as("a digest taken before the kill").isNotNull();
                process.waitFor(30, TimeUnit.SECONDS);

                process = start(port, round);
                awaitReady(http, process);
                checkLedger(http, acknowledged, round);
                Response verify = http.post("/api/ledger/verify", "application/json", kill.digest.toString());
                assertThat(verify.status()).as(verify.body()).isEqualTo(200);
                long differs = verify.json().path("firstDifference").path("position").asLong(-1);
                assertThat(verify.json().path("valid").asBoolean())
                        .as("the digest taken before kill %d (at %s) verifies after the restart: %s; the event there: %s",
                                round, kill.at, verify.body(), differs < 1 ? "" : http.as("auditor")
                                        .get("/api/ledger/events?after=" + (differs - 1) + "&limit=1").body())
                        .isTrue();
            } finally {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(MIN_ACKNOWLEDGED);
        System.out.printf("Crash durability: %d kills, %d commands acknowledged, none lost%n", round,
                acknowledged.size());
    }

    /** Kills the process once, taking a digest just before. */
    private static final class Kill {
        private final Process process;
        private final LedgerHttp http;
        private volatile JsonNode digest;
        private volatile java.time.Instant at;

        Kill(Process process, LedgerHttp http) {
            this.process = process;
            this.http = http;
        }

        void run() {
            Response response = http.get("/api/ledger/digest");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            digest = response.json();
            at = java.time.Instant.now();
            process.destroyForcibly();
        }
    }

    /**
     * Sends decisions from several clients until the kill, which happens after the given time, and returns the
     * acknowledged ones.
     */
    private static List<Acknowledged> load(LedgerHttp http, int round, long killAfterMillis, Kill kill)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(clients.submit(() -> {
                while (!killed.get()) {
                    int i = sent.incrementAndGet();
                    Response response;
                    try {
                        response = http.command("RecordSteeringGroupDecision", DECISION.formatted(round, i, i, i));
                    } catch (UncheckedIOException gone) {
                        continue;
                    }
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    JsonNode event = response.json().path("events").path(0);
                    acknowledged.add(new Acknowledged(event.path("aggregateId").asText(),
                            event.path("type").asText(), event.path("globalIndex").asLong()));
                }
                return null;
            }));
        }
        futures.add(clients.submit(() -> {
            Thread.sleep(killAfterMillis);
            kill.run();
            killed.set(true);
            return null;
        }));
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        return acknowledged;
    }

    /**
     * Every acknowledged command's event is at its position, and no event is stored twice: every stored decision of
     * the load has one event, at one position.
     */
    private static void checkLedger(LedgerHttp http, List<Acknowledged> acknowledged, int round)
            throws InterruptedException {
        http.awaitChainAt(acknowledged.stream().mapToLong(Acknowledged::globalIndex).max().orElse(0));
        Map<Long, JsonNode> byPosition = new HashMap<>();
        Set<String> decisions = new HashSet<>();
        for (JsonNode event : http.as("auditor").exportedEvents()) {
            long position = event.path("position").asLong();
            assertThat(byPosition.put(position, event)).as("position %d listed once", position).isNull();
            String aggregateId = event.path("aggregateId").asText();
            if (aggregateId.startsWith("decision:crash-")) {
                assertThat(decisions.add(aggregateId)).as("%s stored once", aggregateId).isTrue();
            }
        }
        List<Acknowledged> lost = acknowledged.stream().filter(ack -> {
            JsonNode stored = byPosition.get(ack.globalIndex());
            return stored == null || !stored.path("aggregateId").asText().equals(ack.aggregateId())
                    || !stored.path("payloadType").asText().endsWith("." + ack.type());
        }).toList();
        assertThat(lost).as("acknowledged commands missing, or not at their position, after kill %d: %d of %d",
                round, lost.size(), acknowledged.size()).isEmpty();
    }

    private Process start(int port, int round) throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(path -> path.getFileName().toString().matches("app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The application jar is built in the package phase"));
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath(), "--ledger.integrity.settle-time=" + SETTLE_TIME,
                "--logging.level.org.axonframework=WARN");
        // -Dcrash.datasource-url measures another setting, such as H2's default write delay (ADR 0025)
        String url = System.getProperty("crash.datasource-url");
        if (url != null) {
            builder.command().add("--spring.datasource.url=" + url.replace("{dir}", dataDir.toAbsolutePath()
                    .toString()));
        }
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/crash-durability.log")));
        return builder.start();
    }

    private static void awaitReady(LedgerHttp http, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application is running (see target/crash-durability.log)")
                    .isTrue();
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The application did not become ready within 2 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
