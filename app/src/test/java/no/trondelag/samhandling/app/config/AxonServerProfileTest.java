package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The {@code axonserver} profile puts Axon Server in place of the JDBC event store and the local buses. No Axon
 * Server runs here (it is not on Maven Central), so the profile starts against an address where nothing listens and
 * the test checks the wiring only: which event store and buses are in place, and that no JDBC storage engine is.
 * The read side's projections run subscribing here, since a streaming processor would wait at start for a server to
 * read from.
 */
class AxonServerProfileTest {

    @Test
    void axonServerReplacesTheJdbcEventStoreAndTheLocalBuses() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:axonserver-profile;DB_CLOSE_DELAY=-1",
                "--axon.axonserver.servers=127.0.0.1:" + nothingListens, "--ledger.seed.enabled=false",
                "--logging.level.org.axonframework=OFF", "--logging.level.io.axoniq=OFF"));
        for (String projection : ReadSide.PROJECTIONS) {
            arguments.add("--axon.eventhandling.processors." + projection + ".dlq.enabled=false");
            arguments.add("--axon.eventhandling.processors." + projection + ".mode=subscribing");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("axonserver", "test")
                .run(arguments.toArray(String[]::new))) {

            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                    .noneMatch(engine -> engine.getClass().getSimpleName().startsWith("Jdbc"));
            assertThat(ReflectionTestUtils.getField(context.getBean(LedgerIntegrityConfiguration.EVENT_SOURCE),
                    "store")).as("the integrity chain reads Axon Server, without upcasters")
                    .isInstanceOf(AxonServerEventStore.class);
        }
    }

    @Test
    void theDefaultProfileUsesTheJdbcEventStoreAndLocalBuses() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1",
                        "--ledger.seed.enabled=false")) {

            assertThat(context.getBean(EventStore.class)).isNotInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isNotInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(EventStorageEngine.class).getClass().getSimpleName())
                    .isEqualTo("JdbcEventStorageEngine");
            assertThat(ReflectionTestUtils.getField(context.getBean(EventStore.class), "optimizeEventConsumption"))
                    .as("the processors read the store themselves, with no shared cache of recent events")
                    .isEqualTo(false);
        }
    }
}
