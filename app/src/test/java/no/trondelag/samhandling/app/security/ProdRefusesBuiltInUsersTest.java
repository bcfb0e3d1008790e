package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.app.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile must not start with the built-in users (whose passwords are their names) switched on.
 * The properties are given as command-line arguments, as an operator would: {@code SpringApplicationBuilder
 * .properties(..)} sets only defaults, which {@code application-prod.yml} overrides.
 */
class ProdRefusesBuiltInUsersTest {

    private static final String REFUSAL = "The prod profile refuses to start with the built-in users enabled";

    @Test
    void prodWithBuiltInUsersRefusesToStart() {
        Throwable failure = null;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class)
                    .profiles("prod", "test")
                    .run("--ledger.security.built-in-users=true",
                            "--spring.datasource.url=jdbc:h2:mem:prod-refuses-built-in-users;DB_CLOSE_DELAY=-1",
                            "--server.port=0",
                            "--axoniq.update-checker.disabled=true");
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (context != null) {
                context.close();
            }
        }

        assertThat(failure).as("the ledger started in prod with the built-in users").isNotNull();
        assertThat(messages(failure)).as("the failure's cause chain")
                .anySatisfy(message -> assertThat(message).contains(REFUSAL));
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < 50; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
