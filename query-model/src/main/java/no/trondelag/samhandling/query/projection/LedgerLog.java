package no.trondelag.samhandling.query.projection;

import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's log: every event's position and recording time, in the order handled. It answers what every report
 * read at a {@code knownAt} says about itself, the highest position known then and how many events were, so that the
 * other projections keep no row per event they have no use for.
 */
@ProcessingGroup(LedgerLog.NAME)
public class LedgerLog extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "ledger-log";
    /** The version of its tables. */
    public static final int VERSION = 1;

    private static final String INSERT = "INSERT INTO {event} (position, recorded_at, handled) VALUES (?, ?, ?)";

    /**
     * Creates the log on its tables.
     *
     * @param jdbc the read side's database
     */
    public LedgerLog(JdbcTemplate jdbc) {
        super(NAME, VERSION, jdbc, null);
        tables.plain("event", "position BIGINT NOT NULL PRIMARY KEY, recorded_at BIGINT NOT NULL, "
                + "handled BIGINT NOT NULL");
    }

    @Override
    protected void handle(EventMessage<?> message, Recorded recorded) {
        tables.write(INSERT, recorded.position(), recorded.recordedAtMicros(), ProjectionTables.HANDLED);
    }

    @Override
    protected void decisionRecorded(SteeringGroupDecisionRecorded decision, EventMessage<?> message,
                                    Recorded recorded) {
        handle(message, recorded);
    }

    /** The log counts for itself what a read at a {@code knownAt} covers. */
    @Override
    public ReportMeta meta(ReadAt at) {
        return log.meta(at, this::counted);
    }

    /**
     * The highest position known at a read point and how many events were known up to its position, whether or not
     * in effect.
     *
     * @param at the read point, which reads this log's version
     * @return what a report at the read point says about itself
     */
    ReportMeta counted(ReadAt at) {
        return tables.named().queryForObject(tables.sql(at, "SELECT MAX(position), COUNT(*) FROM {event} WHERE "
                + ReadAt.KNOWN), at.parameters(), (row, index) -> {
                    long position = row.getLong(1);
                    return new ReportMeta(at.readPoint().asOf(), at.readPoint().knownAt(),
                            row.wasNull() ? -1 : position, row.getLong(2));
                });
    }
}
