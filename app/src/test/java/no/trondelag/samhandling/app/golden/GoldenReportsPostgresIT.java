package no.trondelag.samhandling.app.golden;

import no.trondelag.samhandling.app.postgres.PostgresLedger;

/**
 * {@link GoldenReportsIT} on PostgreSQL, against the same golden files: the same scenario and synthetic ledger
 * must give the same bytes on both databases.
 */
@PostgresLedger
class GoldenReportsPostgresIT extends GoldenReportsIT {
}
