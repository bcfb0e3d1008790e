package no.trondelag.samhandling.app.config;

import no.trondelag.samhandling.app.problem.CommitOutcomeUnknownException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transaction manager, telling a failed commit from every other failure: a failure of the commit itself
 * becomes a {@link CommitOutcomeUnknownException}, because the database may have committed before the connection
 * failed. Any other failure of a command's unit of work rolls its transaction back, so the command recorded nothing;
 * only after a failed commit must the client be told that the outcome is unknown.
 */
final class CommitOutcomes implements TransactionManager {

    private final TransactionManager delegate;

    CommitOutcomes(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } catch (RuntimeException failure) {
                    throw new CommitOutcomeUnknownException(failure);
                }
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
