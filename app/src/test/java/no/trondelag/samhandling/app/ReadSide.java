package no.trondelag.samhandling.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side's projections, as tests in the application's JVM see them: wait until all have processed the
 * ledger, or replay them all.
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
     * Replays every projection from the first event: each stops, its tokens are reset (which clears its tables),
     * and it starts again.
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
