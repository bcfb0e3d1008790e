package no.trondelag.samhandling.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.query.funding.FundingProjection;
import no.trondelag.samhandling.query.goals.GoalProgressProjection;
import no.trondelag.samhandling.query.governance.DecisionLogProjection;
import no.trondelag.samhandling.query.initiative.InitiativeProjection;
import no.trondelag.samhandling.query.ledger.EffectiveDates;
import no.trondelag.samhandling.query.participation.ParticipantTimelineProjection;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read side's six projections on a fresh in-memory H2 database, and a ledger history recorded into them the way
 * a streaming processor hands it over: each event at the next position and the next recording instant, wrapped in a
 * tracked event message with a {@link GlobalSequenceTrackingToken} of its position, its recording time as the
 * message's timestamp and the actor in its metadata, and given to every projection through Axon's
 * {@link AnnotationEventHandlerAdapter} (so that the annotations, the catch-all handler and the interceptor of
 * {@link LedgerProjection} take part). Outside a transaction, as here, the projections write each row at once.
 */
public final class Projections {

    /** When the history starts being recorded: the 2018 history was entered years after the fact. */
    public static final Instant FIRST_RECORDING = Instant.parse("2024-01-08T08:00:00Z");
    /** The time between two recordings. */
    public static final Duration STEP = Duration.ofMinutes(1);
    /** Who records, unless told otherwise. */
    public static final String SECRETARIAT = "secretariat";
    /** The joint case and records initiative the goal-progress projection is configured with. */
    public static final String CASE_ARCHIVE_INITIATIVE = "felles-sak-arkiv";

    private final DriverManagerDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final LedgerLog ledgerLog;
    private final ParticipationProjection participation;
    private final ParticipantTimelineProjection timeline;
    private final FundingProjection funding;
    private final InitiativeProjection initiatives;
    private final GoalProgressProjection goals;
    private final DecisionLogProjection decisions;
    private final List<LedgerProjection> all;
    private final Map<LedgerProjection, AnnotationEventHandlerAdapter> adapters = new IdentityHashMap<>();
    private final List<RecordedEvent> recorded = new ArrayList<>();
    private final Map<String, LocalDate> meetingDates = new HashMap<>();
    private long nextPosition;
    private Instant nextRecordedAt = FIRST_RECORDING;

    /**
     * Builds the ledger's log and the six projections, with their tables, on a fresh database.
     */
    public Projections() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:projections-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        ObjectMapper json = messageMapper();
        ledgerLog = new LedgerLog(jdbc);
        participation = new ParticipationProjection(jdbc, ledgerLog);
        timeline = new ParticipantTimelineProjection(jdbc, ledgerLog, json, participation);
        funding = new FundingProjection(jdbc, ledgerLog, participation);
        initiatives = new InitiativeProjection(jdbc, ledgerLog, participation);
        goals = new GoalProgressProjection(jdbc, ledgerLog, participation, initiatives, CASE_ARCHIVE_INITIATIVE);
        decisions = new DecisionLogProjection(jdbc, ledgerLog, json);
        all = List.of(ledgerLog, participation, timeline, funding, initiatives, goals, decisions);
        for (LedgerProjection projection : all) {
            projection.createTables();
            adapters.put(projection, new AnnotationEventHandlerAdapter(projection));
        }
    }

    /**
     * The mapper the application writes events with (its {@code LedgerJson.messageMapper()}).
     *
     * @return a new mapper
     */
    public static ObjectMapper messageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * An event as a streaming processor hands it to a projection.
     *
     * @param position   its position, which its token carries
     * @param recordedAt its recording time, the message's timestamp
     * @param actor      who sent the command, in the metadata
     * @param event      the event
     * @return the message
     */
    public static TrackedEventMessage<LedgerEvent> message(long position, Instant recordedAt, String actor,
                                                           LedgerEvent event) {
        EventMessage<LedgerEvent> message = new GenericEventMessage<>(UUID.randomUUID().toString(), event,
                actor == null ? Map.of() : Map.of("actor", actor), recordedAt);
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), message);
    }

    /**
     * Hands an event to one projection through its annotations, as its processor does.
     *
     * @param projection the projection
     * @param message    the event
     * @throws Exception what its handler throws
     */
    public static void dispatch(LedgerProjection projection, EventMessage<?> message) throws Exception {
        new AnnotationEventHandlerAdapter(projection).handle(message);
    }

    /**
     * Records an event at the next position and instant, by the secretariat.
     *
     * @param event the event
     * @return the recorded event
     */
    public RecordedEvent record(LedgerEvent event) {
        return record(SECRETARIAT, event);
    }

    /**
     * Records an event at the next position and instant.
     *
     * @param actor who sent the command
     * @param event the event
     * @return the recorded event
     */
    public RecordedEvent record(String actor, LedgerEvent event) {
        return record(nextPosition, nextRecordedAt, actor, event, all);
    }

    /**
     * Records events one after the other.
     *
     * @param events the events
     * @return the recorded events
     */
    public List<RecordedEvent> recordAll(List<? extends LedgerEvent> events) {
        return events.stream().map(this::record).toList();
    }

    /**
     * Records events one after the other.
     *
     * @param events the events
     * @return the recorded events
     */
    public List<RecordedEvent> recordAll(LedgerEvent... events) {
        return recordAll(List.of(events));
    }

    /**
     * Records an event at a position of its own, at the next instant: an event committed late into a gap of the
     * global index. Later events continue after the highest position used.
     *
     * @param position the position
     * @param event    the event
     * @return the recorded event
     */
    public RecordedEvent recordAtPosition(long position, LedgerEvent event) {
        return record(position, nextRecordedAt, SECRETARIAT, event, all);
    }

    /**
     * Records an event at the next position and instant, handed only to some projections: the others have not
     * reached it yet (see {@link #deliver}).
     *
     * @param projections the projections that handle it now
     * @param event       the event
     * @return the recorded event
     */
    public RecordedEvent recordFor(List<? extends LedgerProjection> projections, LedgerEvent event) {
        return record(nextPosition, nextRecordedAt, SECRETARIAT, event, projections);
    }

    /**
     * Hands an event recorded before to projections that had not handled it yet.
     *
     * @param event       the recorded event
     * @param projections the projections
     */
    public void deliver(RecordedEvent event, LedgerProjection... projections) {
        for (LedgerProjection projection : projections) {
            handle(projection, message(event.position(), event.recordedAt(), event.actor(), event.event()));
        }
    }

    /**
     * Hands events again to projections, as their processor does in a replay after a {@link #reset()}: each with a
     * replay token, advanced from the token at the reset (the highest position recorded) as a processor advances it.
     *
     * @param events      the events, in ledger order
     * @param projections the projections
     */
    public void replay(List<RecordedEvent> events, LedgerProjection... projections) {
        long head = recorded.stream().mapToLong(RecordedEvent::position).max().orElse(-1);
        TrackingToken cursor = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(head));
        for (RecordedEvent event : events) {
            TrackingToken token = ((ReplayToken) cursor).advancedTo(new GlobalSequenceTrackingToken(event.position()));
            EventMessage<LedgerEvent> message = new GenericEventMessage<>(UUID.randomUUID().toString(),
                    event.event(), event.actor() == null ? Map.of() : Map.of("actor", event.actor()),
                    event.recordedAt());
            for (LedgerProjection projection : projections) {
                handle(projection, new GenericTrackedEventMessage<>(token, message));
            }
            if (token instanceof ReplayToken) {
                cursor = token;
            }
        }
    }

    /**
     * Leaves a position unused, as a transaction that commits late (or never) leaves a gap in the global index.
     *
     * @return the position left out
     */
    public long skipPosition() {
        return nextPosition++;
    }

    /**
     * Leaves time between the last recording and the next.
     *
     * @param time the time
     * @return the instant the next event is recorded at
     */
    public Instant pause(Duration time) {
        nextRecordedAt = nextRecordedAt.plus(time);
        return nextRecordedAt;
    }

    /**
     * Every event recorded so far, in the order recorded.
     *
     * @return the events
     */
    public List<RecordedEvent> all() {
        return List.copyOf(recorded);
    }

    /**
     * The last event recorded.
     *
     * @return the event
     */
    public RecordedEvent last() {
        return recorded.get(recorded.size() - 1);
    }

    /**
     * The first event recorded of a type.
     *
     * @param type the type
     * @return the event
     */
    public RecordedEvent first(Class<? extends LedgerEvent> type) {
        return recorded.stream().filter(event -> type.isInstance(event.event())).findFirst().orElseThrow();
    }

    /**
     * Resets every projection through its {@code @ResetHandler}, as a processor does before a replay: each starts
     * building the next version of its tables.
     */
    public void reset() {
        all.forEach(projection -> adapters.get(projection).prepareReset());
    }

    /** @return the ledger's log */
    public LedgerLog ledgerLog() {
        return ledgerLog;
    }

    /** @return the participation projection */
    public ParticipationProjection participation() {
        return participation;
    }

    /** @return the participant-timeline projection */
    public ParticipantTimelineProjection timeline() {
        return timeline;
    }

    /** @return the funding projection */
    public FundingProjection funding() {
        return funding;
    }

    /** @return the initiatives projection */
    public InitiativeProjection initiatives() {
        return initiatives;
    }

    /** @return the goal-progress projection */
    public GoalProgressProjection goals() {
        return goals;
    }

    /** @return the decision-log projection */
    public DecisionLogProjection decisions() {
        return decisions;
    }

    /** @return every projection */
    public List<LedgerProjection> projections() {
        return all;
    }

    /** @return the read side's database */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** @return the database's connections */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return transactions on the read side's database */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private RecordedEvent record(long position, Instant recordedAt, String actor, LedgerEvent event,
                                 List<? extends LedgerProjection> projections) {
        if (event instanceof SteeringGroupDecisionRecorded decision) {
            meetingDates.put(decision.decisionId(), decision.meetingDate());
        }
        RecordedEvent fact = new RecordedEvent(position, recordedAt, EffectiveDates.of(event, meetingDates::get),
                actor, event);
        recorded.add(fact);
        TrackedEventMessage<LedgerEvent> message = message(position, recordedAt, actor, event);
        for (LedgerProjection projection : projections) {
            handle(projection, message);
        }
        nextPosition = Math.max(nextPosition, position + 1);
        nextRecordedAt = recordedAt.plus(STEP);
        return fact;
    }

    private void handle(LedgerProjection projection, EventMessage<?> message) {
        try {
            adapters.get(projection).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
