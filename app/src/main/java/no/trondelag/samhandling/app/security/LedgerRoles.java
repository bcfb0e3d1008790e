package no.trondelag.samhandling.app.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The roles of the ledger and how an authenticated principal carries them: Spring authorities {@code ROLE_<role>},
 * and for a participant the authority {@code participant:<participantId>} naming the one participant it may act
 * for. Built-in users and JWT bearer tokens are mapped to the same authorities.
 */
public final class LedgerRoles {

    /** Records governance, initiatives, funding and reference data; may send every command. */
    public static final String SECRETARIAT = "SECRETARIAT";
    /** Acts for one participant: its own joins, withdrawals, assessments, adoptions and enrolments. */
    public static final String PARTICIPANT = "PARTICIPANT";
    /** Sees who recorded each event. */
    public static final String AUDITOR = "AUDITOR";
    /** Operates the read side: projection status and replays, and the actuator. */
    public static final String ADMIN = "ADMIN";

    /** The prefix of the authority binding a participant principal to its participant. */
    public static final String PARTICIPANT_AUTHORITY_PREFIX = "participant:";

    private LedgerRoles() {
    }

    /**
     * Whether a principal has a role.
     *
     * @param authentication the principal, or {@code null} when anonymous
     * @param role           one of the roles above
     * @return {@code true} when it has the role
     */
    public static boolean has(Authentication authentication, String role) {
        return authorities(authentication).stream()
                .anyMatch(authority -> ("ROLE_" + role).equals(authority.getAuthority()));
    }

    /**
     * The participant a principal may act for.
     *
     * @param authentication the principal
     * @return the participant's id, or empty when the principal is bound to none
     */
    public static Optional<String> boundParticipant(Authentication authentication) {
        return authorities(authentication).stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PARTICIPANT_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(PARTICIPANT_AUTHORITY_PREFIX.length()))
                .findFirst();
    }

    private static Collection<? extends GrantedAuthority> authorities(Authentication authentication) {
        return authentication == null || !authentication.isAuthenticated()
                ? java.util.List.of()
                : authentication.getAuthorities();
    }
}
