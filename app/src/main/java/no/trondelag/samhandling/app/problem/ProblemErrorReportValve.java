package no.trondelag.samhandling.app.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as problem details instead of its HTML page. Tomcat answers some requests itself, before any
 * filter or the error page of the application runs: a path with {@code %2F}, {@code %5C}, {@code %00}, a broken
 * percent-encoding or invalid UTF-8, a control character in a header, a request line or headers over
 * {@code server.max-http-request-header-size}. This valve writes their bodies; errors the application handles
 * already have a body, which it leaves alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper objectMapper;

    /**
     * A valve writing with the given mapper.
     *
     * @param objectMapper the mapper for the problem details
     */
    public ProblemErrorReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = problemFor(response.getStatus(), response.getMessage(), throwable,
                request.getRequestURI());
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: there is nothing left to tell the client.
        }
    }

    /**
     * The problem details for what Tomcat refused. A request line over the header size limit is 414, headers over
     * it (or more than Tomcat's 100 headers) 431, both with {@code request-too-large}; a broken path or header
     * stays 400 {@code malformed-request}, as do an unknown HTTP version (505) and transfer coding (501) with their
     * own status.
     *
     * @param status    the status Tomcat set
     * @param message   the message Tomcat sent with the error, if any
     * @param throwable what Tomcat failed with while parsing, if anything
     * @param path      the request's path as received, {@code null} when the request line could not be read
     * @return the problem details
     */
    static ProblemDetail problemFor(int status, String message, Throwable throwable, String path) {
        String failure = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        if (failure.startsWith("Request header is too large") || failure.startsWith("More than the maximum")) {
            int tooLarge = path == null || path.isEmpty() ? 414 : 431;
            return ErrorProblems.problem(tooLarge, ErrorProblems.REQUEST_TOO_LARGE,
                    ErrorProblems.detailFor(tooLarge), path);
        }
        String detail;
        if (status == 505) {
            detail = "The request's HTTP version is not supported; send HTTP/1.1";
        } else if (status == 501) {
            detail = "The request's transfer coding is not supported";
        } else if (failure.startsWith("The HTTP header line")) {
            detail = "A header name or value has a character HTTP does not allow, such as a control character";
        } else if (failure.startsWith("Invalid character found in the request target")) {
            detail = "The request's path or query has a character that must be percent-encoded";
        } else if (failure.startsWith("Invalid character found in method name")) {
            detail = "The request's method is not a valid HTTP method name";
        } else if (status == 400 && (message != null && message.startsWith("Invalid URI")
                || throwable == null && path != null && path.contains("%"))) {
            detail = "The request's path cannot be decoded: it has an encoded '/', '\\' or NUL (%2F, %5C, %00), a "
                    + "broken percent-encoding, invalid UTF-8, or a '..' above the root";
        } else {
            return ErrorProblems.problem(status, ErrorProblems.ruleFor(status), ErrorProblems.detailFor(status),
                    path);
        }
        return ErrorProblems.problem(status, ErrorProblems.MALFORMED_REQUEST, detail, path);
    }
}
