package no.trondelag.samhandling.query.ledger;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@link EventIndex} of Axon's JDBC event store: the {@code globalIndex} of the row with the event's unique
 * identifier.
 */
public class JdbcEventIndex implements EventIndex {

    private static final int LOOKUPS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    /**
     * Creates the index.
     *
     * @param jdbc the event store's database
     */
    public JdbcEventIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public OptionalLong globalIndexOf(String eventIdentifier) {
        List<Long> positions = jdbc.queryForList(
                "SELECT globalIndex FROM domainevententry WHERE eventIdentifier = ?", Long.class, eventIdentifier);
        return positions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(positions.get(0));
    }

    /**
     * Looks the events up in one query per {@value #LOOKUPS_PER_QUERY} identifiers.
     */
    @Override
    public Map<String, Long> globalIndexesOf(Collection<String> eventIdentifiers) {
        Map<String, Long> indexes = new HashMap<>();
        List<String> identifiers = List.copyOf(eventIdentifiers);
        for (int from = 0; from < identifiers.size(); from += LOOKUPS_PER_QUERY) {
            named.query("SELECT eventIdentifier, globalIndex FROM domainevententry WHERE eventIdentifier IN (:ids)",
                    Map.of("ids", identifiers.subList(from, Math.min(identifiers.size(), from + LOOKUPS_PER_QUERY))),
                    (ResultSet row) -> {
                        indexes.put(row.getString(1), row.getLong(2));
                    });
        }
        return indexes;
    }
}
