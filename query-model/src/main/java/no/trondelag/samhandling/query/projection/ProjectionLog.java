package no.trondelag.samhandling.query.projection;

import java.util.Map;
import java.util.function.Function;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Where each version of a projection stands: the highest position it has handled and how many events, in one row
 * (its {@code head}) moved once per transaction, in the transaction that stores the processor's token. Every event
 * counts, whether or not the projection wrote a row for it, so the head's position is the projection's tracking
 * position, and a report never covers less than one served before.
 */
public final class ProjectionLog {

    private static final String TABLE = "head";

    private final ProjectionTables tables;

    /**
     * Declares the log's table among a projection's tables.
     *
     * @param tables the projection's tables
     */
    public ProjectionLog(ProjectionTables tables) {
        this.tables = tables;
        tables.countHandledBy(version -> head(version).events(), version -> head(version).position());
        tables.plain(TABLE, "id INTEGER NOT NULL PRIMARY KEY, position BIGINT NOT NULL, events BIGINT NOT NULL",
                "INSERT INTO {head} (id, position, events) SELECT 1, -1, 0 WHERE NOT EXISTS (SELECT 1 FROM {head})");
    }

    /**
     * Notes an event as handled.
     *
     * @param recorded its position and recording time
     */
    public void note(Recorded recorded) {
        tables.note(recorded);
    }

    /**
     * Where a version of the projection stands.
     *
     * @param version the version
     * @return the highest position it handled (-1 before the first event) and how many events it handled
     */
    public Head head(int version) {
        return tables.jdbc().queryForObject(tables.resolve("SELECT position, events FROM {head} WHERE id = 1", version),
                (row, index) -> new Head(row.getLong(1), row.getLong(2)));
    }

    /**
     * A read point bounded by where the projection's active version stands.
     *
     * @param readPoint the read point
     * @return the read point up to the active version's position, reading that version
     */
    public ReadAt readAt(ReadPoint readPoint) {
        int version = tables.versions().active();
        Head head = head(version);
        return new ReadAt(readPoint, head.position(),
                Map.of(tables.projection(), new ReadAt.Stand(version, head.position(), head.events())), head.events());
    }

    /**
     * What a report at a read point says about itself: the highest position known at it and how many events up to
     * there were known, whether or not in effect. A report with everything known covers the position and the events
     * of the projection it read that stands lowest, as its head says; one at a {@code knownAt} is counted in the
     * ledger's log ({@link LedgerLog}).
     *
     * @param at      the read point
     * @param counted how the ledger's log counts the events known at a read point
     * @return the report's meta
     */
    public ReportMeta meta(ReadAt at, Function<ReadAt, ReportMeta> counted) {
        ReadPoint readPoint = at.readPoint();
        return readPoint.knownAt() == null
                ? new ReportMeta(readPoint.asOf(), null, at.position(), at.events())
                : counted.apply(at);
    }

    /**
     * Where a projection stands.
     *
     * @param position the highest position handled, -1 before the first event
     * @param events   how many events were handled
     */
    public record Head(long position, long events) {
    }
}
