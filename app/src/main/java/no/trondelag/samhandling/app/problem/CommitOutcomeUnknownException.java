package no.trondelag.samhandling.app.problem;

/**
 * The database failed while a transaction was being committed, so whether the commit took place is not known: the
 * database may have committed and then lost the connection before it could say so.
 */
public class CommitOutcomeUnknownException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param cause the failure of the commit
     */
    public CommitOutcomeUnknownException(Throwable cause) {
        super("The commit of a transaction failed, so its outcome is unknown: " + cause.getMessage(), cause);
    }
}
