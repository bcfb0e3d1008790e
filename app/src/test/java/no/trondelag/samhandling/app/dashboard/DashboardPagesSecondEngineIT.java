package no.trondelag.samhandling.app.dashboard;

import no.trondelag.samhandling.app.engine.SecondEngine;

/**
 * {@link DashboardPagesIT} on another Axon event storage engine, with commands and queries serialized as a remote bus does
 * ({@link SecondEngine}): the same answers without the JDBC engine's tables.
 */
@SecondEngine
class DashboardPagesSecondEngineIT extends DashboardPagesIT {
}
