package no.trondelag.samhandling.app.ledger;

import no.trondelag.samhandling.app.postgres.PostgresLedger;

/**
 * {@link LedgerProofIT} on PostgreSQL: the tree's tables with their {@code BYTEA} hashes, the checkpoints and every
 * proof, verified the same way as on H2.
 */
@PostgresLedger
class LedgerProofPostgresIT extends LedgerProofIT {
}
