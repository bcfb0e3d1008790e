package no.trondelag.samhandling.query.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Answers reads at any read point by folding the {@link FactLog} into {@link LedgerViews}. The views of the read
 * points read most recently (today's, with everything known, above all) are kept in memory, each brought up to date
 * with only the facts added since it was last read; any other read point is folded from the log. All use the same
 * views, so there is one truth about what an event means.
 *
 * <p>Views are folded in ledger order, so a fact that arrives below a position already folded means folding again
 * from the start. The read side records facts in several segments at once, each a little ahead of or behind the
 * others; the reader therefore folds only up to the settled position, the one every segment has passed (given by
 * the application), and facts arrive below it only when an event commits late into a gap of the global index.
 */
public class LedgerReader {

    /** How many read points' views are kept, unless the reader is told otherwise. */
    public static final int DEFAULT_KEPT_READ_POINTS = 4;

    private final FactLog factLog;
    private final Clock clock;
    private final LongSupplier settledPosition;
    private final Map<ReadPoint, Fold> folds;

    /**
     * Creates a reader that keeps the views of {@value #DEFAULT_KEPT_READ_POINTS} read points.
     *
     * @param factLog the read side's facts
     * @param clock   the clock that says what "today" is, in the ledger's zone
     */
    public LedgerReader(FactLog factLog, Clock clock) {
        this(factLog, clock, DEFAULT_KEPT_READ_POINTS, () -> Long.MAX_VALUE);
    }

    /**
     * Creates the reader.
     *
     * @param factLog         the read side's facts
     * @param clock           the clock that says what "today" is, in the ledger's zone
     * @param keptReadPoints  how many read points' views to keep, the least recently read going first
     * @param settledPosition the position every segment of the read side has passed: all facts up to it are in
     *                        the log, but for events committed late into a gap
     */
    public LedgerReader(FactLog factLog, Clock clock, int keptReadPoints, LongSupplier settledPosition) {
        if (keptReadPoints < 1) {
            throw new IllegalArgumentException("The reader keeps the views of at least one read point");
        }
        this.factLog = factLog;
        this.clock = clock;
        this.settledPosition = settledPosition;
        this.folds = new LinkedHashMap<>(keptReadPoints * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ReadPoint, Fold> eldest) {
                return size() > keptReadPoints;
            }
        };
    }

    /**
     * The read point of "now": today, with everything recorded.
     *
     * @return the current read point
     */
    public ReadPoint now() {
        return new ReadPoint(LocalDate.now(clock), null);
    }

    /**
     * Reads the views at a read point.
     *
     * @param readPoint when to read
     * @param reader    what to take from the views; it runs while no other read changes them
     * @param <R>       the result type
     * @return the result and the report's meta
     */
    public <R> Read<R> read(ReadPoint readPoint, Function<LedgerViews, R> reader) {
        Fold fold;
        synchronized (folds) {
            fold = folds.computeIfAbsent(readPoint, Fold::new);
        }
        synchronized (fold) {
            fold.refresh();
            return new Read<>(reader.apply(fold.views), new ReportMeta(readPoint.asOf(), readPoint.knownAt(),
                    fold.knownPosition, fold.knownCount));
        }
    }

    /**
     * The facts concerning some participants at a read point, in ledger order.
     *
     * @param readPoint      when to read
     * @param participantIds the participants
     * @return the facts known and in effect at the read point
     */
    public List<LedgerFact> concerning(ReadPoint readPoint, List<String> participantIds) {
        List<LedgerFact> facts = new ArrayList<>();
        for (LedgerFact fact : factLog.concerning(participantIds)) {
            if (readPoint.knows(fact.recordedAt()) && readPoint.inEffect(fact.effectiveOn())) {
                facts.add(fact);
            }
        }
        return facts;
    }

    /**
     * The views of one read point and how far into the log they were folded: {@code count} facts up to
     * {@code position} (of which {@code knownCount}, up to {@code knownPosition}, were known at the read point), in
     * epoch {@code epoch}.
     */
    private final class Fold {

        private final ReadPoint readPoint;
        private LedgerViews views;
        private long epoch = -1;
        private long count;
        private long position = -1;
        private long knownCount;
        private long knownPosition = -1;

        Fold(ReadPoint readPoint) {
            this.readPoint = readPoint;
        }

        /**
         * Brings the views up to date, up to the settled position. If the log holds only the facts folded, they are
         * current. If it is still in the same epoch and no fact arrived at or below the position folded (the log
         * holds as many facts as were folded plus those above), only the facts after it are applied, each exactly
         * once however many arrive meanwhile; else everything is folded again.
         */
        void refresh() {
            FactLog.Watermark watermark = factLog.watermark();
            if (views != null && watermark.epoch() == epoch) {
                if (watermark.facts() == count && watermark.lastPosition() == position) {
                    return;
                }
                if (watermark.facts() == count + factLog.countAfter(position)
                        || factLog.countUpTo(position) == count) {
                    long bound = settledPosition.getAsLong();
                    if (bound > position) {
                        factLog.forEach(position, fact -> {
                            if (fact.position() <= bound) {
                                apply(fact);
                            }
                        });
                    }
                    return;
                }
            }
            views = LedgerViews.empty();
            epoch = watermark.epoch();
            count = 0;
            position = -1;
            knownCount = 0;
            knownPosition = -1;
            long bound = settledPosition.getAsLong();
            factLog.forEach(-1, fact -> {
                if (fact.position() <= bound) {
                    apply(fact);
                }
            });
        }

        private void apply(LedgerFact fact) {
            count++;
            position = fact.position();
            if (readPoint.knows(fact.recordedAt())) {
                knownCount++;
                knownPosition = fact.position();
                if (readPoint.inEffect(fact.effectiveOn())) {
                    views.apply(fact);
                }
            }
        }
    }

    /**
     * A result with the meta of the report it belongs to.
     *
     * @param result the result
     * @param meta   the read point and position
     * @param <R>    the result type
     */
    public record Read<R>(R result, ReportMeta meta) {
    }
}
