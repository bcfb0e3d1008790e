package no.trondelag.samhandling.command.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;

/**
 * {@link CommandLookups} in the same database as the event store, through Axon's {@link ConnectionProvider}, so
 * that lookups and events share one transaction. The tables are created by the application's migrations:
 * {@code lookup_id(kind, id)} and {@code lookup_participant(participant_id, kind, member, merged_away)}.
 */
public class JdbcCommandLookups implements CommandLookups {

    private final ConnectionProvider connectionProvider;

    /**
     * Creates lookups on the given connections.
     *
     * @param connectionProvider connections that take part in the current unit of work's transaction
     */
    public JdbcCommandLookups(ConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
    }

    @Override
    public boolean exists(IdKind kind, String id) {
        return query("SELECT 1 FROM lookup_id WHERE kind = ? AND id = ?", statement -> {
            statement.setString(1, kind.name());
            statement.setString(2, id);
        }, ResultSet::next);
    }

    @Override
    public void register(IdKind kind, String id) {
        update("INSERT INTO lookup_id (kind, id) VALUES (?, ?)", statement -> {
            statement.setString(1, kind.name());
            statement.setString(2, id);
        });
    }

    @Override
    public Optional<ParticipantStanding> participant(String participantId) {
        return query("SELECT kind, member, merged_away FROM lookup_participant WHERE participant_id = ?",
                statement -> statement.setString(1, participantId),
                rows -> rows.next()
                        ? Optional.of(new ParticipantStanding(participantId,
                        ParticipantKind.valueOf(rows.getString(1)), rows.getBoolean(2), rows.getBoolean(3)))
                        : Optional.empty());
    }

    @Override
    public void save(ParticipantStanding standing) {
        int updated = update("UPDATE lookup_participant SET kind = ?, member = ?, merged_away = ? "
                + "WHERE participant_id = ?", statement -> {
            statement.setString(1, standing.kind().name());
            statement.setBoolean(2, standing.member());
            statement.setBoolean(3, standing.mergedAway());
            statement.setString(4, standing.participantId());
        });
        if (updated == 0) {
            update("INSERT INTO lookup_participant (participant_id, kind, member, merged_away) VALUES (?, ?, ?, ?)",
                    statement -> {
                        statement.setString(1, standing.participantId());
                        statement.setString(2, standing.kind().name());
                        statement.setBoolean(3, standing.member());
                        statement.setBoolean(4, standing.mergedAway());
                    });
        }
    }

    private <R> R query(String sql, Binder binder, RowReader<R> reader) {
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new JdbcException("Command-side lookup failed: " + sql, e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException("Command-side lookup update failed: " + sql, e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<R> {
        R read(ResultSet rows) throws SQLException;
    }
}
