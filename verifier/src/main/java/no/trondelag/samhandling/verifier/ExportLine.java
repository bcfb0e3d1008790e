package no.trondelag.samhandling.verifier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One line of an export of the ledger ({@code application/x-ndjson}): a stored event as a flat JSON object with
 * string and number values only, its payload and metadata in base64, and its link of the chain as the ledger
 * recorded it. An event in a gap the chain passed as empty has no link, so no {@code eventHash} or
 * {@code chainHash}. Absent values ({@code payloadRevision}, {@code metaData}) are left out. The format is written
 * and read here only, with a mapper of its own, so that HTTP settings never change it.
 *
 * @param position        the global index
 * @param eventId         the event identifier
 * @param aggregateId     the aggregate identifier
 * @param sequence        the sequence number within the aggregate
 * @param payloadType     the payload type
 * @param payloadRevision the payload revision, or {@code null}
 * @param timestamp       the stored timestamp text
 * @param payload         the serialized payload, base64
 * @param metaData        the serialized metadata, base64, or {@code null}
 * @param eventHash       the event hash the ledger chained, hexadecimal, or {@code null}
 * @param chainHash       the chain hash the ledger recorded, hexadecimal, or {@code null}
 * @param leafIndex       the event's leaf in the ledger's Merkle tree, or {@code null} when the tree does not hold
 *                        it (the same events as have no link)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportLine(Long position, String eventId, String aggregateId, Long sequence, String payloadType,
                         String payloadRevision, String timestamp, String payload, String metaData,
                         String eventHash, String chainHash, Long leafIndex) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** The text fields, in the order of the record's components. */
    private static final List<String> TEXT_FIELDS = List.of("eventId", "aggregateId", "payloadType",
            "payloadRevision", "timestamp", "payload", "metaData", "eventHash", "chainHash");

    /**
     * The line for a stored event and its link.
     *
     * @param event the event as stored
     * @param link  its link, or {@code null} when it is not on the chain
     * @return the line
     */
    public static ExportLine of(StoredEvent event, ChainLink link) {
        return of(event, link, null);
    }

    /**
     * The line for a stored event, its link and its leaf.
     *
     * @param event     the event as stored
     * @param link      its link, or {@code null} when it is not on the chain
     * @param leafIndex its leaf in the Merkle tree, or {@code null} when the tree does not hold it
     * @return the line
     */
    public static ExportLine of(StoredEvent event, ChainLink link, Long leafIndex) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new ExportLine(event.position(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), event.timeStamp(),
                base64.encodeToString(event.payload()),
                event.metaData() == null ? null : base64.encodeToString(event.metaData()),
                link == null ? null : link.eventHash().hex(), link == null ? null : link.chainHash().hex(),
                leafIndex);
    }

    /**
     * Reads a line.
     *
     * @param json the line's text
     * @return the line
     * @throws IllegalArgumentException naming what is wrong when the text is not a line of an export
     */
    public static ExportLine read(String json) {
        ExportLine line;
        try (JsonParser parser = FACTORY.createParser(json)) {
            line = parse(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of an export: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object of an export: " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        for (String[] field : new String[][] {{"position", text(line.position)}, {"eventId", line.eventId},
                {"aggregateId", line.aggregateId}, {"sequence", text(line.sequence)},
                {"payloadType", line.payloadType}, {"timestamp", line.timestamp}, {"payload", line.payload}}) {
            if (field[1] == null) {
                missing.add(field[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        if ((line.eventHash == null) != (line.chainHash == null)) {
            throw new IllegalArgumentException("eventHash and chainHash come together or not at all");
        }
        if (line.eventHash != null && !(Hash.isHex(line.eventHash) && Hash.isHex(line.chainHash))) {
            throw new IllegalArgumentException("eventHash and chainHash must be 64 hexadecimal digits");
        }
        if (line.leafIndex != null && line.leafIndex < 0) {
            throw new IllegalArgumentException("leafIndex cannot be negative");
        }
        line.storedEvent();
        return line;
    }

    /** Reads the fields one by one with Jackson's streaming parser: the verifier reads a million lines at a time. */
    private static ExportLine parse(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("not a JSON object of an export");
        }
        Long position = null;
        Long sequence = null;
        Long leafIndex = null;
        String[] texts = new String[TEXT_FIELDS.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "position" -> position = whole(parser, value, name);
                case "sequence" -> sequence = whole(parser, value, name);
                case "leafIndex" -> leafIndex = whole(parser, value, name);
                default -> {
                    int field = TEXT_FIELDS.indexOf(name);
                    if (field < 0) {
                        throw new IllegalArgumentException("not a field of an export line: " + name);
                    }
                    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                        throw new IllegalArgumentException(name + " must be text");
                    }
                    texts[field] = value == JsonToken.VALUE_NULL ? null : parser.getText();
                }
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw new IllegalArgumentException("not a JSON object of an export: content after the object");
        }
        return new ExportLine(position, texts[0], texts[1], sequence, texts[2], texts[3], texts[4], texts[5],
                texts[6], texts[7], texts[8], leafIndex);
    }

    private static Long whole(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return parser.getLongValue();
    }

    /**
     * The line as JSON text, without a line break.
     *
     * @return the text
     */
    public String write() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An export line is always writable", e);
        }
    }

    /**
     * The stored event the line holds.
     *
     * @return the event, its payload and metadata decoded
     * @throws IllegalArgumentException when the payload or metadata is not base64
     */
    public StoredEvent storedEvent() {
        Base64.Decoder base64 = Base64.getDecoder();
        return new StoredEvent(position, eventId, aggregateId, sequence, payloadType, payloadRevision,
                base64.decode(payload), metaData == null ? null : base64.decode(metaData), timestamp);
    }

    /**
     * The link the ledger recorded for the event.
     *
     * @return the link, or empty when the event was not on the chain
     */
    public Optional<ChainLink> link() {
        return eventHash == null ? Optional.empty()
                : Optional.of(new ChainLink(position, Hash.fromHex(eventHash), Hash.fromHex(chainHash)));
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
