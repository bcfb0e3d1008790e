package no.trondelag.samhandling.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report never covers less of the ledger than one served before: not while commands append concurrently (their
 * events commit in any order), not after an append rolled back and left a gap in the global index, and not across
 * a restart. And no rule waits on the clock: an event after a gap is in the reports as soon as the projections have
 * handled it.
 */
class PositionsNeverMoveBackIT {

    private static final String READS = "/api/regions,/api/participants,/api/reports/funding,/api/reports/goals,"
            + "/api/reports/initiatives,/api/audit/decisions";

    private final String url = "jdbc:h2:mem:positions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private ConfigurableApplicationContext ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void positionsOnlyGrowUnderConcurrentAppendsAfterARolledBackAppendAndAcrossARestart() throws Exception {
        ledger = start();
        LedgerHttp auditor = http(ledger).as("auditor");
        ReadSide.awaitCaughtUp(ledger.getBean(EventProcessingConfiguration.class), jdbc());
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();

        // concurrent appends, read all along
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                readAll(auditor, seen);
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            writers.add(pool.submit(() -> {
                LedgerHttp secretariat = http(ledger).as("secretariat");
                for (int i = 0; i < 25; i++) {
                    Response response = secretariat.command("RegisterRegion",
                            "{\"regionId\":\"region-%d-%d\",\"name\":\"Region %d %d\"}".formatted(t, i, t, i));
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        ReadSide.awaitCaughtUp(ledger.getBean(EventProcessingConfiguration.class), jdbc());
        writing.set(false);
        reader.get();
        pool.shutdown();
        readAll(auditor, seen);
        assertThat(auditor.get("/api/regions").json().path("regions").findValuesAsText("regionId")
                .stream().filter(id -> id.startsWith("region-"))).hasSize(100);

        // an append that rolls back leaves a gap; the event after it is read without waiting for the gap
        long gap = rolledBackAppend();
        Response after = http(ledger).as("secretariat").command("RegisterRegion",
                "{\"regionId\":\"after-gap\",\"name\":\"Etter hullet\"}");
        long afterGap = after.json().path("events").get(0).path("globalIndex").asLong();
        assertThat(afterGap).isGreaterThan(gap);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!auditor.get("/api/regions").json().path("regions").findValuesAsText("regionId")
                .contains("after-gap")) {
            assertThat(Instant.now()).as("the event after the gap is read at once").isBefore(deadline);
            readAll(auditor, seen);
        }
        readAll(auditor, seen);

        // a restart
        JsonNode before = auditor.get("/api/regions").json().path("meta");
        ledger.close();
        ledger = start();
        JsonNode restarted = http(ledger).as("auditor").get("/api/regions").json().path("meta");
        assertThat(restarted.path("position").asLong()).isGreaterThanOrEqualTo(before.path("position").asLong());
        assertThat(restarted.path("events").asLong()).isGreaterThanOrEqualTo(before.path("events").asLong());
        readAll(http(ledger).as("auditor"), seen);

        assertThat(seen).hasSize(READS.split(",").length);
        seen.forEach((path, positions) -> assertThat(positions).as(path).isSorted());
    }

    private static void readAll(LedgerHttp auditor, Map<String, List<Long>> seen) {
        for (String path : READS.split(",")) {
            Response response = auditor.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            seen.computeIfAbsent(path, p -> new ArrayList<>())
                    .add(response.json().path("meta").path("position").asLong());
        }
    }

    /** Appends an event in a transaction that rolls back, as a failed command does: its global index stays unused. */
    private long rolledBackAppend() {
        JdbcTemplate jdbc = jdbc();
        Long[] index = new Long[1];
        new TransactionTemplate(ledger.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                            + "metaData, payload, payloadRevision, payloadType, timeStamp) "
                            + "VALUES ('region:rolled-back', 0, 'Region', ?, ?, ?, NULL, ?, ?)",
                    UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                    "{\"regionId\":\"rolled-back\",\"name\":\"Rullet tilbake\"}".getBytes(StandardCharsets.UTF_8),
                    "no.trondelag.samhandling.api.region.RegionRegistered", DateTimeUtils.formatInstant(Instant.now()));
            index[0] = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalIndex = ?", Long.class,
                index[0])).isZero();
        return index[0];
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.main.banner-mode=off");
    }

    private JdbcTemplate jdbc() {
        return ledger.getBean(JdbcTemplate.class);
    }

    private static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
