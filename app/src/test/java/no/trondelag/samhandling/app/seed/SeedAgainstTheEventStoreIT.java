package no.trondelag.samhandling.app.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
