package no.trondelag.samhandling.app.config;

import java.time.Clock;
import no.trondelag.samhandling.app.ledger.LedgerChainScheduler;
import no.trondelag.samhandling.app.ledger.LedgerIntegrityProperties;
import no.trondelag.samhandling.query.integrity.AxonEventSource;
import no.trondelag.samhandling.query.integrity.JdbcChainStore;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import no.trondelag.samhandling.verifier.EventSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the ledger's hash chain (ADR 0016): over the event store's events as stored, read through Axon's API
 * ({@link AxonEventSource}), kept in {@code ledger_chain}, extended over settled positions whenever a digest is asked
 * for and in the background.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerIntegrityProperties.class)
public class LedgerIntegrityConfiguration {

    /** The name of the bean that reads the event store's events as stored. */
    public static final String EVENT_SOURCE = "ledgerEventSource";

    @Bean
    LedgerChain ledgerChain(@Qualifier(EVENT_SOURCE) EventSource events, JdbcTemplate jdbcTemplate,
                            LedgerIntegrityProperties properties, Clock clock) {
        return new LedgerChain(events, new JdbcChainStore(jdbcTemplate), properties.settleTime(), clock);
    }

    /**
     * The JDBC engine's events as stored: the same engine as the event store's, but without upcasters, read through
     * an event store of its own that nothing publishes to.
     */
    @Bean(EVENT_SOURCE)
    @Profile("!axonserver")
    AxonEventSource ledgerEventSource(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                      org.axonframework.config.Configuration axon,
                                      ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      PersistenceExceptionResolver persistenceExceptionResolver) {
        EventStorageEngine asStored = AxonConfiguration.jdbcEngine(NoOpEventUpcaster.INSTANCE, serializer, events,
                axon, connectionProvider, transactionManager, persistenceExceptionResolver);
        return new AxonEventSource(EmbeddedEventStore.builder().storageEngine(asStored)
                .optimizeEventConsumption(false).build(), events);
    }

    /** Axon Server's events as stored: a second connection to its event store, without upcasters. */
    @Bean(EVENT_SOURCE)
    @Profile("axonserver")
    AxonEventSource axonServerEventSource(AxonServerConfiguration configuration,
                                          AxonServerConnectionManager connectionManager, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer events,
                                          org.axonframework.config.Configuration axon) {
        return new AxonEventSource(AxonServerEventStore.builder().configuration(configuration)
                .platformConnectionManager(connectionManager).snapshotSerializer(serializer).eventSerializer(events)
                .snapshotFilter(axon.snapshotFilter()).upcasterChain(NoOpEventUpcaster.INSTANCE).build(), events);
    }

    @Bean
    LedgerChainScheduler ledgerChainScheduler(LedgerChain ledgerChain, LedgerIntegrityProperties properties) {
        return new LedgerChainScheduler(ledgerChain, properties.advanceInterval());
    }
}
