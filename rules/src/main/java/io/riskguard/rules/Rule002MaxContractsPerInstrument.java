package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.MaxContractsPerInstrument;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.PositionChange;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.PositionState;

/** RULE-002 max_contracts_per_instrument: caps the contracts of one root across all its months. */
public final class Rule002MaxContractsPerInstrument {

    public static final int RULE = 2;
    private static final DecisionCause CAUSE = DecisionCause.INSTRUMENT_CONTRACTS_EXCEEDED;

    public void onPosition(TriggerContext ctx, PositionChange change) {
        MaxContractsPerInstrument cfg = ctx.rules().maxContractsPerInstrument();
        if (!RuleSet.on(cfg) || !change.leavesOpen()) {
            return;
        }
        ctx.evaluated(RULE);
        String root = ctx.root(change.contractId());
        Integer limit = limitFor(cfg, root);
        if (limit == null) {
            return;
        }
        long current = 0;
        for (PositionState p : ctx.openPositions()) {
            if (ctx.root(p.contractId()).equals(root)) {
                current += ctx.effectiveSize(p);
            }
        }
        if (current <= limit) {
            return;
        }
        long ec = ctx.effectiveSize(change.current());
        long r = Math.min(current - limit, ec);
        if (r == 0) {
            return;
        }
        String reason = root + " holds " + current + " contracts, above the limit " + limit;
        if (r == ec) {
            ctx.close(RULE, change.contractId(), CAUSE, reason);
        } else {
            ctx.reduce(RULE, change.contractId(), r, ec - r, CAUSE, reason);
        }
    }

    /** The root's limit; null means no limit ({@code unknown_symbol: allow}). */
    private static Integer limitFor(MaxContractsPerInstrument cfg, String root) {
        Integer listed = cfg.limits().get(root);
        if (listed != null) {
            return listed;
        }
        return switch (cfg.unknownSymbol()) {
            case DEFAULT -> cfg.defaultLimit();
            case BLOCK -> 0;
            case ALLOW -> null;
        };
    }
}
