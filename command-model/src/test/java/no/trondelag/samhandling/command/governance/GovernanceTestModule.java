package no.trondelag.samhandling.command.governance;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the package-private {@link SteeringGroupDecision} aggregate with a test configuration.
 */
public final class GovernanceTestModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(SteeringGroupDecision.class);
    }
}
