package no.trondelag.samhandling.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.time.Clock;
import java.time.ZoneId;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.CommandShapeInterceptor;
import no.trondelag.samhandling.command.common.ExpectedVersion;
import no.trondelag.samhandling.command.common.Idempotency;
import no.trondelag.samhandling.command.common.JdbcCommandLookups;
import no.trondelag.samhandling.command.common.LookupUpdater;
import no.trondelag.samhandling.command.common.OutcomeRecorder;
import no.trondelag.samhandling.command.common.Provenance;
import no.trondelag.samhandling.command.participation.MergeParticipantsHandler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the command model into Axon: the command side's lookups and the handler that keeps them current, the merge
 * handler, provenance on every event, shape validation and outcome recording on every command, and Jackson for
 * every message.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The zone of the ledger's business dates. */
    public static final ZoneId LEDGER_ZONE = ZoneId.of("Europe/Oslo");

    @Bean
    Clock clock() {
        return Clock.system(LEDGER_ZONE);
    }

    /**
     * The HTTP object mapper: Spring Boot's, configured in {@code application.yml}, but reading JSON numbers with a
     * fraction as exact decimals with their scale kept, so money never passes through a binary floating point.
     */
    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = builder.build();
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    /**
     * Axon's transaction manager over Spring's, telling the failure of a commit (outcome unknown) from every earlier
     * failure (nothing recorded); see {@link CommitOutcomes}.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new CommitOutcomes(new SpringTransactionManager(transactionManager));
    }

    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return LedgerJson.messageMapper();
    }

    /**
     * The event store (and its JDBC storage engine, which Axon's auto-configuration leaves out once an event store is
     * defined) as the auto-configuration builds them, but by default without the in-memory cache of recent
     * events that it shares between the streaming processors reading it. With one pooled processor that cache saves
     * little, and a reader that falls behind keeps every cached event since its position reachable, with the gaps of
     * its token: in a run that generated 1M events it filled the heap (`-Xmx512m`). Each processor then reads the
     * store itself, in batches. Profile {@code axonserver} has an event store of its own.
     */
    @Bean
    @Profile("!axonserver")
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver) {
        return jdbcEngine(axon.upcasterChain(), serializer, events, axon, connectionProvider, transactionManager,
                persistenceExceptionResolver);
    }

    /**
     * Axon's JDBC storage engine as the auto-configuration builds it, with the given upcasters: the ledger's, or none
     * to read events as stored.
     */
    static JdbcEventStorageEngine jdbcEngine(EventUpcaster upcasters, Serializer serializer, Serializer events,
                                             org.axonframework.config.Configuration axon,
                                             ConnectionProvider connectionProvider,
                                             TransactionManager transactionManager,
                                             PersistenceExceptionResolver persistenceExceptionResolver) {
        return jdbcEngine(upcasters, serializer, events, axon, connectionProvider, transactionManager,
                persistenceExceptionResolver, JDBC_BATCH_SIZE);
    }

    /**
     * The same engine, reading the given number of events per query: {@value #JDBC_BATCH_SIZE} as Axon's default,
     * or one to look single events up.
     */
    static JdbcEventStorageEngine jdbcEngine(EventUpcaster upcasters, Serializer serializer, Serializer events,
                                             org.axonframework.config.Configuration axon,
                                             ConnectionProvider connectionProvider,
                                             TransactionManager transactionManager,
                                             PersistenceExceptionResolver persistenceExceptionResolver,
                                             int batchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .upcasterChain(upcasters)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(events)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /** Axon's default number of events the JDBC engine reads per query. */
    static final int JDBC_BATCH_SIZE = 100;

    @Bean(name = "eventBus")
    @Profile("!axonserver")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${ledger.event-store.shared-cache:false}") boolean sharedCache) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(sharedCache)
                .build();
    }

    /**
     * Unique-key failures of an append are concurrency conflicts, on H2 and PostgreSQL alike.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeys();
    }

    @Bean
    CommandLookups commandLookups(ConnectionProvider connectionProvider) {
        return new JdbcCommandLookups(connectionProvider);
    }

    @Bean
    LookupUpdater lookupUpdater(CommandLookups commandLookups) {
        return new LookupUpdater(commandLookups);
    }

    /**
     * A failure while updating the command side's lookups must fail the command's unit of work, so that events and
     * lookups never disagree; Axon's default would log the failure and commit.
     */
    @Bean
    ConfigurerModule lookupFailuresFailTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                LookupUpdater.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    MergeParticipantsHandler mergeParticipantsHandler(@Lazy org.axonframework.config.Configuration configuration,
                                                      CommandLookups commandLookups) {
        return MergeParticipantsHandler.forConfiguration(configuration, commandLookups);
    }

    @Bean
    CorrelationDataProvider provenanceCorrelationDataProvider() {
        return Provenance.correlationDataProvider();
    }

    /**
     * The command bus that handles the commands routed to this node, as Axon's auto-configuration builds it, but
     * handing out Axon's own failures as rejections with details ({@link PortableRejectionsCommandBus}). Alone it is
     * the command bus; a distributed bus (JGroups, Axon Server) takes it as its local segment.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = new PortableRejectionsCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /**
     * The command gateway, with {@link ConcurrencyRetry} as the backstop for commands that lose a race for their
     * aggregate.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetry(3, 25))
                .build();
    }

    @Bean
    CommandTargetResolver expectedVersionTargetResolver() {
        return ExpectedVersion.targetResolver();
    }

    /**
     * Idempotency keys, kept in the same database as the events.
     *
     * @param connectionProvider connections that take part in the unit of work's transaction
     * @return the keys, whose interceptor the command bus runs and which also keep the positions a first answer
     *         found
     */
    @Bean
    Idempotency idempotency(ConnectionProvider connectionProvider) {
        return new Idempotency(connectionProvider);
    }

    /**
     * The command bus's handler interceptors, outermost first: shape, then idempotency (a retry returns before
     * anything else is checked), then the expected version, then outcome recording.
     */
    @Bean
    SmartInitializingSingleton ledgerInterceptors(CommandBus commandBus, EventStore eventStore,
                                                  Idempotency idempotency) {
        return () -> {
            commandBus.registerHandlerInterceptor(new CommandShapeInterceptor());
            commandBus.registerHandlerInterceptor(idempotency.interceptor());
            commandBus.registerHandlerInterceptor(ExpectedVersion.interceptor(eventStore));
            commandBus.registerHandlerInterceptor(OutcomeRecorder.commandInterceptor());
            eventStore.registerDispatchInterceptor(Provenance.actorRequired());
            eventStore.registerDispatchInterceptor(OutcomeRecorder.eventInterceptor());
        };
    }
}
