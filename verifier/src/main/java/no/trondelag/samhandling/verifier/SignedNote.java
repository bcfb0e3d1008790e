package no.trondelag.samhandling.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signed note in the C2SP signed-note format: a text ending in a line feed, a blank line, and one or more
 * signature lines {@code — <key name> <base64 of the 4-byte key ID and the signature>}. An Ed25519 signature is
 * over the text's UTF-8 bytes, its final line feed included.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private SignedNote() {
    }

    /**
     * Signs a text.
     *
     * @param text the note's text: lines, each ending in a line feed, none empty
     * @param key  the signer's verifier key, which names it
     * @param signer the matching Ed25519 private key
     * @return the signed note
     */
    public static String sign(String text, VerifierKey key, PrivateKey signer) {
        if (!text.endsWith("\n") || text.contains("\n\n") || text.startsWith("\n")) {
            throw new IllegalArgumentException("A note's text is non-empty lines, each ending in a line feed");
        }
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signer);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with an Ed25519 key: " + e.getMessage(), e);
        }
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(key.keyId(), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * Verifies a note's signature by a key and answers its text. Signature lines by other keys are ignored, as the
     * format asks; at least one must be by this key and valid.
     *
     * @param note the signed note
     * @param key  the key that must have signed it
     * @return the note's text, its final line feed included
     * @throws ProofException when the note is malformed, or not validly signed by the key
     */
    public static String verify(String note, VerifierKey key) throws ProofException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new ProofException("not a signed note: no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        if (split + 2 >= note.length()) {
            throw new ProofException("not a signed note: it has no signature line");
        }
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        boolean byKey = false;
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new ProofException("not a signed note: a signature line must start with an em dash and a "
                        + "space");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new ProofException("not a signed note: a signature line is a key name and a signature");
            }
            if (!parts[0].equals(key.name())) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new ProofException("a signature by " + key.name() + " is not base64");
            }
            if (signature.length < 4 || !Arrays.equals(Arrays.copyOf(signature, 4), key.keyId())) {
                continue;
            }
            if (signature.length != 4 + ED25519_SIGNATURE_LENGTH) {
                throw new ProofException("a signature by " + key.name() + " has " + (signature.length - 4)
                        + " bytes, not the 64 of an Ed25519 signature");
            }
            byKey = true;
            if (validSignature(text, Arrays.copyOfRange(signature, 4, signature.length), key)) {
                return text;
            }
        }
        throw new ProofException(byKey ? "the signature by " + key.name() + " does not match the note's text"
                : "the note is not signed by the key " + key.text());
    }

    private static boolean validSignature(String text, byte[] signature, VerifierKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key.jdkKey());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException malformedSignature) {
            return false;
        }
    }
}
