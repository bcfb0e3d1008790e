package no.trondelag.samhandling.verifier;

import java.security.MessageDigest;

/**
 * The hashes of the ledger's Merkle tree, as RFC 6962 §2.1 (RFC 9162 §2.1.1) defines them: SHA-256, a leaf hashed
 * with the prefix byte 0x00, an interior node with 0x01, so that no leaf can pass for a node.
 *
 * <p>The leaf input of an event is 64 bytes: SHA-256 over the event as stored without its metadata (the fields of
 * {@link ChainHashes#eventHash}, in the same encoding, the metadata left out) followed by SHA-256 over the metadata
 * bytes (over no bytes when it has none). Every stored field is covered, and a public proof can carry the metadata's
 * hash instead of the metadata, which names who recorded the event and is for auditors only.
 */
public final class MerkleHashes {

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static final Hash EMPTY_ROOT = Hash.of(ChainHashes.sha256().digest());

    private MerkleHashes() {
    }

    /**
     * The leaf hash of a stored event.
     *
     * @param event the event as stored
     * @return its leaf hash
     */
    public static Hash eventLeaf(StoredEvent event) {
        return eventLeaf(ChainHashes.contentHash(event), metaDataHash(event.metaData()));
    }

    /**
     * The leaf hash of an event from the hash of its content and the hash of its metadata.
     *
     * @param contentHash  SHA-256 over the event without its metadata ({@link ChainHashes#contentHash})
     * @param metaDataHash SHA-256 over its metadata ({@link #metaDataHash})
     * @return its leaf hash
     */
    public static Hash eventLeaf(Hash contentHash, Hash metaDataHash) {
        MessageDigest digest = ChainHashes.sha256();
        digest.update((byte) 0x00);
        digest.update(contentHash.unsafeBytes());
        digest.update(metaDataHash.unsafeBytes());
        return Hash.of(digest.digest());
    }

    /**
     * The hash of an event's metadata as the leaf covers it.
     *
     * @param metaData the serialized metadata, or {@code null}
     * @return SHA-256 over it, or over no bytes when there is none
     */
    public static Hash metaDataHash(byte[] metaData) {
        return Hash.of(ChainHashes.sha256().digest(metaData == null ? new byte[0] : metaData));
    }

    /**
     * The RFC 6962 leaf hash of any leaf input.
     *
     * @param input the leaf's bytes
     * @return SHA-256 over 0x00 and the bytes
     */
    public static Hash leaf(byte[] input) {
        MessageDigest digest = ChainHashes.sha256();
        digest.update((byte) 0x00);
        digest.update(input);
        return Hash.of(digest.digest());
    }

    /**
     * The hash of an interior node.
     *
     * @param left  the left child's hash
     * @param right the right child's hash
     * @return SHA-256 over 0x01 and the two hashes
     */
    public static Hash node(Hash left, Hash right) {
        MessageDigest digest = ChainHashes.sha256();
        digest.update((byte) 0x01);
        digest.update(left.unsafeBytes());
        digest.update(right.unsafeBytes());
        return Hash.of(digest.digest());
    }
}
