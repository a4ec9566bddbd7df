package io.riskguard.engine;

import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import java.time.Instant;
import java.util.List;

/**
 * What one trigger decided: the actions in emission order, warnings for the dead-letter output,
 * and the account's wake-up instants to register and to delete.
 */
public record Decision(List<Action> actions, List<DeadLetter> warnings, List<Instant> timersToSet,
        List<Instant> timersToCancel) {

    public static final Decision NOTHING = new Decision(List.of(), List.of(), List.of(), List.of());

    public Decision {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
        timersToSet = List.copyOf(timersToSet);
        timersToCancel = List.copyOf(timersToCancel);
    }
}
