package no.trondelag.samhandling.command.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.trondelag.samhandling.command.funding.FundingTestModule;
import no.trondelag.samhandling.command.governance.GovernanceTestModule;
import no.trondelag.samhandling.command.initiative.InitiativeTestModule;
import no.trondelag.samhandling.command.participation.ParticipationTestModule;
import no.trondelag.samhandling.command.region.RegionTestModule;
import no.trondelag.samhandling.command.snapshotting.Snapshots;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The command model wired as the application wires it, without Spring: the five aggregates, the merge handler, the
 * {@link LookupUpdater} in a subscribing processor, the command and event interceptors, the provenance correlation
 * data provider, and a Jackson serializer, over an in-memory event store whose every append is a Jackson round trip.
 * Started {@link #startWithSnapshots(Clock, int) with snapshots}, participants and initiatives are snapshotted as in
 * the application, by event count, and each snapshot is stored as the snapshot serializer reads it back.
 * Aggregates are package-private, so each feature package contributes a small public test module that registers them.
 */
public final class CommandModelHarness implements AutoCloseable {

    /** The actor every command sent with {@link #send(Object)} names. */
    public static final String ACTOR = "test";

    private final InMemoryCommandLookups lookups = new InMemoryCommandLookups();
    private final JacksonRoundTripEventStorageEngine storageEngine;
    private final Configuration configuration;

    private CommandModelHarness(Clock clock, Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger) {
        Serializer serializer = jacksonSerializer();
        Serializer snapshotSerializer = snapshotSerializer();
        storageEngine = new JacksonRoundTripEventStorageEngine(serializer, snapshotSerializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> snapshotSerializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storageEngine)
                .registerComponent(CommandLookups.class, c -> lookups)
                .registerComponent(Clock.class, c -> clock)
                .configureCorrelationDataProviders(c -> List.of(Provenance.correlationDataProvider()));
        List.of(new RegionTestModule(), new ParticipationTestModule(snapshotTrigger), new GovernanceTestModule(),
                        new InitiativeTestModule(snapshotTrigger), new FundingTestModule())
                .forEach(module -> module.configureModule(configurer));
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(LookupUpdater.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(LookupUpdater.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerEventHandler(c -> new LookupUpdater(c.getComponent(CommandLookups.class))));
        configuration = configurer.buildConfiguration();
        configuration.commandBus().registerHandlerInterceptor(new CommandShapeInterceptor());
        configuration.commandBus().registerHandlerInterceptor(OutcomeRecorder.commandInterceptor());
        configuration.eventStore().registerDispatchInterceptor(OutcomeRecorder.eventInterceptor());
        configuration.eventStore().registerDispatchInterceptor(Provenance.actorRequired());
        configuration.start();
    }

    /**
     * Starts a command model whose handlers read the given clock.
     *
     * @param clock the clock handlers take as a parameter
     * @return the started harness; close it after the test
     */
    public static CommandModelHarness start(Clock clock) {
        return new CommandModelHarness(clock, c -> NoSnapshotTriggerDefinition.INSTANCE);
    }

    /**
     * Starts a command model that snapshots participants and initiatives after every {@code threshold} events, as
     * the application does with {@code ledger.snapshots.threshold}.
     *
     * @param clock     the clock handlers take as a parameter
     * @param threshold how many events, loaded or new, trigger a snapshot
     * @return the started harness; close it after the test
     */
    public static CommandModelHarness startWithSnapshots(Clock clock, int threshold) {
        return new CommandModelHarness(clock,
                c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold));
    }

    /**
     * The serializer the application uses for events and messages: Jackson with ISO dates.
     *
     * @return a Jackson serializer
     */
    public static Serializer jacksonSerializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }

    /**
     * The general serializer, which writes snapshots: the same Jackson settings, reading and writing aggregates by
     * their fields, as the application configures it.
     *
     * @return a Jackson serializer for snapshots
     */
    public static Serializer snapshotSerializer() {
        return JacksonSerializer.builder().objectMapper(Snapshots.mapper(objectMapper())).build();
    }

    private static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public InMemoryCommandLookups lookups() {
        return lookups;
    }

    /**
     * Sends a command as {@link #ACTOR} and waits for its result.
     *
     * @param command the command record
     * @return the events it appended
     */
    public AppendedEvents send(Object command) {
        return send(command, Map.of(Provenance.ACTOR, ACTOR));
    }

    public <R> R send(Object command, Map<String, ?> metaData) {
        return send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    public <R> R send(CommandMessage<?> command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    /**
     * The stored events of one aggregate, in order, whether or not it has a snapshot.
     *
     * @param aggregateId the prefixed aggregate identifier
     * @return its events; empty for an unknown aggregate
     */
    public List<DomainEventMessage<?>> events(String aggregateId) {
        return storageEngine.readEvents(aggregateId).asStream()
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
    }

    /**
     * What the event store gives a repository that loads one aggregate: its latest snapshot, if it has one, and the
     * events after it.
     *
     * @param aggregateId the prefixed aggregate identifier
     * @return the snapshot, if any, then events
     */
    public List<DomainEventMessage<?>> eventsToLoad(String aggregateId) {
        return configuration.eventStore().readEvents(aggregateId).asStream()
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
    }

    /**
     * The latest snapshot of one aggregate.
     *
     * @param aggregateId the prefixed aggregate identifier
     * @return the snapshot, or empty when none was taken
     */
    public Optional<DomainEventMessage<?>> snapshot(String aggregateId) {
        return storageEngine.readSnapshot(aggregateId);
    }

    /**
     * Loads an aggregate through its repository, as a command handler would see it, in a unit of work that is then
     * rolled back.
     *
     * @param aggregateType the aggregate's class
     * @param aggregateId   the prefixed aggregate identifier
     * @param <A>           the aggregate's type
     * @return the aggregate root
     */
    public <A> A load(Class<A> aggregateType, String aggregateId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return configuration.repository(aggregateType).load(aggregateId).invoke(Function.identity());
        } finally {
            unitOfWork.rollback();
        }
    }

    public List<Object> payloads(String aggregateId) {
        return events(aggregateId).stream().map(event -> (Object) event.getPayload()).toList();
    }

    /**
     * Every stored event of every aggregate, in the order they were appended.
     *
     * @return all events
     */
    public List<EventMessage<?>> allEvents() {
        return storageEngine.readEvents(null, false).<EventMessage<?>>map(event -> event).toList();
    }

    public long eventCount() {
        return allEvents().size();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
