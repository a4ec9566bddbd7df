package io.riskguard.rules;

import io.riskguard.config.LockDuration;
import io.riskguard.engine.TriggerContext;
import java.time.Instant;

/** Shared by the cooldown rules: the until a cooldown proposes. */
final class Locks {

    private Locks() {}

    /** {@code t + cooldown}, or the next daily reset for {@code until_reset}. */
    static Instant cooldownUntil(TriggerContext ctx, LockDuration cooldown) {
        return cooldown.isUntilReset()
                ? ctx.config().trading().nextReset(ctx.t())
                : ctx.t().plus(cooldown.fixed());
    }
}
