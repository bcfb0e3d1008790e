package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger's verifier key in the C2SP signed-note encoding {@code <name>+<key ID>+<base64 of 0x01 and the key>}:
 * the key ID recomputed here independently (the first four bytes of SHA-256 over the name, a line feed, 0x01 and the
 * 32-byte key), pinned by a published example key, and every malformed key refused.
 */
class VerifierKeyTest {

    /**
     * The example verifier key of the signed-note format (golang.org/x/mod/sumdb/note, whose format C2SP
     * signed-note specifies). Its key ID was checked independently of this code.
     */
    private static final String PETER_NEUMANN = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    /** The key ID exactly as C2SP signed-note defines it, computed without the class under test. */
    static String independentKeyId(String name, byte[] publicKey) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update((byte) 0x01);
        sha256.update(publicKey);
        return HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(), 4));
    }

    private static String base64Key(int algorithm, byte[] publicKey) {
        byte[] key = new byte[1 + publicKey.length];
        key[0] = (byte) algorithm;
        System.arraycopy(publicKey, 0, key, 1, publicKey.length);
        return Base64.getEncoder().encodeToString(key);
    }

    @Nested
    class TheEncoding {

        @Test
        void thePublishedExampleKeyParsesWithItsKeyId() throws Exception {
            VerifierKey key = VerifierKey.parse(PETER_NEUMANN);
            byte[] raw = Arrays.copyOfRange(Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                    1, 33);

            assertThat(key.name()).isEqualTo("PeterNeumann");
            assertThat(key.publicKey()).isEqualTo(raw);
            assertThat(HexFormat.of().formatHex(key.keyId())).isEqualTo("c74f20a3");
            assertThat(independentKeyId("PeterNeumann", raw)).isEqualTo("c74f20a3");
            assertThat(key.text()).isEqualTo(PETER_NEUMANN);
        }

        @Test
        void theKeyIdOfAFreshKeyIsTheFirstFourBytesOfSha256OverNameLineFeedAlgorithmAndKey() throws Exception {
            for (String name : new String[] {"samhandling.trondelag.no/ledger", "Ærlig-logg", "x"}) {
                TestKeys.Signer signer = TestKeys.signer(name);
                VerifierKey key = signer.key();

                assertThat(HexFormat.of().formatHex(key.keyId()))
                        .isEqualTo(independentKeyId(name, key.publicKey()));
                assertThat(key.keyId()).hasSize(4);
            }
        }

        @Test
        void theTextIsTheNameTheKeyIdAndTheAlgorithmByteWithTheKeyInBase64() throws Exception {
            VerifierKey key = TestKeys.signer("samhandling.trondelag.no/ledger").key();

            assertThat(key.text()).isEqualTo("samhandling.trondelag.no/ledger+"
                    + independentKeyId(key.name(), key.publicKey()) + "+" + base64Key(0x01, key.publicKey()));
            assertThat(key).hasToString(key.text());
        }

        @Test
        void parsingTheTextGivesTheSameKey() throws ProofException {
            for (int i = 0; i < 20; i++) {
                VerifierKey key = TestKeys.signer("samhandling.trondelag.no/ledger").key();

                VerifierKey parsed = VerifierKey.parse(key.text());

                assertThat(parsed).isEqualTo(key);
                assertThat(parsed.keyId()).isEqualTo(key.keyId());
                assertThat(parsed.text()).isEqualTo(key.text());
            }
        }

        /** '+' is a character of base64: the text splits at its first two plus signs only, as C2SP notes do. */
        @Test
        void parsingAKeyWhoseBase64HoldsAPlusSignGivesTheSameKey() throws ProofException {
            byte[] raw = new byte[32];
            Arrays.fill(raw, (byte) 0xFB);
            VerifierKey key = VerifierKey.of("samhandling.trondelag.no/ledger", raw);
            VerifierKey fresh = TestKeys.signerWithPlusInBase64("samhandling.trondelag.no/ledger").key();
            assertThat(base64Key(0x01, raw)).as("precondition: the base64 holds a plus sign").contains("+");

            assertThat(VerifierKey.parse(key.text())).isEqualTo(key);
            assertThat(VerifierKey.parse(fresh.text())).isEqualTo(fresh);
            assertThat(VerifierKey.parse(fresh.text()).keyId()).isEqualTo(fresh.keyId());
        }

        @Test
        void surroundingWhitespaceOfAKeyFileIsIgnored() throws ProofException {
            VerifierKey key = VerifierKey.parse(PETER_NEUMANN);

            assertThat(VerifierKey.parse("  " + PETER_NEUMANN + "\n")).isEqualTo(key);
            assertThat(VerifierKey.parse(PETER_NEUMANN + "\r\n")).isEqualTo(key);
        }

        @Test
        void theRawKeyOfAJdkKeyIsTheThirtyTwoBytesAfterItsX509Header() {
            PublicKey publicKey = TestKeys.ed25519().getPublic();
            byte[] encoded = publicKey.getEncoded();

            assertThat(VerifierKey.raw(publicKey))
                    .isEqualTo(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length))
                    .hasSize(32);
        }

        @Test
        void keysAreEqualByNameAndKey() throws ProofException {
            VerifierKey key = VerifierKey.parse(PETER_NEUMANN);

            assertThat(VerifierKey.of("PeterNeumann", key.publicKey())).isEqualTo(key).hasSameHashCodeAs(key);
            assertThat(VerifierKey.of("PaulNeumann", key.publicKey())).isNotEqualTo(key);
            assertThat(VerifierKey.of("PeterNeumann", new byte[32])).isNotEqualTo(key);
        }
    }

    @Nested
    class Refused {

        private final byte[] raw = Arrays.copyOfRange(
                Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33);

        @Test
        void aWrongKeyId() {
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(ProofException.class).hasMessageContaining("does not match");
            assertThatThrownBy(() -> VerifierKey.parse("PaulNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(ProofException.class).hasMessageContaining("does not match");
        }

        @ParameterizedTest
        @ValueSource(strings = {"c74f20a", "c74f20a30", "c74f20ag", "", "0xc74f20"})
        void aKeyIdThatIsNotEightHexadecimalDigits(String keyId) {
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+" + keyId
                    + "+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isInstanceOf(ProofException.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {0x00, 0x02, 0x04, 0xFF})
        void aKeyOfAnotherAlgorithm(int algorithm) throws Exception {
            String text = "PeterNeumann+" + independentKeyId("PeterNeumann", raw) + "+" + base64Key(algorithm, raw);

            assertThatThrownBy(() -> VerifierKey.parse(text)).isInstanceOf(ProofException.class)
                    .hasMessageContaining("not an Ed25519 key");
        }

        @Test
        void aKeyOfTheWrongLength() throws Exception {
            byte[] shorter = Arrays.copyOf(raw, 31);
            byte[] longer = Arrays.copyOf(raw, 33);

            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+" + independentKeyId("PeterNeumann", shorter)
                    + "+" + base64Key(0x01, shorter))).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+" + independentKeyId("PeterNeumann", longer)
                    + "+" + base64Key(0x01, longer))).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> VerifierKey.of("PeterNeumann", shorter))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T!", "not base64 at all", "A=Rpc",
                "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW"})
        void aKeyThatIsNotBase64(String base64) {
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a3+" + base64))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void aTextWithoutItsThreeParts() {
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a3")).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> VerifierKey.parse("")).isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> VerifierKey.parse("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(ProofException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Peter+Neumann", "Peter Neumann", "Peter\tNeumann", "Peter\u00a0Neumann", ""})
        void aNameWithAPlusSignOrASpace(String name) throws Exception {
            String text = name + "+" + independentKeyId(name, raw) + "+" + base64Key(0x01, raw);

            assertThatThrownBy(() -> VerifierKey.of(name, raw)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VerifierKey.parse(text)).isInstanceOf(ProofException.class);
        }

        @Test
        void theRawKeyOfAKeyThatIsNotEd25519() throws Exception {
            PublicKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

            assertThatThrownBy(() -> VerifierKey.raw(ec)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
