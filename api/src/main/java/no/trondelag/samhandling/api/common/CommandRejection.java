package no.trondelag.samhandling.api.common;

import java.util.List;

/**
 * Why a command was rejected. It travels as the details of Axon's {@code CommandExecutionException}, so it reaches
 * the caller unchanged whether the command was handled in this process or on another node.
 *
 * @param reason what kind of rejection this is
 * @param rule   a stable name of the rule or check that failed, such as {@code participant-not-member}
 * @param detail a sentence for people saying what is wrong
 * @param fields the offending fields, for {@link Reason#INVALID}; empty otherwise
 */
public record CommandRejection(Reason reason, String rule, String detail, List<FieldError> fields) {

    /**
     * The kinds of rejection, each answered by its own HTTP status.
     */
    public enum Reason {
        /** A field's value is outside what the rule allows (400). */
        INVALID,
        /** The command names something the ledger does not hold (404). */
        NOT_FOUND,
        /** The command breaks a rule of the ledger's current state (409). */
        CONFLICT,
        /** The request cannot be processed as sent, such as an idempotency key reused for another body (422). */
        UNPROCESSABLE
    }

    /**
     * One offending field.
     *
     * @param field   the field's name as in the JSON body
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }

    public CommandRejection {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
