package no.trondelag.samhandling.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every projection of the ledger shares: tables of its own in a version of their own, a log of every event it
 * handled (its position, see {@link ProjectionLog}), and the meeting dates it dates decisions' consequences by. A
 * projection handles each event type it cares about in an {@code @EventHandler} of its own, starting with
 * {@link #recorded(EventMessage, TrackingToken)}; every other event is noted here, so that a projection's position
 * is always its tracking token's.
 */
public abstract class LedgerProjection {

    /** How many answers a projection keeps, the least recently read going first. */
    private static final int KEPT_ANSWERS = 32;

    /** The projection's tables. */
    protected final ProjectionTables tables;
    /** The events it handled. */
    protected final ProjectionLog log;
    /** The meeting dates it dates events by. */
    protected final MeetingDates meetings;
    private final LedgerLog ledgerLog;
    private final Map<List<Object>, Object> answers = new LinkedHashMap<>(KEPT_ANSWERS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> eldest) {
            return size() > KEPT_ANSWERS;
        }
    };
    private volatile Supplier<TrackingToken> storedToken = () -> null;
    private final TokenPositions positions = new TokenPositions(this::storedToken);

    /**
     * Declares the projection's own tables, the log and the meeting dates; its subclass declares the rest.
     *
     * @param name    the projection's name in its tables' names
     * @param version the version of its tables
     * @param jdbc      the read side's database
     * @param ledgerLog the ledger's log, which counts the events known at a read point ({@code null} for the log)
     */
    protected LedgerProjection(String name, int version, JdbcTemplate jdbc, LedgerLog ledgerLog) {
        this.ledgerLog = ledgerLog;
        this.tables = new ProjectionTables(name, version, jdbc);
        this.log = new ProjectionLog(tables);
        this.meetings = new MeetingDates(tables);
        tables.onRollback(positions::forget);
    }

    private TrackingToken storedToken() {
        return storedToken.get();
    }

    /**
     * Creates the projection's tables where they do not exist yet.
     */
    public void createTables() {
        tables.create();
    }

    /**
     * Keeps the rows of each event apart until its handler has succeeded, so that an event that fails (and waits in
     * the dead-letter queue, to be retried) leaves no rows behind, not even its place in the log.
     *
     * @param chain the handler
     * @return what the handler returns
     * @throws Exception what the handler throws
     */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object eachEvent(InterceptorChain chain) throws Exception {
        tables.beginEvent();
        boolean handled = false;
        try {
            Object result = chain.proceed();
            handled = true;
            return result;
        } finally {
            tables.endEvent(handled);
        }
    }

    /**
     * Notes an event this projection has no handler of its own for, and hands it to {@link #handle}. The event's
     * payload is not read here, so an event no projection needs is never deserialized.
     *
     * @param message the event
     * @param token   its token
     */
    @EventHandler(payloadType = LedgerEvent.class)
    void on(EventMessage<?> message, TrackingToken token) {
        handle(message, recorded(message, token));
    }

    /**
     * Handles an event this projection has no handler of its own for; most projections have nothing to write.
     *
     * @param message  the event, whose payload is deserialized when read
     * @param recorded where and when it was recorded
     */
    protected void handle(EventMessage<?> message, Recorded recorded) {
    }

    /**
     * Keeps a decision's meeting date, to date the events that rest on it, and lets the projection handle the
     * decision itself in {@link #decisionRecorded}.
     *
     * @param decision the decision
     * @param message  its message
     * @param token    its token
     */
    @EventHandler
    void on(SteeringGroupDecisionRecorded decision, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        meetings.record(decision);
        decisionRecorded(decision, message, recorded);
    }

    /**
     * Handles a steering-group decision, once its meeting date is kept; most projections have nothing to write.
     *
     * @param decision the decision
     * @param message  its message
     * @param recorded where and when it was recorded
     */
    protected void decisionRecorded(SteeringGroupDecisionRecorded decision, EventMessage<?> message,
                                    Recorded recorded) {
    }

    /**
     * Notes an event as handled, and gives its position and recording time for the rows it writes.
     *
     * @param message the event
     * @param token   its token
     * @return where and when it was recorded
     */
    protected Recorded recorded(EventMessage<?> message, TrackingToken token) {
        Recorded recorded = new Recorded(positions.positionOf(token), message.getTimestamp());
        tables.route(recorded, ReplayToken.isReplay(message));
        log.note(recorded);
        return recorded;
    }

    /**
     * Starts building the next version of the projection's tables, before a replay; the active version keeps
     * answering until the new one has caught up (see {@link ProjectionTables}).
     */
    @ResetHandler
    public void reset() {
        positions.forget();
        tables.startBuilding();
    }

    /**
     * Takes the token the processor stored, for the position of the first event it hands after a start or a
     * rollback (see {@link TokenPositions}); without it, such an event committed late into a gap would be placed at
     * the position of the token.
     *
     * @param tokenStore the processor's token store
     */
    public void readTokensFrom(TokenStore tokenStore) {
        this.storedToken = () -> {
            try {
                return tokenStore.fetchToken(name(), 0);
            } catch (RuntimeException unavailable) {
                return null;
            }
        };
    }

    /**
     * The projection's name: its processing group and the stem of its tables.
     *
     * @return the name
     */
    public String name() {
        return tables.projection();
    }

    /**
     * Where each version of the projection stands: the active one, and the one being built during a rebuild.
     *
     * @return the versions and their positions
     */
    public VersionStatus versions() {
        ProjectionTables.Versions versions = tables.versions();
        ProjectionLog.Head active = log.head(versions.active());
        ProjectionLog.Head building = versions.building() == null ? null : log.head(versions.building());
        return new VersionStatus(versions.active(), active.position(), active.events(), versions.building(),
                building == null ? null : building.position(), building == null ? null : building.events());
    }

    /**
     * A read point bounded by this projection's position and by the positions of others it reads with, and at a
     * {@code knownAt} by the ledger's log's, which counts the events known then.
     *
     * @param readPoint the read point
     * @param others    the other projections the report reads
     * @return the read point bounded by the lowest of their positions
     */
    public ReadAt readAt(ReadPoint readPoint, LedgerProjection... others) {
        ReadAt at = log.readAt(readPoint);
        for (LedgerProjection other : others) {
            at = at.with(other.log.readAt(readPoint));
        }
        return ledgerLog == null || readPoint.knownAt() == null ? at : at.with(ledgerLog.log.readAt(readPoint));
    }

    /**
     * A report as answered before at the same read point, or answered now and kept: a report depends on nothing but
     * its query and the rows of the versions it reads, and those are the same while every projection it reads stands
     * where it stood (see {@link ReadAt#versions()}). Only the most recent answers are kept.
     *
     * @param query  the query
     * @param at     where it is read
     * @param answer how to answer it
     * @param <R>    the report's type
     * @return the report
     */
    @SuppressWarnings("unchecked")
    protected <R> R answered(Object query, ReadAt at, Supplier<R> answer) {
        List<Object> key = List.of(query, at);
        synchronized (answers) {
            Object kept = answers.get(key);
            if (kept != null) {
                return (R) kept;
            }
        }
        R report = answer.get();
        synchronized (answers) {
            answers.put(key, report);
        }
        return report;
    }

    /**
     * What a report read at a read point says about itself.
     *
     * @param at the read point
     * @return the meta
     */
    public ReportMeta meta(ReadAt at) {
        return log.meta(at, ledgerLog::counted);
    }

    /**
     * Where the versions of a projection stand.
     *
     * @param active           the version reports read
     * @param activePosition   its position, -1 before the first event
     * @param activeEvents     how many events it handled
     * @param building         the version being built, or {@code null}
     * @param buildingPosition its position, or {@code null}
     * @param buildingEvents   how many events it handled, or {@code null}
     */
    public record VersionStatus(int active, long activePosition, long activeEvents, Integer building,
                                Long buildingPosition, Long buildingEvents) {
    }
}
