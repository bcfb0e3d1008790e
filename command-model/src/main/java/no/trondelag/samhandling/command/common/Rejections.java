package no.trondelag.samhandling.command.common;

import java.util.List;
import java.util.Optional;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;
import no.trondelag.samhandling.api.common.VersionConflict;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Builds the exceptions by which command handlers reject a command. The {@link CommandRejection} travels as the
 * exception's details, which Axon keeps intact across a distributed command bus, so callers never need to know the
 * exception's class. {@link #portable(Throwable)} gives Axon's own failures (an unknown aggregate, a stale expected
 * version, a lost race for an aggregate) the same form, since over a distributed bus only the details of a
 * {@code CommandExecutionException} survive.
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

    /** The rule of a command aimed at an aggregate the ledger does not hold, found by Axon when loading it. */
    public static final String UNKNOWN_TARGET = "unknown-target";
    /** The rule of a command that lost a race for its aggregate: another command appended to it first. */
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";

    /**
     * Axon's own failure of a command in the form every rejection has: a {@code CommandExecutionException} whose
     * details say why, so that the caller's status survives serialization by a distributed command bus.
     *
     * @param failure what handling the command threw, or its commit
     * @return the rejection, or empty when the failure is none of Axon's rejections (then it stays as it is)
     */
    public static Optional<CommandExecutionException> portable(Throwable failure) {
        if (failure instanceof ConflictingAggregateVersionException stale) {
            return Optional.of(new CommandExecutionException(stale.getMessage(), stale, new VersionConflict(
                    String.valueOf(stale.getAggregateIdentifier()), stale.getExpectedVersion(),
                    stale.getActualVersion()), false));
        }
        if (failure instanceof AggregateNotFoundException unknown) {
            return Optional.of(new CommandExecutionException(unknown.getMessage(), unknown, new CommandRejection(
                    Reason.NOT_FOUND, UNKNOWN_TARGET, "The ledger holds nothing under "
                    + unknown.getAggregateIdentifier(), null), false));
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException
                || failure instanceof ConflictingModificationException) {
            return Optional.of(new CommandExecutionException(failure.getMessage(), failure, new CommandRejection(
                    Reason.CONFLICT, CONCURRENT_MODIFICATION, "Another command changed the same record at the same "
                    + "moment; read it again and retry", null), false));
        }
        return Optional.empty();
    }

    /**
     * Whether a failure is a command that lost a race for its aggregate, in this process or on another node. Axon's
     * exceptions decide where they are in the chain of causes (a conflicting modification that is not a lost race is
     * never one); otherwise a {@link #CONCURRENT_MODIFICATION} rejection's details do, as they arrive from another
     * node, where the causes are only described.
     *
     * @param failure what a command failed with
     * @return whether it lost a race, so that sending it again may succeed
     */
    public static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingModificationException) {
                return false;
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return failure instanceof CommandExecutionException rejected
                && rejected.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                .map(rejection -> CONCURRENT_MODIFICATION.equals(rejection.rule())).orElse(false);
    }

    private static CommandExecutionException reject(CommandRejection rejection) {
        return new CommandExecutionException(rejection.detail(), null, rejection, false);
    }
}
