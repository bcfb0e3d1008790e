package no.trondelag.samhandling.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * An event's position from its token: the token's own, or the gap it closed when it was committed late.
 */
class TokenPositionsTest {

    private final AtomicReference<TrackingToken> stored = new AtomicReference<>();
    private final TokenPositions positions = new TokenPositions(stored::get);

    @Test
    void anEventAtTheHeadIsAtItsTokensPosition() {
        GapAwareTrackingToken five = GapAwareTrackingToken.newInstance(5, List.of());
        GapAwareTrackingToken eight = five.advanceTo(8, 10_000);

        assertThat(positions.positionOf(five)).isEqualTo(5);
        assertThat(positions.positionOf(eight)).isEqualTo(8);
    }

    @Test
    void anEventCommittedLateIsAtTheGapItClosed() {
        GapAwareTrackingToken eight = GapAwareTrackingToken.newInstance(5, List.of()).advanceTo(8, 10_000);
        GapAwareTrackingToken sevenFilled = eight.advanceTo(7, 10_000);
        GapAwareTrackingToken sixFilled = sevenFilled.advanceTo(6, 10_000);
        assertThat(eight.getGaps()).containsExactly(6L, 7L);

        positions.positionOf(eight);

        assertThat(positions.positionOf(sevenFilled)).isEqualTo(7);
        assertThat(positions.positionOf(sixFilled)).isEqualTo(6);
    }

    @Test
    void theFirstEventAfterAStartIsComparedWithTheStoredToken() {
        GapAwareTrackingToken eight = GapAwareTrackingToken.newInstance(5, List.of()).advanceTo(8, 10_000);
        stored.set(eight);

        assertThat(positions.positionOf(eight.advanceTo(6, 10_000))).isEqualTo(6);
    }

    @Test
    void gapsDroppedAsTooOldAreBelowTheOneClosed() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(20, List.of(3L, 4L, 17L));
        GapAwareTrackingToken closedSeventeenAndDroppedOld = GapAwareTrackingToken.newInstance(20, List.of());

        positions.positionOf(before);

        assertThat(positions.positionOf(closedSeventeenAndDroppedOld)).isEqualTo(17);
    }

    @Test
    void afterForgettingTheStoredTokenIsUsedAgain() {
        GapAwareTrackingToken eight = GapAwareTrackingToken.newInstance(5, List.of()).advanceTo(8, 10_000);
        positions.positionOf(eight.advanceTo(7, 10_000));
        stored.set(eight);

        positions.forget();

        assertThat(positions.positionOf(eight.advanceTo(6, 10_000))).isEqualTo(6);
    }

    @Test
    void aReplayedEventIsAtItsReplayTokensCurrentPosition() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(3));

        assertThat(positions.positionOf(replay)).isEqualTo(3);
        assertThat(positions.positionOf(new GlobalSequenceTrackingToken(4))).isEqualTo(4);
    }
}
