package no.trondelag.samhandling.app.admin;

import java.util.List;

/**
 * Where a streaming processor (a projection) stands against the head of the event store.
 *
 * @param name                   the processing group
 * @param running                whether the processor is running
 * @param position               the lowest position its segments have processed, -1 before the first event
 * @param head                   the highest global index in the event store, -1 when empty
 * @param lag                    how many positions it is behind the head
 * @param replaying              whether any segment is replaying
 * @param replayProgressPercent  during a replay, how far it got towards the position the replay started at
 * @param segments               each segment's state
 */
public record ProjectionStatus(String name, boolean running, long position, long head, long lag, boolean replaying,
                               Double replayProgressPercent, List<Segment> segments) {

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
}
