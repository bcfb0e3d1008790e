package no.trondelag.samhandling.app.command;

import no.trondelag.samhandling.app.engine.SecondEngine;

/**
 * {@link CommandEndpointIT} on another Axon event storage engine, with commands and queries serialized as a remote bus does
 * ({@link SecondEngine}): the same answers without the JDBC engine's tables.
 */
@SecondEngine
class CommandEndpointSecondEngineIT extends CommandEndpointIT {
}
