package no.trondelag.samhandling.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each event processor's meters count: the events it handled, failed and ignored, as three counters registered
 * once per processor ({@code ledger.processor.events}, tagged by processor and outcome). Axon's own monitors stay on
 * the command, event and query buses; on the processors they look up timers and gauges tagged by payload type for
 * every event, which for seven processors handling every event made a rebuild about 1.6 times slower (measured,
 * {@code docs/performance.md}). With {@code ledger.metrics.processors=axon} the processors keep Axon's monitors.
 */
final class ProcessorMeters implements MessageMonitor<Message<?>> {

    /** The tag by which Axon's bus meters tell message types apart. */
    private static final String PAYLOAD_TYPE = "payloadType";

    private final MonitorCallback callback;

    private ProcessorMeters(MeterRegistry registry, String processor) {
        Counter handled = counter(registry, processor, "success");
        Counter failed = counter(registry, processor, "failure");
        Counter ignored = counter(registry, processor, "ignored");
        this.callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }

    private static Counter counter(MeterRegistry registry, String processor, String outcome) {
        return Counter.builder("ledger.processor.events")
                .description("Events an event processor handled, failed or ignored")
                .tag("processor", processor)
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        return callback;
    }

    /**
     * Axon's metrics with the processors' own meters in place of Axon's monitors on them, and without Axon's capacity
     * monitors on the buses: a capacity monitor keeps every message's handling time for ten minutes (a sliding time
     * window), so its memory grows with the rate of messages; in the benchmark it held about 925,000 entries (77 MiB)
     * after generating 1M events. The buses keep Axon's timers and counters, with the same names and tags; the time a
     * bus was busy, which capacity reports, is the rate of its timer's total time.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ledger.metrics.processors", havingValue = "own", matchIfMissing = true)
    static class Wiring {

        @Bean
        MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry axonMetrics, MeterRegistry registry) {
            return new MetricsConfigurerModule(axonMetrics, true) {
                @Override
                public void configureModule(Configurer configurer) {
                    configurer.configureMessageMonitor(configuration -> (component, name) ->
                            EventProcessor.class.isAssignableFrom(component)
                                    ? new ProcessorMeters(registry, name)
                                    : busMonitor(registry, name));
                }
            };
        }

        private static MessageMonitor<Message<?>> busMonitor(MeterRegistry registry, String name) {
            Function<Message<?>, Iterable<Tag>> byPayloadType =
                    message -> Tags.of(PAYLOAD_TYPE, message.getPayloadType().getSimpleName());
            return new MultiMessageMonitor<>(MessageTimerMonitor.buildMonitor(name, registry, byPayloadType),
                    MessageCountingMonitor.buildMonitor(name, registry, byPayloadType));
        }
    }
}
