package no.trondelag.samhandling.app.admin;

import java.util.List;
import no.trondelag.samhandling.query.projection.LedgerProjection;

/**
 * Where a streaming processor (a projection) stands against the head of the event store, on all nodes together
 * and on the node that answers.
 *
 * @param name                   the processing group
 * @param running                whether the processor is running on this node
 * @param position               the lowest position any of its segments has processed, on whichever node, -1 before
 *                               the first event
 * @param head                   the highest global index in the event store, -1 when empty
 * @param lag                    how many positions it is behind the head
 * @param replaying              whether any segment on this node is replaying
 * @param replayProgressPercent  during a replay, how far this node's segments got towards the position the replay
 *                               started at
 * @param segments               the state of each segment this node holds
 * @param node                   this node's id
 * @param claims                 the nodes holding the processor's segments, as their heartbeats say, each with the
 *                               processor's position
 * @param versions               the versions of the projection's tables: the one reports read, with its position, and
 *                               during a rebuild the one being built, with its position; {@code null} for a processor
 *                               that is not a projection
 */
public record ProjectionStatus(String name, boolean running, long position, long head, long lag, boolean replaying,
                               Double replayProgressPercent, List<Segment> segments, String node,
                               List<Claim> claims, LedgerProjection.VersionStatus versions) {

    /**
     * One segment of a processor.
     *
     * @param segment   the segment id
     * @param position  its position, -1 before the first event
     * @param caughtUp  whether it has caught up with the head
     * @param replaying whether it is replaying
     * @param error     the error that stopped it, or {@code null}
     */
    public record Segment(int segment, long position, boolean caughtUp, boolean replaying, String error) {
    }

    /**
     * A node's hold on a processor, or that none holds it.
     *
     * @param segment  the segment (the projections have one, segment 0)
     * @param owner    the id of the node holding it, or {@code null} when no live node does
     * @param position the processor's position, -1 before the first event
     */
    public record Claim(int segment, String owner, long position) {
    }
}
