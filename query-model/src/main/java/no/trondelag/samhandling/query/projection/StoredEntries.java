package no.trondelag.samhandling.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * Events kept whole in a projection's table, to be shown as {@link HistoryEntry timeline entries}: the columns
 * {@link #COLUMNS} beside a table's own, written by {@link #columns} and read by {@link #entry}. The event is kept
 * as JSON of its current revision; a new revision of an event is a new version of the projections that keep it.
 */
public final class StoredEntries {

    /** The columns of a kept event, for {@link ProjectionTables#bitemporal}. */
    public static final String COLUMNS = "event_type VARCHAR(200) NOT NULL, actor VARCHAR(400), "
            + "authority VARCHAR(4000), payload_type VARCHAR(400) NOT NULL, payload VARCHAR(1000000) NOT NULL";

    private final ObjectMapper json;

    /**
     * Creates the codec.
     *
     * @param json the mapper events are written with, as in the event store
     */
    public StoredEntries(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The values of {@link #COLUMNS} for an event.
     *
     * @param event   the event
     * @param message its message, which names the actor
     * @return the values, in the order of the columns
     */
    public Object[] columns(LedgerEvent event, EventMessage<?> message) {
        Object actor = message.getMetaData().get("actor");
        Authority authority = event instanceof CitesAuthority cites ? cites.authority() : null;
        return new Object[] {event.getClass().getSimpleName(), actor == null ? null : actor.toString(),
                authority == null ? null : write(authority), event.getClass().getName(), write(event)};
    }

    /**
     * The entry in the current row of a result holding {@link #COLUMNS} and the bitemporal columns.
     *
     * @param row the result, at the row
     * @return the entry
     * @throws SQLException when the row cannot be read
     */
    public HistoryEntry entry(ResultSet row) throws SQLException {
        String authority = row.getString("authority");
        return new HistoryEntry(row.getLong("position"), Recorded.instant(row.getLong("recorded_at")),
                row.getObject("effective_on", LocalDate.class), row.getString("event_type"), row.getString("actor"),
                authority == null ? null : read(authority, Authority.class),
                (LedgerEvent) read(row.getString("payload"), eventType(row.getString("payload_type"))));
    }

    private static Class<?> eventType(String name) {
        try {
            Class<?> type = Class.forName(name);
            if (!LedgerEvent.class.isAssignableFrom(type)) {
                throw new IllegalStateException(name + " is not an event of the ledger");
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A projection keeps an event of an unknown type " + name
                    + "; rebuild it", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a kept " + type.getSimpleName(), e);
        }
    }
}
