package no.trondelag.samhandling.verifier;

/**
 * A proof, a signature or an export that does not hold, with the step that failed.
 */
public class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what did not hold, in words an auditor can act on
     */
    public ProofException(String message) {
        super(message);
    }
}
