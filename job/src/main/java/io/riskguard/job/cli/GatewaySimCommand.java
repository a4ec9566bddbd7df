package io.riskguard.job.cli;

import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.gateway.sim.GatewaySimulatorMain;
import io.riskguard.sinks.gateway.sim.ScriptedMarket;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard gateway-sim}: the ProjectX-compatible broker gateway simulator, standalone, for
 * demos: the REST API and the realtime hubs, optionally with a scripted market quoting some contracts.
 * Users from RISKGUARD_GATEWAY_USER / RISKGUARD_GATEWAY_API_KEY, or any credentials when unset.
 */
@Command(name = "gateway-sim", mixinStandardHelpOptions = true,
        description = "Run the broker gateway simulator (ProjectX REST API and realtime hubs) on 127.0.0.1 until "
                + "killed; its call log is at /sim/calls, its book at /sim/book.")
final class GatewaySimCommand implements Callable<Integer> {

    /** The scripted market's quotes are the same from run to run. */
    private static final long MARKET_SEED = 1;

    @Option(names = "--port", defaultValue = "8090", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--hub-port", description = "port of the realtime hubs /hubs/user and /hubs/market "
            + "(default: --port + 1; 0 with --port 0)")
    Integer hubPort;

    @Option(names = "--market", split = ",", paramLabel = "CONTRACT",
            description = "contracts to quote with a scripted random walk, e.g. CON.F.US.MNQ.H26,CON.F.US.EP.H26")
    List<String> market = List.of();

    @Option(names = "--quotes-per-second", defaultValue = "4", paramLabel = "N",
            description = "quotes per second of each --market contract (default ${DEFAULT-VALUE})")
    int quotesPerSecond;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("riskguard: invalid --port " + port + ": must be 0..65535");
        }
        int hubs = hubPort != null ? hubPort : port == 0 ? 0 : port + 1;
        if (hubs < 0 || hubs > 65535) {
            throw new UsageException("riskguard: invalid --hub-port " + hubs + ": must be 0..65535");
        }
        if (quotesPerSecond < 1) {
            throw new UsageException("riskguard: invalid --quotes-per-second " + quotesPerSecond + ": must be >= 1");
        }
        GatewaySimulator simulator = GatewaySimulatorMain.start(
                GatewaySimulator.Options.defaults().withPort(port).withHubPort(hubs), System.getenv(), System.out);
        System.out.println("gateway-sim hubs on " + simulator.hubUri() + "/hubs/user and " + simulator.hubUri()
                + "/hubs/market");
        ScriptedMarket scripted = null;
        if (!market.isEmpty()) {
            scripted = new ScriptedMarket(simulator, market, quotesPerSecond, MARKET_SEED);
            scripted.start();
            System.out.println("gateway-sim quoting " + String.join(", ", market) + " at " + quotesPerSecond
                    + " quotes per second each");
        }
        System.out.flush();
        ScriptedMarket toStop = scripted;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (toStop != null) {
                toStop.stop();
            }
            simulator.close();
        }, "gateway-sim-shutdown"));
        new CountDownLatch(1).await();
        return RiskguardCli.DONE;
    }
}
