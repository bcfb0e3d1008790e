package no.trondelag.samhandling.query.ledger;

import java.util.Map;
import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Copies every event into the {@link FactLog}, with its position, recording time, effective date and actor. It
 * runs in a streaming processor, so the write path never waits for it; the reports are as current as its tokens.
 * Each event is recorded on its own, from nothing but itself, so the processor's segments may record their events
 * in any order and on different nodes; the log puts them in ledger order when it is read.
 */
@ProcessingGroup(FactRecorder.PROCESSING_GROUP)
public class FactRecorder {

    /** The processing group: a pooled streaming processor whose segments may run on several nodes. */
    public static final String PROCESSING_GROUP = "ledger-facts";

    private static final String POSITIONS_RESOURCE = FactRecorder.class.getName() + ".positions";

    private final FactLog factLog;
    private final EventIndex eventIndex;

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
        Long own = positionsInThisBatch().get(message.getIdentifier());
        long position = own != null ? own : eventIndex.globalIndexOf(message.getIdentifier()).orElseGet(() -> token
                .position()
                .orElseThrow(() -> new IllegalStateException("A streaming processor's token always has a position")));
        Object actor = message.getMetaData().get("actor");
        factLog.append(new LedgerFact(position, message.getTimestamp(), EffectiveDates.of(event),
                actor == null ? null : actor.toString(), event), message);
    }

    /**
     * The own positions of all events in the processor's current batch, looked up once per batch; empty outside a
     * batch.
     */
    private Map<String, Long> positionsInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return Map.of();
        }
        return batch.getOrComputeResource(POSITIONS_RESOURCE, key -> eventIndex.globalIndexesOf(
                batch.getMessages().stream().map(Message::getIdentifier).toList()));
    }

    @ResetHandler
    void reset() {
        factLog.clear();
    }
}
