package no.trondelag.samhandling.command.common;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Builds the exceptions by which command handlers reject a command. The {@link CommandRejection} travels as the
 * exception's details, which Axon keeps intact across a distributed command bus, so callers never need to know the
 * exception's class.
 */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Rejects a command that breaks a rule of the ledger's current state.
     *
     * @param rule   the rule broken
     * @param detail what in this command breaks it
     * @return the exception to throw
     */
    public static CommandExecutionException conflict(Rule rule, String detail) {
        return reject(new CommandRejection(Reason.CONFLICT, rule.code(), detail + " (" + rule.demand() + ")", null));
    }

    /**
     * Rejects a command aimed at something the ledger does not hold.
     *
     * @param rule   the rule broken
     * @param detail what is missing
     * @return the exception to throw
     */
    public static CommandExecutionException notFound(Rule rule, String detail) {
        return reject(new CommandRejection(Reason.NOT_FOUND, rule.code(), detail, null));
    }

    /**
     * Rejects a command whose fields are malformed or out of range.
     *
     * @param errors every offending field
     * @return the exception to throw
     */
    public static CommandExecutionException invalid(List<FieldError> errors) {
        return reject(new CommandRejection(Reason.INVALID, "invalid-fields",
                "The command has invalid fields: " + errors.size() + " to correct.", errors));
    }

    /**
     * Rejects a command with one malformed field.
     *
     * @param field   the field's name in the JSON body
     * @param message what is wrong with it
     * @return the exception to throw
     */
    public static CommandExecutionException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    private static CommandExecutionException reject(CommandRejection rejection) {
        return new CommandExecutionException(rejection.detail(), null, rejection, false);
    }
}
