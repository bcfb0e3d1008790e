package no.trondelag.samhandling.app.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The position every segment has passed, from the segments' tracking tokens. A token's position is the highest
 * global index it has seen; below it may lie gaps, positions whose transactions had not committed yet. A gap
 * usually fills within milliseconds (two commands committing out of order), and a reader that had folded past it
 * would have to fold everything again; so a young gap holds the settled position back. A gap that has not filled
 * within the patience is taken for a rolled-back append that never will, and no longer holds anything back.
 */
final class GapPatience {

    private final long patienceNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();

    /**
     * Creates the rule.
     *
     * @param patience  how long a gap holds the settled position back
     * @param nanoClock the clock, in nanoseconds
     */
    GapPatience(Duration patience, LongSupplier nanoClock) {
        this.patienceNanos = patience.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * The settled position of a processor's segments.
     *
     * @param tokens every segment's token ({@code null} for a segment that has processed nothing)
     * @return the lowest of the segments' positions, each below its young gaps; -1 when there are no segments
     */
    long settled(Collection<TrackingToken> tokens) {
        long now = nanoClock.getAsLong();
        long settled = Long.MAX_VALUE;
        Set<Long> gaps = new HashSet<>();
        for (TrackingToken token : tokens) {
            long position = token == null ? -1 : token.position().orElse(-1);
            GapAwareTrackingToken gapAware = token == null ? null
                    : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
            if (gapAware != null) {
                for (long gap : gapAware.getGaps()) {
                    gaps.add(gap);
                    if (now - firstSeen.computeIfAbsent(gap, key -> now) < patienceNanos) {
                        position = Math.min(position, gap - 1);
                    }
                }
            }
            settled = Math.min(settled, position);
        }
        firstSeen.keySet().retainAll(gaps);
        return settled == Long.MAX_VALUE ? -1 : settled;
    }
}
