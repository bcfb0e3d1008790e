package no.trondelag.samhandling.app.problem;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;

/**
 * A request body whose fields are unknown or cannot be read as their types.
 */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldError> errors;

    /**
     * Creates the exception.
     *
     * @param errors every offending field
     */
    public InvalidFieldsException(List<FieldError> errors) {
        super("The command has invalid fields: " + errors.size() + " to correct.");
        this.errors = List.copyOf(errors);
    }

    /**
     * The offending fields.
     *
     * @return every offending field
     */
    public List<FieldError> errors() {
        return errors;
    }
}
