package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import no.trondelag.samhandling.app.LedgerApplication;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The {@code prod} profile should work with each key source Spring Boot's resource server offers on its own: the
 * issuer, a JWK set URI, or a public key.
 *
 * <p>Disabled: these reproduce a bug. {@code application-prod.yml} sets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri: ${LEDGER_JWT_ISSUER_URI:}} and
 * {@code jwk-set-uri: ${LEDGER_JWT_JWK_SET_URI:}}, so both properties always exist, if only as empty strings.
 * <ul>
 * <li>Spring Boot's {@code jwtDecoderByJwkKeySetUri} is guarded by {@code @ConditionalOnProperty(name =
 * "...jwk-set-uri")}, which matches any present value but "false", so it is defined next to the decoder for the key
 * actually configured: with {@code public-key-location} the ledger fails to start with "expected single matching
 * bean but found 2: jwtDecoderByJwkKeySetUri,jwtDecoderByPublicKeyValue", with {@code issuer-uri} alone with
 * "... found 2: jwtDecoderByJwkKeySetUri,jwtDecoderByIssuerUri".</li>
 * <li>With {@code jwk-set-uri} alone it starts, but the decoder validates {@code iss} against the empty
 * {@code issuer-uri} (it is not null), so every token is rejected ("The iss claim is not valid") and every command
 * is 401.</li>
 * </ul>
 * Only setting both {@code LEDGER_JWT_JWK_SET_URI} and {@code LEDGER_JWT_ISSUER_URI} works. Enable these once the
 * empty defaults are gone from {@code application-prod.yml}.
 */
@Disabled("Bug: application-prod.yml defines jwt.issuer-uri and jwt.jwk-set-uri even when empty; see the comment")
class ProdJwtKeySourcesTest {

    @Test
    void prodStartsWithAPublicKeyLocation() {
        Path pem = TestKeys.writePublicKeyPem(TestKeys.rsaKeyPair());

        assertStarts(context -> { }, "--spring.datasource.url=jdbc:h2:mem:prod-jwt-public-key;DB_CLOSE_DELAY=-1",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + pem.toUri());
    }

    @Test
    void prodStartsWithAnIssuerUriAlone() {
        assertStarts(context -> { }, "--spring.datasource.url=jdbc:h2:mem:prod-jwt-issuer;DB_CLOSE_DELAY=-1",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/issuer");
    }

    @Test
    void prodAcceptsTokensWithAJwkSetUriAlone() {
        KeyPair keys = TestKeys.rsaKeyPair();
        HttpServer issuer = TestKeys.publishJwkSet(TestKeys.jwkSet(keys, "k1"));
        String token = TestKeys.sign(TestKeys.claims("https://login.trondelag.test", "kari", List.of("SECRETARIAT"),
                null, Instant.now().plus(Duration.ofMinutes(10))), keys.getPrivate(), "k1");
        try {
            assertStarts(context -> {
                Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
                assertThat(jwt.getSubject()).isEqualTo("kari");
            }, "--spring.datasource.url=jdbc:h2:mem:prod-jwt-jwk-set;DB_CLOSE_DELAY=-1",
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestKeys.jwkSetUri(issuer));
        } finally {
            issuer.stop(0);
        }
    }

    private static void assertStarts(Consumer<ConfigurableApplicationContext> check, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--axoniq.update-checker.disabled=true";
        assertThatCode(() -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .profiles("prod", "test").run(all)) {
                context.getBean(JwtDecoder.class);
                check.accept(context);
            }
        }).doesNotThrowAnyException();
    }
}
