package no.trondelag.samhandling.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class GapPatienceTest {

    private final AtomicLong nanos = new AtomicLong();
    private final GapPatience patience = new GapPatience(Duration.ofSeconds(10), nanos::get);

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, new TreeSet<>(Arrays.asList(gaps)));
    }

    private void after(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void theSettledPositionIsTheLowestOfTheSegmentsPositions() {
        assertThat(patience.settled(List.of(token(40), token(37), new GlobalSequenceTrackingToken(45))))
                .isEqualTo(37);
        assertThat(patience.settled(List.of())).isEqualTo(-1);
        assertThat(patience.settled(Arrays.asList(token(40), null))).as("a segment that processed nothing")
                .isEqualTo(-1);
    }

    @Test
    void aYoungGapHoldsTheSettledPositionBelowIt() {
        assertThat(patience.settled(List.of(token(40, 33L, 36L), token(41)))).isEqualTo(32);

        after(Duration.ofSeconds(5));

        assertThat(patience.settled(List.of(token(42, 36L), token(41)))).as("33 filled; 36 still young")
                .isEqualTo(35);
    }

    @Test
    void aGapThatDoesNotFillWithinThePatienceHoldsNothingBackAndStaysThatWay() {
        assertThat(patience.settled(List.of(token(40, 33L)))).isEqualTo(32);

        after(Duration.ofSeconds(11));

        assertThat(patience.settled(List.of(token(40, 33L)))).isEqualTo(40);
        assertThat(patience.settled(List.of(token(41, 33L)))).as("not taken for a new gap").isEqualTo(41);

        after(Duration.ofSeconds(1));

        assertThat(patience.settled(List.of(token(43, 33L, 42L)))).as("a new gap above it").isEqualTo(41);
    }

    @Test
    void aReplayTokensGapsCountToo() {
        TrackingToken replay = ReplayToken.createReplayToken(token(100), token(40, 38L));

        assertThat(patience.settled(List.of(replay))).isEqualTo(37);
    }
}
