package no.trondelag.samhandling.app.problem;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;

/**
 * A digest posted for verification whose fields are missing, unknown or cannot be read.
 */
public class InvalidDigestException extends RuntimeException {

    private final transient List<FieldError> errors;

    /**
     * Creates the exception.
     *
     * @param errors every offending field
     */
    public InvalidDigestException(List<FieldError> errors) {
        super("The digest has invalid fields: " + errors.size() + " to correct.");
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
