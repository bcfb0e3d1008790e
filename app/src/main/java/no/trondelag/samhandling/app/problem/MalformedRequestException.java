package no.trondelag.samhandling.app.problem;

/**
 * A request whose body or parameters cannot be read as what the endpoint takes.
 */
public class MalformedRequestException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param detail what is wrong, for the caller
     */
    public MalformedRequestException(String detail) {
        super(detail);
    }
}
