package no.trondelag.samhandling.app.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the global index the event store gave each appended event. The index is assigned by the database as the
 * events are inserted, so it is read back after the command's transaction has committed.
 */
@Component
public class EventPositions {

    private final NamedParameterJdbcTemplate jdbc;

    EventPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The global index of each event.
     *
     * @param eventIds event identifiers
     * @return the global index by event identifier
     */
    public Map<String, Long> globalIndexes(List<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query("SELECT eventIdentifier, globalIndex FROM domainevententry WHERE eventIdentifier IN (:ids)",
                    Map.of("ids", eventIds),
                    row -> {
                        positions.put(row.getString(1), row.getLong(2));
                    });
        }
        return positions;
    }
}
