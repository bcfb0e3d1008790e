package no.trondelag.samhandling.command.funding;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the package-private {@link SecretariatYear} aggregate with a test configuration.
 */
public final class FundingTestModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(SecretariatYear.class);
    }
}
