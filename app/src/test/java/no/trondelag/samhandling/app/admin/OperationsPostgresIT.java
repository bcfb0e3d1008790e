package no.trondelag.samhandling.app.admin;

import no.trondelag.samhandling.app.postgres.PostgresLedger;
import org.springframework.context.annotation.Import;

/**
 * {@link OperationsIT} on PostgreSQL: projection status, a replay while commands keep coming, dead letters in
 * Axon's JDBC dead-letter queue, and the metrics. Spring finds nested test configurations only in the test class
 * itself, so the superclass's poisonable participation projection is imported here.
 */
@PostgresLedger
@Import(OperationsIT.PoisonableParticipation.class)
class OperationsPostgresIT extends OperationsIT {
}
