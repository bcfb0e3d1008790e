package no.trondelag.samhandling.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import no.trondelag.samhandling.app.ledger.CheckpointProperties;
import no.trondelag.samhandling.app.ledger.CheckpointSigner;
import no.trondelag.samhandling.app.ledger.LedgerChainScheduler;
import no.trondelag.samhandling.app.ledger.LedgerCheckpoints;
import no.trondelag.samhandling.app.ledger.LedgerIntegrityProperties;
import no.trondelag.samhandling.app.ledger.TimestampAuthority;
import no.trondelag.samhandling.query.integrity.AxonEventSource;
import no.trondelag.samhandling.query.integrity.JdbcChainStore;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import no.trondelag.samhandling.query.integrity.JdbcCheckpoints;
import no.trondelag.samhandling.query.integrity.LedgerTree;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the ledger's hash chain (ADR 0016) and Merkle tree with signed checkpoints (ADR 0031): over the event
 * store's events as stored, read through Axon's API ({@link AxonEventSource}), kept in {@code ledger_chain} and the
 * tree's tables, extended over settled positions whenever a digest or checkpoint is asked for and in the background.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LedgerIntegrityProperties.class, CheckpointProperties.class})
public class LedgerIntegrityConfiguration {

    /** The name of the bean that reads the event store's events as stored. */
    public static final String EVENT_SOURCE = "ledgerEventSource";
    /** The name of the bean that looks single events up as stored, for proofs. */
    public static final String EVENT_LOOKUP = "ledgerEventLookup";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerIntegrityConfiguration.class);

    @Bean
    JdbcChainStore ledgerChainStore(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        return new JdbcChainStore(jdbcTemplate, new TransactionTemplate(transactionManager));
    }

    @Bean
    LedgerChain ledgerChain(@Qualifier(EVENT_SOURCE) EventSource events, JdbcChainStore ledgerChainStore,
                            LedgerIntegrityProperties properties, Clock clock) {
        return new LedgerChain(events, ledgerChainStore, properties.settleTime(), clock);
    }

    @Bean
    LedgerTree ledgerTree(JdbcChainStore ledgerChainStore, @Qualifier(EVENT_LOOKUP) EventSource events) {
        return new LedgerTree(ledgerChainStore.tree(), events);
    }

    /**
     * The JDBC engine's events as stored, one per query: a proof reads the one event it proves, where a page of the
     * chain reads {@value AxonConfiguration#JDBC_BATCH_SIZE} per query.
     */
    @Bean(EVENT_LOOKUP)
    @Profile("!axonserver")
    AxonEventSource ledgerEventLookup(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                      org.axonframework.config.Configuration axon,
                                      ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      PersistenceExceptionResolver persistenceExceptionResolver) {
        return asStored(serializer, events, axon, connectionProvider, transactionManager,
                persistenceExceptionResolver, 1);
    }

    /** Axon Server streams the events it is asked for: single events are read as pages are. */
    @Bean(EVENT_LOOKUP)
    @Profile("axonserver")
    EventSource axonServerEventLookup(@Qualifier(EVENT_SOURCE) EventSource events) {
        return events;
    }

    @Bean
    LedgerCheckpoints ledgerCheckpoints(LedgerTree ledgerTree, JdbcTemplate jdbcTemplate,
                                        CheckpointProperties properties, Environment environment, Clock clock) {
        CheckpointSigner signer = signer(properties, environment.acceptsProfiles(Profiles.of("prod")));
        LOG.info("Checkpoints of the ledger are signed with the key {}: auditors verify them with it "
                + "(GET /api/ledger/checkpoint/key)", signer.verifierKey().text());
        TimestampAuthority authority = properties.timestampAuthority() == null ? null
                : new TimestampAuthority(properties.timestampAuthority(), properties.timestampTimeout());
        return new LedgerCheckpoints(ledgerTree, new JdbcCheckpoints(jdbcTemplate), signer, authority, clock);
    }

    /**
     * The configured signing key, or in the embedded default one created on first start and kept in the key file.
     */
    static CheckpointSigner signer(CheckpointProperties properties, boolean prod) {
        if (prod && properties.generateKey()) {
            throw new IllegalStateException("The prod profile refuses to start with "
                    + "ledger.integrity.checkpoints.generate-key=true: configure the checkpoint signing key in "
                    + "ledger.integrity.checkpoints.signing-key (LEDGER_SIGNING_KEY) or key-file");
        }
        CheckpointSigner signer;
        Path keyFile = properties.keyFile() == null || properties.keyFile().isBlank() ? null
                : Path.of(properties.keyFile());
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            signer = CheckpointSigner.parse(properties.signingKey());
        } else if (keyFile != null && Files.exists(keyFile)) {
            try {
                signer = CheckpointSigner.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the checkpoint signing key in " + keyFile, e);
            }
        } else if (properties.generateKey()) {
            signer = CheckpointSigner.generate(properties.origin());
            if (keyFile != null) {
                keep(signer, keyFile);
                LOG.info("Created the ledger's checkpoint signing key in {}; keep it secret and back it up with the "
                        + "database", keyFile);
            }
        } else {
            throw new IllegalStateException("No checkpoint signing key: set ledger.integrity.checkpoints.signing-key "
                    + "(LEDGER_SIGNING_KEY) to a PRIVATE+KEY+... key, or put one in "
                    + "ledger.integrity.checkpoints.key-file");
        }
        if (!signer.verifierKey().name().equals(properties.origin())) {
            throw new IllegalStateException("The checkpoint signing key is named " + signer.verifierKey().name()
                    + ", but the log's origin is " + properties.origin() + ": they must be the same");
        }
        return signer;
    }

    private static void keep(CheckpointSigner signer, Path keyFile) {
        try {
            Path directory = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path written = Files.writeString(Files.createTempFile(directory, "signing", ".key"),
                    signer.text() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system decides who may read it
            }
            Files.move(written, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the new checkpoint signing key in " + keyFile, e);
        }
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
        return asStored(serializer, events, axon, connectionProvider, transactionManager,
                persistenceExceptionResolver, AxonConfiguration.JDBC_BATCH_SIZE);
    }

    /** The JDBC engine without upcasters, reading so many events per query, behind an event store of its own. */
    private static AxonEventSource asStored(Serializer serializer, Serializer events,
                                            org.axonframework.config.Configuration axon,
                                            ConnectionProvider connectionProvider,
                                            TransactionManager transactionManager,
                                            PersistenceExceptionResolver persistenceExceptionResolver, int batchSize) {
        EventStorageEngine engine = AxonConfiguration.jdbcEngine(NoOpEventUpcaster.INSTANCE, serializer, events,
                axon, connectionProvider, transactionManager, persistenceExceptionResolver, batchSize);
        return new AxonEventSource(EmbeddedEventStore.builder().storageEngine(engine)
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
    LedgerChainScheduler ledgerChainScheduler(LedgerChain ledgerChain, LedgerCheckpoints ledgerCheckpoints,
                                              LedgerIntegrityProperties properties) {
        return new LedgerChainScheduler(ledgerChain, ledgerCheckpoints, properties.advanceInterval());
    }
}
