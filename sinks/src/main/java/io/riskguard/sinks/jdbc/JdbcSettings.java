package io.riskguard.sinks.jdbc;

import io.riskguard.sinks.Secrets;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the audit, lock and ledger tables live. Only the URL travels with the job; the user and
 * password are read from {@code RISKGUARD_JDBC_USER} / {@code RISKGUARD_JDBC_PASSWORD} (or their
 * {@code _FILE} variants) where the connection is opened, so they never appear in the job graph,
 * its configuration or the web UI.
 */
public record JdbcSettings(String url) implements Serializable {

    public static final String USER_ENV = "RISKGUARD_JDBC_USER";
    public static final String PASSWORD_ENV = "RISKGUARD_JDBC_PASSWORD";

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        String user = Secrets.get(USER_ENV);
        String password = Secrets.get(PASSWORD_ENV);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + url + "]";
    }
}
