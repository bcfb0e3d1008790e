package no.trondelag.samhandling.query.ledger;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.Message;

/**
 * The read side's own copy of the ledger: every event it has processed, as a {@link LedgerFact}, indexed by the
 * participants it concerns and the decision it cites. Every view is folded from it.
 */
public interface FactLog {

    /**
     * Adds a fact. Facts may be added in any order (each segment of the recorder adds its own, and an event
     * committed late into a gap of the global index arrives after facts with higher positions); they are read in
     * ledger order. A fact whose effective date rests on a steering-group decision's meeting date is added without
     * it, and takes it when it is read.
     *
     * @param fact the fact
     */
    void append(LedgerFact fact);

    /**
     * Adds a fact copied from an event message, which may hold the event serialized already.
     *
     * @param fact   the fact
     * @param source the message the fact copies
     */
    default void append(LedgerFact fact, Message<?> source) {
        append(fact);
    }

    /**
     * Removes every fact, before a replay, and starts a new epoch of its {@link #watermark()}.
     */
    void clear();

    /**
     * The state of the log, to tell cheaply whether a view folded earlier is still current.
     *
     * @return the log's epoch, how many facts it holds, and the highest position among them
     */
    Watermark watermark();

    /**
     * How many facts there are at or below a position; a count above what a reader folded there means a fact was
     * added late into a gap.
     *
     * @param position the position
     * @return the number of facts at or below it
     */
    long countUpTo(long position);

    /**
     * How many facts there are above a position; with {@link #countUpTo} and the watermark's count, a reader tells
     * whether a fact arrived at or below a position it folded, without counting the whole log.
     *
     * @param position the position
     * @return the number of facts above it
     */
    long countAfter(long position);

    /**
     * Feeds every fact to a consumer in ledger order, with its effective date resolved.
     *
     * @param afterPosition only facts above this position
     * @param consumer      the consumer
     */
    void forEach(long afterPosition, Consumer<LedgerFact> consumer);

    /**
     * The facts concerning any of the given participants, in ledger order, with their effective dates resolved.
     *
     * @param participantIds the participants
     * @return the facts
     */
    List<LedgerFact> concerning(Collection<String> participantIds);

    /**
     * The state of the log. Adding a fact changes it (a fact replacing the one at its position changes nothing a
     * reader folded from, as it is the same event), and clearing raises {@code epoch}.
     *
     * @param epoch        how many times the log was cleared; a reader that folded the log in an earlier epoch
     *                     must fold it again
     * @param facts        how many facts the log holds
     * @param lastPosition the highest position, or -1 when empty
     */
    record Watermark(long epoch, long facts, long lastPosition) {
    }
}
