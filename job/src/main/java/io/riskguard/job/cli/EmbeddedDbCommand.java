package io.riskguard.job.cli;

import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard embedded-db}: a real PostgreSQL from Maven Central binaries, with the Riskguard
 * schema, for demos and trials on a machine without a database. Runs until killed.
 */
@Command(name = "embedded-db", mixinStandardHelpOptions = true,
        description = "Run an embedded PostgreSQL with the Riskguard schema until killed; prints its JDBC URL.")
final class EmbeddedDbCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "5433", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start();
        // The hook captures it as a Closeable: a lambda capturing an EmbeddedPostgres gets a synthetic method with
        // that type in its signature, and picocli's reflection over this class would then need the embedded
        // PostgreSQL classes, which the cluster job jar (-flink.jar) leaves out.
        java.io.Closeable closeable = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }, "embedded-db-shutdown"));
        String url = postgres.getJdbcUrl("postgres", "postgres");
        DatabaseMigrations.migrate(new JdbcSettings(url));
        System.out.println("embedded-db listening; JDBC URL " + url + " (schema migrated; no password)");
        System.out.flush();
        new CountDownLatch(1).await();
        return RiskguardCli.DONE;
    }
}
