package no.trondelag.samhandling.verifier;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An event as a proof carries it: every field as stored, its payload in base64, and the hash of its metadata in
 * place of the metadata, which names who recorded the event and is sent only to those who may read the export. From
 * these the verifier recomputes the event's leaf hash itself ({@link MerkleHashes#eventLeaf}); when the metadata is
 * there too, its hash must match.
 *
 * @param position        the global index
 * @param eventId         the event identifier
 * @param aggregateId     the aggregate identifier
 * @param sequence        the sequence number within the aggregate
 * @param payloadType     the payload type
 * @param payloadRevision the payload revision, or {@code null}
 * @param timestamp       the stored timestamp text
 * @param payload         the serialized payload, base64
 * @param metaDataHash    SHA-256 over the serialized metadata, hexadecimal
 * @param metaData        the serialized metadata, base64, or {@code null} when the reader may not see it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvenEvent(Long position, String eventId, String aggregateId, Long sequence, String payloadType,
                          String payloadRevision, String timestamp, String payload, String metaDataHash,
                          String metaData) {

    /**
     * The event as a proof carries it.
     *
     * @param event        the event as stored
     * @param withMetaData whether its metadata goes along
     * @return the event
     */
    public static ProvenEvent of(StoredEvent event, boolean withMetaData) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new ProvenEvent(event.position(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), event.timeStamp(),
                base64.encodeToString(event.payload()), MerkleHashes.metaDataHash(event.metaData()).hex(),
                withMetaData && event.metaData() != null ? base64.encodeToString(event.metaData()) : null);
    }

    /**
     * Recomputes the event's leaf hash from its fields.
     *
     * @return the leaf hash
     * @throws ProofException when a field is missing or unreadable, or the metadata does not match its hash
     */
    public Hash leafHash() throws ProofException {
        List<String> missing = new ArrayList<>();
        String[][] required = {{"position", position == null ? null : ""}, {"eventId", eventId},
                {"aggregateId", aggregateId}, {"sequence", sequence == null ? null : ""},
                {"payloadType", payloadType}, {"timestamp", timestamp}, {"payload", payload},
                {"metaDataHash", metaDataHash}};
        for (String[] field : required) {
            if (field[1] == null) {
                missing.add(field[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProofException("the event lacks " + String.join(", ", missing));
        }
        if (!Hash.isHex(metaDataHash)) {
            throw new ProofException("the event's metaDataHash is not 64 hexadecimal digits");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] payloadBytes;
        byte[] metaDataBytes = null;
        try {
            payloadBytes = base64.decode(payload);
            if (metaData != null) {
                metaDataBytes = base64.decode(metaData);
            }
        } catch (IllegalArgumentException e) {
            throw new ProofException("the event's payload or metadata is not base64");
        }
        Hash metaDataHashed = Hash.fromHex(metaDataHash);
        if (metaData != null && !MerkleHashes.metaDataHash(metaDataBytes).equals(metaDataHashed)) {
            throw new ProofException("the event's metadata does not match its metaDataHash");
        }
        StoredEvent content = new StoredEvent(position, eventId, aggregateId, sequence, payloadType, payloadRevision,
                payloadBytes, null, timestamp);
        return MerkleHashes.eventLeaf(ChainHashes.contentHash(content), metaDataHashed);
    }
}
