package no.trondelag.samhandling.app.config;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import no.trondelag.samhandling.command.common.Rejections;

/**
 * Retries a command that lost a race for its aggregate: another command appended to the same aggregate between
 * this one loading and appending it. With commands routed by aggregate this should not happen; it is the backstop
 * for the moments routing changes (a node joins or dies). Only such concurrency failures are retried, a few times
 * with a short pause; a rule violation, or a version named by {@code If-Match} that no longer holds, never is.
 */
public class ConcurrencyRetry implements RetryScheduler {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final int maxRetries;
    private final long intervalMillis;

    /**
     * Creates the scheduler.
     *
     * @param maxRetries     how many times a command is retried at most
     * @param intervalMillis the pause before each retry
     */
    public ConcurrencyRetry(int maxRetries, long intervalMillis) {
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > maxRetries || !Rejections.lostARace(lastFailure)) {
            return false;
        }
        executor.schedule(dispatchTask, intervalMillis * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }
}
