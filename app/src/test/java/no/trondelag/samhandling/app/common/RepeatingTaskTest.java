package no.trondelag.samhandling.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatingTaskTest {

    @Test
    void theTaskRunsAgainAfterAFailedRunUntilStopped() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        RepeatingTask task = new RepeatingTask("test-task", Duration.ZERO, Duration.ofMillis(5), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        });
        assertThat(task.isRunning()).isFalse();

        task.start();
        task.start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (runs.get() < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }

        assertThat(runs.get()).as("runs after the failed one").isGreaterThanOrEqualTo(3);
        assertThat(task.isRunning()).isTrue();
        assertThat(task.stop()).isTrue();
        int afterStop = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(afterStop);
        assertThat(task.isRunning()).isFalse();
        assertThat(task.stop()).as("already stopped").isFalse();
    }
}
