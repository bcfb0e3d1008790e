package no.trondelag.samhandling.command.region;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the package-private {@link Region} aggregate with a test configuration.
 */
public final class RegionTestModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Region.class);
    }
}
