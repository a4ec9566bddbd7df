package io.riskguard.state;

import java.util.Set;
import java.util.TreeSet;

/**
 * Small per-account facts: the broker's last {@code canTrade} (null until an account event is
 * seen) and the contracts already warned about for missing instrument economics (RULES.md §1.2).
 */
public record AccountFlags(Boolean canTrade, Set<String> warnedContracts) {

    public static final AccountFlags EMPTY = new AccountFlags(null, Set.of());

    public AccountFlags {
        warnedContracts = Set.copyOf(warnedContracts);
    }

    public boolean isEmpty() {
        return canTrade == null && warnedContracts.isEmpty();
    }

    public AccountFlags withCanTrade(boolean value) {
        return new AccountFlags(value, warnedContracts);
    }

    public AccountFlags withWarned(String contractId) {
        Set<String> next = new TreeSet<>(warnedContracts);
        next.add(contractId);
        return new AccountFlags(canTrade, next);
    }
}
