package no.trondelag.samhandling.app.command;

import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.postgres.EmbeddedPostgresServer;
import no.trondelag.samhandling.app.postgres.EmbeddedPostgresServer.Database;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link CommandPreconditionsIT} on PostgreSQL with the {@code postgres} profile: {@code Idempotency-Key} (also
 * after a restart on the same database), {@code If-Match} and the body limit. JUnit makes a new instance for every
 * test, so every test gets a database of its own, and a restart within a test finds the same one.
 */
class CommandPreconditionsPostgresIT extends CommandPreconditionsIT {

    private Database database;

    /**
     * Starts the ledger on this test's PostgreSQL database. The settings are command-line arguments, which take
     * precedence over the profiles' configuration files.
     *
     * @return the running ledger
     */
    @Override
    protected ConfigurableApplicationContext start() {
        if (database == null) {
            database = EmbeddedPostgresServer.newDatabase(getClass().getSimpleName());
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(List.of(database.datasourceArguments()));
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test", "postgres")
                .run(arguments.toArray(String[]::new));
    }
}
