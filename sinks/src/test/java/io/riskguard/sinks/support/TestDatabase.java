package io.riskguard.sinks.support;

import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL (embedded binaries from Maven Central), started once per test JVM, with the
 * Riskguard schema migrated into a fresh database per call to {@link #freshDatabase()}.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static int databases;

    private TestDatabase() {}

    public static synchronized JdbcSettings freshDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "riskguard_" + (++databases);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            JdbcSettings settings = new JdbcSettings(postgres.getJdbcUrl("postgres", name));
            DatabaseMigrations.migrate(settings);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query, each row its columns joined by '|' (NULL as "null"). */
    public static List<String> rows(JdbcSettings db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
