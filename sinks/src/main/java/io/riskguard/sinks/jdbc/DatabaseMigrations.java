package io.riskguard.sinks.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the schema with Flyway (versioned SQL under {@code db/riskguard}), before a
 * job that writes to the database starts. Flyway takes a database lock, so concurrent starts are
 * safe; its own history table is {@code riskguard_schema_history}.
 */
public final class DatabaseMigrations {

    private DatabaseMigrations() {}

    /** @return the schema version after migrating */
    public static String migrate(JdbcSettings settings) {
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(new SettingsDataSource(settings))
                .locations("classpath:db/riskguard")
                .table("riskguard_schema_history")
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
    }
}
