package no.trondelag.samhandling.query.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tables of one projection, in versions: version {@code n} of table {@code t} is {@code rm_<projection>_v<n>_t}.
 * Every table holds rows that say what one event set for one key, each with the event's effective date (valid time,
 * {@code NULL} for a fact that holds from its recording), its position and its recording time (transaction time).
 * Rows are only ever inserted: inside a transaction they are kept and written in JDBC batches just before it
 * commits, so a batch of events costs one round trip per table; outside one they are written at once.
 *
 * <p>Reports read the active version. A rebuild ({@link #startBuilding()}) creates the next version's tables and
 * writes the replayed events into them alone, while every new event goes into both; once the new version has caught
 * up with the active one (handled the event at the active one's position), it becomes the active one, in the same
 * transaction as the rows that brought it there. Which version is active, and which is being built, is in the table
 * {@code rm_projection_version}, so every node reads the same.
 */
public final class ProjectionTables {

    /**
     * A value to write in place of the number of the event being handled, in the order a version handled events
     * (counted on from {@link #countHandledBy}), assigned once the event's handler has succeeded.
     */
    public static final Object HANDLED = new Object();

    private static final String REGISTRY = "rm_projection_version";
    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\{([a-z_]+)}");
    private static final String BITEMPORAL_COLUMNS = "effective_on DATE, position BIGINT NOT NULL, "
            + "recorded_at BIGINT NOT NULL";

    private final String projection;
    private final String stem;
    private final int firstVersion;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Map<String, String> inserts = new LinkedHashMap<>();
    private final List<String> ddl = new ArrayList<>();
    private VersionedCount handledCount = version -> 0;
    private VersionedCount headPosition = version -> -1;
    private final ThreadLocal<Pending> direct = new ThreadLocal<>();
    private Runnable onRollback = () -> { };

    /**
     * Creates the projection's tables' names; nothing is created until {@link #create()}.
     *
     * @param projection   the projection's name, in lower case (hyphens become underscores in table names)
     * @param firstVersion the version a new database starts with
     * @param jdbc         the read side's database
     */
    public ProjectionTables(String projection, int firstVersion, JdbcTemplate jdbc) {
        this.projection = projection;
        this.stem = "rm_" + projection.replace('-', '_') + "_v";
        this.firstVersion = firstVersion;
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
        ddl.add("CREATE TABLE IF NOT EXISTS {" + table + "} (" + columns + ", " + BITEMPORAL_COLUMNS + ")");
        ddl.add("CREATE INDEX IF NOT EXISTS ix_{" + table + "} ON {" + table + "} (" + key + ", position)");
        List<String> names = new ArrayList<>();
        for (String column : columns.split(",")) {
            names.add(column.trim().split("\\s+")[0]);
        }
        names.add("effective_on");
        names.add("position");
        names.add("recorded_at");
        inserts.put(table, "INSERT INTO {" + table + "} (" + String.join(", ", names) + ") VALUES ("
                + "?, ".repeat(names.size() - 1) + "?)");
        return this;
    }

    /**
     * Declares a table of any other shape, for which the caller writes its own statements.
     *
     * @param table      the table's short name
     * @param definition the table's columns and constraints, as in {@code CREATE TABLE}
     * @param indexes    further statements, with table references as in {@link #sql(ReadAt, String)}
     * @return these tables
     */
    public ProjectionTables plain(String table, String definition, String... indexes) {
        ddl.add("CREATE TABLE IF NOT EXISTS {" + table + "} (" + definition + ")");
        ddl.addAll(List.of(indexes));
        inserts.putIfAbsent(table, null);
        return this;
    }

    /**
     * Says how many events a version has handled, for {@link #HANDLED}, and the highest position it has
     * handled, to tell when a version being built has caught up.
     *
     * @param handledCount the count a version has stored so far
     * @param headPosition the highest position a version has stored so far, -1 before any
     */
    public void countHandledBy(VersionedCount handledCount, VersionedCount headPosition) {
        this.handledCount = handledCount;
        this.headPosition = headPosition;
    }

    /**
     * Says what to do when a transaction that wrote rows does not commit.
     *
     * @param onRollback what to do
     */
    public void onRollback(Runnable onRollback) {
        this.onRollback = onRollback;
    }

    /**
     * Creates the version registry, the projection's entry in it (the first version, active) and the tables of its
     * active version and of the version being built, where they do not exist yet.
     */
    public void create() {
        execute("CREATE TABLE IF NOT EXISTS " + REGISTRY + " (projection VARCHAR(100) NOT NULL PRIMARY KEY, "
                + "active INTEGER NOT NULL, building INTEGER, retired INTEGER)");
        if (jdbc.queryForObject("SELECT COUNT(*) FROM " + REGISTRY + " WHERE projection = ?", Integer.class,
                projection) == 0) {
            try {
                jdbc.update("INSERT INTO " + REGISTRY + " (projection, active) VALUES (?, ?)", projection,
                        firstVersion);
            } catch (DataAccessException raced) {
                // another node registered it first
            }
        }
        Versions versions = versions();
        createVersion(versions.active());
        if (versions.building() != null) {
            createVersion(versions.building());
        }
    }

    /**
     * Which version is active, which is being built and which was last replaced, as every node reads them.
     *
     * @return the versions
     */
    public Versions versions() {
        return jdbc.queryForObject("SELECT active, building, retired FROM " + REGISTRY + " WHERE projection = ?",
                (row, index) -> new Versions(row.getInt(1), (Integer) row.getObject(2), (Integer) row.getObject(3)),
                projection);
    }

    /**
     * Starts building the next version, before a replay: the version last replaced and any version still being
     * built are dropped, the next version's tables are created, and the replay's events go into them alone while
     * the active version keeps answering. With nothing in the active version yet, the new one is active at once.
     */
    public void startBuilding() {
        Versions versions = versions();
        if (versions.retired() != null) {
            dropVersion(versions.retired());
        }
        if (versions.building() != null) {
            dropVersion(versions.building());
        }
        int next = Math.max(versions.active(), Math.max(orZero(versions.building()), orZero(versions.retired()))) + 1;
        createVersion(next);
        if (headPosition.of(versions.active()) < 0) {
            promote(next, versions.active());
        } else {
            jdbc.update("UPDATE " + REGISTRY + " SET building = ?, retired = NULL WHERE projection = ?", next,
                    projection);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(this);
        }
    }

    /**
     * Says where the next event's rows go: an event the replay hands again goes into the version being built alone;
     * any other into the active version and the one being built.
     *
     * @param recorded the event's position
     * @param replayed whether the processor is replaying it
     */
    public void route(Recorded recorded, boolean replayed) {
        Pending pending = pending();
        pending.position = recorded.position();
        Integer building = pending.versions.building();
        if (building == null) {
            pending.writing = List.of(pending.versions.active());
        } else {
            pending.writing = replayed ? List.of(building) : List.of(pending.versions.active(), building);
        }
    }

    /** Makes a version the active one, and the one it replaces the retired one. */
    private void promote(int version, int replaced) {
        jdbc.update("UPDATE " + REGISTRY + " SET active = ?, building = NULL, retired = ? WHERE projection = ?",
                version, replaced, projection);
    }

    /**
     * Starts the rows of one event: until {@link #endEvent(boolean)}, rows are held apart, so that an event whose
     * handler fails (and waits in the dead-letter queue) leaves none behind.
     */
    public void beginEvent() {
        pending().event = new ArrayList<>();
    }

    /**
     * Ends the rows of one event. When its handler succeeded its rows are kept, and a version being built that has
     * now handled the active version's position becomes the active one.
     *
     * @param handled {@code true} when its handler succeeded, {@code false} to drop its rows
     */
    public void endEvent(boolean handled) {
        Pending pending = pending();
        List<Statement> rows = pending.event;
        pending.event = null;
        if (!handled || rows == null) {
            return;
        }
        rows.forEach(row -> keep(pending, row));
        Integer building = pending.versions.building();
        if (building != null && pending.writing.contains(building)
                && pending.position >= pending.head(pending.versions.active(), handledCount, headPosition).position) {
            promote(building, pending.versions.active());
            pending.versions = new Versions(building, null, pending.versions.active());
            pending.writing = List.of(building);
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writeOut(pending);
        }
    }

    /**
     * Notes the current event as handled by every version it goes into: each version's head (the highest position
     * and the number of events it handled) is moved once per transaction, just before it commits.
     *
     * @param recorded the event's position
     */
    public void note(Recorded recorded) {
        write(null, recorded.position());
    }

    /**
     * Adds a bitemporal row to every version the current event goes into.
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
     * Runs a statement of this projection's own in every version the current event goes into, batched with the
     * rows like them.
     *
     * @param sql    the statement, with table references {@code {table}}
     * @param values its parameters
     */
    public void write(String sql, Object... values) {
        Pending pending = pending();
        Statement statement = new Statement(sql, values);
        if (pending.event != null) {
            pending.event.add(statement);
        } else {
            keep(pending, statement);
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                writeOut(pending);
            }
        }
    }

    /**
     * Resolves the table references {@code {table}} in a statement to the version a report reads.
     *
     * @param at  the read point, which says the version
     * @param sql the statement
     * @return the statement on that version's tables
     */
    public String sql(ReadAt at, String sql) {
        return resolve(sql, at.version(projection));
    }

    /**
     * Resolves the table references in a statement to the version the current event's rows go into first (the one
     * being built, during a rebuild), for what a handler reads of its own tables.
     *
     * @param sql the statement
     * @return the statement on that version's tables
     */
    public String sqlForWriting(String sql) {
        List<Integer> writing = pending().writing;
        return resolve(sql, writing.get(writing.size() - 1));
    }

    /**
     * Resolves the table references in a statement to a version.
     *
     * @param sql     the statement
     * @param version the version
     * @return the statement on that version's tables
     */
    public String resolve(String sql, int version) {
        Matcher matcher = TABLE_REFERENCE.matcher(sql);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, stem + version + "_" + matcher.group(1));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * A query for the latest row per key among those in effect at a read point (see {@link ReadAt#IN_EFFECT}): the
     * value the last event in ledger order set for each key, which is what applying the events in order would leave.
     *
     * @param at    the read point
     * @param table the table
     * @param key   the columns of its key, separated by commas
     * @return the query, with the parameters of {@link ReadAt#parameters()}
     */
    public String latest(ReadAt at, String table, String key) {
        return latest(at, table, key, "position DESC");
    }

    /**
     * A query for the first row per key, in some order, among those in effect at a read point.
     *
     * @param at    the read point
     * @param table the table
     * @param key   the columns of its key, separated by commas
     * @param order the order within a key whose first row is taken, such as {@code position DESC}
     * @return the query, with the parameters of {@link ReadAt#parameters()}
     */
    public String latest(ReadAt at, String table, String key, String order) {
        return sql(at, "SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY " + order
                + ") AS row_rank FROM {" + table + "} t WHERE " + ReadAt.IN_EFFECT + ") ranked WHERE row_rank = 1");
    }

    /**
     * Queries these tables.
     *
     * @return the template, for statements resolved to a version
     */
    public NamedParameterJdbcTemplate named() {
        return named;
    }

    /**
     * Queries these tables with positional parameters.
     *
     * @return the template, for statements resolved to a version
     */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * The projection's name.
     *
     * @return the name
     */
    public String projection() {
        return projection;
    }

    private void createVersion(int version) {
        for (String statement : ddl) {
            execute(resolve(statement, version));
        }
    }

    private void dropVersion(int version) {
        for (String table : inserts.keySet()) {
            jdbc.execute("DROP TABLE IF EXISTS " + stem + version + "_" + table);
        }
    }

    private void execute(String statement) {
        try {
            jdbc.execute(statement);
        } catch (DataAccessException raced) {
            // two nodes starting at once may race to create a table; the loser finds it created
            jdbc.execute(statement);
        }
    }

    private static int orZero(Integer version) {
        return version == null ? 0 : version;
    }

    private String insertOf(String table) {
        String insert = inserts.get(table);
        if (insert == null) {
            throw new IllegalArgumentException("No bitemporal table " + table + " in " + projection);
        }
        return insert;
    }

    private void keep(Pending pending, Statement statement) {
        for (int version : pending.writing) {
            Head head = pending.head(version, handledCount, headPosition);
            if (statement.sql() == null) {
                head.noted((Long) statement.values()[0]);
                continue;
            }
            Object[] values = statement.values().clone();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == HANDLED) {
                    values[i] = head.events;
                }
            }
            pending.rows.computeIfAbsent(resolve(statement.sql(), version), key -> new ArrayList<>()).add(values);
        }
    }

    /**
     * The state of the current transaction: its pending rows, the versions as it found and changed them, and where
     * the current event's rows go. Outside a transaction, a new state each time, written out at once.
     */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending state = direct.get();
            if (state == null) {
                state = new Pending(versions());
                direct.set(state);
            }
            return state;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending(versions());
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writeOut(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionTables.this);
                    if (status != STATUS_COMMITTED) {
                        onRollback.run();
                    }
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
        pending.heads.forEach((version, head) -> {
            if (head.events > head.storedEvents) {
                jdbc.update(resolve("UPDATE {head} SET position = ?, events = ? WHERE id = 1", version),
                        head.position, head.events);
                head.storedEvents = head.events;
            }
        });
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            direct.remove();
        }
    }

    /**
     * A count or position per version.
     */
    @FunctionalInterface
    public interface VersionedCount {

        /**
         * The value for a version, as stored.
         *
         * @param version the version
         * @return the value
         */
        long of(int version);
    }

    /**
     * A projection's versions.
     *
     * @param active   the version reports read
     * @param building the version being built, or {@code null}
     * @param retired  the version the active one replaced, kept until the next rebuild, or {@code null}
     */
    public record Versions(int active, Integer building, Integer retired) {
    }

    /** The rows and versions of one transaction, and the rows of the event being handled. */
    private static final class Pending {
        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        private final Map<Integer, Head> heads = new LinkedHashMap<>();
        private Versions versions;
        private List<Integer> writing;
        private List<Statement> event;
        private long position = -1;

        private Pending(Versions versions) {
            this.versions = versions;
            this.writing = List.of(versions.active());
        }

        private Head head(int version, VersionedCount events, VersionedCount position) {
            return heads.computeIfAbsent(version, v -> new Head(position.of(v), events.of(v)));
        }
    }

    /** Where a version stands in this transaction: as stored, and with the events it handled since. */
    private static final class Head {
        private long position;
        private long events;
        private long storedEvents;

        private Head(long position, long events) {
            this.position = position;
            this.events = events;
            this.storedEvents = events;
        }

        private void noted(long eventPosition) {
            position = Math.max(position, eventPosition);
            events++;
        }
    }

    private record Statement(String sql, Object[] values) {
    }
}
