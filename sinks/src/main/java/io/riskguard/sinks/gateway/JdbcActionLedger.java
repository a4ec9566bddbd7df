package io.riskguard.sinks.gateway;

import io.riskguard.contract.Action;
import io.riskguard.sinks.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The ledger in PostgreSQL ({@code action_ledger}, unique on action id): survives restarts and is
 * shared by every subtask. One connection, used by one thread at a time; ledger calls are rare
 * next to broker calls.
 */
public final class JdbcActionLedger implements ActionLedger {

    private static final String CLAIM = "INSERT INTO action_ledger (action_id, account_id, kind, status) "
            + "VALUES (?, ?, ?, 'in_flight') ON CONFLICT (action_id) DO NOTHING";
    private static final String READ = "SELECT status, observed_size FROM action_ledger WHERE action_id = ?";
    private static final String OBSERVED = "UPDATE action_ledger SET observed_size = ? WHERE action_id = ?";
    private static final String FINISH = "UPDATE action_ledger SET status = ?, error_code = ?, error_message = ?, "
            + "finished_at = now() WHERE action_id = ?";

    private final JdbcSettings settings;
    private Connection connection;

    public JdbcActionLedger(JdbcSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized Claim claim(Action action) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(CLAIM)) {
            ps.setString(1, action.id());
            ps.setLong(2, action.accountId());
            ps.setString(3, action.kind().name());
            if (ps.executeUpdate() == 1) {
                return new Claim(Status.NEW, null);
            }
        }
        try (PreparedStatement ps = connection().prepareStatement(READ)) {
            ps.setString(1, action.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long observed = rs.getLong(2);
                Long observedSize = rs.wasNull() ? null : observed;
                return new Claim("in_flight".equals(rs.getString(1)) ? Status.IN_DOUBT : Status.DONE, observedSize);
            }
        }
    }

    @Override
    public synchronized void recordObservedSize(String actionId, long size) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(OBSERVED)) {
            ps.setLong(1, size);
            ps.setString(2, actionId);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized void finish(String actionId, boolean success, Integer errorCode, String errorMessage)
            throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(FINISH)) {
            ps.setString(1, success ? "done" : "failed");
            if (errorCode == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setInt(2, errorCode);
            }
            ps.setString(3, errorMessage);
            ps.setString(4, actionId);
            ps.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = settings.connect();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /** After a failure: the next call opens a new connection. */
    public synchronized void reset() {
        try {
            close();
        } catch (SQLException ignored) {
            connection = null;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
