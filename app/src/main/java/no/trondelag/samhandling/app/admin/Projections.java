package no.trondelag.samhandling.app.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.trondelag.samhandling.app.cluster.LedgerNodes;
import no.trondelag.samhandling.app.problem.SegmentsHeldElsewhereException;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The streaming processors that build the read side, and what an operator may do with them: see where they stand,
 * and replay one from the start.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final LedgerNodes nodes;
    private final Map<String, LedgerProjection> projections;

    Projections(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                LedgerNodes nodes, List<LedgerProjection> projections) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.nodes = nodes;
        this.projections = projections.stream().collect(Collectors.toMap(LedgerProjection::name, p -> p));
    }

    /**
     * Every streaming processor's status, by name.
     *
     * @return the statuses
     */
    public List<ProjectionStatus> statuses() {
        long head = head();
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> status(processor, head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    /**
     * The names of the streaming processors, without asking where they stand.
     *
     * @return the processing groups, sorted
     */
    public List<String> names() {
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .sorted()
                .toList();
    }

    /**
     * One streaming processor's status.
     *
     * @param name the processing group
     * @return its status, or empty when there is no such streaming processor
     */
    public Optional<ProjectionStatus> status(String name) {
        return processor(name).map(processor -> status(processor, head()));
    }

    /**
     * Rebuilds a projection from the first event: the processor stops, its tokens are reset (its reset handler
     * starts the next version of its tables, while reports keep reading the current one until the new one has caught
     * up), and it starts again; commands keep being accepted meanwhile. The reset claims every
     * segment in one transaction, so it fails, changing nothing, while another node holds one.
     *
     * @param name the processing group
     * @return its status right after the replay started, or empty when there is no such streaming processor
     * @throws SegmentsHeldElsewhereException when other nodes hold some of its segments
     */
    public Optional<ProjectionStatus> replay(String name) {
        return processor(name).map(processor -> {
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException heldElsewhere) {
                throw new SegmentsHeldElsewhereException(name, nodes.holdings(name).stream()
                        .map(LedgerNodes.Holding::nodeId)
                        .filter(owner -> !owner.equals(nodes.nodeId()))
                        .distinct()
                        .toList());
            } finally {
                processor.start();
            }
            return status(processor, head());
        });
    }

    /**
     * Stops a projection on this node, releasing its segments for the other nodes (or for a replay).
     *
     * @param name the processing group
     * @return its status, or empty when there is no such streaming processor
     */
    public Optional<ProjectionStatus> pause(String name) {
        return processor(name).map(processor -> {
            processor.shutDown();
            return status(processor, head());
        });
    }

    /**
     * Starts a projection on this node again; it claims its share of the segments.
     *
     * @param name the processing group
     * @return its status, or empty when there is no such streaming processor
     */
    public Optional<ProjectionStatus> resume(String name) {
        return processor(name).map(processor -> {
            processor.start();
            return status(processor, head());
        });
    }

    /**
     * The position of the newest event in the event store, as the store's head token gives it.
     *
     * @return the head, -1 when the store is empty
     */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }


    private Optional<StreamingEventProcessor> processor(String name) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /**
     * Axon keeps a segment's token marked as replaying until it handles an event past the position the replay was
     * started at; a segment that has reached that position has replayed everything there was.
     */
    private static boolean replaying(EventTrackerStatus segment, long position) {
        return segment.isReplaying()
                && (segment.getResetPosition().isEmpty() || position < segment.getResetPosition().getAsLong());
    }

    /**
     * A processor's status. Which node holds it: this node as its processor says now, the others as their last
     * heartbeats said.
     */
    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        List<ProjectionStatus.Segment> segments = new ArrayList<>();
        long position = Long.MAX_VALUE;
        boolean replaying = false;
        Double progress = null;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            long segmentPosition = segment.getCurrentPosition().orElse(-1);
            position = Math.min(position, segmentPosition);
            boolean segmentReplaying = replaying(segment, segmentPosition);
            replaying |= segmentReplaying;
            if (segmentReplaying && segment.getResetPosition().isPresent()) {
                long target = segment.getResetPosition().getAsLong();
                double done = target <= 0 ? 100.0 : Math.min(100.0, 100.0 * Math.max(0, segmentPosition) / target);
                progress = progress == null ? done : Math.min(progress, done);
            }
            segments.add(new ProjectionStatus.Segment(segment.getSegment().getSegmentId(), segmentPosition,
                    segment.isCaughtUp(), segmentReplaying,
                    segment.isErrorState() ? String.valueOf(segment.getError()) : null));
        }
        LedgerProjection projection = projections.get(processor.getName());
        LedgerProjection.VersionStatus versions = projection == null ? null : projection.versions();
        if (versions != null) {
            position = versions.activePosition();
        } else if (segments.isEmpty()) {
            position = -1;
        }
        long at = position;
        List<ProjectionStatus.Claim> claims = new ArrayList<>();
        if (!segments.isEmpty()) {
            claims.add(new ProjectionStatus.Claim(0, nodes.nodeId(), at));
        }
        nodes.holdings(processor.getName()).stream()
                .filter(holding -> !holding.nodeId().equals(nodes.nodeId()))
                .forEach(holding -> claims.add(new ProjectionStatus.Claim(0, holding.nodeId(), at)));
        if (claims.isEmpty()) {
            claims.add(new ProjectionStatus.Claim(0, null, at));
        }
        segments.sort(Comparator.comparingInt(ProjectionStatus.Segment::segment));
        return new ProjectionStatus(processor.getName(), processor.isRunning(), position, head,
                Math.max(0, head - position), replaying, progress, segments, nodes.nodeId(), claims, versions);
    }
}
