package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.CountMode;
import io.riskguard.config.RuleSet.Enforcement;
import io.riskguard.config.RuleSet.MaxContracts;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.PositionChange;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.PositionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** RULE-001 max_contracts: caps the account's total contracts, net or gross, over effective sizes. */
public final class Rule001MaxContracts {

    public static final int RULE = 1;
    private static final DecisionCause CAUSE = DecisionCause.MAX_CONTRACTS_EXCEEDED;

    public void onPosition(TriggerContext ctx, PositionChange change) {
        MaxContracts cfg = ctx.rules().maxContracts();
        if (!RuleSet.on(cfg)) {
            return;
        }
        ctx.evaluated(RULE);
        long signed = 0;
        long gross = 0;
        for (PositionState p : ctx.openPositions()) {
            long e = ctx.effectiveSize(p);
            signed += p.dir() * e;
            gross += e;
        }
        long count = cfg.count() == CountMode.NET ? Math.abs(signed) : gross;
        if (count <= cfg.limit()) {
            return;
        }
        String reason = count + " contracts (" + cfg.count().name().toLowerCase(Locale.ROOT) + ") exceed the limit "
                + cfg.limit();
        List<PositionState> eligible = eligible(ctx, cfg.count(), Long.signum(signed));
        PositionState c = eligible.stream().filter(p -> p.contractId().equals(change.contractId())).findFirst()
                .orElse(null);
        if (cfg.enforcement() == Enforcement.CLOSE_POSITION && c != null) {
            ctx.close(RULE, c.contractId(), CAUSE, reason);
            return;
        }
        reduceToLimit(ctx, eligible, c, count - cfg.limit(), reason);
    }

    private static List<PositionState> eligible(TriggerContext ctx, CountMode mode, long sign) {
        List<PositionState> eligible = new ArrayList<>();
        for (PositionState p : ctx.openPositions()) {
            if (ctx.effectiveSize(p) > 0 && (mode == CountMode.GROSS || p.dir() == sign)) {
                eligible.add(p);
            }
        }
        return eligible;
    }

    /** Walks {@code c} first, then by effective size descending, ties contractId ascending. */
    private static void reduceToLimit(TriggerContext ctx, List<PositionState> eligible, PositionState c, long excess,
            String reason) {
        List<PositionState> walk = new ArrayList<>(eligible);
        walk.remove(c);
        walk.sort(Comparator.comparingLong((PositionState p) -> -ctx.effectiveSize(p))
                .thenComparing(PositionState::contractId));
        if (c != null) {
            walk.add(0, c);
        }
        long remaining = excess;
        for (PositionState p : walk) {
            if (remaining == 0) {
                break;
            }
            long e = ctx.effectiveSize(p);
            long r = Math.min(remaining, e);
            if (r == e) {
                ctx.close(RULE, p.contractId(), CAUSE, reason);
            } else {
                ctx.reduce(RULE, p.contractId(), r, e - r, CAUSE, reason);
            }
            remaining -= r;
        }
    }
}
