package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    private final DuplicateKeys resolver = new DuplicateKeys();

    @Test
    void aUniqueViolationReportedAsTheNextExceptionOfABatchIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aUniqueViolationAmongTheCausesIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(
                new SQLException("Unique index or primary key violation", "23505")))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(
                new SQLIntegrityConstraintViolationException("constraint", "23000")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("value too long", "22001"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL here"))).isFalse();
    }

    @Test
    void aCycleOfExceptionsEnds() {
        SQLException first = new SQLException("first", "08000");
        SQLException second = new SQLException("second", "08000", first);
        first.setNextException(second);

        assertThat(resolver.isDuplicateKeyViolation(first)).isFalse();
    }
}
