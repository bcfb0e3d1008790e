package no.trondelag.samhandling.app.report;

import no.trondelag.samhandling.app.postgres.PostgresLedger;

/**
 * {@link ReportEndpointsIT} on PostgreSQL: every report figure, and the rebuild of the read side from the events
 * alone, read through PostgreSQL's tracking token and event table.
 */
@PostgresLedger
class ReportEndpointsPostgresIT extends ReportEndpointsIT {
}
