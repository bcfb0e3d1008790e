package no.trondelag.samhandling.command.initiative;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the package-private {@link Initiative} aggregate with a test configuration.
 */
public final class InitiativeTestModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Initiative.class);
    }
}
