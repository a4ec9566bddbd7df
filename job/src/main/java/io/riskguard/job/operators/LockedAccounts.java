package io.riskguard.job.operators;

import io.riskguard.state.LockBook;
import java.util.HashSet;
import java.util.Set;

/**
 * The accounts of this subtask that are locked (RULES.md §1.8): what the {@code lockedAccounts}
 * gauge reports. Derived from state, so it means the same after a restore or a rescale: AccountRisk
 * rebuilds it from every account's persisted lock book in the pass that rebuilds the timer index,
 * then updates an account after each trigger that changed its lock book. Plain Java, no Flink.
 */
final class LockedAccounts {

    private final Set<Long> accounts = new HashSet<>();

    /**
     * Whether an account with this lock book is locked: it holds a lock record. A LOCK adds (or
     * extends) its rule's record and only that rule's UNLOCK (its expiry timer, or RULE-010's
     * {@code canTrade}) removes it, so an account counts from its first LOCK until the UNLOCK of its
     * last record, once however many records it holds.
     */
    static boolean isLocked(LockBook locks) {
        return !locks.isEmpty();
    }

    /** Records the account's current lock book. */
    void update(long account, LockBook locks) {
        if (isLocked(locks)) {
            accounts.add(account);
        } else {
            accounts.remove(account);
        }
    }

    int count() {
        return accounts.size();
    }
}
