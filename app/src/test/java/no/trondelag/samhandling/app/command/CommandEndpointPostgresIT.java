package no.trondelag.samhandling.app.command;

import no.trondelag.samhandling.app.postgres.PostgresLedger;

/**
 * {@link CommandEndpointIT} on PostgreSQL: every command of the catalogue and every kind of rejection, with the
 * global index read back from a BIGSERIAL and the payload from a BYTEA column.
 */
@PostgresLedger
class CommandEndpointPostgresIT extends CommandEndpointIT {
}
