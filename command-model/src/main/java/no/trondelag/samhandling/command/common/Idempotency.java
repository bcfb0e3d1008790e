package no.trondelag.samhandling.command.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trondelag.samhandling.api.common.CommandOutcome.AppendedEvent;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes a command with an {@link CommandMetaData#IDEMPOTENCY_KEY} run at most once. The key, a hash of what was
 * sent, and the events the command appended are written in the same transaction as those events, so an
 * acknowledged command's key is never lost and a key is never stored for a command that did not commit. A retry
 * with the same key and request gets the first outcome and appends nothing; the same key with another request is
 * rejected. Only accepted commands store their key: a rejected command appended nothing, so its retry runs anew.
 * <p>
 * Keys live in the table {@code command_idempotency}, created by the application's migrations.
 */
public class Idempotency {

    /** The SQL state of a unique violation, in the SQL standard, H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ConnectionProvider connectionProvider;

    /**
     * Keys kept through the given connections.
     *
     * @param connectionProvider connections that take part in the unit of work's transaction
     */
    public Idempotency(ConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
    }

    /**
     * The command bus's handler interceptor that runs a command with a key at most once. It is handed out rather
     * than being what this class is, so that this class, a Spring bean, is not registered on the command bus a
     * second time by Axon's auto-configuration, which registers every interceptor bean.
     *
     * @return the interceptor
     */
    public MessageHandlerInterceptor<CommandMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(CommandMetaData.IDEMPOTENCY_KEY);
        if (!(key instanceof String idempotencyKey)) {
            return chain.proceed();
        }
        String requestHash = String.valueOf(command.getMetaData().get(CommandMetaData.REQUEST_HASH));
        Optional<Stored> stored = find(idempotencyKey);
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(requestHash)) {
                throw new CommandExecutionException("Idempotency key " + idempotencyKey
                        + " was used for another request", null, new CommandRejection(Reason.UNPROCESSABLE,
                        "idempotency-key-reused", "The Idempotency-Key was already used for a different request; "
                        + "use a new key for a new request", null), false);
            }
            return new AppendedEvents(stored.get().targetAggregateId(), stored.get().events(),
                    stored.get().positions());
        }
        Object result = chain.proceed();
        if (result instanceof AppendedEvents appended) {
            unitOfWork.onPrepareCommit(u -> store(idempotencyKey, requestHash, appended));
        }
        return result;
    }

    private Optional<Stored> find(String key) {
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT request_hash, target_aggregate_id, events, positions FROM command_idempotency "
                             + "WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Stored(row.getString(1), row.getString(2), decode(row.getString(3)),
                        decodePositions(row.getString(4))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcException("Cannot read idempotency key " + key, e);
        }
    }

    private void store(String key, String requestHash, AppendedEvents appended) {
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO command_idempotency (idempotency_key, request_hash, target_aggregate_id, events, "
                             + "recorded_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, key);
            statement.setString(2, requestHash);
            statement.setString(3, appended.getTargetAggregateId());
            statement.setString(4, encode(appended.getEvents()));
            statement.setString(5, Instant.now().toString());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw new JdbcException("Cannot store idempotency key " + key, e);
            }
            throw new CommandExecutionException("Idempotency key " + key + " is being used by a concurrent request",
                    e, new CommandRejection(Reason.CONFLICT, "idempotency-key-in-use", "Another request with the "
                    + "same Idempotency-Key is being handled; retry to get its outcome", null), false);
        }
    }

    /**
     * Remembers the positions the first answer to a request with an idempotency key found for its events, after the
     * command committed, so that a retry answers with them too. Positions remembered once are kept.
     *
     * @param key       the idempotency key
     * @param positions the events' positions, by event identifier
     */
    public void rememberPositions(String key, Map<String, Long> positions) {
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE command_idempotency SET positions = ? WHERE idempotency_key = ? AND positions IS NULL")) {
            statement.setString(1, encodePositions(positions));
            statement.setString(2, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException("Cannot remember the positions of idempotency key " + key, e);
        }
    }

    /**
     * Whether the insert failed on the key's uniqueness: another request stored the same key first. Any other failure
     * is the database's, and is reported as such.
     */
    private static boolean isUniqueViolation(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (next instanceof SQLIntegrityConstraintViolationException
                    || UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One event per line: identifier, aggregate, sequence and type, tab-separated (none of them holds a tab). */
    private static String encode(List<AppendedEvent> events) {
        StringBuilder text = new StringBuilder();
        for (AppendedEvent event : events) {
            text.append(event.eventId()).append('\t').append(event.aggregateId()).append('\t')
                    .append(event.sequence()).append('\t').append(event.type()).append('\n');
        }
        return text.toString();
    }

    /** One event per line: identifier and position, tab-separated. */
    private static String encodePositions(Map<String, Long> positions) {
        StringBuilder text = new StringBuilder();
        positions.forEach((eventId, position) -> text.append(eventId).append('\t').append(position).append('\n'));
        return text.toString();
    }

    private static Map<String, Long> decodePositions(String text) {
        Map<String, Long> positions = new HashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    String[] fields = line.split("\t");
                    positions.put(fields[0], Long.parseLong(fields[1]));
                }
            }
        }
        return positions;
    }

    private static List<AppendedEvent> decode(String text) {
        List<AppendedEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                String[] fields = line.split("\t");
                events.add(new AppendedEvent(fields[0], fields[1], Long.parseLong(fields[2]), fields[3]));
            }
        }
        return events;
    }

    private record Stored(String requestHash, String targetAggregateId, List<AppendedEvent> events,
                          Map<String, Long> positions) {
    }
}
