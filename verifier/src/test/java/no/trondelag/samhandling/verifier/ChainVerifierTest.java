package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.trondelag.samhandling.verifier.Difference.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Verification against a digest: detection from the stored events alone, and the location and kind of the first
 * difference from the recorded chain. The ledger here holds events at positions 1 to 6, with position 4 left empty
 * by a rolled-back insert, and a digest was taken at position 6.
 */
class ChainVerifierTest {

    private static final Instant RECORDED = Instant.parse("2024-01-08T08:00:00.123Z");
    private static final long HEAD = 6;

    private List<StoredEvent> stored;
    private List<ChainLink> recorded;
    private Hash digest;

    @BeforeEach
    void chainPositionsOneToSixWithFourEmpty() {
        stored = new ArrayList<>();
        for (long position : new long[] {1, 2, 3, 5, 6}) {
            stored.add(TestEvents.event(position, RECORDED.plusSeconds(position)));
        }
        recorded = chain(stored);
        digest = recorded.get(recorded.size() - 1).chainHash();
    }

    static List<ChainLink> chain(List<StoredEvent> events) {
        return ChainHashes.links(Hash.ZERO, events);
    }

    private Verification verify() {
        return new ChainVerifier(EventSource.of(stored), LinkSource.of(recorded)).verify(HEAD, digest);
    }

    private StoredEvent at(long position) {
        return stored.stream().filter(event -> event.position() == position).findFirst().orElseThrow();
    }

    private void replace(StoredEvent event) {
        stored.removeIf(existing -> existing.position() == event.position());
        stored.add(event);
    }

    private static StoredEvent movedTo(long position, StoredEvent event) {
        return new StoredEvent(position, event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), event.payload(),
                event.metaData(), event.timeStamp());
    }

    private static StoredEvent forged(long position) {
        return TestEvents.event(position, RECORDED.plusSeconds(position));
    }

    @Nested
    class Untouched {

        @Test
        void theEventsUpToTheDigestAreValid() {
            assertThat(verify()).isEqualTo(Verification.valid(HEAD));
        }

        @Test
        void eventsAfterTheDigestDoNotMatter() {
            stored.add(TestEvents.event(7, RECORDED));

            assertThat(verify().valid()).isTrue();
        }

        @Test
        void theRecordedChainIsNotTrustedToDetectAnything() {
            recorded.clear();

            assertThat(verify().valid()).isTrue();
        }
    }

    @Nested
    class Detected {

        @Test
        void aChangedPayloadByteIsAChangeAtItsPosition() {
            StoredEvent original = at(3);
            byte[] payload = original.payload().clone();
            payload[5] ^= 0x01;
            replace(new StoredEvent(3, original.eventIdentifier(), original.aggregateIdentifier(),
                    original.sequenceNumber(), original.payloadType(), original.payloadRevision(), payload,
                    original.metaData(), original.timeStamp()));

            Verification verification = verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstDifference().position()).isEqualTo(3);
            assertThat(verification.firstDifference().kind()).isEqualTo(Kind.CHANGED);
            assertThat(verification.firstDifference().detail()).contains("event-3");
        }

        @Test
        void aRemovedEventIsARemovalAtItsPosition() {
            stored.removeIf(event -> event.position() == 2);

            assertThat(verify().firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(2L, Kind.REMOVED);
        }

        @Test
        void anEventInASettledGapIsAnInsertion() {
            stored.add(forged(4));

            assertThat(verify().firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(4L, Kind.INSERTED);
        }

        @Test
        void anEventBelowTheFirstPositionIsAnInsertion() {
            stored.add(forged(0));

            assertThat(verify().firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(0L, Kind.INSERTED);
        }

        @Test
        void twoSwappedEventsAreReorderedAtTheFirstOfThem() {
            StoredEvent second = at(2);
            StoredEvent fifth = at(5);
            replace(movedTo(2, fifth));
            replace(movedTo(5, second));

            Verification verification = verify();

            assertThat(verification.firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(2L, Kind.REORDERED);
            assertThat(verification.firstDifference().detail()).contains("chained at position 5");
        }

        @Test
        void anEventMovedIntoTheGapIsReordered() {
            StoredEvent fifth = at(5);
            stored.remove(fifth);
            stored.add(movedTo(4, fifth));

            assertThat(verify().firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(4L, Kind.REORDERED);
        }

        @Test
        void anEventMovedPastTheDigestIsReorderedAtItsOldPosition() {
            StoredEvent second = at(2);
            stored.remove(second);
            stored.add(movedTo(100, second));

            Verification verification = verify();

            assertThat(verification.firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(2L, Kind.REORDERED);
            assertThat(verification.firstDifference().detail()).contains("position 100");
        }

        @Test
        void anEventRemovedWithItsRecordIsARemovalBeforeTheNextPosition() {
            stored.removeIf(event -> event.position() == 3);
            recorded.removeIf(link -> link.position() == 3);

            Verification verification = verify();

            assertThat(verification.firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(5L, Kind.REMOVED);
            assertThat(verification.firstDifference().detail()).contains("after position 2");
        }

        @Test
        void anEventInsertedWithAForgedRecordIsAnInsertion() {
            StoredEvent insert = forged(4);
            stored.add(insert);
            Hash chainBefore = recorded.get(2).chainHash();
            Hash eventHash = ChainHashes.eventHash(insert);
            recorded.add(new ChainLink(4, eventHash, ChainHashes.chainHash(chainBefore, 4, eventHash)));

            assertThat(verify().firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(4L, Kind.INSERTED);
        }

        @Test
        void eventsRewrittenTogetherWithTheirRecordAreDetectedButCannotBeLocated() {
            stored.removeIf(event -> event.position() == 3);
            recorded = chain(stored.stream().sorted(Comparator.comparingLong(StoredEvent::position)).toList());

            Verification verification = verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstDifference().position()).isEqualTo(HEAD);
            assertThat(verification.firstDifference().detail()).contains("rewritten together");
        }

        @Test
        void aDigestForAPositionNeverChainedIsNotThisLedgers() {
            Verification verification = new ChainVerifier(EventSource.of(stored), LinkSource.of(recorded))
                    .verify(4, digest);

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstDifference().detail()).contains("No event was ever chained at position 4");
        }

        @Test
        void aDigestThatDiffersInOneBitIsInvalid() {
            byte[] bytes = digest.bytes();
            bytes[31] ^= 1;
            digest = Hash.of(bytes);

            assertThat(verify().valid()).isFalse();
        }
    }
}
