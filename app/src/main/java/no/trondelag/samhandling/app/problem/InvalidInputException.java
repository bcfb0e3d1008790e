package no.trondelag.samhandling.app.problem;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;

/**
 * Input that cannot be read as what the endpoint takes: a command body's fields, a request's parameters or
 * headers, or a posted digest. It answers 400 with every offending field and the rule that names what was wrong.
 */
public class InvalidInputException extends RuntimeException {

    private final String rule;
    private final transient List<FieldError> errors;

    private InvalidInputException(String rule, String what, List<FieldError> errors) {
        super("The " + what + ": " + errors.size() + " to correct.");
        this.rule = rule;
        this.errors = List.copyOf(errors);
    }

    /**
     * A command body whose fields are unknown or cannot be read as their types.
     *
     * @param errors every offending field
     * @return the exception
     */
    public static InvalidInputException fields(List<FieldError> errors) {
        return new InvalidInputException("invalid-fields", "command has invalid fields", errors);
    }

    /**
     * Query parameters or headers that cannot be read.
     *
     * @param errors every offending parameter
     * @return the exception
     */
    public static InvalidInputException parameters(List<FieldError> errors) {
        return new InvalidInputException("invalid-parameters", "request has invalid parameters", errors);
    }

    /**
     * A digest posted for verification whose fields are missing, unknown or cannot be read.
     *
     * @param errors every offending field
     * @return the exception
     */
    public static InvalidInputException digest(List<FieldError> errors) {
        return new InvalidInputException("invalid-digest", "digest has invalid fields", errors);
    }

    /**
     * The rule callers see, such as {@code invalid-fields}.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
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
