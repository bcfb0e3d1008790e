package no.trondelag.samhandling.app.ledger;

import java.time.Duration;
import no.trondelag.samhandling.app.common.RepeatingTask;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import org.springframework.context.SmartLifecycle;

/**
 * Extends the chain and its Merkle tree in the background at a fixed delay, on one thread of its own, then signs a
 * checkpoint when the tree has grown and asks for time-stamps still missing, so that both keep up with the event
 * store between requests. A run never overlaps the previous one, and {@link LedgerChain#advance()} takes turns with
 * digest and checkpoint requests. A failed run is logged and the next one tries again.
 */
public class LedgerChainScheduler implements SmartLifecycle {

    private final RepeatingTask task;

    /**
     * Creates the scheduler.
     *
     * @param chain       the chain to extend
     * @param checkpoints the checkpoints to sign
     * @param interval    the delay between the end of one run and the start of the next
     */
    public LedgerChainScheduler(LedgerChain chain, LedgerCheckpoints checkpoints, Duration interval) {
        this.task = new RepeatingTask("ledger-chain", interval, interval, () -> {
            chain.advance();
            checkpoints.latest();
            checkpoints.timestampPending();
        });
    }

    @Override
    public void start() {
        task.start();
    }

    @Override
    public void stop() {
        task.stop();
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
