package no.trondelag.samhandling.bench;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;

/**
 * Axon's own cost of streaming the ledger to seven projections: seven event handlers that do nothing, each in a
 * pooled streaming processor of its own with one segment and batches of 500, as the projections are configured
 * (ADR 0026). A rebuild of these is what the projections' rebuild would reach if their handlers cost nothing. It is
 * a source of the application only when {@link LedgerNode#startWithAxonFloor} names it (it is not a
 * {@code @Configuration}, which the application's component scan would find).
 */
public class AxonFloor {

    /** The processors, one per projection. */
    public static final List<String> PROCESSORS = IntStream.range(0, LedgerNode.PROJECTIONS.size())
            .mapToObj(index -> "floor-" + index).toList();

    private static final int BATCH_SIZE = 500;

    @Bean
    ConfigurerModule processorsThatDoNothing() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : PROCESSORS) {
                processing.registerEventHandler(configuration -> new Nothing(name))
                        .assignHandlerInstancesMatching(name,
                                handler -> handler instanceof Nothing nothing && nothing.processor.equals(name))
                        .registerPooledStreamingEventProcessor(name, Configuration::eventStore,
                                (configuration, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(1));
            }
        });
    }

    /** An event handler for every event that reads nothing of it, not even its payload. */
    static final class Nothing {

        private final String processor;

        Nothing(String processor) {
            this.processor = processor;
        }

        @EventHandler(payloadType = Object.class)
        void on(EventMessage<?> event) {
            // nothing: what is measured is the framework's cost of handing the event over
        }
    }
}
