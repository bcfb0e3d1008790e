package no.trondelag.samhandling.app.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import no.trondelag.samhandling.app.common.RepeatingTask;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nodes sharing the ledger's database, and how many segments of a streaming processor this node may hold. Each
 * node writes a heartbeat to {@code ledger_node} for every processor running on it, with how many of its segments
 * it holds (which the admin API shows); a node not heard from within the
 * node timeout counts as gone. A node may hold its fair share of a processor's segments,
 * {@code ceil(segments / nodes running it)}, and never more than its configured claim limit. The projections have one
 * segment each, so they are dealt out over the nodes instead, one node holding each. Axon's pooled streaming
 * processor asks for that number before every claim: a node holding more releases the surplus for the others to
 * claim, and when a node dies or stops the processor, the share of the others grows and they take its segments over
 * once its claims are released or have timed out.
 */
public class LedgerNodes implements MaxSegmentProvider, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerNodes.class);
    /** Rows of nodes gone this many node timeouts ago are removed. */
    private static final int FORGET_AFTER_TIMEOUTS = 100;

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final int claimLimit;
    private final Duration nodeTimeout;
    private final Clock clock;
    private final ToIntFunction<String> heldHere;
    private final ToIntFunction<String> segmentsOf;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> liveNodes = new ConcurrentHashMap<>();
    private final RepeatingTask heartbeats;

    /**
     * Creates the registry of nodes.
     *
     * @param jdbc        the shared database
     * @param nodeId      this node's id, unique among the nodes (also its token claims' owner)
     * @param claimLimit  the most segments of one processor this node may hold, whatever its fair share
     * @param heartbeat   how often this node writes its heartbeat
     * @param nodeTimeout how long after its last heartbeat a node counts as gone
     * @param clock       this node's clock
     * @param heldHere    how many segments of a processor (by processing group) this node holds, or -1 when the
     *                    processor is not running on this node
     * @param segmentsOf  how many segments a processor has, as its token store says
     */
    public LedgerNodes(JdbcTemplate jdbc, String nodeId, int claimLimit, Duration heartbeat, Duration nodeTimeout,
                       Clock clock, ToIntFunction<String> heldHere, ToIntFunction<String> segmentsOf) {
        if (claimLimit < 1) {
            throw new IllegalArgumentException("A node must be allowed to claim at least one segment");
        }
        if (nodeTimeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("The node timeout must be longer than the heartbeat interval");
        }
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.claimLimit = claimLimit;
        this.nodeTimeout = nodeTimeout;
        this.clock = clock;
        this.heldHere = heldHere;
        this.segmentsOf = segmentsOf;
        this.heartbeats = new RepeatingTask("ledger-nodes", Duration.ZERO, heartbeat, this::beat);
    }

    /**
     * This node's id.
     *
     * @return the id
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * How many live nodes ran a processor at the last heartbeat, this one included.
     *
     * @param processingGroup the processor
     * @return the number, 0 before the first heartbeat after the processor first asked for its share
     */
    public int nodesRunning(String processingGroup) {
        return liveNodes.getOrDefault(processingGroup, List.of()).size();
    }

    /**
     * The most segments of a processor this node may hold now: its fair share, within its claim limit. Before the
     * first heartbeat, and while the processor has no segments yet, that is the claim limit.
     *
     * @param processingGroup the processor
     * @return the number of segments
     */
    @Override
    public int getMaxSegments(String processingGroup) {
        Integer segments = segmentCounts.putIfAbsent(processingGroup, 0);
        int nodes = nodesRunning(processingGroup);
        if (segments == null || segments == 0 || nodes == 0) {
            return claimLimit;
        }
        if (segments == 1 && nodes > 1) {
            return designatedFor(processingGroup).equals(nodeId) ? 1 : 0;
        }
        int fairShare = (segments + nodes - 1) / nodes;
        return Math.min(claimLimit, fairShare);
    }

    /**
     * The node that holds a processor of one segment (a projection): the processors of one segment are dealt out in
     * the order of their names over the live nodes running them, in the order of the nodes' ids, so that every node
     * reckons the same and the projections are spread over the nodes. When that node is gone, the next live one is.
     */
    private String designatedFor(String processingGroup) {
        List<String> single = segmentCounts.entrySet().stream()
                .filter(entry -> entry.getValue() == 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        List<String> nodes = liveNodes.getOrDefault(processingGroup, List.of(nodeId));
        return nodes.get(Math.floorMod(single.indexOf(processingGroup), nodes.size()));
    }

    /**
     * For every processor that has asked for its share: writes this node's heartbeat if the processor runs here (or
     * removes it if not), and reads how many live nodes run it and how many segments it has.
     */
    public void beat() {
        long now = clock.millis();
        jdbc.update("DELETE FROM ledger_node WHERE last_seen_millis < ?",
                now - nodeTimeout.toMillis() * FORGET_AFTER_TIMEOUTS);
        for (String processingGroup : segmentCounts.keySet()) {
            int held = heldHere.applyAsInt(processingGroup);
            if (held < 0) {
                jdbc.update("DELETE FROM ledger_node WHERE node_id = ? AND processing_group = ?", nodeId,
                        processingGroup);
            } else if (jdbc.update("UPDATE ledger_node SET last_seen_millis = ?, segments_held = ? WHERE node_id = ? "
                    + "AND processing_group = ?", now, held, nodeId, processingGroup) == 0) {
                jdbc.update("INSERT INTO ledger_node (node_id, processing_group, last_seen_millis, segments_held) "
                        + "VALUES (?, ?, ?, ?)", nodeId, processingGroup, now, held);
            }
            List<String> nodes = jdbc.queryForList("SELECT node_id FROM ledger_node WHERE processing_group = ? "
                    + "AND last_seen_millis >= ? ORDER BY node_id", String.class, processingGroup,
                    now - nodeTimeout.toMillis());
            liveNodes.put(processingGroup, nodes.isEmpty() ? List.of(nodeId) : List.copyOf(nodes));
            segmentCounts.put(processingGroup, segmentsOf.applyAsInt(processingGroup));
        }
    }

    /**
     * The live nodes that hold segments of a processor, as their last heartbeats said.
     *
     * @param processingGroup the processor
     * @return each holding node's id with the number of segments it holds, by node id
     */
    public List<Holding> holdings(String processingGroup) {
        return jdbc.query("SELECT node_id, segments_held FROM ledger_node WHERE processing_group = ? "
                        + "AND last_seen_millis >= ? AND segments_held > 0 ORDER BY node_id",
                (row, index) -> new Holding(row.getString(1), row.getInt(2)), processingGroup,
                clock.millis() - nodeTimeout.toMillis());
    }

    /**
     * A node holding segments of a processor.
     *
     * @param nodeId   the node
     * @param segments how many segments it holds
     */
    public record Holding(String nodeId, int segments) {
    }

    @Override
    public void start() {
        heartbeats.start();
    }

    /**
     * Stops the heartbeat and removes this node, so that the others take its share at once.
     */
    @Override
    public void stop() {
        if (heartbeats.stop()) {
            try {
                jdbc.update("DELETE FROM ledger_node WHERE node_id = ?", nodeId);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove this node from the ledger's nodes; it times out instead", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats.isRunning();
    }
}
