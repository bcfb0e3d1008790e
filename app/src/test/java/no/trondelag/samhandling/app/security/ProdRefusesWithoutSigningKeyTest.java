package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prod profile never makes a checkpoint signing key of its own (ADR 0031): without one configured, or told to
 * generate one, it refuses to start and says how to configure the key.
 */
class ProdRefusesWithoutSigningKeyTest {

    @Test
    void prodWithoutASigningKeyRefusesToStart() {
        assertThat(startFailure("--ledger.integrity.checkpoints.signing-key="))
                .anySatisfy(message -> assertThat(message).contains("No checkpoint signing key")
                        .contains("LEDGER_SIGNING_KEY"));
    }

    @Test
    void prodToldToGenerateASigningKeyRefusesToStart() {
        assertThat(startFailure("--ledger.integrity.checkpoints.generate-key=true"))
                .anySatisfy(message -> assertThat(message).contains(
                        "The prod profile refuses to start with ledger.integrity.checkpoints.generate-key=true"));
    }

    private static List<String> startFailure(String setting) {
        return ProdStart.refusal("prod-refuses-without-key", setting,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks");
    }
}
