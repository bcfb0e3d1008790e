package no.trondelag.samhandling.app.ledger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Extends the chain in the background at a fixed delay, on one thread of its own, so that it keeps up with the
 * event store between digests. A run never overlaps the previous one, and {@link LedgerChain#advance()} takes turns
 * with digest requests. A failed run is logged and the next one tries again.
 */
public class LedgerChainScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerChainScheduler.class);

    private final LedgerChain chain;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * Creates the scheduler.
     *
     * @param chain    the chain to extend
     * @param interval the delay between the end of one run and the start of the next
     */
    public LedgerChainScheduler(LedgerChain chain, Duration interval) {
        this.chain = chain;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-chain");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::advance, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void advance() {
        try {
            chain.advance();
        } catch (RuntimeException e) {
            LOG.warn("Could not extend the ledger chain; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
