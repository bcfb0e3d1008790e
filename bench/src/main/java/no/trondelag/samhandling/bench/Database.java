package no.trondelag.samhandling.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database of a run, as the ledger and the raw JDBC baseline reach it.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 * @param postgres whether it is PostgreSQL (otherwise H2)
 */
public record Database(String url, String user, String password, boolean postgres) {

    /**
     * A new connection, outside any pool.
     *
     * @return the connection
     * @throws SQLException when the database cannot be reached
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
