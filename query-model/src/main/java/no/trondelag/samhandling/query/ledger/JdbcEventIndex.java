package no.trondelag.samhandling.query.ledger;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link EventIndex} of Axon's JDBC event store: the {@code globalIndex} of the row with the event's unique
 * identifier.
 */
public class JdbcEventIndex implements EventIndex {

    private final JdbcTemplate jdbc;

    /**
     * Creates the index.
     *
     * @param jdbc the event store's database
     */
    public JdbcEventIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong globalIndexOf(String eventIdentifier) {
        List<Long> positions = jdbc.queryForList(
                "SELECT globalIndex FROM domainevententry WHERE eventIdentifier = ?", Long.class, eventIdentifier);
        return positions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(positions.get(0));
    }
}
