package no.trondelag.samhandling.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
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
     * Axon's metrics with the processors' own meters in place of Axon's monitors on them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ledger.metrics.processors", havingValue = "own", matchIfMissing = true)
    static class Wiring {

        @Bean
        @SuppressWarnings("unchecked")
        MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry axonMetrics, MeterRegistry registry) {
            return new MetricsConfigurerModule(axonMetrics, true) {
                @Override
                public void configureModule(Configurer configurer) {
                    configurer.configureMessageMonitor(configuration -> (component, name) ->
                            EventProcessor.class.isAssignableFrom(component)
                                    ? new ProcessorMeters(registry, name)
                                    : (MessageMonitor<Message<?>>) axonMetrics.registerComponentWithDefaultTags(component, name));
                }
            };
        }
    }
}
