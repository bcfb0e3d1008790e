package no.trondelag.samhandling.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.app.engine.StoredEvents;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import no.trondelag.samhandling.query.projection.LedgerLog;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
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

    /** While set, the participation projection fails on the registration of the region named "poison". */
    static volatile boolean poisoned;

    /**
     * Puts a poisonable participation projection in place of the real one. It replaces the bean once it is made,
     * so that it is the only participation projection Axon registers, and the one the projections that read
     * participation are given.
     */
    @TestConfiguration
    static class PoisonableParticipation {

        @Bean
        static BeanPostProcessor poisonableParticipationProjection(ObjectProvider<JdbcTemplate> jdbc,
                                                                   ObjectProvider<LedgerLog> ledgerLog) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof ParticipationProjection && !(bean instanceof PoisonableProjection)) {
                        PoisonableProjection poisonable = new PoisonableProjection(jdbc.getObject(),
                                ledgerLog.getObject());
                        poisonable.createTables();
                        return poisonable;
                    }
                    return bean;
                }
            };
        }
    }

    /** The participation projection, failing on the region "poison" while {@link #poisoned}. */
    static class PoisonableProjection extends ParticipationProjection {

        PoisonableProjection(JdbcTemplate jdbc, LedgerLog ledgerLog) {
            super(jdbc, ledgerLog);
        }

        @MessageHandlerInterceptor(messageType = EventMessage.class)
        void poison(RegionRegistered region) {
            if (poisoned && region.regionId().equals("poison")) {
                throw new IllegalStateException("The read side cannot handle region " + region.regionId());
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

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

        Map<String, JsonNode> byName = ReadSide.statusesByName(projections);
        assertThat(byName.keySet()).as("one streaming processor per projection")
                .containsExactlyInAnyOrderElementsOf(ReadSide.PROJECTIONS);
        assertThat(projections.findValuesAsText("name")).as("sorted by name").isSorted();
        long head = StoredEvents.head(eventStore);
        String node = byName.get(ParticipationProjection.NAME).path("node").asText();
        assertThat(node).isNotBlank();
        assertThat(byName).allSatisfy((name, status) -> {
            assertThat(status.path("head").asLong()).as(name).isEqualTo(head);
            assertThat(status.path("position").asLong()).as(name).isEqualTo(head);
            assertThat(status.path("lag").asLong()).as(name).isZero();
            assertThat(status.path("running").asBoolean()).as(name).isTrue();
            assertThat(status.path("segments")).as("%s: this node holds its one segment", name).hasSize(1);
            assertThat(status.path("node").asText()).as(name).isEqualTo(node);
            assertThat(status.path("claims")).as(name).hasSize(1).allSatisfy(claim -> {
                assertThat(claim.path("owner").asText()).isEqualTo(node);
                assertThat(claim.path("position").asLong()).isEqualTo(head);
            });
        });
        JsonNode one = admin.get("/api/admin/projections/" + ParticipationProjection.NAME).json();
        assertThat(one.path("name").asText()).isEqualTo(ParticipationProjection.NAME);
        assertThat(one.path("position").asLong()).isEqualTo(head);
    }

    @Test
    void aPausedProjectionLetsGoOfItsSegmentAndTakesItBackWhenResumed() {
        awaitCaughtUp();
        String paused = ParticipationProjection.NAME;
        assertThat(secretariat.post("/api/admin/projections/" + paused + "/pause", "application/json", "")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/no-such/pause", "application/json", "").status())
                .isEqualTo(404);

        JsonNode status = admin.post("/api/admin/projections/" + paused + "/pause", "application/json", "").json();

        try {
            assertThat(status.path("running").asBoolean()).isFalse();
            assertThat(status.path("segments")).isEmpty();
            assertThat(status.path("claims")).hasSize(1)
                    .allSatisfy(claim -> assertThat(claim.hasNonNull("owner")).as("held by no node").isFalse());
            assertThat(ReadSide.statusesByName(admin.get("/api/admin/projections").json()))
                    .as("the other projections keep running")
                    .allSatisfy((name, other) -> assertThat(other.path("running").asBoolean()).as(name)
                            .isEqualTo(!name.equals(paused)));
        } finally {
            JsonNode resumed = admin.post("/api/admin/projections/" + paused + "/resume", "application/json", "")
                    .json();
            assertThat(resumed.path("running").asBoolean()).isTrue();
        }
        awaitCaughtUp();
    }

    @Test
    void onlyAdminsOperateTheReadSide() {
        assertThat(new LedgerHttp(port).get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(secretariat.get("/api/admin/projections").status()).isEqualTo(403);
        for (String name : ReadSide.PROJECTIONS) {
            assertThat(secretariat.post("/api/admin/projections/" + name + "/replay", "application/json", "")
                    .status()).as(name).isEqualTo(403);
            assertThat(secretariat.post("/api/admin/dead-letters/" + name + "/retry", "application/json", "")
                    .status()).as(name).isEqualTo(403);
        }
        assertThat(secretariat.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/no-such/replay", "application/json", "").status())
                .isEqualTo(404);
    }

    @Test
    void aReplayWhileCommandsArriveEndsEqualToAFromScratchRebuild() throws Exception {
        assertThat(secretariat.command("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""")
                .status()).isIn(200, 409);

        List<Integer> started = replayEveryProjection();
        CompletableFuture<List<Integer>> commands = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(secretariat.command("RecordMaturityAssessment", """
                        {"participantId":"5054","assessedOn":"2019-%02d-01","score":%d.5}"""
                        .formatted(i % 12 + 1, i % 4 + 1)).status());
            }
            return statuses;
        });

        assertThat(started).containsOnly(202);
        assertThat(commands.get()).containsOnly(200);
        awaitCaughtUp();
        Map<String, String> afterReplay = reports();

        replayEveryProjection();
        awaitCaughtUp();

        assertThat(reports()).isEqualTo(afterReplay);
        assertThat(ReadSide.loggedEvents(jdbc)).as("events in each projection's log, one per stored event")
                .isEqualTo(ReadSide.everyEventLogged(eventStore));
    }

    @Test
    void aFailingEventWaitsInTheDeadLetterQueueUntilRetried() {
        String participation = ParticipationProjection.NAME;
        poisoned = true;
        assertThat(secretariat.command("RegisterRegion", "{\"regionId\":\"poison\",\"name\":\"Poison\"}").status())
                .isEqualTo(200);
        long poison = head();
        assertThat(secretariat.command("RegisterRegion", "{\"regionId\":\"healthy\",\"name\":\"Healthy\"}").status())
                .isEqualTo(200);

        await(() -> admin.get("/api/admin/dead-letters").json().path(participation).size() == 1,
                () -> "dead letters: " + admin.get("/api/admin/dead-letters").body());
        awaitCaughtUp();
        JsonNode deadLetters = admin.get("/api/admin/dead-letters").json();
        JsonNode letter = deadLetters.path(participation).get(0);
        assertThat(letter.path("eventType").asText()).isEqualTo("RegionRegistered");
        assertThat(letter.path("sequence").asText()).isEqualTo("region:poison");
        assertThat(letter.path("causeMessage").asText()).contains("cannot handle region poison");
        assertThat(ReadSide.PROJECTIONS).as("every projection has a dead-letter queue of its own")
                .allSatisfy(name -> assertThat(deadLetters.has(name)).as(name).isTrue());
        assertThat(ReadSide.PROJECTIONS).as("only the failing projection has a dead letter")
                .filteredOn(name -> !name.equals(participation))
                .allSatisfy(name -> assertThat(deadLetters.path(name)).as(name).isEmpty());
        assertThat(regionIds()).contains("healthy").doesNotContain("poison");
        assertThat(ReadSide.missingUpTo(jdbc, eventStore, head()))
                .as("events missing from each projection, -1 for one not counted")
                .allSatisfy((name, missing) -> assertThat(missing).as(name)
                        .isEqualTo(name.equals(participation) ? List.of(-1L) : List.of()));
        assertThat(ReadSide.loggedEvents(jdbc).get(participation)).as("the dead letter is not counted")
                .isEqualTo(ReadSide.everyEventLogged(eventStore).get(participation) - 1);
        assertThat(jdbc.queryForList("SELECT position FROM " + ReadSide.activeTable(jdbc, LedgerLog.NAME, "event")
                + " WHERE position = ?", Long.class, poison)).as("the ledger's log has it").containsExactly(poison);

        poisoned = false;
        JsonNode retried = admin.post("/api/admin/dead-letters/" + participation + "/retry", "application/json", "")
                .json();

        assertThat(retried.path("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.path("remaining").asInt()).isZero();
        assertThat(regionIds()).contains("healthy", "poison");
        assertThat(ReadSide.missingUpTo(jdbc, eventStore, head())).allSatisfy((name, missing) ->
                assertThat(missing).as(name).isEmpty());
    }

    @Test
    void metricsShowCommandsProcessorsStoreSizeAndLag() {
        secretariat.command("RegisterRegion", "{\"regionId\":\"metrics\",\"name\":\"Metrics\"}");
        awaitCaughtUp();

        Response prometheus = admin.get("/actuator/prometheus");

        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("commandBus_")
                .as("the processors count their events in counters of their own, not in Axon's monitors")
                .doesNotContain("eventProcessor_")
                .contains("ledger_events_head ")
                .as("requests are observed as a whole, not filter by filter")
                .contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_");
        for (String name : ReadSide.PROJECTIONS) {
            assertThat(prometheus.body()).as(name)
                    .contains("ledger_projection_lag{projection=\"" + name + "\"}")
                    .contains("ledger_processor_events_total{outcome=\"failure\",processor=\"" + name + "\"}");
            Matcher handled = Pattern.compile("ledger_processor_events_total\\{outcome=\"success\",processor=\""
                    + Pattern.quote(name) + "\"} ([0-9.]+)").matcher(prometheus.body());
            assertThat(handled.find()).as(name).isTrue();
            assertThat(Double.parseDouble(handled.group(1))).as(name).isGreaterThanOrEqualTo(1.0);
        }
        assertThat(new LedgerHttp(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(secretariat.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    /** Asks for a replay of every projection, one after the other, and gives the statuses they were answered. */
    private List<Integer> replayEveryProjection() {
        List<Integer> statuses = new ArrayList<>();
        for (String name : ReadSide.PROJECTIONS) {
            statuses.add(admin.post("/api/admin/projections/" + name + "/replay", "application/json", "").status());
        }
        return statuses;
    }

    private long head() {
        return ReadSide.head(eventStore);
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

    /** Every projection has processed every event in the store, none is replaying, and this node holds each. */
    private void awaitCaughtUp() {
        long head = head();
        JsonNode[] last = new JsonNode[1];
        await(() -> {
            last[0] = admin.get("/api/admin/projections").json();
            return ReadSide.reached(last[0], head) && ReadSide.statusesByName(last[0]).entrySet().stream()
                    .filter(status -> ReadSide.PROJECTIONS.contains(status.getKey()))
                    .allMatch(status -> status.getValue().path("segments").size() == 1);
        }, () -> "last statuses: " + last[0]);
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
