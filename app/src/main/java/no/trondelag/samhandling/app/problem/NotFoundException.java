package no.trondelag.samhandling.app.problem;

/**
 * A read asked for something the ledger does not hold at the read point.
 */
public class NotFoundException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param detail what was not found
     */
    public NotFoundException(String detail) {
        super(detail);
    }
}
