package io.riskguard.sinks.gateway.sim;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator: {@code GatewaySimulatorMain [--port P]} (default 8090) on 127.0.0.1.
 * Users come from RISKGUARD_GATEWAY_USER and RISKGUARD_GATEWAY_API_KEY when both are set, else demo
 * mode. Prints one line, {@code gateway-sim listening on http://127.0.0.1:P}, and runs until killed.
 * API keys and tokens are never printed.
 */
public final class GatewaySimulatorMain {

    static final int DEFAULT_PORT = 8090;
    static final String USER_ENV = "RISKGUARD_GATEWAY_USER";
    static final String API_KEY_ENV = "RISKGUARD_GATEWAY_API_KEY";

    private GatewaySimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewaySimulator simulator;
        try {
            simulator = start(args, System.getenv(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("gateway-sim: " + e.getMessage());
            System.err.println("usage: GatewaySimulatorMain [--port P]");
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("gateway-sim: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "gateway-sim-shutdown"));
        new CountDownLatch(1).await();
    }

    /** Parses the arguments, starts the simulator and prints the listening line. */
    static GatewaySimulator start(String[] args, Map<String, String> env, PrintStream out) {
        return start(port(args), env, out);
    }

    /** Starts on {@code port} with the users of {@code env} (demo mode without them) and prints the listening line. */
    public static GatewaySimulator start(int port, Map<String, String> env, PrintStream out) {
        return start(GatewaySimulator.Options.defaults().withPort(port), env, out);
    }

    /** Starts with these options plus the users of {@code env} (demo mode without them) and prints the listening line. */
    public static GatewaySimulator start(GatewaySimulator.Options base, Map<String, String> env, PrintStream out) {
        GatewaySimulator.Options options = base;
        String user = env.get(USER_ENV);
        String apiKey = env.get(API_KEY_ENV);
        if (user != null && !user.isEmpty() && apiKey != null && !apiKey.isEmpty()) {
            options = options.withUser(user, apiKey);
        }
        GatewaySimulator simulator = GatewaySimulator.start(options);
        out.println("gateway-sim listening on " + simulator.baseUri());
        out.flush();
        return simulator;
    }

    static int port(String[] args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = parsePort(args[i].substring("--port=".length()));
            } else {
                throw new IllegalArgumentException("unknown or incomplete argument: " + args[i]);
            }
        }
        return port;
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0..65535: " + text);
        }
    }
}
