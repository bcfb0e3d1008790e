package no.trondelag.samhandling.app.problem;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;

/**
 * Query parameters that cannot be read as what the endpoint takes.
 */
public class InvalidParametersException extends RuntimeException {

    private final transient List<FieldError> errors;

    /**
     * Creates the exception.
     *
     * @param errors every offending parameter
     */
    public InvalidParametersException(List<FieldError> errors) {
        super("The request has invalid parameters: " + errors.size() + " to correct.");
        this.errors = List.copyOf(errors);
    }

    /**
     * The offending parameters.
     *
     * @return every offending parameter
     */
    public List<FieldError> errors() {
        return errors;
    }
}
