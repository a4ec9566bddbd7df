package io.riskguard.rules;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.contract.TradeEvent;
import io.riskguard.contract.AccountEvent;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.market.QuoteBook;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Small helpers shared by the rule and lock tests. */
public final class RuleTestSupport {

    private RuleTestSupport() {}

    /** The exact JSON lines of the actions. */
    public static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    /**
     * A compact, complete-enough description of an action: ts, rule, kind, the kind's fields and the
     * reason, e.g. {@code 2026-03-02T15:00:50Z RULE-006 LOCK until=2026-03-02T15:01:50Z | 4 entries ...}.
     */
    public static String brief(Action a) {
        String fields = switch (a.kind()) {
            case LOCK -> " until=" + a.until();
            case UNLOCK, FLATTEN -> "";
            case CLOSE_POSITION -> " " + a.contractId();
            case REDUCE_POSITION -> " " + a.contractId() + " size=" + a.size();
            case CANCEL_ORDER -> " " + a.orderId() + " " + a.contractId();
            case MODIFY_STOP -> " " + a.orderId() + " " + a.contractId() + " stopPrice=" + a.stopPrice().toPlainString();
        };
        return a.ts() + " " + a.ruleId() + " " + a.kind() + fields + " | " + a.reason();
    }

    public static List<String> briefs(List<Action> actions) {
        return actions.stream().map(RuleTestSupport::brief).toList();
    }

    /**
     * Drives the real engine like a sequential replay, but lets a test replace the configuration
     * between events (the control topic): each new config applies from the next trigger on. Events
     * are written with a {@link RuleScript} and fed here in time order.
     */
    public static final class SwitchingReplay {

        private final RiskEngine engine = new RiskEngine();
        private final QuoteBook quotes = new QuoteBook();
        private final Map<Long, MemoryAccountState> accounts = new TreeMap<>();
        private final NavigableMap<Instant, Set<Long>> timers = new TreeMap<>();
        private final List<Action> actions = new ArrayList<>();
        private CompiledConfig config;
        private int version = 7;

        /** Starts with the base config (version 7) and the given rule entries. */
        public SwitchingReplay(String... ruleEntries) {
            use(ruleEntries);
        }

        /** Replaces the config; the version goes up by one each time after the first. */
        public SwitchingReplay use(String... ruleEntries) {
            StringBuilder yaml = new StringBuilder(RuleScript.BASE.replace("version: 7", "version: " + version))
                    .append("rules:\n");
            for (String entry : ruleEntries) {
                yaml.append("  ").append(entry).append('\n');
            }
            try {
                config = CompiledConfig.of(ConfigLoader.parse(yaml.toString(), "test.yaml"));
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            version++;
            return this;
        }

        /** Feeds every line the script holds (quotes are not supported). */
        public SwitchingReplay feed(RuleScript script) {
            for (String line : script.lines()) {
                feed(line);
            }
            return this;
        }

        public SwitchingReplay feed(String line) {
            Event e;
            try {
                e = EventCodec.parse(line);
            } catch (RejectedInputException ex) {
                throw new IllegalArgumentException(ex.reason() + ": " + line, ex);
            }
            fireTimersUpTo(e.ts());
            if (e instanceof ClockEvent) {
                return this;
            }
            long accountId = accountIdOf(e);
            apply(accountId, engine.onEvent(account(accountId), config, e, e.ts(), quotes));
            return this;
        }

        public List<Action> actions() {
            return List.copyOf(actions);
        }

        public MemoryAccountState state(long accountId) {
            return accounts.get(accountId);
        }

        private void fireTimersUpTo(Instant t) {
            while (!timers.isEmpty() && !timers.firstKey().isAfter(t)) {
                Map.Entry<Instant, Set<Long>> due = timers.pollFirstEntry();
                for (long accountId : due.getValue()) {
                    apply(accountId, engine.onTimer(account(accountId), config, accountId, due.getKey(), quotes));
                }
            }
        }

        private void apply(long accountId, Decision decision) {
            actions.addAll(decision.actions());
            for (Instant i : decision.timersToCancel()) {
                Set<Long> due = timers.get(i);
                if (due != null) {
                    due.remove(accountId);
                    if (due.isEmpty()) {
                        timers.remove(i);
                    }
                }
            }
            for (Instant i : decision.timersToSet()) {
                timers.computeIfAbsent(i, k -> new TreeSet<>()).add(accountId);
            }
        }

        private MemoryAccountState account(long accountId) {
            return accounts.computeIfAbsent(accountId, id -> new MemoryAccountState());
        }

        private static long accountIdOf(Event e) {
            if (e instanceof PositionEvent p) {
                return p.accountId();
            } else if (e instanceof OrderEvent o) {
                return o.accountId();
            } else if (e instanceof TradeEvent t) {
                return t.accountId();
            } else if (e instanceof AccountEvent a) {
                return a.accountId();
            }
            throw new IllegalArgumentException("not an account event: " + e.type());
        }
    }
}
