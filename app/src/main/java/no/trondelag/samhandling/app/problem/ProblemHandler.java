package no.trondelag.samhandling.app.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.ControlCharacters;
import no.trondelag.samhandling.api.common.VersionConflict;
import no.trondelag.samhandling.command.common.Rejections;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 problem details ({@code application/problem+json}): a status, a title, a
 * {@code detail} for people, the broken {@code rule} where there is one, and for invalid input an {@code errors}
 * list of {@code {field, message}}. Spring MVC's own failures (unknown path, wrong method or media type, missing
 * body) come through the base class in the same form. A detail or field name that echoes what the caller sent (an
 * unknown field's name, an identifier in the path) has its control characters replaced by U+FFFD.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    /** What a {@code 503} asks the client to wait before retrying, in seconds. */
    private static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> rejected(CommandExecutionException exception, HttpServletRequest request) {
        Object details = exception.getDetails().orElse(null);
        if (details instanceof CommandRejection rejection) {
            HttpStatus status = switch (rejection.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return problem(status, rejection.detail(), rejection.rule(), rejection.fields());
        }
        if (details instanceof VersionConflict conflict) {
            return versionConflict(conflict.aggregateId(), conflict.expectedVersion(), conflict.currentVersion());
        }
        return unexpected(exception, request);
    }

    /**
     * Axon's own failures of a command, where they reach here as they are (a command handled in this process that
     * never passed the command bus's local segment): answered as the same failure is answered from any node,
     * through {@link Rejections#portable(Throwable)}.
     */
    @ExceptionHandler({ConflictingModificationException.class, AggregateNotFoundException.class,
            ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> frameworkRejection(RuntimeException exception, HttpServletRequest request) {
        return Rejections.portable(exception).map(rejection -> rejected(rejection, request))
                .orElseGet(() -> unexpected(exception, request));
    }

    private static ResponseEntity<Object> versionConflict(String aggregateId, long expected, long current) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, "If-Match named "
                + "version " + expected + " of " + aggregateId + ", but it is at version " + current
                + "; read it again and resend");
        problem.setProperty("rule", "version-mismatch");
        problem.setProperty("aggregateId", aggregateId);
        problem.setProperty("expectedVersion", expected);
        problem.setProperty("currentVersion", current);
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(Long.toString(current)).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException exception) {
        return problem(HttpStatus.FORBIDDEN, exception.getMessage(), "forbidden", List.of());
    }

    /**
     * A header the firewall does not allow, found only when a controller reads it: the same 400 as the firewall
     * answers before the controllers.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedRequest(RequestRejectedException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage(), ErrorProblems.REQUEST_REJECTED, List.of());
    }

    @ExceptionHandler({CommandDispatchException.class, NoHandlerForCommandException.class})
    ResponseEntity<Object> unavailable(RuntimeException exception) {
        LOG.warn("A command could not reach a node to handle it: {}", exception.getMessage());
        return unavailable("No node could take the command right now (the cluster is changing); nothing was "
                + "appended. Retry shortly.", "no-node-available");
    }

    @ExceptionHandler(CommandBusConnectorCommunicationException.class)
    ResponseEntity<Object> lostNode(CommandBusConnectorCommunicationException exception) {
        LOG.warn("The node handling a command stopped answering: {}", exception.getMessage());
        return unavailable("The node handling the command stopped answering, so its outcome is unknown. Retry "
                + "with the same Idempotency-Key to get the outcome without appending twice.", "node-lost");
    }

    @ExceptionHandler(UnknownCommandException.class)
    ResponseEntity<Object> unknownCommand(UnknownCommandException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage(), "unknown-command", List.of());
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<Object> malformed(MalformedRequestException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage(), "malformed-request", List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage(), "not-found", List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage(), exception.rule(), exception.errors());
    }

    @ExceptionHandler(DigestBeyondChainException.class)
    ResponseEntity<Object> digestBeyondChain(DigestBeyondChainException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage(), "digest-beyond-chain", List.of());
    }

    @ExceptionHandler(ProofUnavailableException.class)
    ResponseEntity<Object> proofUnavailable(ProofUnavailableException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage(), exception.rule(), List.of());
    }

    @ExceptionHandler(SegmentsHeldElsewhereException.class)
    ResponseEntity<Object> segmentsHeldElsewhere(SegmentsHeldElsewhereException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage(), "segments-held-by-other-nodes", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), "body-too-large", List.of());
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read",
                "malformed-request", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        Class<?> type = exception.getRequiredType();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters: 1 to correct.",
                "invalid-parameters", List.of(new FieldError(name, "must be "
                        + (type == Integer.class || type == Long.class ? "a whole number" : "a " + (type == null ? "value" : type
                        .getSimpleName())))));
    }

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<Object> notReady(NotReadyException exception) {
        return unavailable(exception.getMessage(), "not-ready");
    }

    /**
     * A failure no other handler knows. A database that fails is answered {@code 503} with {@code Retry-After}, saying
     * whether a command was recorded where that is known ({@link DatabaseFailures}); anything else is a fault of the
     * ledger, logged, and answered {@code 500} without claiming to know what it changed.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
        boolean command = request != null && request.getRequestURI().startsWith("/api/commands/");
        switch (DatabaseFailures.of(exception)) {
            case OUTCOME_UNKNOWN -> {
                LOG.warn("The database failed while committing a request: {}", exception.toString());
                return unavailable("The database failed while the command was being committed, so whether it was "
                        + "recorded is unknown. Retry with the same Idempotency-Key to get its outcome without "
                        + "recording it twice; without a key, read the ledger before sending it again.",
                        "outcome-unknown");
            }
            case NOTHING_RECORDED -> {
                LOG.warn("The database is unavailable: {}", exception.toString(), exception);
                return unavailable(command
                        ? "The database is unavailable, so the command was not recorded. Retry shortly."
                        : "The database is unavailable. Retry shortly.", "database-unavailable");
            }
            default -> {
                LOG.error("Unexpected failure while handling a request", exception);
                return problem(HttpStatus.INTERNAL_SERVER_ERROR, command
                        ? "The ledger failed to handle this command, and whether it was recorded is not known. "
                        + "The failure is logged. Retry with the same Idempotency-Key, or read the ledger before "
                        + "sending it again."
                        : "The ledger failed to handle this request. The failure is logged.", "internal-error",
                        List.of());
            }
        }
    }

    /** A {@code 503} problem with {@code Retry-After}, in seconds. */
    private static ResponseEntity<Object> unavailable(String detail, String rule) {
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, detail, rule, List.of());
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem.getBody());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, String rule,
                                                  List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ControlCharacters.replace(detail));
        problem.setProperty("rule", rule);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(error -> new FieldError(
                    ControlCharacters.replace(error.field()), ControlCharacters.replace(error.message()))).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
