package io.riskguard.sinks.gateway;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends actions to the broker through the ProjectX gateway. Each subtask runs its accounts' actions
 * in order (the stream must be keyed by account), waits for every action in flight before a
 * checkpoint completes (at least once), and consults the action ledger so an action replayed after
 * a restore is not sent again (exactly once at the broker). LOCK and UNLOCK need no broker call.
 */
public final class BrokerSink implements Sink<Action> {

    private static final long serialVersionUID = 1L;

    private final GatewaySettings settings;

    public BrokerSink(GatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public SinkWriter<Action> createWriter(WriterInitContext context) throws IOException {
        GatewayCredentials credentials = settings.demoCredentials() && !GatewayCredentials.inEnvironment()
                ? GatewayCredentials.LOCAL_DEMO
                : GatewayCredentials.fromEnvironment();
        ActionLedger ledger = settings.ledger() == null ? new MemoryActionLedger()
                : new JdbcActionLedger(settings.ledger());
        return new BrokerSinkWriter(settings, credentials, ledger, new FlinkGatewayMetrics(context.metricGroup()));
    }

    /** The writer, usable without Flink (tests, benchmarks). */
    public static final class BrokerSinkWriter implements SinkWriter<Action> {

        private final AccountOrderedDispatcher dispatcher;
        private final ActionLedger ledger;

        public BrokerSinkWriter(GatewaySettings settings, GatewayCredentials credentials, ActionLedger ledger,
                GatewayMetrics metrics) {
            this.ledger = ledger;
            RateLimiter limiter = new RateLimiter(settings.rateLimit(), settings.rateWindow(), System::nanoTime);
            GatewayClient client = new GatewayClient(settings, credentials, limiter, metrics);
            ActionExecutor executor = new ActionExecutor(client, ledger, metrics, settings);
            this.dispatcher = new AccountOrderedDispatcher(settings.workers(), settings.maxBuffered(),
                    settings.maxBackoff(), (action, received) -> {
                        try {
                            ActionLedger.Claim claim = ledger.claim(action);
                            if (claim.status() == ActionLedger.Status.DONE) {
                                metrics.deduplicated();
                                return;
                            }
                            ActionExecutor.Outcome outcome = executor.execute(action, claim);
                            ledger.finish(action.id(), outcome.success(), outcome.errorCode(), outcome.errorMessage());
                            metrics.actionDone(action.kind().name(), outcome.success(), System.nanoTime() - received);
                        } catch (java.sql.SQLException e) {
                            if (ledger instanceof JdbcActionLedger jdbc) {
                                jdbc.reset();
                            }
                            throw e;
                        }
                    });
        }

        @Override
        public void write(Action action, Context context) throws InterruptedException {
            if (action.kind() != ActionKind.LOCK && action.kind() != ActionKind.UNLOCK) {
                dispatcher.submit(action);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws InterruptedException {
            dispatcher.awaitIdle();
        }

        /** Actions received and not yet done. */
        public int pending() {
            return dispatcher.pending();
        }

        @Override
        public void close() throws Exception {
            dispatcher.close();
            ledger.close();
        }
    }
}
