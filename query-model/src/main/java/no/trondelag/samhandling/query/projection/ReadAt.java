package no.trondelag.samhandling.query.projection;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.ReadPoint;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A read point bounded by a ledger position: what a report answers from. A row counts when its event is at or below
 * the position, was recorded by {@code knownAt} and, when it has an effective date, took effect by {@code asOf}.
 *
 * @param readPoint the business date and recording time read at
 * @param position  the highest position the report covers: the position its projections have all reached
 */
public record ReadAt(ReadPoint readPoint, long position) {

    /**
     * The filter on a table's {@code position}, {@code recorded_at} and {@code effective_on} columns that keeps the
     * rows counting at a read point, with the parameters of {@link #parameters()}.
     */
    public static final String IN_EFFECT = "position <= :position AND recorded_at <= :knownAt "
            + "AND (effective_on IS NULL OR effective_on <= :asOf)";

    /**
     * The filter on a table's {@code position} and {@code recorded_at} columns that keeps the rows known at a read
     * point, whatever their effective date.
     */
    public static final String KNOWN = "position <= :position AND recorded_at <= :knownAt";

    /**
     * The filter of {@link #IN_EFFECT} on the columns of a table named by an alias, for queries that read a table
     * twice.
     *
     * @param alias the table's alias
     * @return the filter
     */
    public static String inEffect(String alias) {
        return alias + ".position <= :position AND " + alias + ".recorded_at <= :knownAt AND (" + alias
                + ".effective_on IS NULL OR " + alias + ".effective_on <= :asOf)";
    }

    /**
     * The same read point, bounded by the lower of this position and another: a report that reads several
     * projections covers only what all of them have reached.
     *
     * @param position another projection's position
     * @return the bounded read point
     */
    public ReadAt upTo(long position) {
        return position >= this.position ? this : new ReadAt(readPoint, position);
    }

    /**
     * The business date read at.
     *
     * @return the as-of date
     */
    public LocalDate asOf() {
        return readPoint.asOf();
    }

    /**
     * The parameters {@code position}, {@code knownAt} (in microseconds) and {@code asOf} of {@link #IN_EFFECT} and
     * {@link #KNOWN}.
     *
     * @return new parameters, to which a query may add its own
     */
    public MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("position", position)
                .addValue("knownAt", readPoint.knownAt() == null ? Long.MAX_VALUE : Recorded.micros(readPoint.knownAt()))
                .addValue("asOf", readPoint.asOf());
    }
}
