package io.riskguard.job.replay;

import io.riskguard.job.model.DecidedAction;
import java.util.Comparator;

/** CONTRACT.md §2 file order: ts, then accountId, then the account's own decision order. */
final class ActionOrder {

    static final Comparator<DecidedAction> FILE_ORDER = Comparator
            .comparing((DecidedAction d) -> d.action().ts())
            .thenComparingLong(d -> d.action().accountId())
            .thenComparingInt(DecidedAction::phase)
            .thenComparingLong(DecidedAction::seq)
            .thenComparingInt(DecidedAction::index);

    private ActionOrder() {}
}
