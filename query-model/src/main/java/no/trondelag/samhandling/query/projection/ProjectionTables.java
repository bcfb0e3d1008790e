package no.trondelag.samhandling.query.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tables of one version of one projection, named {@code rm_<projection>_v<version>_<table>}. Every table holds
 * rows that say what one event set for one key, each with the event's effective date (valid time, {@code NULL} for
 * a fact that holds from its recording), its position and its recording time (transaction time). Rows are only ever
 * inserted: inside a transaction they are kept and written in JDBC batches just before it commits, so a batch of
 * events costs one round trip per table; outside one they are written at once.
 */
public final class ProjectionTables {

    /**
     * A value to write in place of the next number in the order events were handled (see {@link #handledCount}),
     * assigned when the event's handler has succeeded.
     */
    public static final Object NEXT_HANDLED = new Object();

    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\{([a-z_]+)}");
    private static final String BITEMPORAL_COLUMNS = "effective_on DATE, position BIGINT NOT NULL, "
            + "recorded_at BIGINT NOT NULL";

    private final String prefix;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Map<String, String> inserts = new LinkedHashMap<>();
    private final List<String> ddl = new ArrayList<>();
    private java.util.function.LongSupplier handledCount = () -> 0;

    /**
     * Creates the tables' names; nothing is created until {@link #create()}.
     *
     * @param projection the projection's name, in lower case (hyphens become underscores)
     * @param version    the version of its tables
     * @param jdbc       the read side's database
     */
    public ProjectionTables(String projection, int version, JdbcTemplate jdbc) {
        this.prefix = "rm_" + projection.replace('-', '_') + "_v" + version + "_";
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Declares a table of bitemporal rows: its own columns, then {@code effective_on}, {@code position} and
     * {@code recorded_at}, indexed by its key and position so that the latest row per key at a read point is found
     * by the index.
     *
     * @param table   the table's short name
     * @param columns its own columns, as in {@code CREATE TABLE}, separated by commas (types without commas)
     * @param key     the columns of its key, separated by commas
     * @return these tables
     */
    public ProjectionTables bitemporal(String table, String columns, String key) {
        String name = name(table);
        ddl.add("CREATE TABLE IF NOT EXISTS " + name + " (" + columns + ", " + BITEMPORAL_COLUMNS + ")");
        ddl.add("CREATE INDEX IF NOT EXISTS ix_" + name + " ON " + name + " (" + key + ", position)");
        List<String> names = new ArrayList<>();
        for (String column : columns.split(",")) {
            names.add(column.trim().split("\\s+")[0]);
        }
        names.add("effective_on");
        names.add("position");
        names.add("recorded_at");
        inserts.put(table, "INSERT INTO " + name + " (" + String.join(", ", names) + ") VALUES ("
                + "?, ".repeat(names.size() - 1) + "?)");
        return this;
    }

    /**
     * Declares a table of any other shape, for which the caller writes its own statements.
     *
     * @param table      the table's short name
     * @param definition the table's columns and constraints, as in {@code CREATE TABLE}
     * @param indexes    further statements, with table references as in {@link #sql(String)}
     * @return these tables
     */
    public ProjectionTables plain(String table, String definition, String... indexes) {
        ddl.add("CREATE TABLE IF NOT EXISTS " + name(table) + " (" + definition + ")");
        for (String index : indexes) {
            ddl.add(sql(index));
        }
        inserts.putIfAbsent(table, null);
        return this;
    }

    /**
     * Creates every declared table that does not exist yet. Two nodes starting at once may race to create them; the
     * loser finds them created.
     */
    public void create() {
        for (String statement : ddl) {
            try {
                jdbc.execute(statement);
            } catch (DataAccessException raced) {
                jdbc.execute(statement);
            }
        }
    }

    /**
     * Removes every row of every table, before a replay.
     */
    public void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending != null) {
                pending.rows.clear();
                pending.event = null;
                pending.handled = -1;
            }
        }
        for (String table : inserts.keySet()) {
            jdbc.update("DELETE FROM " + name(table));
        }
    }

    /**
     * Drops every table, when a newer version has replaced this one.
     */
    public void drop() {
        for (String table : inserts.keySet()) {
            jdbc.execute("DROP TABLE IF EXISTS " + name(table));
        }
    }

    /**
     * Adds a bitemporal row.
     *
     * @param table       the table
     * @param recorded    the event's position and recording time
     * @param effectiveOn the event's effective date, or {@code null}
     * @param values      the table's own columns, in the order declared
     */
    public void insert(String table, Recorded recorded, LocalDate effectiveOn, Object... values) {
        Object[] row = new Object[values.length + 3];
        System.arraycopy(values, 0, row, 0, values.length);
        row[values.length] = effectiveOn;
        row[values.length + 1] = recorded.position();
        row[values.length + 2] = recorded.recordedAtMicros();
        write(insertOf(table), row);
    }

    /**
     * Runs a statement of this projection's own, batched with the rows like them.
     *
     * @param sql    the statement, with table references as in {@link #sql(String)}
     * @param values its parameters
     */
    public void write(String sql, Object... values) {
        String resolved = sql(sql);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(resolved, numbered(values, () -> handledCount.getAsLong() + 1));
            return;
        }
        Pending pending = pending();
        if (pending.event != null) {
            pending.event.add(new Statement(resolved, values));
        } else {
            keep(pending, resolved, values);
        }
    }

    private void keep(Pending pending, String sql, Object[] values) {
        pending.rows.computeIfAbsent(sql, key -> new ArrayList<>()).add(numbered(values, () -> {
            if (pending.handled < 0) {
                pending.handled = handledCount.getAsLong();
            }
            return ++pending.handled;
        }));
    }

    private static Object[] numbered(Object[] values, java.util.function.LongSupplier next) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == NEXT_HANDLED) {
                values[i] = next.getAsLong();
            }
        }
        return values;
    }

    /**
     * Says how many events were handled before the current transaction, for {@link #NEXT_HANDLED}.
     *
     * @param handledCount the count stored so far
     */
    public void countHandledBy(java.util.function.LongSupplier handledCount) {
        this.handledCount = handledCount;
    }

    /**
     * Starts the rows of one event: until {@link #endEvent(boolean)}, rows are held apart, so that an event whose
     * handler fails (and waits in the dead-letter queue) leaves none behind.
     */
    public void beginEvent() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().event = new ArrayList<>();
        }
    }

    /**
     * Ends the rows of one event.
     *
     * @param handled {@code true} when its handler succeeded and its rows are kept, {@code false} to drop them
     */
    public void endEvent(boolean handled) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Pending pending = pending();
        List<Statement> rows = pending.event;
        pending.event = null;
        if (handled && rows != null) {
            rows.forEach(row -> keep(pending, row.sql(), row.values()));
        }
    }

    /**
     * Resolves the table references {@code {table}} in a statement to this version's table names.
     *
     * @param sql the statement
     * @return the statement on this version's tables
     */
    public String sql(String sql) {
        Matcher matcher = TABLE_REFERENCE.matcher(sql);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, name(matcher.group(1)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * A query for the latest row per key among those in effect at a read point (see {@link ReadAt#IN_EFFECT}): the
     * value the last event in ledger order set for each key, which is what applying the events in order would leave.
     *
     * @param table the table
     * @param key   the columns of its key, separated by commas
     * @return the query, with the parameters of {@link ReadAt#parameters()}
     */
    public String latest(String table, String key) {
        return latest(table, key, "position DESC");
    }

    /**
     * A query for the first row per key, in some order, among those in effect at a read point.
     *
     * @param table the table
     * @param key   the columns of its key, separated by commas
     * @param order the order within a key whose first row is taken, such as {@code position DESC}
     * @return the query, with the parameters of {@link ReadAt#parameters()}
     */
    public String latest(String table, String key, String order) {
        return "SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY " + order
                + ") AS row_rank FROM " + name(table) + " t WHERE " + ReadAt.IN_EFFECT + ") ranked WHERE row_rank = 1";
    }

    /**
     * The full name of one of these tables.
     *
     * @param table the short name
     * @return the name in the database
     */
    public String name(String table) {
        return prefix + table;
    }

    /**
     * Queries these tables.
     *
     * @return the template, for statements passed through {@link #sql(String)}
     */
    public NamedParameterJdbcTemplate named() {
        return named;
    }

    /**
     * Queries these tables with positional parameters.
     *
     * @return the template, for statements passed through {@link #sql(String)}
     */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * A value kept with the current transaction's pending rows, computed on first use: it is gone when the
     * transaction ends, whether committed or rolled back.
     *
     * @param key     the value's key
     * @param compute how to compute it
     * @param <T>     its type
     * @return the value, or a new one outside a transaction
     */
    @SuppressWarnings("unchecked")
    public <T> T transactionScoped(String key, java.util.function.Supplier<T> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.get();
        }
        return (T) pending().values.computeIfAbsent(key, k -> compute.get());
    }

    private String insertOf(String table) {
        String insert = inserts.get(table);
        if (insert == null) {
            throw new IllegalArgumentException("No bitemporal table " + table + " in " + prefix);
        }
        return insert;
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writeOut(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionTables.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void writeOut(Pending pending) {
        pending.rows.forEach((sql, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        });
        pending.rows.clear();
    }

    /** The rows and values of one transaction, and the rows of the event being handled. */
    private static final class Pending {
        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private List<Statement> event;
        private long handled = -1;
    }

    private record Statement(String sql, Object[] values) {
    }
}
