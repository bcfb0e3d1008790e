package no.trondelag.samhandling.query.integrity;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store itself: the rows of Axon's table {@code domainevententry}, read as they are stored, never
 * upcast or deserialized.
 */
public class JdbcEventSource implements EventSource {

    private final JdbcTemplate jdbc;

    /**
     * Creates the source.
     *
     * @param jdbc the database holding the event store
     */
    public JdbcEventSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return jdbc.query("SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType, "
                        + "payloadRevision, payload, metaData, timeStamp FROM domainevententry "
                        + "WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST ? ROWS ONLY",
                (row, index) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getString(5), row.getString(6), row.getBytes(7), row.getBytes(8), row.getString(9)),
                position, limit);
    }
}
