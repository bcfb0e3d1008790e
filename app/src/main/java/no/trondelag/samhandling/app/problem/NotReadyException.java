package no.trondelag.samhandling.app.problem;

/**
 * The service is starting and is not ready to take commands yet: the reference data is still being seeded.
 */
public class NotReadyException extends RuntimeException {

    /**
     * Creates the exception.
     */
    public NotReadyException() {
        super("The ledger is starting and not ready for commands yet (the reference data is being recorded); "
                + "nothing was recorded. Retry shortly.");
    }
}
