package io.riskguard.rules;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.testing.RuleScript;
import java.util.List;

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

        private final SequentialReplay replay;
        private int version = 7;

        /** Starts with the base config (version 7) and the given rule entries. */
        public SwitchingReplay(String... ruleEntries) {
            replay = new SequentialReplay(config(ruleEntries));
        }

        /** Replaces the config; the version goes up by one each time after the first. */
        public SwitchingReplay use(String... ruleEntries) {
            replay.useConfig(config(ruleEntries));
            return this;
        }

        private RiskConfig config(String... ruleEntries) {
            StringBuilder yaml = new StringBuilder(RuleScript.BASE.replace("version: 7", "version: " + version))
                    .append("rules:\n");
            for (String entry : ruleEntries) {
                yaml.append("  ").append(entry).append('\n');
            }
            version++;
            try {
                return ConfigLoader.parse(yaml.toString(), "test.yaml");
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /** Feeds every line the script holds. */
        public SwitchingReplay feed(RuleScript script) {
            for (String line : script.lines()) {
                feed(line);
            }
            return this;
        }

        public SwitchingReplay feed(String line) {
            try {
                Event e = EventCodec.parse(line);
                replay.accept(e, e.ts());
            } catch (RejectedInputException ex) {
                throw new IllegalArgumentException(ex.reason() + ": " + line, ex);
            }
            return this;
        }

        public List<Action> actions() {
            return replay.result().actions();
        }

        public MemoryAccountState state(long accountId) {
            return replay.result().accounts().get(accountId);
        }
    }
}
