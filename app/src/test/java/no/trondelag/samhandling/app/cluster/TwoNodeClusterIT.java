package no.trondelag.samhandling.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two ledger nodes on one PostgreSQL, on 127.0.0.1 only: node A in this JVM, node B a separate process started from
 * the application jar. The read side's six projections, one segment each, split three and three between the nodes:
 * node A, which claimed them all when it was alone, pauses three, node B claims them, and node A resumes them.
 * Concurrent commands for one aggregate arrive at both nodes and none fails, because the distributed command bus
 * routes them all to one node; then node B is killed mid-run. Node A takes B's projections over, every acknowledged
 * command's events are stored exactly once, nothing is missing from any projection, and the read side equals a
 * rebuild from scratch.
 */
class TwoNodeClusterIT {

    private static final String ASSESSMENT = """
            {"participantId":"5054","assessedOn":"2019-%02d-%02d","score":%d.%d}""";
    
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext nodeA;
    private Process nodeB;

    @AfterEach
    void stopEverything() throws IOException {
        if (nodeB != null) {
            nodeB.destroyForcibly();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void commandsForOneAggregateOnTwoNodesAllSucceedAndNothingIsLostWhenANodeDies() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE cluster");
        }
        String url = postgres.getJdbcUrl("postgres", "cluster");
        int jgroupsA = freePort();
        int jgroupsB = freePort();
        int httpB = freePort();
        String members = "127.0.0.1[" + jgroupsA + "],127.0.0.1[" + jgroupsB + "]";

        nodeA = new SpringApplicationBuilder(LedgerApplication.class).profiles("cluster").run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--ledger.cluster.initial-hosts=" + members,
                "--axon.distributed.jgroups.bind-port=" + jgroupsA, "--logging.level.org.jgroups=WARN");
        int httpA = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
        LedgerHttp adminA = new LedgerHttp(httpA).as("admin");
        String nodeIdA = statuses(adminA).get(ParticipationProjection.NAME).path("node").asText();
        await(Duration.ofSeconds(30), () -> heldBy(adminA).equals(Map.of(nodeIdA, 7L)),
                "node A, alone, to claim every projection");
        LedgerHttp a = new LedgerHttp(httpA).as("secretariat");
        assertThat(a.command("RecordMaturityAssessment", ASSESSMENT.formatted(1, 1, 1, 0)).status()).isEqualTo(200);
        Cache aggregatesOnA = nodeA.getBean(BoundedCache.AGGREGATES, Cache.class);
        assertThat(aggregatesOnA.containsKey("participant:5054")).isTrue();
        nodeB = startNodeB(url, httpB, jgroupsB, members);
        LedgerHttp b = new LedgerHttp(httpB).as("secretariat");
        await(Duration.ofSeconds(90), () -> healthy(b), "node B to start");
        JGroupsConnector connector = nodeA.getBean(JGroupsConnector.class);
        await(Duration.ofSeconds(30), () -> routedMembers(connector) == 2, "both nodes to join the cluster");
        assertThat(aggregatesOnA.containsKey("participant:5054"))
                .as("node A forgets the aggregates it cached when the routing changes").isFalse();

        // the seven processors are dealt out over the two nodes: node B takes its share without being asked
        await(Duration.ofSeconds(60), () -> {
            Map<String, Long> held = heldBy(adminA);
            return held.size() == 2 && !held.containsKey("none") && held.values().stream().allMatch(n -> n >= 3);
        }, "the projections to be dealt out over both nodes");
        assertThat(heldBy(adminA)).containsKey(nodeIdA).hasSize(2).containsValues(4L, 3L);

        // a replay needs the projection's segment: with node B holding it, it is refused and changes nothing
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        String heldByB = ReadSide.PROJECTIONS.stream().filter(name -> !nodeIdA.equals(owner(adminA, name)))
                .findFirst().orElseThrow();
        Map<String, Long> loggedBefore = ReadSide.loggedEvents(jdbc);
        Response refused = adminA.post("/api/admin/projections/" + heldByB + "/replay", "application/json", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("segments-held-by-other-nodes");
        assertThat(ReadSide.loggedEvents(jdbc)).isEqualTo(loggedBefore);
        assertThat(statuses(adminA).get(heldByB).path("running").asBoolean()).isTrue();

        // both nodes take commands for the same aggregate at once
        List<Response> firstRound = send(List.of(a, b), 200, 8, Integer.MAX_VALUE, null);

        assertThat(firstRound).extracting(Response::status).containsOnly(200);

        // node B dies while commands keep arriving at both nodes
        List<Response> secondRound = send(List.of(a, b), 200, 8, 60, () -> nodeB.destroyForcibly());

        List<Response> acknowledged = new ArrayList<>(firstRound);
        secondRound.stream().filter(response -> response.status() == 200).forEach(acknowledged::add);
        assertThat(secondRound).extracting(Response::status).allMatch(status -> status == 200 || status == 503,
                "accepted, or refused without a 500 while the cluster changes");
        assertThat(acknowledged.size()).isGreaterThan(200 + 60);

        for (Response response : acknowledged) {
            long position = response.json().path("events").get(0).path("globalIndex").asLong();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalIndex = ? "
                    + "AND aggregateIdentifier = 'participant:5054' AND payloadType LIKE '%DigitalMaturityAssessed'",
                    Long.class, position)).as("acknowledged event at " + position).isEqualTo(1);
        }
        List<Long> sequence = jdbc.queryForList("SELECT sequenceNumber FROM domainevententry WHERE "
                + "aggregateIdentifier = 'participant:5054' ORDER BY sequenceNumber", Long.class);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }

        LedgerHttp admin = adminA;
        await(Duration.ofSeconds(60), () -> caughtUp(admin), "node A to take over node B's projections and catch up");
        assertThat(heldBy(admin)).containsExactly(Map.entry(nodeIdA, 7L));
        assertThat(ReadSide.loggedEvents(jdbc)).as("events in each projection's log, one per stored event")
                .isEqualTo(ReadSide.everyEventLogged(jdbc));
        Map<String, String> before = reports(httpA);
        for (String name : ReadSide.PROJECTIONS) {
            assertThat(admin.post("/api/admin/projections/" + name + "/replay", "application/json", "").status())
                    .as(name).isEqualTo(202);
        }
        await(Duration.ofSeconds(60), () -> caughtUp(admin), "the replay to finish");
        assertThat(reports(httpA)).isEqualTo(before);
    }

    private static List<Response> send(List<LedgerHttp> nodes, int count, int threads, int killAfter,
                                       Runnable kill) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger sent = new AtomicInteger();
        List<Response> responses = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = sent.getAndIncrement()) < count; ) {
                    if (i == killAfter && kill != null) {
                        kill.run();
                    }
                    LedgerHttp node = nodes.get(i % nodes.size());
                    try {
                        responses.add(node.command("RecordMaturityAssessment",
                                ASSESSMENT.formatted(i % 12 + 1, i % 28 + 1, i % 4 + 1, i % 10)));
                    } catch (UncheckedIOException refused) {
                        // the node is gone: this command was never acknowledged
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return responses;
    }

    private static Process startNodeB(String url, int http, int jgroups, String members) throws IOException {
        Path jar = Files.list(Path.of("target"))
                .filter(path -> path.getFileName().toString().matches("app-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The application jar is built in the package phase"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--spring.profiles.active=cluster", "--server.port=" + http,
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--ledger.seed.enabled=false",
                "--ledger.cluster.initial-hosts=" + members, "--axon.distributed.jgroups.bind-port=" + jgroups,
                "--logging.level.org.jgroups=WARN");
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/cluster-node-b.log"));
        return builder.start();
    }

    /**
     * How many members commands for a spread of aggregates are routed to: 2 once both nodes have joined.
     */
    private static long routedMembers(JGroupsConnector connector) {
        return java.util.stream.IntStream.range(5001, 5061)
                .mapToObj(number -> GenericCommandMessage.asCommandMessage(new RecordMaturityAssessment(
                        String.valueOf(number), java.time.LocalDate.of(2019, 1, 1), java.math.BigDecimal.ONE, null)))
                .map(connector::findDestination)
                .flatMap(java.util.Optional::stream)
                .map(member -> member.name())
                .distinct()
                .count();
    }

    private static boolean healthy(LedgerHttp node) {
        try {
            return node.get("/actuator/health").status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** The statuses of the projections, by name, as the node asked sees them. */
    private static Map<String, JsonNode> statuses(LedgerHttp admin) {
        Map<String, JsonNode> statuses = ReadSide.statusesByName(admin.get("/api/admin/projections").json());
        statuses.keySet().retainAll(ReadSide.PROJECTIONS);
        assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(ReadSide.PROJECTIONS);
        return statuses;
    }

    /**
     * How many projections each node holds the segment of, by node id ("none" for segments no node holds), as the
     * shared token store says.
     */
    private static Map<String, Long> heldBy(LedgerHttp admin) {
        Map<String, Long> held = new java.util.TreeMap<>();
        statuses(admin).values().forEach(status -> status.path("claims").forEach(claim ->
                held.merge(claim.hasNonNull("owner") ? claim.path("owner").asText() : "none", 1L, Long::sum)));
        return held;
    }

    /** The node holding a projection's segment, or {@code null} when none does. */
    private static String owner(LedgerHttp admin, String projection) {
        JsonNode claim = statuses(admin).get(projection).path("claims").path(0);
        return claim.hasNonNull("owner") ? claim.path("owner").asText() : null;
    }

    /**
     * The node asked holds the segment of every projection, and every projection has caught up with the head and
     * is not replaying.
     */
    private static boolean caughtUp(LedgerHttp admin) {
        JsonNode statuses = admin.get("/api/admin/projections").json();
        return ReadSide.reached(statuses, -1) && ReadSide.PROJECTIONS.stream()
                .allMatch(name -> ReadSide.statusesByName(statuses).get(name).path("segments").size() == 1);
    }

    private static Map<String, String> reports(int port) {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : List.of("/api/reports/participation", "/api/reports/goals",
                "/api/participants/5054/history", "/api/reports/goals?asOf=2019-06-30", "/api/reports/funding",
                "/api/reports/initiatives", "/api/audit/decisions")) {
            reports.put(path, new LedgerHttp(port).get(path).body());
        }
        return reports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
