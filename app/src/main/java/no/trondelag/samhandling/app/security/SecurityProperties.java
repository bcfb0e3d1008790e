package no.trondelag.samhandling.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers authenticate: the embedded default's built-in users over HTTP Basic, or (profile {@code prod}) OAuth2
 * JWT bearer tokens whose claims carry the roles and the participant.
 *
 * @param builtInUsers whether the built-in users {@code secretariat}, {@code auditor}, {@code admin} and
 *                     {@code kommune-5054} exist (each with its own name as password); never in production
 * @param jwt          how JWT claims map to the ledger's roles
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(boolean builtInUsers, Jwt jwt) {

    /**
     * The claims of a bearer token that the ledger reads.
     *
     * @param rolesClaim       the claim holding the list of roles, such as {@code ["SECRETARIAT"]}
     * @param participantClaim the claim holding the participant a PARTICIPANT acts for
     * @param nameClaim        the claim naming the principal, recorded as the actor of its commands
     */
    public record Jwt(String rolesClaim, String participantClaim, String nameClaim) {
    }

    public SecurityProperties {
        jwt = jwt == null ? new Jwt("roles", "participant_id", "sub") : jwt;
    }
}
