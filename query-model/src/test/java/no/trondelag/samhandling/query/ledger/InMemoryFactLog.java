package no.trondelag.samhandling.query.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;

/**
 * A {@link FactLog} in memory, for tests. It behaves like {@link JdbcFactLog}: facts are kept and read in position
 * order whatever the order they were appended in, appending a position again replaces the fact there, a fact
 * concerns the participants {@link Subjects#participantsOf} names, and a fact without a date that cites a
 * steering-group decision reads with the decision's meeting date.
 */
public final class InMemoryFactLog implements FactLog {

    private final NavigableMap<Long, LedgerFact> facts = new TreeMap<>();
    private long epoch;

    @Override
    public synchronized void append(LedgerFact fact) {
        facts.put(fact.position(), fact);
    }

    @Override
    public synchronized void clear() {
        facts.clear();
        epoch++;
    }

    @Override
    public synchronized long countAfter(long position) {
        return facts.tailMap(position, false).size();
    }

    @Override
    public synchronized long countUpTo(long position) {
        return facts.headMap(position, true).size();
    }

    @Override
    public synchronized Watermark watermark() {
        return new Watermark(epoch, facts.size(), facts.isEmpty() ? -1 : facts.lastKey());
    }

    @Override
    public void forEach(long afterPosition, Consumer<LedgerFact> consumer) {
        List<LedgerFact> after;
        synchronized (this) {
            after = facts.tailMap(afterPosition, false).values().stream().map(this::resolved).toList();
        }
        after.forEach(consumer);
    }

    @Override
    public synchronized List<LedgerFact> concerning(Collection<String> participantIds) {
        return facts.values().stream()
                .filter(fact -> !Collections.disjoint(Subjects.participantsOf(fact.event()), participantIds))
                .map(this::resolved)
                .toList();
    }

    private LedgerFact resolved(LedgerFact fact) {
        return fact.effectiveOn() != null ? fact : new LedgerFact(fact.position(), fact.recordedAt(),
                EffectiveDates.of(fact.event(), this::meetingDateOf), fact.actor(), fact.event());
    }

    private synchronized LocalDate meetingDateOf(String decisionId) {
        return facts.values().stream()
                .map(LedgerFact::event)
                .filter(SteeringGroupDecisionRecorded.class::isInstance)
                .map(SteeringGroupDecisionRecorded.class::cast)
                .filter(recorded -> recorded.decisionId().equals(decisionId))
                .map(SteeringGroupDecisionRecorded::meetingDate)
                .findFirst()
                .orElse(null);
    }

    /**
     * Every fact as it was appended, without effective dates resolved, in position order.
     *
     * @return the facts
     */
    public synchronized List<LedgerFact> asAppended() {
        return List.copyOf(facts.values());
    }

    /**
     * Every fact, in position order, as it reads.
     *
     * @return the facts
     */
    public synchronized List<LedgerFact> all() {
        return facts.values().stream().map(this::resolved).toList();
    }
}
