package no.trondelag.samhandling.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * How an event and a link of the chain are hashed; the one definition used by the ledger and by offline
 * verification alike.
 *
 * <p>An event's hash is SHA-256 over its fields in a fixed order, each written as a 4-byte big-endian length followed
 * by its bytes: the event identifier, the aggregate identifier, the sequence number (8 bytes, big-endian), the
 * payload type, the payload revision (empty when absent), the payload, the metadata (empty when absent) and the
 * timestamp text. Texts are UTF-8. The length prefixes keep two different events from running together into the
 * same bytes.
 *
 * <p>A link's chain hash is SHA-256 over the previous link's chain hash (32 bytes; {@link Hash#ZERO} before the
 * first event), the link's position (8 bytes, big-endian) and the event's hash (32 bytes).
 */
public final class ChainHashes {

    private ChainHashes() {
    }

    /**
     * The hash of a stored event.
     *
     * @param event the event as stored
     * @return its hash
     */
    public static Hash eventHash(StoredEvent event) {
        return Hash.of(sha256().digest(fields(event, true)));
    }

    /**
     * The hash of a stored event without its metadata: SHA-256 over the same fields as {@link #eventHash}, in the
     * same encoding, with the metadata left out. Half of the event's leaf input in the Merkle tree
     * ({@link MerkleHashes#eventLeaf}).
     *
     * @param event the event as stored
     * @return the hash of its content
     */
    public static Hash contentHash(StoredEvent event) {
        return Hash.of(sha256().digest(fields(event, false)));
    }

    /**
     * The chain hash of a link.
     *
     * @param previous  the chain hash of the link before, or {@link Hash#ZERO} for the first
     * @param position  the link's position
     * @param eventHash the hash of the event at that position
     * @return the link's chain hash
     */
    public static Hash chainHash(Hash previous, long position, Hash eventHash) {
        MessageDigest digest = sha256();
        digest.update(previous.unsafeBytes());
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
        digest.update(eventHash.unsafeBytes());
        return Hash.of(digest.digest());
    }

    /**
     * The links of a chain over events, as the ledger records them.
     *
     * @param previous the chain hash before the first of them: {@link Hash#ZERO} at the start of the ledger
     * @param events   the events, in position order
     * @return a link per event
     */
    public static List<ChainLink> links(Hash previous, List<StoredEvent> events) {
        List<ChainLink> links = new ArrayList<>(events.size());
        Hash chain = previous;
        for (StoredEvent event : events) {
            Hash eventHash = eventHash(event);
            chain = chainHash(chain, event.position(), eventHash);
            links.add(new ChainLink(event.position(), eventHash, chain));
        }
        return links;
    }

    private static byte[] fields(StoredEvent event, boolean withMetaData) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        field(fields, text(event.eventIdentifier()));
        field(fields, text(event.aggregateIdentifier()));
        field(fields, ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(fields, text(event.payloadType()));
        field(fields, text(event.payloadRevision() == null ? "" : event.payloadRevision()));
        field(fields, event.payload());
        if (withMetaData) {
            field(fields, event.metaData() == null ? new byte[0] : event.metaData());
        }
        field(fields, text(event.timeStamp()));
        return fields.toByteArray();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream fields, byte[] value) {
        fields.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        fields.writeBytes(value);
    }

    /**
     * A new SHA-256 digest.
     *
     * @return the digest
     */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
