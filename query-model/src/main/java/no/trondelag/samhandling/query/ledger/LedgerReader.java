package no.trondelag.samhandling.query.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Answers reads at any read point by folding the {@link FactLog} into {@link LedgerViews}. The current view (as of
 * today, with everything known) is kept in memory and brought up to date with only the facts added since; any
 * other read point is folded afresh from the log. Both use the same views, so there is one truth about what an
 * event means.
 */
public class LedgerReader {

    private final FactLog factLog;
    private final Clock clock;

    private LedgerViews live;
    private LocalDate liveAsOf;
    private long liveEpoch = -1;
    private long liveAppends;
    private long liveCount;
    private long livePosition = -1;

    /**
     * Creates the reader.
     *
     * @param factLog the read side's facts
     * @param clock   the clock that says what "today" is, in the ledger's zone
     */
    public LedgerReader(FactLog factLog, Clock clock) {
        this.factLog = factLog;
        this.clock = clock;
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
    public synchronized <R> Read<R> read(ReadPoint readPoint, Function<LedgerViews, R> reader) {
        if (readPoint.knownAt() == null && readPoint.asOf().equals(LocalDate.now(clock))) {
            refreshLive(readPoint.asOf());
            return new Read<>(reader.apply(live), new ReportMeta(readPoint.asOf(), null, livePosition,
                    liveCount));
        }
        LedgerViews views = LedgerViews.empty();
        long[] positionAndCount = fold(views, readPoint);
        return new Read<>(reader.apply(views), new ReportMeta(readPoint.asOf(), readPoint.knownAt(),
                positionAndCount[0], positionAndCount[1]));
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
     * Brings the live views up to date. They were folded from {@code liveCount} facts up to {@code livePosition}
     * in epoch {@code liveEpoch}, when the log had taken {@code liveAppends} appends. If the log has taken no append
     * since, they are current; if it is still in that epoch and holds no other facts up to that position, only the
     * facts after it are applied (each exactly once, however many arrive meanwhile); else everything is folded
     * again.
     */
    private void refreshLive(LocalDate today) {
        ReadPoint readPoint = new ReadPoint(today, null);
        FactLog.Watermark watermark = factLog.watermark();
        if (live != null && today.equals(liveAsOf) && watermark.epoch() == liveEpoch) {
            if (watermark.appends() == liveAppends && watermark.lastPosition() == livePosition) {
                return;
            }
            if (factLog.countUpTo(livePosition) == liveCount) {
                factLog.forEach(livePosition, fact -> {
                    liveCount++;
                    livePosition = fact.position();
                    if (readPoint.inEffect(fact.effectiveOn())) {
                        live.apply(fact);
                    }
                });
                liveAppends = watermark.appends();
                return;
            }
        }
        LedgerViews views = LedgerViews.empty();
        liveEpoch = watermark.epoch();
        liveAppends = watermark.appends();
        liveCount = 0;
        livePosition = -1;
        factLog.forEach(-1, fact -> {
            liveCount++;
            livePosition = fact.position();
            if (readPoint.inEffect(fact.effectiveOn())) {
                views.apply(fact);
            }
        });
        live = views;
        liveAsOf = today;
    }

    /**
     * Folds the facts known at a read point into views.
     *
     * @return the last position folded and how many facts were
     */
    private long[] fold(LedgerViews views, ReadPoint readPoint) {
        long[] position = {-1, 0};
        factLog.forEach(-1, fact -> {
            if (readPoint.knows(fact.recordedAt())) {
                position[0] = fact.position();
                position[1]++;
                if (readPoint.inEffect(fact.effectiveOn())) {
                    views.apply(fact);
                }
            }
        });
        return position;
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
