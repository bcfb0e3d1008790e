package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed notes in the C2SP signed-note format with Ed25519 keys made by the JDK: a note signed by the ledger's key
 * verifies and gives back exactly its text; signatures by other keys are ignored; and a note signed by another key,
 * changed after signing, or malformed is refused.
 */
class SignedNoteTest {

    private static final String NAME = "samhandling.trondelag.no/ledger";
    private static final String TEXT = "samhandling.trondelag.no/ledger\n40\nAAAA\n";
    private static final TestKeys.Signer LEDGER = TestKeys.signer(NAME);
    private static final TestKeys.Signer IMPOSTOR = TestKeys.signer(NAME);
    private static final TestKeys.Signer WITNESS = TestKeys.signer("witness.example.org");

    private static String signatureLine(String note) {
        String[] lines = note.split("\n");
        return lines[lines.length - 1];
    }

    private static byte[] signatureBytes(String note) {
        String line = signatureLine(note);
        return Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String withSignature(String note, byte[] signature) {
        String line = signatureLine(note);
        String changed = line.substring(0, line.lastIndexOf(' ') + 1) + Base64.getEncoder().encodeToString(signature);
        return note.replace(line, changed);
    }

    @Nested
    class Signing {

        @Test
        void theNoteIsTheTextABlankLineAndOneSignatureLine() {
            String note = LEDGER.sign(TEXT);

            assertThat(note).startsWith(TEXT + "\n\u2014 " + NAME + " ").endsWith("\n");
            assertThat(note.substring(TEXT.length() + 1).split("\n")).hasSize(1);
        }

        @Test
        void theSignatureIsTheKeyIdAndAnEd25519SignatureOverTheTextWithItsFinalLineFeed() throws Exception {
            byte[] signature = signatureBytes(LEDGER.sign(TEXT));

            assertThat(signature).hasSize(4 + 64);
            assertThat(Arrays.copyOf(signature, 4)).isEqualTo(LEDGER.key().keyId());
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(LEDGER.publicKey());
            ed25519.update(TEXT.getBytes(StandardCharsets.UTF_8));
            assertThat(ed25519.verify(Arrays.copyOfRange(signature, 4, signature.length))).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"no final line feed", "a blank line\n\ninside\n", "\nstarts blank\n", ""})
        void onlyNonEmptyLinesEachEndingInALineFeedCanBeSigned(String text) {
            assertThatThrownBy(() -> LEDGER.sign(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Verified {

        @Test
        void aNoteSignedByTheKeyGivesBackItsText() throws ProofException {
            assertThat(SignedNote.verify(LEDGER.sign(TEXT), LEDGER.key())).isEqualTo(TEXT);
        }

        @Test
        void aTextOfNonAsciiCharactersIsSignedOverItsUtf8Bytes() throws ProofException {
            String text = "Trøndelag — samhandling\nÆrlig talt\n";

            assertThat(SignedNote.verify(LEDGER.sign(text), LEDGER.key())).isEqualTo(text);
        }

        @Test
        void signaturesByOtherKeysAreIgnored() throws ProofException {
            String byLedger = LEDGER.sign(TEXT);
            String byWitness = WITNESS.sign(TEXT);
            String byImpostor = IMPOSTOR.sign(TEXT);
            String cosigned = byLedger + signatureLine(byWitness) + "\n";
            String impostorFirst = byImpostor + signatureLine(byLedger) + "\n";

            assertThat(SignedNote.verify(cosigned, LEDGER.key())).isEqualTo(TEXT);
            assertThat(SignedNote.verify(cosigned, WITNESS.key())).isEqualTo(TEXT);
            assertThat(SignedNote.verify(impostorFirst, LEDGER.key())).isEqualTo(TEXT);
        }
    }

    @Nested
    class Refused {

        @Test
        void aNoteSignedByAnotherKeyOfTheSameName() {
            assertThatThrownBy(() -> SignedNote.verify(IMPOSTOR.sign(TEXT), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("not signed by the key");
        }

        @Test
        void aNoteSignedByAKeyOfAnotherName() {
            assertThatThrownBy(() -> SignedNote.verify(WITNESS.sign(TEXT), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("not signed by the key");
        }

        @Test
        void aNoteWhoseSignatureLineClaimsTheKeysNameAndIdButWasSignedByAnother() {
            byte[] forged = signatureBytes(IMPOSTOR.sign(TEXT));
            System.arraycopy(LEDGER.key().keyId(), 0, forged, 0, 4);

            assertThatThrownBy(() -> SignedNote.verify(withSignature(LEDGER.sign(TEXT), forged), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("does not match");
        }

        @Test
        void aNoteWhoseTextChangedAfterSigning() {
            String note = LEDGER.sign(TEXT);

            assertThatThrownBy(() -> SignedNote.verify(note.replace("\n40\n", "\n41\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("does not match");
            assertThatThrownBy(() -> SignedNote.verify("x" + note, LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(note.replace(TEXT, TEXT + "extra\n"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aNoteWithAnyBitOfItsSignatureFlipped() {
            String note = LEDGER.sign(TEXT);
            byte[] signature = signatureBytes(note);
            for (int bit = 4 * 8; bit < signature.length * 8; bit += 7) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));

                assertThatThrownBy(() -> SignedNote.verify(withSignature(note, flipped), LEDGER.key()))
                        .as("bit %d flipped", bit).isInstanceOf(ProofException.class);
            }
        }

        @Test
        void aNoteWithItsSignatureCutShortOrLengthened() {
            String note = LEDGER.sign(TEXT);
            byte[] signature = signatureBytes(note);

            assertThatThrownBy(() -> SignedNote.verify(withSignature(note, Arrays.copyOf(signature, 67)),
                    LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(withSignature(note, Arrays.copyOf(signature, 70)),
                    LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(withSignature(note, Arrays.copyOf(signature, 4)),
                    LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(withSignature(note, new byte[0]), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aNoteWithAZeroByteAppendedToItsSignature() {
            String note = LEDGER.sign(TEXT);
            byte[] lengthened = Arrays.copyOf(signatureBytes(note), 4 + 64 + 1);

            assertThatThrownBy(() -> SignedNote.verify(withSignature(note, lengthened), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aSignatureThatIsNotBase64() {
            String note = LEDGER.sign(TEXT);
            String line = signatureLine(note);

            assertThatThrownBy(() -> SignedNote.verify(note.replace(line, line + "!"), LEDGER.key()))
                    .isInstanceOf(ProofException.class).hasMessageContaining("base64");
        }

        @ParameterizedTest
        @ValueSource(strings = {"- ", "\u2013 ", "\u2014", "-- ", ""})
        void aSignatureLineWithoutItsEmDashAndSpace(String prefix) {
            String note = LEDGER.sign(TEXT).replace("\u2014 ", prefix);

            assertThatThrownBy(() -> SignedNote.verify(note, LEDGER.key())).isInstanceOf(ProofException.class);
        }

        @Test
        void aSignatureLineThatIsNotANameAndASignature() {
            String note = LEDGER.sign(TEXT);
            String line = signatureLine(note);

            assertThatThrownBy(() -> SignedNote.verify(note.replace(line, line + " extra"), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(note.replace(line, "\u2014 " + NAME), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aNoteWithoutTheBlankLineBeforeItsSignatures() {
            String note = LEDGER.sign(TEXT).replace(TEXT + "\n", TEXT);

            assertThatThrownBy(() -> SignedNote.verify(note, LEDGER.key())).isInstanceOf(ProofException.class)
                    .hasMessageContaining("blank line");
        }

        @Test
        void aNoteWithoutItsFinalLineFeed() {
            String note = LEDGER.sign(TEXT);

            assertThatThrownBy(() -> SignedNote.verify(note.substring(0, note.length() - 1), LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aNoteWithNoSignatureAtAll() {
            assertThatThrownBy(() -> SignedNote.verify(TEXT, LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify("", LEDGER.key())).isInstanceOf(ProofException.class);
        }

        @Test
        void aNoteEndingInItsBlankLine() {
            assertThatThrownBy(() -> SignedNote.verify(TEXT + "\n", LEDGER.key())).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> SignedNote.verify(TEXT + "\n\n", LEDGER.key()))
                    .isInstanceOf(ProofException.class);
        }
    }
}
