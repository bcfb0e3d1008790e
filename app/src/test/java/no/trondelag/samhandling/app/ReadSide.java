package no.trondelag.samhandling.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import no.trondelag.samhandling.app.engine.StoredEvents;
import no.trondelag.samhandling.query.funding.FundingProjection;
import no.trondelag.samhandling.query.goals.GoalProgressProjection;
import no.trondelag.samhandling.query.governance.DecisionLogProjection;
import no.trondelag.samhandling.query.initiative.InitiativeProjection;
import no.trondelag.samhandling.query.participation.ParticipantTimelineProjection;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import no.trondelag.samhandling.query.projection.LedgerLog;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side's projections, as tests see them: in the application's JVM through Axon's processors (wait until all
 * have processed the ledger, replay them all), from outside through the admin API, and in the database through the
 * log of events each projection keeps.
 */
public final class ReadSide {

    /** Every projection's processing group. */
    public static final List<String> PROJECTIONS = List.of(ParticipationProjection.NAME,
            ParticipantTimelineProjection.NAME, FundingProjection.NAME, InitiativeProjection.NAME,
            GoalProgressProjection.NAME, DecisionLogProjection.NAME, LedgerLog.NAME);

    private ReadSide() {
    }

    /**
     * The highest position in the event store.
     *
     * @param jdbc the ledger's database
     * @return the head, -1 when empty
     */
    public static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), -1) FROM domainevententry", Long.class);
    }

    /**
     * The highest position in the event store, asked through Axon's API, so on any engine.
     *
     * @param store the event store
     * @return the head, -1 when empty
     */
    public static long head(EventStore store) {
        return StoredEvents.head(store);
    }

    /**
     * Waits until every projection has processed every event up to the store's head, asked through Axon's API.
     *
     * @param processing Axon's processors
     * @param store      the event store
     */
    public static void awaitCaughtUp(EventProcessingConfiguration processing, EventStore store) {
        awaitAt(processing, head(store), Duration.ofSeconds(60));
    }

    /**
     * Waits until every projection has processed every event up to the store's head.
     *
     * @param processing Axon's processors
     * @param jdbc       the ledger's database
     */
    public static void awaitCaughtUp(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        awaitAt(processing, head(jdbc), Duration.ofSeconds(60));
    }

    /**
     * Waits until every projection has reached a position.
     *
     * @param processing Axon's processors
     * @param position   the position
     * @param timeout    how long to wait
     */
    public static void awaitAt(EventProcessingConfiguration processing, long position, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!PROJECTIONS.stream().allMatch(name -> reached(processor(processing, name), position))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The projections did not reach position " + position + ": "
                        + PROJECTIONS.stream().map(name -> name + "=" + processor(processing, name).processingStatus()
                        .values().stream().map(status -> status.getCurrentPosition().orElse(-1)).toList()).toList());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Replays every projection from the first event: each stops, its tokens are reset (which starts the next
     * version of its tables), and it starts again.
     *
     * @param processing Axon's processors
     */
    public static void replayAll(EventProcessingConfiguration processing) {
        for (String name : PROJECTIONS) {
            StreamingEventProcessor processor = processor(processing, name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    /**
     * One projection's processor.
     *
     * @param processing Axon's processors
     * @param name       the projection
     * @return its processor
     */
    public static StreamingEventProcessor processor(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }

    /**
     * The name of one of a projection's tables.
     *
     * @param projection the projection
     * @param version    the version of its tables
     * @param table      the table's short name
     * @return the table's name in the database
     */
    public static String table(String projection, int version, String table) {
        return "rm_" + projection.replace('-', '_') + "_v" + version + "_" + table;
    }

    /**
     * How many events each projection has handled, as the head of its active version says.
     *
     * @param jdbc the ledger's database
     * @return the count by projection, in the order of {@link #PROJECTIONS}
     */
    public static Map<String, Long> loggedEvents(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PROJECTIONS.forEach(name -> counts.put(name, jdbc.queryForObject("SELECT events FROM "
                + activeTable(jdbc, name, "head"), Long.class)));
        return counts;
    }

    /**
     * How many events each projection should have handled when every event reached it: one per stored event.
     *
     * @param jdbc the ledger's database
     * @return the count of stored events for every projection, in the order of {@link #PROJECTIONS}
     */
    public static Map<String, Long> everyEventLogged(JdbcTemplate jdbc) {
        return everyEventLogged(storedPositions(jdbc));
    }

    /**
     * {@link #everyEventLogged(JdbcTemplate)}, with the stored events counted through Axon's API.
     *
     * @param store the event store
     * @return the count of stored events for every projection, in the order of {@link #PROJECTIONS}
     */
    public static Map<String, Long> everyEventLogged(EventStore store) {
        return everyEventLogged(storedPositions(store));
    }

    private static Map<String, Long> everyEventLogged(List<Long> stored) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PROJECTIONS.forEach(name -> counts.put(name, (long) stored.size()));
        return counts;
    }

    /**
     * The positions of stored events up to a position that a projection has not handled, for every projection: for
     * the ledger's log, every such position in its table of events; for the others, whose head says only how far
     * they got and how many events they handled, the stored positions above their head, or {@code -1} when they
     * handled fewer events than are stored up to their head.
     *
     * @param jdbc     the ledger's database
     * @param position the highest position to look at
     * @return the missing positions by projection, in the order of {@link #PROJECTIONS}
     */
    public static Map<String, List<Long>> missingUpTo(JdbcTemplate jdbc, long position) {
        return missingUpTo(jdbc, storedPositions(jdbc), position);
    }

    /**
     * {@link #missingUpTo(JdbcTemplate, long)}, with the stored events read through Axon's API.
     *
     * @param jdbc     the ledger's database, holding the projections' tables
     * @param store    the event store
     * @param position the highest position to look at
     * @return the missing positions by projection, in the order of {@link #PROJECTIONS}
     */
    public static Map<String, List<Long>> missingUpTo(JdbcTemplate jdbc, EventStore store, long position) {
        return missingUpTo(jdbc, storedPositions(store), position);
    }

    private static Map<String, List<Long>> missingUpTo(JdbcTemplate jdbc, List<Long> stored, long position) {
        Map<String, List<Long>> missing = new LinkedHashMap<>();
        for (String name : PROJECTIONS) {
            if (name.equals(LedgerLog.NAME)) {
                Set<Long> logged = new HashSet<>(jdbc.queryForList("SELECT position FROM "
                        + activeTable(jdbc, name, "event"), Long.class));
                missing.put(name, stored.stream().filter(at -> at <= position && !logged.contains(at)).toList());
                continue;
            }
            Map<String, Object> head = jdbc.queryForMap("SELECT position, events FROM "
                    + activeTable(jdbc, name, "head"));
            long reached = ((Number) head.get("POSITION")).longValue();
            long handled = ((Number) head.get("EVENTS")).longValue();
            List<Long> above = new ArrayList<>(stored.stream().filter(at -> at > reached && at <= position).toList());
            if (handled < stored.stream().filter(at -> at <= reached).count()) {
                above.add(0, -1L);
            }
            missing.put(name, above);
        }
        return missing;
    }

    private static List<Long> storedPositions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT globalIndex FROM domainevententry ORDER BY globalIndex", Long.class);
    }

    private static List<Long> storedPositions(EventStore store) {
        return StoredEvents.all(store).stream().map(event -> event.trackingToken().position().orElseThrow())
                .toList();
    }

    /**
     * The name of a table of a projection's active version.
     *
     * @param jdbc       the ledger's database
     * @param projection the projection
     * @param table      the table's short name
     * @return the table's name in the database
     */
    public static String activeTable(JdbcTemplate jdbc, String projection, String table) {
        Integer version = jdbc.queryForObject("SELECT active FROM rm_projection_version WHERE projection = ?",
                Integer.class, projection);
        return table(projection, version, table);
    }

    /**
     * Stops every projection on this node.
     *
     * @param processing Axon's processors
     */
    public static void shutDownAll(EventProcessingConfiguration processing) {
        PROJECTIONS.forEach(name -> processor(processing, name).shutDown());
    }

    /**
     * Starts every projection on this node.
     *
     * @param processing Axon's processors
     */
    public static void startAll(EventProcessingConfiguration processing) {
        PROJECTIONS.forEach(name -> processor(processing, name).start());
    }

    /**
     * Waits, through the admin API, until every projection has processed every event up to the store's head, as
     * the node that answers sees the head.
     *
     * @param admin a client authenticated as an admin
     * @param timeout how long to wait
     */
    public static void awaitCaughtUp(LedgerHttp admin, Duration timeout) {
        awaitAt(admin, -1, timeout);
    }

    /**
     * Waits, through the admin API, until every projection has reached a position (and at least the head of the
     * store as the answering node sees it) and none is replaying.
     *
     * @param admin    a client authenticated as an admin
     * @param position the position, or -1 for the head alone
     * @param timeout  how long to wait
     */
    public static void awaitAt(LedgerHttp admin, long position, Duration timeout) {
        String[] last = {""};
        await(() -> {
            LedgerHttp.Response response;
            try {
                response = admin.get("/api/admin/projections");
            } catch (UncheckedIOException notAnswering) {
                last[0] = String.valueOf(notAnswering);
                return false;
            }
            last[0] = response.body();
            return response.status() == 200 && reached(response.json(), position);
        }, timeout, () -> "The projections did not reach position " + position + " (or the head): " + last[0]);
    }

    /**
     * Whether every projection in a list of statuses from {@code /api/admin/projections} has reached a position and
     * the head, and none is replaying.
     *
     * @param statuses the statuses
     * @param position the position, or -1 for the head alone
     * @return whether they all have
     */
    public static boolean reached(JsonNode statuses, long position) {
        Map<String, JsonNode> byName = statusesByName(statuses);
        return byName.keySet().containsAll(PROJECTIONS) && PROJECTIONS.stream().map(byName::get).allMatch(status ->
                status.path("position").asLong(-1) >= Math.max(position, status.path("head").asLong())
                        && !status.path("replaying").asBoolean());
    }

    /**
     * Statuses from {@code /api/admin/projections} by projection name.
     *
     * @param statuses the statuses
     * @return each by its name
     */
    public static Map<String, JsonNode> statusesByName(JsonNode statuses) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        statuses.forEach(status -> byName.put(status.path("name").asText(), status));
        return byName;
    }

    private static void await(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new AssertionError("Projection " + processor.getName() + " failed: " + segment.getError());
            }
            if (segment.getCurrentPosition().orElse(-1) < position) {
                return false;
            }
        }
        return true;
    }
}
