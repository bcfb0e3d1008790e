package no.trondelag.samhandling.command.participation;

import java.util.function.Function;
import no.trondelag.samhandling.command.common.CommandLookups;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;

/**
 * Registers the package-private {@link Participant} aggregate, with the given snapshot trigger, and the
 * {@link MergeParticipantsHandler}, which loads participants through the aggregate's repository in the Axon
 * configuration, with a test configuration.
 */
public final class ParticipationTestModule implements ConfigurerModule {

    private final Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger;

    /**
     * Creates the module.
     *
     * @param snapshotTrigger when participants are snapshotted
     */
    public ParticipationTestModule(Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger) {
        this.snapshotTrigger = snapshotTrigger;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Participant.class)
                        .configureSnapshotTrigger(snapshotTrigger))
                .registerCommandHandler(c -> MergeParticipantsHandler.forConfiguration(c,
                        c.getComponent(CommandLookups.class)));
    }
}
