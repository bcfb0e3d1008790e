package no.trondelag.samhandling.app.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a {@code @SpringBootTest} on another Axon event storage engine, the way Axon Server would be used without
 * running it: Axon's in-memory engine holds the events, and the JDBC engine's tables ({@code domainevententry},
 * {@code snapshotevententry}) are dropped after the migrations, so anything that still read them fails; everything
 * else (tokens, dead letters, lookups, idempotency keys, the read side) stays on an H2 database of the class's own.
 * Commands and queries cross {@link RemoteLikeBuses}, as they cross a remote bus.
 *
 * <p>An existing H2 integration test runs on it by subclassing it:
 * <pre>{@code
 * @SecondEngine
 * class CommandEndpointSecondEngineIT extends CommandEndpointIT {
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(SecondEngineCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface SecondEngine {
}
