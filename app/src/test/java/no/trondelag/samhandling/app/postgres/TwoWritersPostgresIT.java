package no.trondelag.samhandling.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * No event is skipped by the read side when two nodes append at once while its projections are paused (ADR 0020):
 * every projection's log of handled events holds every stored event, at its own position.
 *
 * <p>The trap: when each node takes event positions from a block of its own (Hibernate 6's sequence with increment
 * 50 and its pooled optimizer, or a sequence whose cache lets every connection reserve a block), a node appends
 * events below positions that the tracking token has already passed. Here the database assigns every position at
 * insert from one sequence counting in ones, so whatever is appended after the projections paused lies above their
 * positions. Two application contexts on the same database play the two nodes, each with its own connection pool as
 * in production; two threads on one node would share that node's connections.
 *
 * <p>Before the pause both nodes append in turn, so that each has drawn positions (and, with the trap, reserved a
 * block) while the projections move past them; after the pause they append at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@PostgresLedger
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWritersPostgresIT {

    private static final int COMMANDS_BEFORE_PAUSE = 20;
    private static final String ASSESSMENT = """
            {"participantId":"5054","assessedOn":"2019-%02d-%02d","score":%d.5}""";
    private static final int COMMANDS_WHILE_PAUSED = 60;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    Environment environment;

    ConfigurableApplicationContext secondNode;
    LedgerHttp nodeA;
    LedgerHttp nodeB;

    @BeforeAll
    void startTheSecondNode() throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=test,postgres",
                "--server.port=0"));
        for (String property : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password")) {
            arguments.add("--" + property + "=" + environment.getRequiredProperty(property));
        }
        secondNode = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        // The projections run on node A only: node B lets go of any segment it holds, and node A takes them all.
        ReadSide.shutDownAll(secondNode.getBean(EventProcessingConfiguration.class));
        await(() -> ReadSide.PROJECTIONS.stream().allMatch(name ->
                ReadSide.processor(eventProcessing, name).processingStatus().size() == 1),
                () -> "node A to hold the segment of every projection");
        nodeA = new LedgerHttp(port).as("secretariat");
        nodeB = new LedgerHttp(((WebServerApplicationContext) secondNode).getWebServer().getPort()).as("secretariat");
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void everyEventAppendedByTwoNodesWhileTheProjectionsArePausedReachesTheReadSide() throws Exception {
        for (int i = 0; i < COMMANDS_BEFORE_PAUSE; i++) {
            assertThat(registerRegion(i % 2 == 0 ? nodeA : nodeB, "before-" + i)).isEqualTo(200);
        }
        long paused = head();
        awaitReadSideComplete(paused);
        ReadSide.shutDownAll(eventProcessing);

        appendConcurrently("paused", COMMANDS_WHILE_PAUSED);

        assertThat(ReadSide.missingUpTo(jdbc, paused))
                .as("events appended at or below position %d, which the paused projections had passed", paused)
                .allSatisfy((projection, missing) -> assertThat(missing).as(projection).isEmpty());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalIndex > ?", Long.class,
                paused)).isEqualTo(2L * COMMANDS_WHILE_PAUSED);

        ReadSide.startAll(eventProcessing);
        ReadSide.awaitCaughtUp(eventProcessing, jdbc);
        // A moment for the last rows to commit; whatever is missing then shows in the comparison.
        awaitQuietly(() -> ReadSide.loggedEvents(jdbc).equals(ReadSide.everyEventLogged(jdbc)));

        assertReadSideHoldsEveryEventAtItsPosition();
    }

    /**
     * Two nodes appending at once while the projections run: an event that commits after a later one fills a gap
     * of the tracking token. The fact log once recorded such an event at the token's position (the highest index
     * seen) instead of its own global index, replacing the fact of the later event: in two runs 10 and 6 of 300
     * events never reached the read side. Every projection notes each event at its own global index.
     */
    @Test
    void everyEventAppendedByTwoNodesWhileTheProjectionsRunReachesTheReadSide() throws Exception {
        appendConcurrently("running", 150);

        ReadSide.awaitCaughtUp(eventProcessing, jdbc);
        awaitQuietly(() -> ReadSide.loggedEvents(jdbc).equals(ReadSide.everyEventLogged(jdbc)));
        assertReadSideHoldsEveryEventAtItsPosition();
    }

    /**
     * Two nodes without the cluster's routing, both taking commands for one aggregate: each node's cached copy of
     * the aggregate goes stale whenever the other appends. The stale append fails on the event store's unique key,
     * which is a concurrency conflict (not a storage failure): the command is retried on a fresh copy, or answered
     * 409, never 500, and the aggregate's events stay in one unbroken sequence.
     */
    @Test
    void commandsForOneAggregateOnTwoNodesWithoutRoutingConflictButNeverFail() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (LedgerHttp node : List.of(nodeA, nodeB)) {
                statuses.add(writers.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        answers.add(node.command("RecordMaturityAssessment", ASSESSMENT.formatted(i % 12 + 1,
                                i % 28 + 1, i % 4 + 1)).status());
                    }
                    return answers;
                }));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<List<Integer>> writer : statuses) {
                answers.addAll(writer.get());
            }

            assertThat(answers).hasSize(80).allMatch(status -> status == 200 || status == 409);
            assertThat(answers.stream().filter(status -> status == 200).count())
                    .as("most commands succeed after a retry").isGreaterThan(60);
            List<Long> sequence = jdbc.queryForList("SELECT sequenceNumber FROM domainevententry "
                    + "WHERE aggregateIdentifier = 'participant:5054' ORDER BY sequenceNumber", Long.class);
            for (int i = 0; i < sequence.size(); i++) {
                assertThat(sequence.get(i)).isEqualTo(i);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private void assertReadSideHoldsEveryEventAtItsPosition() {
        assertThat(ReadSide.missingUpTo(jdbc, head()))
                .as("positions of events that are missing from each projection's log, of %d events", events())
                .allSatisfy((projection, missing) -> assertThat(missing).as(projection).isEmpty());
        assertThat(ReadSide.loggedEvents(jdbc)).as("events in each projection's log, one per stored event")
                .isEqualTo(ReadSide.everyEventLogged(jdbc));
    }

    private void awaitReadSideComplete(long head) throws InterruptedException {
        ReadSide.awaitAt(eventProcessing, head, Duration.ofSeconds(30));
        await(() -> ReadSide.loggedEvents(jdbc).equals(ReadSide.everyEventLogged(jdbc)),
                () -> "every projection's log holds all events up to " + head + "; logged: "
                        + ReadSide.loggedEvents(jdbc) + ", missing: " + ReadSide.missingUpTo(jdbc, head));
    }

    /** Each node's writer registers regions of its own, one command after the other, both nodes at once. */
    private void appendConcurrently(String phase, int commandsPerNode) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> statuses = List.of(
                    writers.submit(() -> registerRegions(nodeA, phase + "-a", commandsPerNode)),
                    writers.submit(() -> registerRegions(nodeB, phase + "-b", commandsPerNode)));
            for (Future<List<Integer>> writer : statuses) {
                assertThat(writer.get()).hasSize(commandsPerNode).containsOnly(200);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static List<Integer> registerRegions(LedgerHttp node, String prefix, int commands) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            statuses.add(registerRegion(node, prefix + "-" + i));
        }
        return statuses;
    }

    private static int registerRegion(LedgerHttp node, String regionId) {
        return node.command("RegisterRegion", """
                {"regionId":"%s","name":"Region %s"}""".formatted(regionId, regionId)).status();
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private long head() {
        return jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
    }

    private static void awaitQuietly(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static void await(BooleanSupplier condition, Supplier<String> description) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 30 s: " + description.get());
            }
            Thread.sleep(100);
        }
    }
}
