package no.trondelag.samhandling.query.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;

/**
 * Builds a ledger history for tests the way {@link FactRecorder} does: each event gets the next position and the
 * next recording instant, and its effective date from {@link EffectiveDates#of}, with the meeting dates of the
 * decisions recorded before it. Facts go into a {@link FactLog} when one is given.
 */
public final class Facts {

    /** When the history starts being recorded: the 2018 history was entered years after the fact. */
    public static final Instant FIRST_RECORDING = Instant.parse("2024-01-08T08:00:00Z");
    /** The time between two recordings. */
    public static final Duration STEP = Duration.ofMinutes(1);
    /** Who records, unless told otherwise. */
    public static final String SECRETARIAT = "secretariat";

    private final FactLog log;
    private final List<LedgerFact> recorded = new ArrayList<>();
    private final Map<String, LocalDate> meetingDates = new HashMap<>();
    private long nextPosition;
    private Instant nextRecordedAt = FIRST_RECORDING;

    /**
     * A history kept by the builder only, for folding views directly.
     */
    public Facts() {
        this(null);
    }

    /**
     * A history appended to a log as it is recorded.
     *
     * @param log the log
     */
    public Facts(FactLog log) {
        this.log = log;
    }

    /**
     * Records an event at the next position and instant, by the secretariat.
     *
     * @param event the event
     * @return the fact
     */
    public LedgerFact record(LedgerEvent event) {
        return record(SECRETARIAT, event);
    }

    /**
     * Records an event at the next position and instant.
     *
     * @param actor who sent the command
     * @param event the event
     * @return the fact
     */
    public LedgerFact record(String actor, LedgerEvent event) {
        return recordAtPosition(nextPosition, actor, event);
    }

    /**
     * Records events one after the other.
     *
     * @param events the events
     * @return the facts
     */
    public List<LedgerFact> recordAll(List<? extends LedgerEvent> events) {
        return events.stream().map(this::record).toList();
    }

    /**
     * Records events one after the other.
     *
     * @param events the events
     * @return the facts
     */
    public List<LedgerFact> recordAll(LedgerEvent... events) {
        return recordAll(List.of(events));
    }

    /**
     * Records an event at a position of its own, at the next instant: an event committed late into a gap of the
     * global index. Later events continue after the highest position used.
     *
     * @param position the position
     * @param event    the event
     * @return the fact
     */
    public LedgerFact recordAtPosition(long position, LedgerEvent event) {
        return recordAtPosition(position, SECRETARIAT, event);
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
     * Every fact recorded so far, in the order recorded.
     *
     * @return the facts
     */
    public List<LedgerFact> all() {
        return List.copyOf(recorded);
    }

    /**
     * The last fact recorded.
     *
     * @return the fact
     */
    public LedgerFact last() {
        return recorded.get(recorded.size() - 1);
    }

    /**
     * Folds every fact, in position order, into a view.
     *
     * @param view the view
     * @param <V>  the view type
     * @return the view
     */
    public <V extends LedgerView> V foldInto(V view) {
        sortedByPosition().forEach(view::apply);
        return view;
    }

    private List<LedgerFact> sortedByPosition() {
        List<LedgerFact> sorted = new ArrayList<>(recorded);
        sorted.sort((a, b) -> Long.compare(a.position(), b.position()));
        return sorted;
    }

    private LedgerFact recordAtPosition(long position, String actor, LedgerEvent event) {
        if (event instanceof SteeringGroupDecisionRecorded decision) {
            meetingDates.put(decision.decisionId(), decision.meetingDate());
        }
        LedgerFact fact = new LedgerFact(position, nextRecordedAt, EffectiveDates.of(event, meetingDates::get),
                actor, event);
        recorded.add(fact);
        if (log != null) {
            log.append(fact);
        }
        nextPosition = Math.max(nextPosition, position + 1);
        nextRecordedAt = nextRecordedAt.plus(STEP);
        return fact;
    }
}
