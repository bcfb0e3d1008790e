package no.trondelag.samhandling.app.admin;

import no.trondelag.samhandling.app.engine.SecondEngine;
import org.springframework.context.annotation.Import;

/**
 * {@link OperationsIT} on another Axon event storage engine, with commands and queries serialized as a remote bus does
 * ({@link SecondEngine}): projection status with head and lag from Axon's tokens, a replay while commands keep
 * coming, dead letters and the metrics, without the JDBC engine's tables. Spring finds nested test configurations
 * only in the test class itself, so the superclass's poisonable participation projection is imported here.
 */
@SecondEngine
@Import(OperationsIT.PoisonableParticipation.class)
class OperationsSecondEngineIT extends OperationsIT {
}
