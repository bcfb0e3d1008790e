package no.trondelag.samhandling.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Fresh Ed25519 signing keys from the JDK, for the verifier's tests.
 */
final class TestKeys {

    private TestKeys() {
    }

    /**
     * A signing key and its verifier key.
     *
     * @param key       the verifier key, named
     * @param signer    the private key
     * @param publicKey the JDK's public key
     */
    record Signer(VerifierKey key, PrivateKey signer, PublicKey publicKey) {

        /**
         * Signs a text as a note.
         *
         * @param text the note's text
         * @return the signed note
         */
        String sign(String text) {
            return SignedNote.sign(text, key, signer);
        }

        /**
         * Signs any text as a note, without {@link SignedNote#sign}'s check that it is well formed: for notes that
         * are validly signed but malformed inside.
         *
         * @param text the note's text
         * @return the text, a blank line and the signature line
         */
        String signAnyText(String text) {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(signer);
                ed25519.update(text.getBytes(StandardCharsets.UTF_8));
                byte[] signature = ed25519.sign();
                byte[] line = Arrays.copyOf(key.keyId(), 4 + signature.length);
                System.arraycopy(signature, 0, line, 4, signature.length);
                return text + "\n\u2014 " + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A new key pair.
     *
     * @return the pair
     */
    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519", e);
        }
    }

    /**
     * A new named signing key.
     *
     * @param name the key's name
     * @return the key
     */
    static Signer signer(String name) {
        KeyPair pair = ed25519();
        return new Signer(VerifierKey.of(name, VerifierKey.raw(pair.getPublic())), pair.getPrivate(), pair.getPublic());
    }

    /**
     * A new named signing key whose verifier key text holds a plus sign in its base64 as well as the two that
     * separate its parts, as about half of all keys do: the case a parser splitting at every plus sign gets wrong.
     *
     * @param name the key's name
     * @return the key
     */
    static Signer signerWithPlusInBase64(String name) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Signer signer = signer(name);
            if (signer.key().text().chars().filter(c -> c == '+').count() > 2) {
                return signer;
            }
        }
        throw new IllegalStateException("No key with a plus sign in its base64 in 1000 attempts");
    }
}
