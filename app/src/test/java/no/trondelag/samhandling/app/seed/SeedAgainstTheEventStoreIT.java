package no.trondelag.samhandling.app.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.engine.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed asks the event store, not only the command side's lookups: a node whose lookups do not know what the
 * event store holds (its database is not the one the events were recorded with) refuses to start instead of seeding
 * again, and a node on the same database starts again without seeding anything twice.
 */
class SeedAgainstTheEventStoreIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("ledger")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    /**
     * The application as an operator starts it, from its jar, on the same data directory: a start that fails exits
     * with status 1 instead of staying alive on the threads a half-started node leaves.
     */
    @Test
    void theApplicationExitsWithStatusOneWhenItsStartFails() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM lookup_participant");
            jdbc.update("DELETE FROM lookup_id");
        }
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(path -> path.getFileName().toString().matches("app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The application jar is built in the package phase"));
        }
        Path log = dataDir.resolve("start.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toAbsolutePath().toString(), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("ledger")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the process ended (see %s)", log).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("Not starting.");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStartAgainstLookupsThatAreBehindTheEventStoreFailsAndNothingIsSeededTwice() {
        long seeded;
        try (ConfigurableApplicationContext context = start()) {
            seeded = StoredEvents.count(context.getBean(EventStore.class));
            assertThat(seeded).as("9 regions and 47 municipalities").isEqualTo(56);
        }
        try (ConfigurableApplicationContext context = start()) {
            assertThat(StoredEvents.count(context.getBean(EventStore.class))).as("a restart seeds nothing")
                    .isEqualTo(seeded);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM lookup_participant");
            jdbc.update("DELETE FROM lookup_id");
        }

        assertThatThrownBy(this::start).hasStackTraceContaining("The event store holds 56 of the reference data's "
                + "aggregates").hasStackTraceContaining("Not starting.");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--ledger.seed.enabled=false", "--spring.datasource.url=jdbc:h2:file:"
                        + dataDir.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")) {
            assertThat(StoredEvents.count(context.getBean(EventStore.class))).as("nothing was appended")
                    .isEqualTo(seeded);
        }
    }
}
