package no.trondelag.samhandling.command.initiative;

import java.util.function.Function;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;

/**
 * Registers the package-private {@link Initiative} aggregate, with the given snapshot trigger, with a test
 * configuration.
 */
public final class InitiativeTestModule implements ConfigurerModule {

    private final Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger;

    /**
     * Creates the module.
     *
     * @param snapshotTrigger when initiatives are snapshotted
     */
    public InitiativeTestModule(Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger) {
        this.snapshotTrigger = snapshotTrigger;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Initiative.class)
                .configureSnapshotTrigger(snapshotTrigger));
    }
}
