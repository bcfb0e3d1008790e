package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The hashing rules, pinned by known answers computed independently from ADR 0016, so that an auditor's own
 * implementation can check itself against the same values.
 */
class ChainHashesTest {

    static final StoredEvent JOINED = new StoredEvent(57, "3f1c2a9e-6d2b-4c1a-9f4e-1b2c3d4e5f60",
            "Participant-5054", 3, "no.trondelag.samhandling.api.participation.CollaborationJoined", "1",
            bytes("{\"participantId\":\"5054\",\"effectiveDate\":\"2018-06-14\"}"),
            bytes("{\"actor\":\"kommune-5054\"}"), "2024-01-08T08:00:00.123Z");
    static final StoredEvent WITHDRAWN = new StoredEvent(59, "3f1c2a9e-6d2b-4c1a-9f4e-1b2c3d4e5f61",
            "Participant-5054", 4, "no.trondelag.samhandling.api.participation.CollaborationWithdrawn", null,
            bytes("{\"participantId\":\"5054\"}"), null, "2024-01-08T08:00:01.000Z");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class KnownAnswers {

        @Test
        void anEventHashesToItsPublishedValue() {
            assertThat(ChainHashes.eventHash(JOINED).hex())
                    .isEqualTo("66191206bb4521f2d8250163c0b82894f93188f5d9d72dd2f52ee64168acabde");
        }

        @Test
        void anEventWithoutRevisionOrMetadataHashesToItsPublishedValue() {
            assertThat(ChainHashes.eventHash(WITHDRAWN).hex())
                    .isEqualTo("a4454ac0929076aeb0aaeba5d125ac8d91c284e9ae60a44b342d928495639aad");
        }

        @Test
        void theChainStartsFromZeroAndLinksEachEventToTheOneBefore() {
            Hash first = ChainHashes.chainHash(Hash.ZERO, 57, ChainHashes.eventHash(JOINED));
            Hash second = ChainHashes.chainHash(first, 59, ChainHashes.eventHash(WITHDRAWN));

            assertThat(first.hex()).isEqualTo("a78bf23b51df9abe03e6af9cdb6598b70d0be023d881f2812d4d991d6654aac8");
            assertThat(second.hex()).isEqualTo("51c24765ddead13d748817ff4e2011c1c7ef85281f5813c2b8827b16f82c50de");
        }
    }

    @Nested
    class EveryFieldCounts {

        @Test
        void changingAnyCoveredFieldChangesTheEventHash() {
            Hash original = ChainHashes.eventHash(JOINED);
            byte[] payload = JOINED.payload().clone();
            payload[20] ^= 1;
            byte[] metaData = bytes("{\"actor\":\"secretariat\"}");

            assertThat(List.of(
                    with(JOINED.eventIdentifier() + "x", JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            JOINED.payloadType(), JOINED.payloadRevision(), JOINED.payload(), JOINED.metaData(),
                            JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), "Participant-5055", JOINED.sequenceNumber(),
                            JOINED.payloadType(), JOINED.payloadRevision(), JOINED.payload(), JOINED.metaData(),
                            JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), 4, JOINED.payloadType(),
                            JOINED.payloadRevision(), JOINED.payload(), JOINED.metaData(), JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            "CollaborationJoined", JOINED.payloadRevision(), JOINED.payload(), JOINED.metaData(),
                            JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            JOINED.payloadType(), "2", JOINED.payload(), JOINED.metaData(), JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            JOINED.payloadType(), JOINED.payloadRevision(), payload, JOINED.metaData(),
                            JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            JOINED.payloadType(), JOINED.payloadRevision(), JOINED.payload(), metaData,
                            JOINED.timeStamp()),
                    with(JOINED.eventIdentifier(), JOINED.aggregateIdentifier(), JOINED.sequenceNumber(),
                            JOINED.payloadType(), JOINED.payloadRevision(), JOINED.payload(), JOINED.metaData(),
                            "2024-01-08T08:00:00.124Z")))
                    .extracting(ChainHashes::eventHash)
                    .doesNotContain(original)
                    .doesNotHaveDuplicates();
        }

        @Test
        void fieldsCannotRunTogetherBecauseEachCarriesItsLength() {
            StoredEvent split = with("ab", "c", 1, "T", null, bytes("p"), null, "t");
            StoredEvent shifted = with("a", "bc", 1, "T", null, bytes("p"), null, "t");

            assertThat(ChainHashes.eventHash(split)).isNotEqualTo(ChainHashes.eventHash(shifted));
        }

        @Test
        void theGlobalIndexIsNotPartOfTheEventHashButOfTheChainHash() {
            StoredEvent moved = new StoredEvent(58, JOINED.eventIdentifier(), JOINED.aggregateIdentifier(),
                    JOINED.sequenceNumber(), JOINED.payloadType(), JOINED.payloadRevision(), JOINED.payload(),
                    JOINED.metaData(), JOINED.timeStamp());
            Hash eventHash = ChainHashes.eventHash(JOINED);

            assertThat(ChainHashes.eventHash(moved)).isEqualTo(eventHash);
            assertThat(ChainHashes.chainHash(Hash.ZERO, 58, eventHash))
                    .isNotEqualTo(ChainHashes.chainHash(Hash.ZERO, 57, eventHash));
        }

        @Test
        void anAbsentRevisionOrMetadataHashesAsEmpty() {
            StoredEvent absent = with("e", "a", 1, "T", null, bytes("p"), null, "t");
            StoredEvent empty = with("e", "a", 1, "T", "", bytes("p"), new byte[0], "t");

            assertThat(ChainHashes.eventHash(absent)).isEqualTo(ChainHashes.eventHash(empty));
        }

        private static StoredEvent with(String eventId, String aggregateId, long sequence, String payloadType,
                                        String revision, byte[] payload, byte[] metaData, String timeStamp) {
            return new StoredEvent(1, eventId, aggregateId, sequence, payloadType, revision, payload, metaData,
                    timeStamp);
        }
    }

    @Nested
    class HexadecimalForm {

        @Test
        void aHashReadsBackFromItsHexInEitherCase() {
            Hash hash = ChainHashes.eventHash(JOINED);

            assertThat(Hash.fromHex(hash.hex().toUpperCase())).isEqualTo(hash);
            assertThat(Hash.ZERO.hex()).isEqualTo("0".repeat(64));
        }

        @Test
        void anythingButSixtyFourHexDigitsIsRefused() {
            assertThat(Hash.isHex("0".repeat(63))).isFalse();
            assertThat(Hash.isHex("g".repeat(64))).isFalse();
            assertThat(Hash.isHex("\u0660".repeat(64))).as("Arabic-Indic digits").isFalse();
            assertThat(Hash.isHex(null)).isFalse();
            assertThatThrownBy(() -> Hash.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
