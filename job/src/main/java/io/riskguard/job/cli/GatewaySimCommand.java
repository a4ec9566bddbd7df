package io.riskguard.job.cli;

import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.gateway.sim.GatewaySimulatorMain;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard gateway-sim}: the ProjectX-compatible broker gateway simulator, standalone, for
 * demos. Users from RISKGUARD_GATEWAY_USER / RISKGUARD_GATEWAY_API_KEY, or any credentials when unset.
 */
@Command(name = "gateway-sim", mixinStandardHelpOptions = true,
        description = "Run the broker gateway simulator (ProjectX REST API) on 127.0.0.1 until killed; "
                + "its call log is at /sim/calls, its book at /sim/book.")
final class GatewaySimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("riskguard: invalid --port " + port + ": must be 0..65535");
        }
        GatewaySimulator simulator = GatewaySimulatorMain.start(port, System.getenv(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "gateway-sim-shutdown"));
        new CountDownLatch(1).await();
        return RiskguardCli.DONE;
    }
}
