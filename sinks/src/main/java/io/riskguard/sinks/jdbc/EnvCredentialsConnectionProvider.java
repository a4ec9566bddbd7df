package io.riskguard.sinks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;

/**
 * The JDBC connector's connection provider, opening connections with {@link JdbcSettings} so the
 * credentials are read from the environment of the task, not carried in the sink.
 */
final class EnvCredentialsConnectionProvider implements JdbcConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final JdbcSettings settings;
    private transient Connection connection;

    EnvCredentialsConnectionProvider(JdbcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        return connection != null && connection.isValid(5);
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException {
        if (connection == null) {
            connection = settings.connect();
        }
        return connection;
    }

    @Override
    public void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection we are done with
            }
            connection = null;
        }
    }

    @Override
    public Connection reestablishConnection() throws SQLException {
        closeConnection();
        return getOrEstablishConnection();
    }
}
