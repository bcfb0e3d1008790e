package no.trondelag.samhandling.app.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. Reports, reference reads and the decision log are public; every command needs an authenticated
 * principal (and {@link CommandPermissions} decides which); the admin API and the actuator, except health, need
 * ADMIN. Anyone may take a digest of the ledger and verify one; the raw event export, whose metadata names who
 * recorded each event, is for auditors. The embedded default authenticates its built-in users over HTTP Basic;
 * without them (profile {@code prod}) the ledger is an OAuth2 resource server taking JWT bearer tokens. Failures are
 * problem details. The error page renders the failure of the request it was forwarded from, so it needs no
 * authentication of its own: otherwise an anonymous request refused for another reason would come back as 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, LoginThrottleProperties.class})
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final int BCRYPT_MIN_COST = 4;

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems,
                                       LoginThrottle loginThrottle, ObjectProvider<JwtDecoder> jwtDecoder,
                                       Environment environment)
            throws Exception {
        if (properties.builtInUsers() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The prod profile refuses to start with the built-in users enabled: "
                    + "set ledger.security.built-in-users=false and configure JWT validation");
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(LedgerRoles.ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(LedgerRoles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/commands/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/ledger/verify").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/ledger/events").hasRole(LedgerRoles.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        if (properties.builtInUsers()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                    .addFilterBefore(new LoginThrottleFilter(loginThrottle, problems),
                            BasicAuthenticationFilter.class);
        } else {
            jwtDecoder.getIfAvailable(() -> {
                throw new IllegalStateException("Without built-in users the ledger needs JWT validation: set "
                        + "spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location");
            });
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> toAuthentication(token, properties.jwt()))));
        }
        return http.build();
    }

    /**
     * The memory of failed HTTP Basic logins, which refuses logins for a while after too many failures (ADR 0027).
     * Bearer tokens are not throttled: a token cannot be guessed, and rate limits for a public service belong in
     * front of it.
     */
    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties, Clock.systemUTC());
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: a dozen observations per
     * request cost more than the rest of a report request, and the request as a whole is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The built-in users' passwords are their names, so a slow hash protects nothing; the lowest BCrypt cost keeps
     * HTTP Basic, which checks the password on every request, from costing tens of milliseconds a request. As the
     * only encoder, it also keeps Spring Security from re-hashing the passwords at a higher cost on first login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_MIN_COST);
    }

    @Bean
    UserDetailsService builtInUsers(SecurityProperties properties, PasswordEncoder encoder) {
        if (!properties.builtInUsers()) {
            return new InMemoryUserDetailsManager();
        }
        LOG.warn("""

                *****************************************************************************************
                * BUILT-IN USERS ARE ENABLED: secretariat, auditor, admin and kommune-5054, each with   *
                * its own name as password. They are for the embedded default only. Never expose this   *
                * instance; production runs with profile 'prod' and OAuth2 JWT bearer tokens.           *
                *****************************************************************************************""");
        return new InMemoryUserDetailsManager(
                user(encoder, "secretariat", List.of(LedgerRoles.SECRETARIAT), null),
                user(encoder, "auditor", List.of(LedgerRoles.AUDITOR), null),
                user(encoder, "admin", List.of(LedgerRoles.ADMIN), null),
                user(encoder, "kommune-5054", List.of(LedgerRoles.PARTICIPANT), "5054"));
    }

    private static UserDetails user(PasswordEncoder encoder, String name, List<String> roles, String participantId) {
        List<GrantedAuthority> authorities = authorities(roles, participantId);
        return User.withUsername(name).password(encoder.encode(name)).authorities(authorities).build();
    }

    private static JwtAuthenticationToken toAuthentication(Jwt token, SecurityProperties.Jwt claims) {
        Object roles = token.getClaims().get(claims.rolesClaim());
        List<String> roleNames = new ArrayList<>();
        if (roles instanceof Collection<?> values) {
            values.forEach(value -> roleNames.add(String.valueOf(value)));
        } else if (roles instanceof String value) {
            roleNames.addAll(List.of(value.split("[ ,]+")));
        }
        String participantId = token.getClaimAsString(claims.participantClaim());
        String name = token.getClaimAsString(claims.nameClaim());
        return new JwtAuthenticationToken(token, authorities(roleNames, participantId),
                name == null ? token.getSubject() : name);
    }

    private static List<GrantedAuthority> authorities(List<String> roles, String participantId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.stream()
                .filter(role -> List.of(LedgerRoles.SECRETARIAT, LedgerRoles.PARTICIPANT, LedgerRoles.AUDITOR,
                        LedgerRoles.ADMIN).contains(role))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (participantId != null && roles.contains(LedgerRoles.PARTICIPANT)) {
            authorities.add(new SimpleGrantedAuthority(LedgerRoles.PARTICIPANT_AUTHORITY_PREFIX + participantId));
        }
        return authorities;
    }
}
