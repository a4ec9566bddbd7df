package io.riskguard.job.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/riskguard}: the command line of CONTRACT.md §4. Exit status 0 done; 2 bad usage or
 * bad configuration (one line on stderr, no stack trace); 1 the job failed.
 */
@Command(name = "riskguard", mixinStandardHelpOptions = true, version = "riskguard 0.1.0",
        description = "Real-time risk guard for futures trading accounts, on Apache Flink.",
        subcommands = {ReplayCommand.class, LocalCommand.class, GenerateDayCommand.class, GatewaySimCommand.class,
                EmbeddedDbCommand.class, EmbeddedKafkaCommand.class, RunCommand.class, BridgeCommand.class,
                SignConfigCommand.class})
public final class RiskguardCli implements Runnable {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        if (!insideFlink()) {
            System.exit(execute(args));
        }
        // `flink run`, or a REST submission, where this main runs inside the JobManager: System.exit would end
        // that process. Return once the job is submitted; a failure becomes the program's exception, which
        // Flink reports (the REST response, the CLI's output) with the one-line message.
        StringWriter err = new StringWriter();
        int status = execute(new PrintWriter(err, true), args);
        System.err.print(err);
        if (status != DONE) {
            throw new IllegalStateException(err.toString().strip());
        }
    }

    /** Loaded by a Flink user-code class loader (flink run, REST) rather than from the class path (bin/riskguard). */
    static boolean insideFlink() {
        return RiskguardCli.class.getClassLoader() != ClassLoader.getSystemClassLoader();
    }

    public static int execute(String... args) {
        return execute(null, args);
    }

    /** @param messages where usage and failure messages go; null for standard error */
    static int execute(PrintWriter messages, String... args) {
        CommandLine cli = new CommandLine(new RiskguardCli());
        if (messages != null) {
            cli.setErr(messages);
        }
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("riskguard: " + e.getMessage());
            err.println("usage: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (e instanceof UsageException) {
                err.println(e.getMessage());
                err.flush();
                return USAGE;
            }
            err.println("riskguard: " + c.getCommandName() + " failed: " + rootMessage(e));
            err.flush();
            return FAILED;
        });
        return cli.execute(args);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (cause: " + root + ")";
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
