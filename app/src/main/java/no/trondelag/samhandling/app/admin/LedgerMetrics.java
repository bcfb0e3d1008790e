package no.trondelag.samhandling.app.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ledger's own gauges beside Axon's command and processor metrics: the event store's size (its head position)
 * and how far each projection lags behind it. They are registered once the application is ready, when every
 * processor is known.
 */
@Component
class LedgerMetrics {

    private final Projections projections;
    private final MeterRegistry registry;

    LedgerMetrics(Projections projections, MeterRegistry registry) {
        this.projections = projections;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("ledger.events.head", projections, Projections::head)
                .description("The highest global index in the event store")
                .register(registry);
        for (String name : projections.names()) {
            Gauge.builder("ledger.projection.lag", projections, p -> p.status(name)
                            .map(ProjectionStatus::lag).orElse(0L))
                    .description("How many positions the projection is behind the event store's head")
                    .tag("projection", name)
                    .register(registry);
        }
    }
}
