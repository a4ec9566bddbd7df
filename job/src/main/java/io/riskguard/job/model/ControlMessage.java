package io.riskguard.job.model;

import java.time.Instant;

/**
 * Broadcast to every AccountRisk subtask: either the end of a replay's input (the instant at which
 * event time ends: timers due after it must not fire), or a verified configuration that replaces
 * the running one from the next trigger on.
 */
public record ControlMessage(Instant replayHorizon, int configVersion, String configYaml) {

    public static ControlMessage endOfReplay(Instant horizon) {
        return new ControlMessage(horizon, 0, null);
    }

    public static ControlMessage config(int version, String yaml) {
        return new ControlMessage(null, version, yaml);
    }

    public boolean isConfig() {
        return configYaml != null;
    }
}
