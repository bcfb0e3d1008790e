package no.trondelag.samhandling.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a run keeps its ledger: an H2 file under {@code bench/target}, an embedded PostgreSQL started for the run,
 * or a PostgreSQL server given by URL (on which the run creates a database of its own).
 */
public final class Store implements AutoCloseable {

    /** The settings of the application's embedded default: H2 writes every commit before it returns (ADR 0025). */
    private static final String H2_DURABLE = ";WRITE_DELAY=0";

    private final String name;
    private final EmbeddedPostgres embedded;
    private final Database server;
    private final Path h2Directory;
    private final String h2Settings;

    private Store(String name, EmbeddedPostgres embedded, Database server, Path h2Directory) {
        this(name, embedded, server, h2Directory, H2_DURABLE);
    }

    private Store(String name, EmbeddedPostgres embedded, Database server, Path h2Directory, String h2Settings) {
        this.h2Settings = h2Settings;
        this.name = name;
        this.embedded = embedded;
        this.server = server;
        this.h2Directory = h2Directory;
    }

    /**
     * Opens the store a {@code --store} argument names.
     *
     * @param store {@code h2} (as the application's embedded default, every commit written before it returns),
     *              {@code h2-write-delay} (H2's own default, commits written within 500 ms: the cost of
     *              durability), {@code postgres} (embedded, durability off as the library sets it),
     *              {@code postgres-durable} (embedded, with fsync and synchronous commits), or a
     *              {@code jdbc:postgresql:} URL
     * @param user the user for a URL
     * @param password the password for a URL
     * @param workDirectory where H2 files go
     * @return the store
     * @throws IOException when embedded PostgreSQL cannot start or the directory cannot be made
     */
    public static Store open(String store, String user, String password, Path workDirectory) throws IOException {
        if (store.equals("h2") || store.equals("h2-write-delay")) {
            Path directory = workDirectory.resolve("h2-" + System.currentTimeMillis());
            Files.createDirectories(directory);
            return store.equals("h2") ? new Store("H2 (file, WRITE_DELAY=0)", null, null, directory)
                    : new Store("H2 (file, H2's default write delay)", null, null, directory, "");
        }
        if (store.equals("postgres")) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Store("PostgreSQL (embedded, fsync off)", postgres, null, null);
        }
        if (store.equals("postgres-durable")) {
            // the embedded server turns durability off; a production server keeps it on, as here
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
            return new Store("PostgreSQL (embedded, fsync and synchronous commit on)", postgres, null, null);
        }
        if (store.startsWith("jdbc:postgresql:")) {
            return new Store("PostgreSQL (" + store.replaceAll("\\?.*", "") + ")", null,
                    new Database(store, user, password, true), null);
        }
        throw new IllegalArgumentException("--store is h2, h2-write-delay, postgres, postgres-durable or a "
                + "jdbc:postgresql: URL, not " + store);
    }

    /**
     * What the table calls this store.
     *
     * @return its name
     */
    public String name() {
        return name;
    }

    /**
     * A new, empty database.
     *
     * @param database its name, unique within the run
     * @return how to reach it
     * @throws SQLException when it cannot be created
     */
    public Database create(String database) throws SQLException {
        if (h2Directory != null) {
            return new Database("jdbc:h2:file:" + h2Directory.resolve(database).toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE" + h2Settings, "sa", "", false);
        }
        String unique = database + "_" + System.currentTimeMillis();
        if (embedded != null) {
            try (Connection connection = embedded.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + unique);
            }
            return new Database(embedded.getJdbcUrl("postgres", unique), "postgres", "postgres", true);
        }
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + unique);
        }
        String url = server.url().replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1" + unique);
        return new Database(url, server.user(), server.password(), true);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
