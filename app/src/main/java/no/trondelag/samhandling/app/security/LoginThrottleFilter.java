package no.trondelag.samhandling.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses HTTP Basic logins whose user name or address the {@link LoginThrottle} has locked, with 429 and
 * {@code Retry-After}, before the password is checked. It runs just before Basic authentication; the failures and
 * successes that feed the throttle come from Spring Security's authentication events
 * ({@link LoginThrottleEvents}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (user != null) {
            Optional<Duration> locked = throttle.lockedFor(user, request.getRemoteAddr());
            if (locked.isPresent()) {
                problems.tooManyFailedLogins(request, response, locked.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The user name of HTTP Basic credentials, or {@code null} when the header holds none that can be read, which
     * Basic authentication then refuses on its own.
     */
    static String basicUser(String header) {
        if (header == null || header.length() <= BASIC.length()
                || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
