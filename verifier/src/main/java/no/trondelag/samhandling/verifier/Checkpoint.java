package no.trondelag.samhandling.verifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A checkpoint of the ledger's Merkle tree, the text of a signed note in the C2SP tlog-checkpoint format: the log's
 * origin, the tree size in decimal and the root hash in base64, each on a line, then one extension line
 * {@code time <ISO instant>} saying when the ledger signed it.
 *
 * @param origin   the log's name: the same as its signing key's name
 * @param size     the number of leaves
 * @param rootHash the root hash of the tree of that size
 * @param time     when the checkpoint was signed
 */
public record Checkpoint(String origin, long size, Hash rootHash, Instant time) {

    private static final String TIME = "time ";

    /**
     * The checkpoint's text, to be signed.
     *
     * @return the four lines, each ending in a line feed
     */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash.bytes()) + "\n" + TIME
                + time + "\n";
    }

    /**
     * Reads a signed checkpoint, after verifying its signature by a key.
     *
     * @param note the signed note
     * @param key  the ledger's verifier key; its name must be the checkpoint's origin
     * @return the checkpoint
     * @throws ProofException when the signature does not hold or the text is not a checkpoint of this log
     */
    public static Checkpoint verify(String note, VerifierKey key) throws ProofException {
        String text = SignedNote.verify(note, key);
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new ProofException("not a checkpoint: expected an origin, a tree size and a root hash");
        }
        if (!lines[0].equals(key.name())) {
            throw new ProofException("the checkpoint is of the log " + lines[0] + ", not of " + key.name());
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new ProofException("the checkpoint's tree size is not a decimal number: " + lines[1]);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException tooLarge) {
            throw new ProofException("the checkpoint's tree size " + lines[1] + " is larger than any log can be");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the checkpoint's root hash is not base64");
        }
        if (root.length != Hash.LENGTH) {
            throw new ProofException("the checkpoint's root hash has " + root.length + " bytes, not 32");
        }
        Instant time = null;
        for (int i = 3; i < lines.length - 1; i++) {
            if (lines[i].startsWith(TIME)) {
                try {
                    time = Instant.parse(lines[i].substring(TIME.length()));
                } catch (DateTimeParseException e) {
                    throw new ProofException("the checkpoint's time is not an ISO instant: " + lines[i]);
                }
            }
        }
        return new Checkpoint(lines[0], size, Hash.of(root), time);
    }
}
