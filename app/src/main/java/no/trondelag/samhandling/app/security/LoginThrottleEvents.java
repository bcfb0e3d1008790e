package no.trondelag.samhandling.app.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link LoginThrottle} from Spring Security's authentication events: a wrong password (or an unknown
 * user name, which Spring Security reports the same way) counts as a failure, a login as a success. Only user name
 * and password logins from a web request count; bearer tokens are not throttled.
 */
@Component
class LoginThrottleEvents {

    private final LoginThrottle throttle;

    LoginThrottleEvents(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = passwordLoginAddress(event.getAuthentication());
        if (address != null) {
            throttle.failed(event.getAuthentication().getName(), address);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = passwordLoginAddress(event.getAuthentication());
        if (address != null) {
            throttle.succeeded(event.getAuthentication().getName(), address);
        }
    }

    private static String passwordLoginAddress(Authentication authentication) {
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return null;
    }
}
