package no.trondelag.samhandling.app.admin;

import no.trondelag.samhandling.app.engine.SecondEngine;

/**
 * {@link OperationsIT} on another Axon event storage engine, with commands and queries serialized as a remote bus does
 * ({@link SecondEngine}): the same answers without the JDBC engine's tables.
 */
@SecondEngine
class OperationsSecondEngineIT extends OperationsIT {
}
