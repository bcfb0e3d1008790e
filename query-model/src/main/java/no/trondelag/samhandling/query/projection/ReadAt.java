package no.trondelag.samhandling.query.projection;

import java.util.HashMap;
import java.util.Map;
import no.trondelag.samhandling.api.common.ReadPoint;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A read point bounded by a ledger position: what a report answers from. A row counts when its event is at or below
 * the position, was recorded by {@code knownAt} and, when it has an effective date, took effect by {@code asOf}.
 *
 * @param readPoint the business date and recording time read at
 * @param position  the highest position the report covers: the position its projections have all reached
 * @param versions  where each projection the report reads stands: the version of its tables read, with that
 *                  version's position and number of events, by projection; two reads with equal versions read the
 *                  same rows
 * @param events    how many events the projection that stands at {@code position} has handled: the number of events
 *                  up to the position
 */
public record ReadAt(ReadPoint readPoint, long position, Map<String, Stand> versions, long events) {

    /**
     * Keeps the versions as given.
     *
     * @param readPoint the business date and recording time read at
     * @param position  the highest position the report covers
     * @param versions  the version of each projection's tables the report reads
     * @param events    how many events there are up to the position
     */
    public ReadAt {
        versions = Map.copyOf(versions);
    }

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
     * The same read point for a report that also reads another projection: bounded by the lower of the two positions
     * (a report covers only what all its projections have reached), and reading the other at its version.
     *
     * @param other the read point of the other projection
     * @return the combined read point
     */
    public ReadAt with(ReadAt other) {
        Map<String, Stand> both = new HashMap<>(versions);
        both.putAll(other.versions);
        ReadAt lower = other.position < position ? other : this;
        return new ReadAt(readPoint, lower.position, both, lower.events);
    }

    /**
     * The version of a projection's tables this read point reads.
     *
     * @param projection the projection
     * @return its version
     */
    public int version(String projection) {
        Stand stand = versions.get(projection);
        if (stand == null) {
            throw new IllegalStateException("A read of " + versions.keySet() + " does not read " + projection);
        }
        return stand.version();
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

    /**
     * Where the version of a projection's tables a report reads stands.
     *
     * @param version  the version
     * @param position its position
     * @param events   how many events it handled
     */
    public record Stand(int version, long position, long events) {
    }
}
