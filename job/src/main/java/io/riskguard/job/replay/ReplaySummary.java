package io.riskguard.job.replay;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DeadLetter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table {@code replay} prints: lines read, dead letters, actions by kind and by rule, and the
 * accounts still locked when event time ended.
 */
public final class ReplaySummary {

    private ReplaySummary() {}

    public static void print(PrintStream out, long lines, List<Action> actions, List<DeadLetter> deadLetters,
            Instant horizon) {
        long rejected = deadLetters.stream().filter(d -> d.kind() == DeadLetter.Kind.REJECTED).count();
        out.printf("%-28s %10d%n", "lines read", lines);
        out.printf("%-28s %10d%n", "dead letters (rejected)", rejected);
        out.printf("%-28s %10d%n", "dead letters (warnings)", deadLetters.size() - rejected);
        out.printf("%-28s %10d%n", "actions", actions.size());
        Map<ActionKind, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        for (Action a : actions) {
            byKind.merge(a.kind(), 1, Integer::sum);
            byRule.merge(a.ruleId(), 1, Integer::sum);
        }
        byKind.forEach((k, n) -> out.printf("  %-26s %10d%n", k, n));
        byRule.forEach((r, n) -> out.printf("  %-26s %10d%n", r, n));
        Set<Long> locked = lockedAt(actions, horizon);
        out.printf("%-28s %10d%s%n", "locked accounts at the end", locked.size(),
                locked.isEmpty() ? "" : "  " + preview(locked));
    }

    /** Accounts with a lock record still active at {@code horizon}, from the LOCK/UNLOCK actions. */
    static Set<Long> lockedAt(List<Action> actions, Instant horizon) {
        Map<Long, Map<Integer, Instant>> records = new HashMap<>();
        Map<Long, Map<Integer, Boolean>> open = new HashMap<>();
        for (Action a : actions) {
            if (a.kind() == ActionKind.LOCK) {
                records.computeIfAbsent(a.accountId(), k -> new HashMap<>()).put(a.rule(), a.until());
                open.computeIfAbsent(a.accountId(), k -> new HashMap<>()).put(a.rule(), true);
            } else if (a.kind() == ActionKind.UNLOCK) {
                open.computeIfAbsent(a.accountId(), k -> new HashMap<>()).put(a.rule(), false);
            }
        }
        Set<Long> locked = new TreeSet<>();
        open.forEach((account, rules) -> rules.forEach((rule, isOpen) -> {
            Instant until = records.get(account).get(rule);
            if (isOpen && (until == null || horizon == null || until.isAfter(horizon))) {
                locked.add(account);
            }
        }));
        return locked;
    }

    private static String preview(Set<Long> accounts) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (long a : accounts) {
            if (n++ == 10) {
                return sb.append(", ...").toString();
            }
            sb.append(n == 1 ? "" : ", ").append(a);
        }
        return sb.toString();
    }
}
