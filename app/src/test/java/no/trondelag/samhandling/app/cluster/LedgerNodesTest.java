package no.trondelag.samhandling.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LedgerNodesTest {

    private static final String PROJECTION = ParticipationProjection.NAME;
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(6);

    private final MovableClock clock = new MovableClock();
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:ledger-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("CREATE TABLE ledger_node (node_id VARCHAR(255), processing_group VARCHAR(255), "
                + "last_seen_millis BIGINT NOT NULL, segments_held INTEGER DEFAULT 0 NOT NULL, "
                + "PRIMARY KEY (node_id, processing_group))");
        jdbc.execute("CREATE TABLE tokenentry (processorName VARCHAR(255), segment INTEGER, owner VARCHAR(255))");
    }

    private final Set<String> stopped = new HashSet<>();
    private final Set<String> holding = new HashSet<>();
    private List<String> groups = List.of(PROJECTION);

    /** The segments of a processor, as the token store has them (the test's own table of tokens). */
    private int segmentsOf(String group) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry WHERE processorName = ?", Integer.class, group);
    }

    /** A node on which the processor runs until its id is in {@link #stopped}. */
    private LedgerNodes node(String id, int claimLimit) {
        LedgerNodes node = new LedgerNodes(jdbc, id, claimLimit, HEARTBEAT, TIMEOUT, clock,
                group -> groups.contains(group) && !stopped.contains(id) ? (holding.contains(id) ? 1 : 0) : -1,
                this::segmentsOf);
        groups.forEach(node::getMaxSegments);
        return node;
    }

    private void segments(int count) {
        for (int segment = 0; segment < count; segment++) {
            jdbc.update("INSERT INTO tokenentry (processorName, segment) VALUES (?, ?)", PROJECTION, segment);
        }
    }

    /** The share a node reports after a heartbeat. */
    private static int share(LedgerNodes node) {
        node.beat();
        return node.getMaxSegments(PROJECTION);
    }

    @Test
    void processorsOfOneSegmentAreDealtOutOverTheNodesAndTakenOverWhenANodeGoes() {
        groups = List.of("decision-log", "funding", "goal-progress", "initiatives", "ledger-log",
                "participant-timeline", "participation");
        groups.forEach(group -> jdbc.update("INSERT INTO tokenentry (processorName, segment) VALUES (?, 0)", group));
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        a.beat();
        b.beat();
        a.beat();

        Map<String, Integer> heldByA = new TreeMap<>();
        Map<String, Integer> heldByB = new TreeMap<>();
        groups.forEach(group -> {
            heldByA.put(group, a.getMaxSegments(group));
            heldByB.put(group, b.getMaxSegments(group));
        });
        assertThat(heldByA.values()).containsExactly(1, 0, 1, 0, 1, 0, 1);
        assertThat(a.holdings("funding")).as("no node says it holds a segment yet").isEmpty();
        assertThat(heldByB.values()).containsExactly(0, 1, 0, 1, 0, 1, 0);

        clock.advance(TIMEOUT.plusMillis(1));
        a.beat();

        assertThat(groups).as("node b gone, a holds them all").allSatisfy(group ->
                assertThat(a.getMaxSegments(group)).as(group).isEqualTo(1));
    }

    @Test
    void theNodesHoldingAProcessorAreThoseWhoseLiveHeartbeatsSaySo() {
        segments(1);
        holding.add("b");
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        a.beat();
        b.beat();

        assertThat(a.holdings(PROJECTION)).containsExactly(new LedgerNodes.Holding("b", 1));

        stopped.add("b");
        b.beat();

        assertThat(a.holdings(PROJECTION)).as("b no longer runs it").isEmpty();
    }

    @Test
    void aNodeAloneMayHoldEverySegmentUpToItsClaimLimit() {
        segments(4);

        assertThat(share(node("a", 4))).isEqualTo(4);

        clock.advance(TIMEOUT.plusMillis(1));

        assertThat(share(node("b", 3))).as("alone again, with a claim limit of its own").isEqualTo(3);
    }

    @Test
    void beforeItsFirstHeartbeatOrBeforeTheProcessorHasSegmentsANodeMayClaimUpToItsLimit() {
        LedgerNodes a = node("a", 4);
        assertThat(a.getMaxSegments(PROJECTION)).isEqualTo(4);
        assertThat(a.nodesRunning(PROJECTION)).isZero();

        a.beat();

        assertThat(a.nodesRunning(PROJECTION)).isEqualTo(1);
        assertThat(a.getMaxSegments(PROJECTION)).as("no tokens yet").isEqualTo(4);
    }

    @Test
    void aNodeThatStopsTheProcessorLeavesItsShareToTheOthers() {
        segments(4);
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        b.beat();
        assertThat(share(a)).isEqualTo(2);

        stopped.add("b");
        b.beat();

        assertThat(share(a)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT node_id FROM ledger_node", String.class)).containsExactly("a");
    }

    @Test
    void liveNodesSplitTheSegmentsBetweenThem() {
        segments(4);
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        LedgerNodes c = node("c", 4);
        a.beat();
        b.beat();

        assertThat(share(a)).isEqualTo(2);
        assertThat(share(b)).isEqualTo(2);

        c.beat();

        assertThat(share(a)).as("ceil(4 / 3)").isEqualTo(2);
        assertThat(a.nodesRunning(PROJECTION)).isEqualTo(3);
    }

    @Test
    void aNodeNotHeardFromWithinTheTimeoutIsGoneAndTheSurvivorsTakeItsShare() {
        segments(4);
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        b.beat();
        assertThat(share(a)).isEqualTo(2);

        clock.advance(TIMEOUT.plusMillis(1));

        assertThat(share(a)).isEqualTo(4);
        assertThat(a.nodesRunning(PROJECTION)).isEqualTo(1);
    }

    @Test
    void theClaimLimitBoundsWhatTheSurvivorsCanTakeOver() {
        segments(4);
        LedgerNodes a = node("a", 2);
        node("b", 2).beat();
        assertThat(share(a)).isEqualTo(2);

        clock.advance(TIMEOUT.plusMillis(1));

        assertThat(share(a)).as("alone, but limited to 2 of 4").isEqualTo(2);
    }

    @Test
    void aStoppedNodeLeavesAtOnce() {
        segments(4);
        LedgerNodes a = node("a", 4);
        LedgerNodes b = node("b", 4);
        b.start();
        try {
            awaitRow("b");
            assertThat(share(a)).isEqualTo(2);
        } finally {
            b.stop();
        }

        assertThat(b.isRunning()).isFalse();
        assertThat(jdbc.queryForList("SELECT node_id FROM ledger_node", String.class)).containsExactly("a");
        assertThat(share(a)).isEqualTo(4);
    }

    @Test
    void nodesLongGoneAreForgotten() {
        node("b", 4).beat();
        LedgerNodes a = node("a", 4);

        clock.advance(TIMEOUT.multipliedBy(101));
        a.beat();

        assertThat(jdbc.queryForList("SELECT node_id FROM ledger_node", String.class)).containsExactly("a");
    }

    @Test
    void aNodeMustBeAllowedOneSegmentAndATimeoutLongerThanItsHeartbeat() {
        assertThatThrownBy(() -> new LedgerNodes(jdbc, "a", 0, HEARTBEAT, TIMEOUT, clock, group -> 0,
                group -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one segment");
        assertThatThrownBy(() -> new LedgerNodes(jdbc, "a", 4, TIMEOUT, TIMEOUT, clock, group -> 0,
                group -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the heartbeat");
    }

    private void awaitRow(String nodeId) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM ledger_node WHERE node_id = ?", Integer.class, nodeId) == 0) {
            assertThat(Instant.now()).as("the heartbeat of " + nodeId).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    /** A clock that tests move by hand. */
    private static final class MovableClock extends Clock {

        private Instant instant = Instant.parse("2026-11-27T08:00:00Z");

        void advance(Duration duration) {
            instant = instant.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
