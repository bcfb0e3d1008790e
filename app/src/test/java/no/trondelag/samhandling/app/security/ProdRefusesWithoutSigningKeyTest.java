package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.app.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
        Throwable failure = null;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class)
                    .profiles("prod", "test")
                    .run(setting,
                            "--spring.datasource.url=jdbc:h2:mem:prod-refuses-without-key;DB_CLOSE_DELAY=-1",
                            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks",
                            "--server.port=0",
                            "--axoniq.update-checker.disabled=true");
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        assertThat(failure).as("the ledger started in prod without a configured signing key").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < 50; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
