package no.trondelag.samhandling.app.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run in the background at a fixed delay, on one daemon thread of its own: a run never overlaps the previous
 * one, and a run that fails is logged and the next one tries again.
 */
public final class RepeatingTask {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingTask.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService executor;

    /**
     * Creates the task, not yet started.
     *
     * @param name         the thread's name, and what the log calls the task
     * @param initialDelay the delay before the first run
     * @param interval     the delay between the end of one run and the start of the next
     * @param task         what to run
     */
    public RepeatingTask(String name, Duration initialDelay, Duration interval, Runnable task) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
    }

    /**
     * Starts running the task.
     */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("Task {} failed; trying again in {}", name, interval, e);
        }
    }

    /**
     * Stops running the task, waiting a while for a run under way to end.
     *
     * @return whether the task was running
     */
    public synchronized boolean stop() {
        if (executor == null) {
            return false;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        return true;
    }

    /**
     * Whether the task is running.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
