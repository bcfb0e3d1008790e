package no.trondelag.samhandling.verifier;

/**
 * One row of the event store as it is stored: the fields the chain covers, exactly as Axon's JDBC storage engine
 * wrote them. The byte arrays are the serialized payload and metadata; they are not copied, so a caller must not
 * change them.
 *
 * @param position            the global index
 * @param eventIdentifier     the event's identifier
 * @param aggregateIdentifier the aggregate the event belongs to
 * @param sequenceNumber      the event's sequence number within its aggregate
 * @param payloadType         the payload's type name
 * @param payloadRevision     the payload's revision, or {@code null}
 * @param payload             the serialized payload
 * @param metaData            the serialized metadata, or {@code null}
 * @param timeStamp           the event's timestamp, as the stored text
 */
public record StoredEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                          String timeStamp) {
}
