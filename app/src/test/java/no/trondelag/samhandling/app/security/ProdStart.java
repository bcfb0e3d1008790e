package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.app.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the ledger in the {@code prod} profile for tests that expect it to refuse: {@code .run(args)} passes
 * settings as command-line arguments, which {@code application-prod.yml} cannot override.
 */
final class ProdStart {

    private ProdStart() {
    }

    /**
     * Starts the ledger in {@code prod} on an in-memory database and answers why it did not start.
     *
     * @param database the in-memory database's name
     * @param settings further command-line settings
     * @return the messages of the failure's cause chain
     * @throws AssertionError when the ledger started
     */
    static List<String> refusal(String database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(settings));
        arguments.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--server.port=0", "--axoniq.update-checker.disabled=true"));
        Throwable failure = null;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class).profiles("prod", "test")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        assertThat(failure).as("the ledger started in prod with " + List.of(settings)).isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < 50; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
