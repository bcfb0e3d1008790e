package no.trondelag.samhandling.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.query.ledger.FactLog;
import no.trondelag.samhandling.query.ledger.JdbcFactLog;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Operating the read side as an ADMIN: projection status, a replay while commands keep coming, dead letters that
 * wait for a retry instead of stalling the projection, and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:operations-it;DB_CLOSE_DELAY=-1")
class OperationsIT {

    /** While set, the read side fails on the registration of the region named "poison". */
    static volatile boolean poisoned;

    @TestConfiguration
    static class PoisonableFactLog {

        @Bean
        @Primary
        FactLog poisonableFactLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
            JdbcFactLog real = new JdbcFactLog(jdbc, serializer);
            return new FactLog() {
                @Override
                public void append(LedgerFact fact) {
                    if (poisoned && fact.event() instanceof RegionRegistered region
                            && region.regionId().equals("poison")) {
                        throw new IllegalStateException("The read side cannot handle region " + region.regionId());
                    }
                    real.append(fact);
                }

                @Override
                public void clear() {
                    real.clear();
                }

                @Override
                public Watermark watermark() {
                    return real.watermark();
                }

                @Override
                public long countUpTo(long position) {
                    return real.countUpTo(position);
                }


                @Override

                public long countAfter(long position) {

                    return real.countAfter(position);

                }

                @Override
                public void forEach(long afterPosition, Consumer<LedgerFact> consumer) {
                    real.forEach(afterPosition, consumer);
                }

                @Override
                public List<LedgerFact> concerning(Collection<String> participantIds) {
                    return real.concerning(participantIds);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp admin;
    LedgerHttp secretariat;

    @BeforeEach
    void clients() {
        admin = new LedgerHttp(port).as("admin");
        secretariat = new LedgerHttp(port).as("secretariat");
        poisoned = false;
    }

    @Test
    void projectionStatusShowsPositionHeadAndLag() {
        awaitCaughtUp();

        JsonNode projections = admin.get("/api/admin/projections").json();

        assertThat(projections.size()).isEqualTo(1);
        JsonNode facts = projections.get(0);
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
        assertThat(facts.path("name").asText()).isEqualTo("ledger-facts");
        assertThat(facts.path("head").asLong()).isEqualTo(head);
        assertThat(facts.path("position").asLong()).isEqualTo(head);
        assertThat(facts.path("lag").asLong()).isZero();
        assertThat(facts.path("segments").size()).as("this node holds all four segments").isEqualTo(4);
        String node = facts.path("node").asText();
        assertThat(node).isNotBlank();
        assertThat(facts.path("claims")).hasSize(4).allSatisfy(claim -> {
            assertThat(claim.path("owner").asText()).isEqualTo(node);
            assertThat(claim.path("position").asLong()).isLessThanOrEqualTo(head);
        });
    }

    @Test
    void aPausedProjectionLetsGoOfItsSegmentsAndTakesThemBackWhenResumed() {
        awaitCaughtUp();
        assertThat(secretariat.post("/api/admin/projections/ledger-facts/pause", "application/json", "").status())
                .isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/no-such/pause", "application/json", "").status())
                .isEqualTo(404);

        JsonNode paused = admin.post("/api/admin/projections/ledger-facts/pause", "application/json", "").json();

        try {
            assertThat(paused.path("running").asBoolean()).isFalse();
            assertThat(paused.path("segments")).isEmpty();
            assertThat(paused.path("claims")).hasSize(4)
                    .allSatisfy(claim -> assertThat(claim.hasNonNull("owner")).as("held by no node").isFalse());
        } finally {
            JsonNode resumed = admin.post("/api/admin/projections/ledger-facts/resume", "application/json", "")
                    .json();
            assertThat(resumed.path("running").asBoolean()).isTrue();
        }
        awaitCaughtUp();
    }

    @Test
    void onlyAdminsOperateTheReadSide() {
        assertThat(new LedgerHttp(port).get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(secretariat.get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(secretariat.post("/api/admin/projections/ledger-facts/replay", "application/json", "")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/no-such/replay", "application/json", "").status())
                .isEqualTo(404);
    }

    @Test
    void aReplayWhileCommandsArriveEndsEqualToAFromScratchRebuild() throws Exception {
        assertThat(secretariat.command("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""")
                .status()).isIn(200, 409);

        Response started = admin.post("/api/admin/projections/ledger-facts/replay", "application/json", "");
        CompletableFuture<List<Integer>> commands = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(secretariat.command("RecordMaturityAssessment", """
                        {"participantId":"5054","assessedOn":"2019-%02d-01","score":%d.5}"""
                        .formatted(i % 12 + 1, i % 4 + 1)).status());
            }
            return statuses;
        });

        assertThat(started.status()).isEqualTo(202);
        assertThat(commands.get()).containsOnly(200);
        awaitCaughtUp();
        Map<String, String> afterReplay = reports();

        admin.post("/api/admin/projections/ledger-facts/replay", "application/json", "");
        awaitCaughtUp();

        assertThat(reports()).isEqualTo(afterReplay);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class));
    }

    @Test
    void aFailingEventWaitsInTheDeadLetterQueueUntilRetried() {
        poisoned = true;
        assertThat(secretariat.command("RegisterRegion", "{\"regionId\":\"poison\",\"name\":\"Poison\"}").status())
                .isEqualTo(200);
        assertThat(secretariat.command("RegisterRegion", "{\"regionId\":\"healthy\",\"name\":\"Healthy\"}").status())
                .isEqualTo(200);

        await(() -> admin.get("/api/admin/dead-letters").json().path("ledger-facts").size() == 1);
        awaitCaughtUp();
        JsonNode letter = admin.get("/api/admin/dead-letters").json().path("ledger-facts").get(0);
        assertThat(letter.path("eventType").asText()).isEqualTo("RegionRegistered");
        assertThat(letter.path("sequence").asText()).isEqualTo("region:poison");
        assertThat(letter.path("causeMessage").asText()).contains("cannot handle region poison");
        assertThat(regionIds()).contains("healthy").doesNotContain("poison");

        poisoned = false;
        JsonNode retried = admin.post("/api/admin/dead-letters/ledger-facts/retry", "application/json", "").json();

        assertThat(retried.path("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.path("remaining").asInt()).isZero();
        assertThat(regionIds()).contains("healthy", "poison");
    }

    @Test
    void metricsShowCommandsProcessorsStoreSizeAndLag() {
        secretariat.command("RegisterRegion", "{\"regionId\":\"metrics\",\"name\":\"Metrics\"}");
        awaitCaughtUp();

        Response prometheus = admin.get("/actuator/prometheus");

        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("commandBus_", "eventProcessor_", "processorName=\"ledger-facts\"")
                .contains("ledger_events_head ")
                .contains("ledger_projection_lag{projection=\"ledger-facts\"}")
                .as("requests are observed as a whole, not filter by filter")
                .contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_");
        assertThat(new LedgerHttp(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(secretariat.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private List<String> regionIds() {
        return new LedgerHttp(port).get("/api/regions").json().path("regions").findValuesAsText("regionId");
    }

    private Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : List.of("/api/reports/participation", "/api/reports/goals", "/api/reports/funding",
                "/api/participants/5054/history", "/api/audit/decisions", "/api/reports/goals?asOf=2019-06-30")) {
            reports.put(path, new LedgerHttp(port).get(path).body());
        }
        return reports;
    }

    private void awaitCaughtUp() {
        JsonNode[] last = new JsonNode[1];
        await(() -> {
            last[0] = admin.get("/api/admin/projections/ledger-facts").json();
            return last[0].path("lag").asLong() == 0 && !last[0].path("replaying").asBoolean()
                    && last[0].path("segments").size() == 4;
        }, () -> "last status: " + last[0]);
    }

    private static void await(BooleanSupplier condition) {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within 30 s; " + state.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
