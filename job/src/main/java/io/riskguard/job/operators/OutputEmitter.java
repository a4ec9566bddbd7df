package io.riskguard.job.operators;

import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/** AccountRisk's outputs: decided actions on the main output, warnings on the dead-letter side output. */
final class OutputEmitter implements SubtaskTriggers.Emitter {

    private final Output<StreamRecord<DecidedAction>> output;
    private final StreamRecord<DecidedAction> reused = new StreamRecord<>(null);

    OutputEmitter(Output<StreamRecord<DecidedAction>> output) {
        this.output = output;
    }

    @Override
    public void action(DecidedAction action, long timestampMillis) {
        output.collect(reused.replace(action, timestampMillis));
    }

    @Override
    public void deadLetter(DeadLetterRecord letter) {
        output.collect(RiskState.DEAD_LETTERS, new StreamRecord<>(letter));
    }
}
