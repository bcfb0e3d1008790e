package no.trondelag.samhandling.app.postgres;

import java.util.List;
import no.trondelag.samhandling.app.postgres.EmbeddedPostgresServer.Database;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link PostgresLedger} test class a new database on the embedded PostgreSQL server and points the
 * datasource at it, ahead of every other property source.
 */
public class PostgresDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new PostgresDatabaseCustomizer(testClass);
    }

    /**
     * Creates the database when the test class's context is created. The customizer is equal only for the same test
     * class, so two test classes never share a cached context, and so never a database.
     *
     * @param testClass the test class whose context this is
     */
    record PostgresDatabaseCustomizer(Class<?> testClass) implements ContextCustomizer {

        /** The name of the property source that holds the datasource properties. */
        static final String PROPERTY_SOURCE = "embeddedPostgresDatabase";

        @Override
        public void customizeContext(ConfigurableApplicationContext context,
                                     MergedContextConfiguration mergedConfig) {
            Database database = EmbeddedPostgresServer.newDatabase(testClass.getSimpleName());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource(PROPERTY_SOURCE, database.datasourceProperties()));
        }
    }
}
