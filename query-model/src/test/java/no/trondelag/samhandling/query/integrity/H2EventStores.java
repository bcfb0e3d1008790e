package no.trondelag.samhandling.query.integrity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.trondelag.samhandling.verifier.EventSource;
import no.trondelag.samhandling.verifier.MerkleHashes;
import no.trondelag.samhandling.verifier.StoredEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh in-memory H2 databases with the event store and the chain table as the application migrates them, and
 * events written into the store the way Axon's JDBC storage engine writes them, at chosen global indexes.
 */
final class H2EventStores {

    /** The application's migrations of the event store and the chain, relative to this module's directory. */
    static final List<Path> MIGRATIONS = List.of(
            Path.of("../app/src/main/resources/db/migration/h2/V1__event_store.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V6__ledger_chain.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V15__ledger_tree.sql"));

    private H2EventStores() {
    }

    /**
     * A fresh database with the event store and the chain table.
     *
     * @return access to it
     */
    static JdbcTemplate database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MIGRATIONS.forEach(migration ->
                new ResourceDatabasePopulator(new FileSystemResource(migration)).execute(dataSource));
        return new JdbcTemplate(dataSource);
    }

    /**
     * The events of a database made by {@link #database()}, read as the application reads them: through Axon's JDBC
     * storage engine without upcasters, behind an event store of their own.
     *
     * @param jdbc the database
     * @return the source
     */
    static EventSource source(JdbcTemplate jdbc) {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(jdbc.getDataSource()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        return new AxonEventSource(EmbeddedEventStore.builder().storageEngine(engine)
                .optimizeEventConsumption(false).build(), serializer);
    }

    /**
     * An event as Axon would store it, recorded at an instant.
     *
     * @param position   its global index
     * @param recordedAt its timestamp
     * @return the event
     */
    static StoredEvent event(long position, Instant recordedAt) {
        return new StoredEvent(position, "event-" + position, "participant-" + (5000 + position), 0,
                "no.trondelag.samhandling.api.participation.CollaborationJoined", "1",
                ("{\"participantId\":\"" + (5000 + position) + "\",\"effectiveDate\":\"2018-06-14\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"secretariat\"}".getBytes(StandardCharsets.UTF_8), DateTimeUtils.formatInstant(recordedAt));
    }

    /**
     * Writes an event into the store at its position.
     *
     * @param jdbc  the database
     * @param event the event
     */
    static void store(JdbcTemplate jdbc, StoredEvent event) {
        jdbc.update("INSERT INTO domainevententry (globalIndex, aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.position(), event.aggregateIdentifier(), event.sequenceNumber(), "Participant",
                event.eventIdentifier(), event.metaData(), event.payload(), event.payloadRevision(),
                event.payloadType(), event.timeStamp());
    }

    /**
     * The chain and tree store over the database, each append in a transaction.
     *
     * @param jdbc the database
     * @return the store
     */
    static JdbcChainStore chainStore(JdbcTemplate jdbc) {
        return new JdbcChainStore(jdbc, transactions(jdbc));
    }

    /**
     * Transactions on the database.
     *
     * @param jdbc the database
     * @return a template running work in one transaction
     */
    static TransactionTemplate transactions(JdbcTemplate jdbc) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /**
     * The tree leaf of an event.
     *
     * @param event the event
     * @return its leaf
     */
    static TreeLeaf leaf(StoredEvent event) {
        return new TreeLeaf(event.position(), event.eventIdentifier(), MerkleHashes.eventLeaf(event));
    }
}
