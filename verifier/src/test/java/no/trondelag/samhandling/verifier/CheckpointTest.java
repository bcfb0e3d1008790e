package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints in the C2SP tlog-checkpoint format, signed as notes by a fresh Ed25519 key: a checkpoint signed by the
 * ledger's key reads back as exactly its origin, size, root and time; one signed by another key, changed after
 * signing, or validly signed but not a well-formed checkpoint of this log is refused.
 */
class CheckpointTest {

    private static final String ORIGIN = "samhandling.trondelag.no/ledger";
    private static final TestKeys.Signer LEDGER = TestKeys.signer(ORIGIN);
    private static final TestKeys.Signer IMPOSTOR = TestKeys.signer(ORIGIN);
    private static final TestKeys.Signer OTHER_LOG = TestKeys.signer("other.example.org/log");
    private static final Hash ROOT = Hash.of(ChainHashes.sha256().digest("root".getBytes(StandardCharsets.UTF_8)));
    private static final Instant SIGNED = Instant.parse("2024-01-08T08:00:41.250Z");
    private static final Checkpoint CHECKPOINT = new Checkpoint(ORIGIN, 40, ROOT, SIGNED);

    private static String base64(Hash hash) {
        return Base64.getEncoder().encodeToString(hash.bytes());
    }

    /** A text signed by the ledger's own key, so that only its content can be wrong. */
    private static String signed(String text) {
        return LEDGER.signAnyText(text);
    }

    @Nested
    class TheText {

        @Test
        void isTheOriginTheSizeTheRootInBase64AndTheTimeEachOnALine() {
            assertThat(CHECKPOINT.text()).isEqualTo(ORIGIN + "\n40\n" + base64(ROOT) + "\ntime "
                    + "2024-01-08T08:00:41.250Z\n");
        }

        @Test
        void canBeSignedAsANote() {
            assertThatCode(() -> SignedNote.verify(signed(CHECKPOINT.text()), LEDGER.key()))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Verified {

        @Test
        void aCheckpointSignedByTheLedgersKeyReadsBackAsItself() throws ProofException {
            Checkpoint read = Checkpoint.verify(signed(CHECKPOINT.text()), LEDGER.key());

            assertThat(read).isEqualTo(CHECKPOINT);
            assertThat(read.origin()).isEqualTo(ORIGIN);
            assertThat(read.size()).isEqualTo(40);
            assertThat(read.rootHash()).isEqualTo(ROOT);
            assertThat(read.time()).isEqualTo(SIGNED);
        }

        @Test
        void theEmptyTreeAndAVeryLargeTreeReadBack() throws ProofException {
            Checkpoint empty = new Checkpoint(ORIGIN, 0, MerkleHashes.EMPTY_ROOT, SIGNED);
            Checkpoint large = new Checkpoint(ORIGIN, Long.MAX_VALUE, ROOT, SIGNED);

            assertThat(Checkpoint.verify(signed(empty.text()), LEDGER.key())).isEqualTo(empty);
            assertThat(Checkpoint.verify(signed(large.text()), LEDGER.key())).isEqualTo(large);
        }

        @Test
        void aCheckpointCosignedByAWitnessStillVerifies() throws ProofException {
            String note = signed(CHECKPOINT.text());
            String byWitness = OTHER_LOG.sign(CHECKPOINT.text());
            String cosigned = note + byWitness.substring(byWitness.lastIndexOf("\n\n") + 2);

            assertThat(Checkpoint.verify(cosigned, LEDGER.key())).isEqualTo(CHECKPOINT);
        }

        @Test
        void otherExtensionLinesAreIgnoredAndAMissingTimeReadsAsNone() throws ProofException {
            String withExtension = ORIGIN + "\n40\n" + base64(ROOT) + "\nwitness something\ntime " + SIGNED + "\n";
            String withoutTime = ORIGIN + "\n40\n" + base64(ROOT) + "\n";

            assertThat(Checkpoint.verify(signed(withExtension), LEDGER.key())).isEqualTo(CHECKPOINT);
            assertThat(Checkpoint.verify(signed(withoutTime), LEDGER.key()))
                    .isEqualTo(new Checkpoint(ORIGIN, 40, ROOT, null));
        }
    }

    @Nested
    class Refused {

        @Test
        void aCheckpointSignedByAnotherKeyOfTheSameName() {
            assertThatThrownBy(() -> Checkpoint.verify(IMPOSTOR.sign(CHECKPOINT.text()), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointSignedByAKeyOfAnotherName() {
            Checkpoint other = new Checkpoint("other.example.org/log", 40, ROOT, SIGNED);

            assertThatThrownBy(() -> Checkpoint.verify(OTHER_LOG.sign(CHECKPOINT.text()), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> Checkpoint.verify(OTHER_LOG.sign(other.text()), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointWhoseSizeLineWasChanged() {
            String note = signed(CHECKPOINT.text());

            assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n40\n", "\n41\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n40\n", "\n4\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointWhoseRootWasChanged() {
            String note = signed(CHECKPOINT.text());
            Hash other = MerkleHashes.leaf(new byte[0]);

            assertThatThrownBy(() -> Checkpoint.verify(note.replace(base64(ROOT), base64(other)), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointWhoseTimeWasChanged() {
            String note = signed(CHECKPOINT.text());

            assertThatThrownBy(() -> Checkpoint.verify(note.replace("08:00:41", "08:00:42"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointWithTheSignatureBytesFlipped() {
            String note = signed(CHECKPOINT.text());
            int at = note.lastIndexOf(' ') + 1;
            String signature = note.substring(at, note.length() - 1);
            byte[] bytes = Base64.getDecoder().decode(signature);
            for (int i = 4; i < bytes.length; i += 5) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= 0x01;
                String tampered = note.substring(0, at) + Base64.getEncoder().encodeToString(flipped) + "\n";

                assertThatThrownBy(() -> Checkpoint.verify(tampered, LEDGER.key())).as("byte %d flipped", i)
                        .isInstanceOf(ProofException.class);
            }
        }

        @Test
        void aCheckpointWhoseSignatureLineLacksItsEmDash() {
            String note = signed(CHECKPOINT.text()).replace("\u2014 ", "- ");

            assertThatThrownBy(() -> Checkpoint.verify(note, LEDGER.key())).isInstanceOf(ProofException.class);
        }

        @Test
        void aCheckpointWithoutTheBlankLineBeforeItsSignature() {
            String note = signed(CHECKPOINT.text()).replace(CHECKPOINT.text() + "\n", CHECKPOINT.text());

            assertThatThrownBy(() -> Checkpoint.verify(note, LEDGER.key())).isInstanceOf(ProofException.class);
        }

        @Test
        void aValidlySignedCheckpointOfAnotherOrigin() {
            Checkpoint other = new Checkpoint("other.example.org/log", 40, ROOT, SIGNED);

            assertThatThrownBy(() -> Checkpoint.verify(signed(other.text()), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("other.example.org/log");
        }

        @ParameterizedTest
        @ValueSource(strings = {"040", "00", "0x28", "-1", "+40", " 40", "40 ", "4e1", "", "forty", "٤٠", "40.0",
                "99999999999999999999"})
        void aValidlySignedCheckpointWhoseSizeIsNotADecimalNumber(String size) {
            String text = ORIGIN + "\n" + size + "\n" + base64(ROOT) + "\ntime " + SIGNED + "\n";

            assertThatThrownBy(() -> Checkpoint.verify(signed(text), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9223372036854775808", "9999999999999999999"})
        void aValidlySignedCheckpointWhoseSizeIsAboveTheLargestLong(String size) {
            String text = ORIGIN + "\n" + size + "\n" + base64(ROOT) + "\ntime " + SIGNED + "\n";

            assertThatThrownBy(() -> Checkpoint.verify(signed(text), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aValidlySignedCheckpointWhoseRootIsNotThirtyTwoBytes() {
            byte[] bytes = ROOT.bytes();
            String shorter = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 31));
            String longer = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 33));
            for (String root : new String[] {shorter, longer, "", ROOT.hex(), "not base64!"}) {
                String text = ORIGIN + "\n40\n" + root + "\ntime " + SIGNED + "\n";

                assertThatThrownBy(() -> Checkpoint.verify(signed(text), LEDGER.key())).as("root %s", root)
                        .isInstanceOf(ProofException.class);
            }
        }

        @Test
        void aValidlySignedCheckpointWhoseTimeIsNotAnInstant() {
            String text = ORIGIN + "\n40\n" + base64(ROOT) + "\ntime yesterday\n";

            assertThatThrownBy(() -> Checkpoint.verify(signed(text), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("time");
        }

        @Test
        void aValidlySignedNoteThatIsNotACheckpoint() {
            assertThatThrownBy(() -> Checkpoint.verify(signed(ORIGIN + "\n40\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> Checkpoint.verify(signed(ORIGIN + "\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }
    }
}
