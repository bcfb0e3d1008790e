package no.trondelag.samhandling.query.projection;

import java.util.Map;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * The events a projection has handled: every one, whether or not it wrote a row for it, with its position,
 * recording time and the order it was handled in. Its highest position is the projection's tracking position (it is
 * written in the transaction that stores the token), so a report never covers less than one served before; and it
 * says how many events a report at any read point covers.
 */
public final class ProjectionLog {

    private static final String TABLE = "event";

    private final ProjectionTables tables;

    /**
     * Declares the log's table among a projection's tables.
     *
     * @param tables the projection's tables
     */
    public ProjectionLog(ProjectionTables tables) {
        this.tables = tables;
        tables.countHandledBy(version -> head(version).events(), version -> head(version).position());
        tables.plain(TABLE, "position BIGINT NOT NULL PRIMARY KEY, recorded_at BIGINT NOT NULL, "
                + "handled BIGINT NOT NULL", "CREATE INDEX IF NOT EXISTS ix_{event}_handled ON {event} (handled)");
    }

    /**
     * Notes an event as handled.
     *
     * @param recorded its position and recording time
     */
    public void note(Recorded recorded) {
        tables.write("INSERT INTO {event} (position, recorded_at, handled) VALUES (?, ?, ?)",
                recorded.position(), recorded.recordedAtMicros(), ProjectionTables.NEXT_HANDLED);
    }

    /**
     * Where a version of the projection stands.
     *
     * @param version the version
     * @return the highest position it handled (-1 before the first event) and how many events it handled
     */
    public Head head(int version) {
        return tables.jdbc().queryForObject(tables.resolve("SELECT MAX(position), MAX(handled) FROM {event}", version),
                (row, index) -> {
                    long position = row.getLong(1);
                    return row.wasNull() ? new Head(-1, 0) : new Head(position, row.getLong(2));
                });
    }

    /**
     * A read point bounded by where the projection's active version stands.
     *
     * @param readPoint the read point
     * @return the read point up to the active version's position, reading that version
     */
    public ReadAt readAt(ReadPoint readPoint) {
        int version = tables.versions().active();
        return new ReadAt(readPoint, head(version).position(), Map.of(tables.projection(), version));
    }

    /**
     * What a report at a read point says about itself: the highest position known at it and how many events up to
     * there were known, whether or not in effect.
     *
     * @param at the read point
     * @return the report's meta
     */
    public ReportMeta meta(ReadAt at) {
        ReadPoint readPoint = at.readPoint();
        int version = at.version(tables.projection());
        if (readPoint.knownAt() == null) {
            Head head = head(version);
            if (at.position() >= head.position()) {
                return new ReportMeta(readPoint.asOf(), null, head.position(), head.events());
            }
        }
        return tables.named().queryForObject(tables.sql(at, "SELECT MAX(position), COUNT(*) FROM {event} WHERE "
                + ReadAt.KNOWN), at.parameters(), (row, index) -> {
                    long position = row.getLong(1);
                    return new ReportMeta(readPoint.asOf(), readPoint.knownAt(), row.wasNull() ? -1 : position,
                            row.getLong(2));
                });
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
