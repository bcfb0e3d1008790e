package no.trondelag.samhandling.app.problem;

/**
 * A request named a command that the message contract does not have.
 */
public class UnknownCommandException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param commandName the name that was asked for
     */
    public UnknownCommandException(String commandName) {
        super("There is no command named '" + commandName + "'");
    }
}
