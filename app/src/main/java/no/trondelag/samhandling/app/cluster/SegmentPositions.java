package no.trondelag.samhandling.app.cluster;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each segment of a streaming processor stands, on whichever node: the shared token store says it for every
 * segment (as of the holder's last stored token), and this node's processor says it, as it is now, for the segments
 * it holds.
 */
public class SegmentPositions {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;

    /**
     * Creates the view on the segments.
     *
     * @param jdbc            the database of the token store
     * @param tokenSerializer the serializer of the token store
     * @param eventProcessing Axon's processors, once configured
     */
    public SegmentPositions(JdbcTemplate jdbc, Serializer tokenSerializer,
                            ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.eventProcessing = eventProcessing;
    }

    /**
     * Every segment of a processor as the shared token store has it.
     *
     * @param processingGroup the processor
     * @return each segment with the node holding it and its stored position, by segment id
     */
    public List<Claim> claims(String processingGroup) {
        return jdbc.query("SELECT segment, owner, token, tokenType FROM tokenentry WHERE processorName = ? "
                        + "ORDER BY segment", (row, index) -> new Claim(row.getInt(1), row.getString(2),
                        positionOf(row.getBytes(3), row.getString(4))), processingGroup);
    }

    private long positionOf(byte[] token, String tokenType) {
        TrackingToken tracking = tokenOf(token, tokenType);
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private TrackingToken tokenOf(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }

    /**
     * A segment as the shared token store has it.
     *
     * @param segment  the segment id
     * @param owner    the id of the node holding it, or {@code null} when no node does
     * @param position its position, -1 before the first event
     */
    public record Claim(int segment, String owner, long position) {
    }
}
