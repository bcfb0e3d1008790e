package no.trondelag.samhandling.command.common;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;

/**
 * The exact {@link CommandRejection}s tests expect as the details of a {@code CommandExecutionException}. A conflict's
 * detail is the handler's sentence followed by the rule's demand in brackets; {@link RuleTest} pins the rule codes.
 */
public final class ExpectedRejections {

    private ExpectedRejections() {
    }

    public static CommandRejection conflict(Rule rule, String detail) {
        return new CommandRejection(Reason.CONFLICT, rule.code(), detail + " (" + rule.demand() + ")", List.of());
    }

    public static CommandRejection notFound(Rule rule, String detail) {
        return new CommandRejection(Reason.NOT_FOUND, rule.code(), detail, List.of());
    }

    public static CommandRejection invalid(String field, String message) {
        return invalid(new FieldError(field, message));
    }

    public static CommandRejection invalid(FieldError... errors) {
        return new CommandRejection(Reason.INVALID, "invalid-fields",
                "The command has invalid fields: " + errors.length + " to correct.", List.of(errors));
    }
}
