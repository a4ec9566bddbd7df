package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * The action line (CONTRACT.md §2) in the exact layout of RULES.md §1.10: field order
 * {@code id, ts, accountId, rule, kind, <extra fields>, reason, configVersion}, no spaces.
 */
public final class ActionJson {

    private static final String SCOPE_ACCOUNT = "account";
    private static final Set<String> COMMON_FIELDS = Set.of("id", "ts", "accountId", "rule", "kind", "reason",
            "configVersion");

    private ActionJson() {
    }

    public static String toJson(Action a) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"id\":");
        JsonStrings.appendQuoted(out, a.id());
        out.append(",\"ts\":\"").append(a.ts()).append('"');
        out.append(",\"accountId\":").append(a.accountId());
        out.append(",\"rule\":\"").append(a.ruleId()).append('"');
        out.append(",\"kind\":\"").append(a.kind().name()).append('"');
        switch (a.kind()) {
            case LOCK -> {
                out.append(",\"scope\":\"" + SCOPE_ACCOUNT + "\",\"until\":");
                if (a.until() == null) {
                    out.append("null");
                } else {
                    out.append('"').append(a.until()).append('"');
                }
            }
            case UNLOCK -> out.append(",\"scope\":\"" + SCOPE_ACCOUNT + "\"");
            case FLATTEN -> { }
            case CLOSE_POSITION -> appendContractId(out, a);
            case REDUCE_POSITION -> {
                appendContractId(out, a);
                out.append(",\"size\":").append(needed(a, "size", a.size()));
            }
            case CANCEL_ORDER -> {
                out.append(",\"orderId\":").append(needed(a, "orderId", a.orderId()));
                appendContractId(out, a);
            }
            case MODIFY_STOP -> {
                out.append(",\"orderId\":").append(needed(a, "orderId", a.orderId()));
                appendContractId(out, a);
                out.append(",\"stopPrice\":")
                        .append(needed(a, "stopPrice", a.stopPrice()).stripTrailingZeros().toPlainString());
            }
        }
        out.append(",\"reason\":");
        JsonStrings.appendQuoted(out, a.reason());
        return out.append(",\"configVersion\":").append(a.configVersion()).append('}').toString();
    }

    private static void appendContractId(StringBuilder out, Action a) {
        out.append(",\"contractId\":");
        JsonStrings.appendQuoted(out, needed(a, "contractId", a.contractId()));
    }

    private static <T> T needed(Action a, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(a.kind() + " action " + a.id() + " has no " + field);
        }
        return value;
    }

    /**
     * Reads a line written by {@link #toJson}; field order is not checked, unknown fields are refused.
     * The line does not carry the cause (CONTRACT.md's layout is fixed): it reads as
     * {@link DecisionCause#UNKNOWN}, never guessed from the reason sentence.
     */
    public static Action fromJson(String json) {
        try {
            FieldReader f = new FieldReader(StrictJson.readObject(json, "bad action JSON"), "");
            ActionKind kind = kind(f.requiredString("kind"));
            checkFieldNames(f, kind);
            Instant until = null;
            String contractId = null;
            Long size = null;
            Long orderId = null;
            BigDecimal stopPrice = null;
            switch (kind) {
                case LOCK -> {
                    checkScope(f);
                    if (!f.hasField("until")) {
                        throw new IllegalArgumentException("bad action JSON: missing field until");
                    }
                    String text = f.optionalString("until");
                    until = text == null ? null : instant("until", text);
                }
                case UNLOCK -> checkScope(f);
                case FLATTEN -> { }
                case CLOSE_POSITION -> contractId = f.requiredString("contractId");
                case REDUCE_POSITION -> {
                    contractId = f.requiredString("contractId");
                    size = f.requiredLong("size");
                }
                case CANCEL_ORDER -> {
                    orderId = f.requiredLong("orderId");
                    contractId = f.requiredString("contractId");
                }
                case MODIFY_STOP -> {
                    orderId = f.requiredLong("orderId");
                    contractId = f.requiredString("contractId");
                    stopPrice = f.requiredNumber("stopPrice");
                }
            }
            return new Action(f.requiredString("id"), instant("ts", f.requiredString("ts")),
                    f.requiredLong("accountId"), rule(f.requiredString("rule")), kind, until, contractId, size,
                    orderId, stopPrice, f.requiredString("reason"), intValue("configVersion",
                    f.requiredLong("configVersion")), DecisionCause.UNKNOWN);
        } catch (RejectedInputException e) {
            throw new IllegalArgumentException("bad action JSON: " + e.reason(), e);
        }
    }

    private static ActionKind kind(String text) {
        try {
            return ActionKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad action JSON: unknown kind \"" + text + "\"");
        }
    }

    private static void checkFieldNames(FieldReader f, ActionKind kind) {
        Set<String> extra = extraFields(kind);
        for (Iterator<String> names = f.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON_FIELDS.contains(name) && !extra.contains(name)) {
                throw new IllegalArgumentException("bad action JSON: unexpected field \"" + name + "\" for " + kind);
            }
        }
    }

    private static Set<String> extraFields(ActionKind kind) {
        return switch (kind) {
            case LOCK -> Set.of("scope", "until");
            case UNLOCK -> Set.of("scope");
            case FLATTEN -> Set.of();
            case CLOSE_POSITION -> Set.of("contractId");
            case REDUCE_POSITION -> Set.of("contractId", "size");
            case CANCEL_ORDER -> Set.of("orderId", "contractId");
            case MODIFY_STOP -> Set.of("orderId", "contractId", "stopPrice");
        };
    }

    private static void checkScope(FieldReader f) throws RejectedInputException {
        String scope = f.requiredString("scope");
        if (!SCOPE_ACCOUNT.equals(scope)) {
            throw new IllegalArgumentException("bad action JSON: unknown scope \"" + scope + "\"");
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad action JSON: " + field + " is not an instant: " + text, e);
        }
    }

    private static int rule(String text) {
        for (int rule = 1; rule <= 13; rule++) {
            if (Action.ruleId(rule).equals(text)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("bad action JSON: unknown rule \"" + text + "\"");
    }

    private static int intValue(String field, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad action JSON: " + field + " out of range: " + value);
        }
        return (int) value;
    }
}
