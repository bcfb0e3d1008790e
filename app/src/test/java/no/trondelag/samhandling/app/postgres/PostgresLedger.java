package no.trondelag.samhandling.app.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a {@code @SpringBootTest} against real PostgreSQL instead of H2: the test class gets a fresh database of its
 * own on the JVM's {@link EmbeddedPostgresServer}, the {@code postgres} profile is added to the active profiles, and
 * the context is closed after the class, so its connections and processors do not outlive it.
 *
 * <p>An existing H2 integration test runs on PostgreSQL by subclassing it:
 * <pre>{@code
 * @PostgresLedger
 * class CommandEndpointPostgresIT extends CommandEndpointIT {
 * }
 * }</pre>
 * The database's URL takes precedence over any {@code @TestPropertySource} of the superclass. The profile is added
 * through {@link ActiveProfiles} on this annotation, which Spring only reads when the class itself declares no
 * {@code @ActiveProfiles}; a class that declares its own lists {@code postgres} there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("postgres")
@ContextCustomizerFactories(PostgresDatabaseCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PostgresLedger {
}
