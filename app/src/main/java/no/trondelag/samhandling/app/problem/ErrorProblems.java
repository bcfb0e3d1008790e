package no.trondelag.samhandling.app.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details of errors that no controller answers: what Tomcat refuses before the application sees the
 * request, and what reaches the error page. Each status has one stable {@code rule}.
 */
public final class ErrorProblems {

    /** The rule of a request that is not well-formed HTTP, such as a path with a broken percent-encoding. */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** The rule of a request whose request line or headers are larger than the server reads. */
    public static final String REQUEST_TOO_LARGE = "request-too-large";
    /** The rule of a request that is well-formed but refused by the firewall, such as a path with {@code ;}. */
    public static final String REQUEST_REJECTED = "request-rejected";

    private ErrorProblems() {
    }

    /**
     * The rule for an error status that carries no rule of its own.
     *
     * @param status the HTTP status, 400 or more
     * @return the rule
     */
    public static String ruleFor(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 413 -> "body-too-large";
            case 414, 431 -> REQUEST_TOO_LARGE;
            default -> status < 500 ? REQUEST_REJECTED : "internal-error";
        };
    }

    /**
     * A detail for people for an error status, when nothing more is known about the failure.
     *
     * @param status the HTTP status, 400 or more
     * @return the detail
     */
    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is not well-formed HTTP: check the path's percent-encoding (UTF-8) and the "
                    + "header names and values";
            case 401 -> "This request needs an authenticated principal";
            case 403 -> "Your role does not allow this request";
            case 404 -> "Nothing is here";
            case 405 -> "This path does not take this method";
            case 413 -> "The request body is too large";
            case 414 -> "The request line (path and query) is larger than the server reads";
            case 431 -> "The request headers are larger than the server reads";
            default -> status < 500 ? "The request was refused"
                    : "The ledger failed to handle this request; nothing was changed. The failure is logged.";
        };
    }

    /**
     * Problem details for an error status, with its rule and a detail.
     *
     * @param status   the HTTP status, 400 or more
     * @param rule     the rule
     * @param detail   the detail for people
     * @param instance the request's path as received; left out when it is not a valid URI reference
     * @return the problem details
     */
    public static ProblemDetail problem(int status, String rule, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(detail);
        URI uri = uriOrNull(instance);
        if (uri != null) {
            problem.setInstance(uri);
        }
        problem.setProperty("rule", rule);
        return problem;
    }

    private static URI uriOrNull(String instance) {
        if (instance == null || instance.isEmpty()) {
            return null;
        }
        try {
            return URI.create(instance);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
