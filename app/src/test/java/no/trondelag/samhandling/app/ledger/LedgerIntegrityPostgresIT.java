package no.trondelag.samhandling.app.ledger;

import no.trondelag.samhandling.app.postgres.PostgresLedger;

/**
 * {@link LedgerIntegrityIT} on PostgreSQL: the chain's table, its queries over {@code BYTEA} columns and every kind
 * of tampering, detected and located the same way as on H2.
 */
@PostgresLedger
class LedgerIntegrityPostgresIT extends LedgerIntegrityIT {
}
