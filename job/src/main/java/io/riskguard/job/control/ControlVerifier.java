package io.riskguard.job.control;

import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.InputCause;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.operators.RiskState;
import io.riskguard.sinks.Secrets;
import io.riskguard.sinks.jdbc.ConfigAudit;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Verifies control-topic config updates once, before they are broadcast (one key, one subtask):
 * accepted ones go on to every AccountRisk subtask; refused ones go to the dead letters with the
 * reason; both are audited. The control key is read from the task's environment.
 */
public final class ControlVerifier extends KeyedProcessFunction<String, ControlVerifier.Received, ControlMessage> {

    private static final long serialVersionUID = 1L;
    public static final String KEY = "control";

    /** A control message as it arrived: its id (topic/partition/offset), arrival time and text. */
    public record Received(String messageId, Instant receivedAt, String text) {}

    private final int initialVersion;
    private final OutputTag<DeadLetterRecord> deadLetters;
    private final OutputTag<ConfigAudit> audit;
    private transient ConfigUpdateVerifier verifier;
    private transient ValueState<Integer> runningVersion;
    private transient Counter accepted;
    private transient Counter refused;

    public ControlVerifier(int initialVersion, OutputTag<DeadLetterRecord> deadLetters, OutputTag<ConfigAudit> audit) {
        this.initialVersion = initialVersion;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @Override
    public void open(OpenContext openContext) {
        verifier = new ConfigUpdateVerifier(Secrets.get(ConfigSignature.KEY_ENV));
        runningVersion = getRuntimeContext().getState(RiskState.runningConfigVersion());
        accepted = getRuntimeContext().getMetricGroup().counter("configUpdatesAccepted");
        refused = getRuntimeContext().getMetricGroup().counter("configUpdatesRefused");
    }

    @Override
    public void processElement(Received in, Context ctx, Collector<ControlMessage> out) throws Exception {
        Integer running = runningVersion.value();
        ConfigUpdateVerifier.Verdict v = verifier.verify(in.text(), running == null ? initialVersion : running);
        String sha = v.yaml() == null ? null : ConfigSignature.sha256(v.yaml());
        ctx.output(audit, new ConfigAudit(in.messageId(), in.receivedAt(), v.version(), v.accepted(), v.reason(), sha));
        if (v.accepted()) {
            accepted.inc();
            runningVersion.update(v.version());
            out.collect(ControlMessage.config(v.version(), v.yaml()));
        } else {
            refused.inc();
            ctx.output(deadLetters, new DeadLetterRecord(-1, DeadLetter.rejected(InputCause.CONFIG_UPDATE_REFUSED, v.reason(), in.text())));
        }
    }
}
