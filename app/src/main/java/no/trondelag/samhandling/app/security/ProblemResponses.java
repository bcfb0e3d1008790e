package no.trondelag.samhandling.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import no.trondelag.samhandling.app.problem.ErrorProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers requests that Spring Security turns away, before any controller runs, with the same problem details as
 * everything else: 401 with a {@code WWW-Authenticate} challenge when credentials are missing or wrong, 403 when
 * the principal may not do this, and 400 {@code request-rejected} when the firewall refuses the request (a path with
 * {@code ;}, {@code //}, {@code %25}, {@code %2E}, {@code %3B} or a {@code ..} segment, a header it does not allow),
 * and 429 with {@code Retry-After} when the login throttle refuses a login.
 */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper objectMapper;
    private final SecurityProperties properties;

    ProblemResponses(ObjectMapper objectMapper, SecurityProperties properties) {
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", properties.builtInUsers()
                ? "Basic realm=\"samhandling-ledger\""
                : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "This request needs an authenticated principal: " + (properties.builtInUsers()
                        ? "HTTP Basic with a built-in user" : "an OAuth2 bearer token"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow this request");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException exception) throws IOException {
        LOG.debug("Rejected a request: {}", exception.getMessage());
        write(request, response, HttpStatus.BAD_REQUEST, ErrorProblems.REQUEST_REJECTED, exception.getMessage());
    }

    /**
     * Refuses a login that the {@link LoginThrottle} has locked, with 429 and {@code Retry-After} in whole seconds.
     *
     * @param request    the request
     * @param response   the response
     * @param retryAfter how long the login must still wait
     * @throws IOException when the response cannot be written
     */
    public void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                "Too many failed logins for this user name or from this address; try again in " + seconds
                        + (seconds == 1 ? " second" : " seconds"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                       String detail) throws IOException {
        ProblemDetail problem = ErrorProblems.problem(status.value(), rule, detail, request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
