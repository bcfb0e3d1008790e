package no.trondelag.samhandling.app.config;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells the event store that an append failed on a unique key, so that it reports a concurrency conflict (another
 * command appended to the aggregate first) instead of a storage failure. Axon's JDBC resolver looks only for
 * {@link SQLIntegrityConstraintViolationException} among the causes; but events are appended in a JDBC batch, whose
 * {@link java.sql.BatchUpdateException} carries the database's error as its next exception, and the PostgreSQL
 * driver reports a unique violation as SQL state {@value #UNIQUE_VIOLATION} with no such subclass. This resolver
 * follows both causes and next exceptions and knows the standard SQL state.
 */
public final class DuplicateKeys implements PersistenceExceptionResolver {

    /** The SQL state of a unique violation, in the SQL standard, H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isDuplicateKey(exception, seen);
    }

    private static boolean isDuplicateKey(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLIntegrityConstraintViolationException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (isDuplicateKey(sql.getNextException(), seen)) {
                return true;
            }
        }
        return isDuplicateKey(failure.getCause(), seen);
    }
}
