package no.trondelag.samhandling.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key of a signed note, in the C2SP signed-note verifier key encoding:
 * {@code <name>+<key ID, 8 hexadecimal digits>+<base64 of 0x01 and the 32-byte key>}. The key ID is the first four
 * bytes of SHA-256 over the name, a line feed, the algorithm byte 0x01 and the key.
 *
 * @param name      the key's name, which signature lines repeat
 * @param keyId     the key ID, four bytes
 * @param publicKey the raw 32-byte Ed25519 public key
 */
public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

    /** The algorithm byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * The verifier key of a named Ed25519 public key.
     *
     * @param name      the key's name: no spaces and no plus sign
     * @param publicKey the raw 32-byte public key
     * @return the key
     */
    public static VerifierKey of(String name, byte[] publicKey) {
        if (!validName(name)) {
            throw new IllegalArgumentException("A key name cannot be empty or hold spaces or a plus sign: " + name);
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        return new VerifierKey(name, keyId(name, publicKey), publicKey.clone());
    }

    /**
     * The raw 32-byte key of a JDK Ed25519 public key.
     *
     * @param key the key
     * @return its 32 bytes
     */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(encoded, X509_PREFIX.length), X509_PREFIX)) {
            throw new IllegalArgumentException("Not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /**
     * Reads a verifier key.
     *
     * @param text the key's text
     * @return the key
     * @throws ProofException when the text is not an Ed25519 verifier key, or its key ID does not match its key
     */
    public static VerifierKey parse(String text) throws ProofException {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3 || !validName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new ProofException("not a verifier key: expected <name>+<8 hexadecimal digits>+<base64 key>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the verifier key's key is not base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new ProofException("the verifier key is not an Ed25519 key");
        }
        VerifierKey parsed = of(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (!HexFormat.of().formatHex(parsed.keyId).equals(parts[1])) {
            throw new ProofException("the verifier key's ID " + parts[1] + " does not match its name and key");
        }
        return parsed;
    }

    /**
     * The key as text.
     *
     * @return {@code <name>+<key ID>+<base64 key>}
     */
    public String text() {
        byte[] key = new byte[33];
        key[0] = ED25519;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The key for the JDK's Ed25519 signature.
     *
     * @return the public key
     */
    PublicKey jdkKey() {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519", e);
        }
    }

    static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+'
                || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest digest = ChainHashes.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        digest.update(publicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key && name.equals(key.name) && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return text();
    }
}
