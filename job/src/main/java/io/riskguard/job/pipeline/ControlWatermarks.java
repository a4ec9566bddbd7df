package io.riskguard.job.pipeline;

import io.riskguard.job.control.ControlVerifier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The control topic carries config updates, not market time: its stream is always idle, so it
 * neither holds event time back (while nothing is sent) nor pushes it to the wall clock of the
 * update (which would fire every timer of an account whose own input is quiet).
 */
final class ControlWatermarks implements WatermarkGenerator<ControlVerifier.Received> {

    static WatermarkStrategy<ControlVerifier.Received> strategy() {
        return WatermarkStrategy.<ControlVerifier.Received>forGenerator(ctx -> new ControlWatermarks())
                .withTimestampAssigner((r, previous) -> r.receivedAt().toEpochMilli());
    }

    @Override
    public void onEvent(ControlVerifier.Received event, long timestamp, WatermarkOutput output) {
        output.markIdle();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }

}
