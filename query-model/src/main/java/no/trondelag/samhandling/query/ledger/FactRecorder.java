package no.trondelag.samhandling.query.ledger;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Copies every event into the {@link FactLog}, with its position, recording time, effective date and actor. It
 * runs in a streaming processor, so the write path never waits for it; the reports are as current as its token.
 */
@ProcessingGroup(FactRecorder.PROCESSING_GROUP)
public class FactRecorder {

    /** The processing group: a streaming processor with one segment, so facts arrive in ledger order. */
    public static final String PROCESSING_GROUP = "ledger-facts";

    private final FactLog factLog;
    private final EventIndex eventIndex;
    private final Map<String, LocalDate> meetingDates = new ConcurrentHashMap<>();

    /**
     * Creates the recorder.
     *
     * @param factLog    where the facts go
     * @param eventIndex where each event's own position is found
     */
    public FactRecorder(FactLog factLog, EventIndex eventIndex) {
        this.factLog = factLog;
        this.eventIndex = eventIndex;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token) {
        if (event instanceof SteeringGroupDecisionRecorded recorded) {
            meetingDates.put(recorded.decisionId(), recorded.meetingDate());
        }
        long position = eventIndex.globalIndexOf(message.getIdentifier()).orElseGet(() -> token.position()
                .orElseThrow(() -> new IllegalStateException("A streaming processor's token always has a position")));
        LocalDate effectiveOn = EffectiveDates.of(event,
                decisionId -> meetingDates.computeIfAbsent(decisionId, factLog::meetingDateOf));
        Object actor = message.getMetaData().get("actor");
        factLog.append(new LedgerFact(position, message.getTimestamp(), effectiveOn,
                actor == null ? null : actor.toString(), event));
    }

    @ResetHandler
    void reset() {
        meetingDates.clear();
        factLog.clear();
    }
}
