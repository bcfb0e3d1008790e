package no.trondelag.samhandling.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.command.snapshotting.Snapshots;
import no.trondelag.samhandling.command.upcasting.LedgerUpcasters;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How the ledger's stored data evolves: snapshots of the aggregates whose histories keep growing, and the upcasters
 * that read older revisions of events as their current one.
 *
 * <p>Axon's Spring Boot auto-configuration would build one Jackson serializer on {@code defaultAxonObjectMapper} and
 * use it as the general, the message and the event serializer. Snapshots are written by the general serializer, and
 * a snapshot is the aggregate object itself, whose state is in private fields without getters; so the general
 * serializer here reads and writes aggregates by their fields ({@link Snapshots#mapper(ObjectMapper)}) and every
 * other type (tracking tokens, dead letters' diagnostics) exactly as before, while the message and event serializers
 * stay on {@code defaultAxonObjectMapper} unchanged, so the stored form of events does not move. Defining the general
 * serializer turns the auto-configured one off, and the auto-configuration would then reuse it for messages and
 * events, because the three are configured as the same type; hence all three are defined here.
 */
@Configuration(proxyBeanMethods = false)
public class EvolutionConfiguration {

    /**
     * The snapshot trigger that {@code Participant} and {@code Initiative} name: a snapshot after every
     * {@code ledger.snapshots.threshold} events read or appended while handling commands for one aggregate.
     */
    @Bean(Snapshots.TRIGGER)
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${ledger.snapshots.threshold:50}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("ledger.snapshots.threshold must be at least 1, not " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The cache of aggregates that every {@code @Aggregate} names: the {@code ledger.aggregate-cache.size} most
     * recently used aggregates stay loaded between commands; 0 turns caching off.
     */
    @Bean(BoundedCache.AGGREGATES)
    Cache ledgerAggregateCache(@Value("${ledger.aggregate-cache.size:10000}") int size) {
        if (size < 0) {
            throw new IllegalArgumentException("ledger.aggregate-cache.size must be 0 or more, not " + size);
        }
        return size == 0 ? NoCache.INSTANCE : new BoundedCache(size);
    }

    /**
     * Axon's general serializer: snapshots, tracking tokens, dead letters' tokens and diagnostics. The message
     * mapper's settings, with aggregates read and written by their fields.
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver,
                          @Qualifier("defaultAxonObjectMapper") ObjectMapper messageMapper) {
        return jackson(revisionResolver, Snapshots.mapper(messageMapper));
    }

    /** Axon's message serializer, as the auto-configuration would build it. */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(RevisionResolver revisionResolver,
                                 @Qualifier("defaultAxonObjectMapper") ObjectMapper messageMapper) {
        return jackson(revisionResolver, messageMapper);
    }

    /** Axon's event serializer: the message serializer, as the auto-configuration would choose it. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("messageSerializer") Serializer messageSerializer) {
        return messageSerializer;
    }

    /**
     * The ledger's upcasters as one bean, so that their order is the one {@link LedgerUpcasters} lists; Axon runs
     * it over every event read from the store, and the read side's fact log over every fact it reads.
     */
    @Bean
    EventUpcaster ledgerUpcasters() {
        return LedgerUpcasters.chain();
    }

    private static Serializer jackson(RevisionResolver revisionResolver, ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EvolutionConfiguration.class.getClassLoader()))
                .objectMapper(objectMapper)
                .build();
    }
}
