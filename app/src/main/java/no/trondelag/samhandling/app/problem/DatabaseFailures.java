package no.trondelag.samhandling.app.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that failed from every other failure, and a failure whose outcome is unknown from one that is
 * known to have changed nothing. A transaction's work is undone unless its commit succeeds, so a failure before the
 * commit recorded nothing; only a failure of the commit itself ({@link CommitOutcomeUnknownException}) leaves the
 * outcome open.
 */
public final class DatabaseFailures {

    /** What a failure means for the request that met it. */
    public enum Kind {
        /** Not a failure of the database. */
        NONE,
        /** The database failed before anything was committed: nothing was recorded. */
        NOTHING_RECORDED,
        /** The database failed while committing: the outcome is unknown. */
        OUTCOME_UNKNOWN
    }

    /**
     * Classes of SQL states that say the database, not the statement, failed: connection exceptions (08),
     * insufficient resources (53), operator intervention such as a shutdown (57) and system errors (58), in the SQL
     * standard and PostgreSQL alike.
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "58");
    /** H2's "database is closed" and "database is in exclusive mode". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("90098", "90121", "90135");

    private DatabaseFailures() {
    }

    /**
     * What a failure means.
     *
     * @param failure a failure and its causes
     * @return its kind
     */
    public static Kind of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Kind kind = Kind.NONE;
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof CommitOutcomeUnknownException) {
                return Kind.OUTCOME_UNKNOWN;
            }
            if (isDatabaseFailure(cause)) {
                kind = Kind.NOTHING_RECORDED;
            }
        }
        return kind;
    }

    private static boolean isDatabaseFailure(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            // no state: the driver or the pool failed before the database could answer ("Connection is closed")
            String state = sql.getSQLState();
            return state == null || state.length() < 2 || UNAVAILABLE_CLASSES.contains(state.substring(0, 2))
                    || UNAVAILABLE_STATES.contains(state);
        }
        return false;
    }
}
