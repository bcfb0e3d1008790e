package no.trondelag.samhandling.query.projection;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The ledger position of each event a projection handles, from the tracking tokens alone. A token says the highest
 * position its processor has seen, which is the event's own position unless the event was committed late into a gap
 * below it: then the token keeps its position and loses the gap, and the event's position is the gap that closed. So
 * each token is compared with the one before it in the same segment (the token of the previous event, or at the
 * start of a run the token the processor stored), which only the projection's one processing thread sees.
 */
public final class TokenPositions {

    private final Supplier<TrackingToken> stored;
    private TrackingToken previous;

    /**
     * Creates the positions.
     *
     * @param stored the token the processor last stored, for the first event after a start, a rollback or a reset
     *               (or {@code null} when none is known)
     */
    public TokenPositions(Supplier<TrackingToken> stored) {
        this.stored = stored;
    }

    /**
     * The position of the event handed with a token, and remembers the token for the next event.
     *
     * @param token the event's token, as handed to the handler (a replay's current token)
     * @return the event's position
     */
    public long positionOf(TrackingToken token) {
        TrackingToken before = previous != null ? previous : WrappedToken.unwrapLowerBound(stored.get());
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        previous = current;
        return own(before, current);
    }

    /**
     * Forgets the previous token: what was handled since the processor last stored one was rolled back, or the
     * projection is replayed.
     */
    public void forget() {
        previous = null;
    }

    /**
     * The position of the event handed with a token, given the token before it: the token's own position, or the
     * gap it closed when it did not advance. Gaps also go when they grow too old or too far below the position, but
     * always the lowest first, so the gap an event closed is the highest one gone.
     *
     * @param before the token before, or {@code null} when unknown
     * @param token  the event's token
     * @return the event's position
     */
    static long own(TrackingToken before, TrackingToken token) {
        if (token instanceof GapAwareTrackingToken current && before instanceof GapAwareTrackingToken last
                && current.getIndex() == last.getIndex()) {
            SortedSet<Long> closed = new TreeSet<>(last.getGaps());
            closed.removeAll(current.getGaps());
            if (!closed.isEmpty()) {
                return closed.last();
            }
        }
        return token.position().orElseThrow(
                () -> new IllegalStateException("A streaming processor's token always has a position"));
    }
}
