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
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The {@code prod} profile should work with each key source Spring Boot's resource server offers on its own: the
 * issuer, a JWK set URI, or a public key.
 *
 * <p>These once failed: {@code application-prod.yml} defined {@code issuer-uri} and {@code jwk-set-uri} with empty
 * defaults, so Spring Boot created a second decoder next to the configured one, or checked {@code iss} against an
 * empty issuer.
 */
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
