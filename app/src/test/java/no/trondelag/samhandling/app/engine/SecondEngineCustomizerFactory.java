package no.trondelag.samhandling.app.engine;

import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.config.LedgerIntegrityConfiguration;
import no.trondelag.samhandling.query.integrity.AxonEventSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Sets up a {@link SecondEngine} test class's context: its own H2 database, Axon's in-memory storage engine in place
 * of the JDBC one, the JDBC engine's tables dropped, and {@link RemoteLikeBuses}.
 */
public class SecondEngineCustomizerFactory implements ContextCustomizerFactory {

    /** The event store's bean that the ledger's configuration defines on the JDBC engine. */
    static final String ENGINE = "eventStorageEngine";
    /**
     * The position of the first event, as in the JDBC engine's tables, so that positions in the answers are the same
     * on both engines. The in-memory engine keeps events as objects and never upcasts, so the event store itself
     * gives them as stored to the integrity chain.
     */
    static final long FIRST_POSITION = 1;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return testClass.isAnnotationPresent(SecondEngine.class) ? new SecondEngineCustomizer(testClass) : null;
    }

    /**
     * The customizer of one test class; equal only for the same class, so that two classes never share a context.
     *
     * @param testClass the test class whose context this is
     */
    record SecondEngineCustomizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context,
                                     MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("secondEngine", Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:second-engine-" + testClass.getSimpleName()
                            + ";DB_CLOSE_DELAY=-1")));
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context;
            registry.registerBeanDefinition("remoteLikeBuses", new RootBeanDefinition(RemoteLikeBuses.class));
            registry.registerBeanDefinition("jdbcEngineTablesDropped", new RootBeanDefinition(
                    FlywayMigrationStrategy.class, () -> flyway -> {
                        flyway.migrate();
                        JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
                        jdbc.execute("DROP TABLE domainevententry");
                        jdbc.execute("DROP TABLE snapshotevententry");
                    }));
            context.addBeanFactoryPostProcessor(inMemoryEngine());
        }

        private static BeanFactoryPostProcessor inMemoryEngine() {
            return beanFactory -> {
                BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
                registry.removeBeanDefinition(ENGINE);
                registry.registerBeanDefinition(ENGINE, new RootBeanDefinition(InMemoryEventStorageEngine.class,
                        () -> new InMemoryEventStorageEngine(FIRST_POSITION)));
                for (String source : List.of(LedgerIntegrityConfiguration.EVENT_SOURCE,
                        LedgerIntegrityConfiguration.EVENT_LOOKUP)) {
                    registry.removeBeanDefinition(source);
                    registry.registerBeanDefinition(source, new RootBeanDefinition(AxonEventSource.class,
                            () -> new AxonEventSource(beanFactory.getBean(EventStore.class),
                                    beanFactory.getBean("eventSerializer", Serializer.class))));
                }
            };
        }
    }
}
