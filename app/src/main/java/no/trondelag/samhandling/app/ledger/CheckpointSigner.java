package no.trondelag.samhandling.app.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import no.trondelag.samhandling.verifier.Checkpoint;
import no.trondelag.samhandling.verifier.ProofException;
import no.trondelag.samhandling.verifier.SignedNote;
import no.trondelag.samhandling.verifier.VerifierKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The ledger's Ed25519 signing key for checkpoints, kept as a signed-note private key: {@code PRIVATE+KEY+<name>+<key
 * ID>+<base64 of 0x01 and the 32-byte seed>}, the key's name being the log's origin. Its public half is the
 * {@link VerifierKey} auditors check checkpoints with.
 */
public final class CheckpointSigner {

    private static final String PREFIX = "PRIVATE+KEY+";
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final byte[] seed;
    private final VerifierKey verifierKey;
    private final PrivateKey privateKey;

    private CheckpointSigner(String name, byte[] seed) {
        this.seed = seed.clone();
        this.verifierKey = VerifierKey.of(name, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey()
                .getEncoded());
        byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, seed.length);
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519", e);
        }
    }

    /**
     * A new key.
     *
     * @param name the key's name: the log's origin
     * @return the key
     */
    public static CheckpointSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new CheckpointSigner(name, seed);
    }

    /**
     * Reads a key.
     *
     * @param text {@code PRIVATE+KEY+<name>+<key ID>+<base64 key>}
     * @return the key
     * @throws IllegalArgumentException naming what is wrong when the text is not such a key
     */
    public static CheckpointSigner parse(String text) {
        String key = text.strip();
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A signing key starts with " + PREFIX);
        }
        String[] parts = key.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A signing key is PRIVATE+KEY+<name>+<key ID>+<base64 key>");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signing key's key is not base64");
        }
        if (encoded.length != 33 || encoded[0] != 0x01) {
            throw new IllegalArgumentException("The signing key is not an Ed25519 key");
        }
        CheckpointSigner signer = new CheckpointSigner(parts[0], Arrays.copyOfRange(encoded, 1, 33));
        if (!HexFormat.of().formatHex(signer.verifierKey.keyId()).equals(parts[1])) {
            throw new IllegalArgumentException("The signing key's ID " + parts[1] + " does not match its name and key");
        }
        return signer;
    }

    /**
     * The key as text, to be kept secret.
     *
     * @return {@code PRIVATE+KEY+<name>+<key ID>+<base64 key>}
     */
    public String text() {
        byte[] encoded = new byte[33];
        encoded[0] = 0x01;
        System.arraycopy(seed, 0, encoded, 1, 32);
        return PREFIX + verifierKey.name() + "+" + HexFormat.of().formatHex(verifierKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(encoded);
    }

    /**
     * The public key auditors verify with.
     *
     * @return the verifier key
     */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /**
     * Signs a checkpoint, and checks the signature as an auditor would before it is served.
     *
     * @param checkpoint the checkpoint, its origin the key's name
     * @return the signed note
     */
    public String sign(Checkpoint checkpoint) {
        String note = SignedNote.sign(checkpoint.text(), verifierKey, privateKey);
        try {
            Checkpoint.verify(note, verifierKey);
        } catch (ProofException e) {
            throw new IllegalStateException("A checkpoint just signed does not verify: " + e.getMessage(), e);
        }
        return note;
    }

    @Override
    public String toString() {
        return "CheckpointSigner[" + verifierKey.text() + "]";
    }
}
