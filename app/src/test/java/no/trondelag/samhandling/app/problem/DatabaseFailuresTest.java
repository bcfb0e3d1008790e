package no.trondelag.samhandling.app.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import no.trondelag.samhandling.app.problem.DatabaseFailures.Kind;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTest {

    @Test
    void aFailedCommitLeavesTheOutcomeUnknownWhateverItWraps() {
        CommitOutcomeUnknownException commit = new CommitOutcomeUnknownException(
                new TransactionSystemException("commit failed", new SQLException("I/O error", "08006")));

        assertThat(DatabaseFailures.of(new IllegalStateException("wrapped", commit))).isEqualTo(Kind.OUTCOME_UNKNOWN);
    }

    @Test
    void aDatabaseThatCannotBeReachedBeforeTheCommitRecordedNothing() {
        assertThat(DatabaseFailures.of(new CannotGetJdbcConnectionException("pool timed out",
                new SQLTransientConnectionException("timeout")))).isEqualTo(Kind.NOTHING_RECORDED);
        assertThat(DatabaseFailures.of(new JdbcException("Cannot read idempotency key k",
                new SQLException("This connection has been closed.", "08003")))).isEqualTo(Kind.NOTHING_RECORDED);
        assertThat(DatabaseFailures.of(new UncategorizedSQLException("query", "SELECT 1",
                new SQLException("Connection is closed")))).isEqualTo(Kind.NOTHING_RECORDED);
        assertThat(DatabaseFailures.of(new JdbcException("shut down",
                new SQLException("terminating connection due to administrator command", "57P01"))))
                .isEqualTo(Kind.NOTHING_RECORDED);
    }

    @Test
    void anErrorTheDatabaseAnsweredIsNotAnOutage() {
        assertThat(DatabaseFailures.of(new JdbcException("bad SQL",
                new SQLException("syntax error", "42601")))).isEqualTo(Kind.NONE);
        assertThat(DatabaseFailures.of(new IllegalArgumentException("a bug"))).isEqualTo(Kind.NONE);
    }
}
