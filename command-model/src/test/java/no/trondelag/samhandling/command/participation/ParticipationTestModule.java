package no.trondelag.samhandling.command.participation;

import no.trondelag.samhandling.command.common.CommandLookups;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the package-private {@link Participant} aggregate and the {@link MergeParticipantsHandler}, which loads
 * participants through the aggregate's repository in the Axon configuration, with a test configuration.
 */
public final class ParticipationTestModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Participant.class)
                .registerCommandHandler(c -> MergeParticipantsHandler.forConfiguration(c,
                        c.getComponent(CommandLookups.class)));
    }
}
