package io.riskguard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskguard.contract.DecisionCause;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionJsonTest {

    private static final Instant AT_15_20 = Instant.parse("2026-03-02T15:20:00Z");
    private static final Instant AT_23_00 = Instant.parse("2026-03-02T23:00:00Z");
    private static final String LOSS_REASON = "daily realized P&L -300.00 reached the limit -300.00";

    private static final Action LOCK = new Action("1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0", AT_15_20,
            1001, 3, ActionKind.LOCK, AT_23_00, null, null, null, null, LOSS_REASON, 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    private static final Action FLATTEN = new Action("1001:RULE-003:FLATTEN:trade:9004:2026-03-02T15:20:00Z:1",
            AT_15_20, 1001, 3, ActionKind.FLATTEN, null, null, null, null, null, LOSS_REASON, 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    private static final Action UNLOCK = new Action("1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0", AT_23_00,
            1001, 3, ActionKind.UNLOCK, null, null, null, null, null,
            "lock of RULE-003 ended at 2026-03-02T23:00:00Z", 7, DecisionCause.LOCK_EXPIRED);
    private static final Action CLOSE = new Action(
            "2002:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:11Z:0",
            Instant.parse("2026-03-02T15:00:11Z"), 2002, 4, ActionKind.CLOSE_POSITION, null, "CON.F.US.EP.H26",
            null, null, null, "unrealized P&L -300.00 on CON.F.US.EP.H26 reached the limit -300.00", 7, DecisionCause.UNREALIZED_LOSS_REACHED);
    private static final Action REDUCE = new Action(
            "2002:RULE-001:REDUCE_POSITION:position:66004:2026-03-02T15:03:00Z:0",
            Instant.parse("2026-03-02T15:03:00Z"), 2002, 1, ActionKind.REDUCE_POSITION, null, "CON.F.US.MNQ.H26",
            1L, null, null, "6 contracts (net) exceed the limit 5", 7, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    private static final Action CANCEL = new Action(
            "2002:RULE-011:CANCEL_ORDER:order:1101:2026-03-02T15:00:00.125Z:1",
            Instant.parse("2026-03-02T15:00:00.125Z"), 2002, 11, ActionKind.CANCEL_ORDER, null, "CON.F.US.RTY.H26",
            null, 1101L, null, "RTY is blocked by pattern RTY", 7, DecisionCause.SYMBOL_BLOCKED);
    private static final Action MODIFY = new Action(
            "2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:20Z:0",
            Instant.parse("2026-03-02T15:00:20Z"), 2002, 12, ActionKind.MODIFY_STOP, null, "CON.F.US.MNQ.H26",
            null, 1201L, new BigDecimal("21001.5"),
            "trailing stop for CON.F.US.MNQ.H26: 21000.25 -> 21001.5 (profit 10 ticks)", 7, DecisionCause.TRAILING_STOP);

    @Test
    void writesTheRulesExampleLockFlattenAndUnlockByteForByte() {
        assertThat(ActionJson.toJson(LOCK)).isEqualTo("{\"id\":\"1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0\","
                + "\"ts\":\"2026-03-02T15:20:00Z\",\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"LOCK\","
                + "\"scope\":\"account\",\"until\":\"2026-03-02T23:00:00Z\","
                + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}");
        assertThat(ActionJson.toJson(FLATTEN)).isEqualTo(
                "{\"id\":\"1001:RULE-003:FLATTEN:trade:9004:2026-03-02T15:20:00Z:1\",\"ts\":\"2026-03-02T15:20:00Z\","
                + "\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
                + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}");
        assertThat(ActionJson.toJson(UNLOCK)).isEqualTo(
                "{\"id\":\"1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0\",\"ts\":\"2026-03-02T23:00:00Z\","
                + "\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                + "\"reason\":\"lock of RULE-003 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}");
    }

    @Test
    void writesTheContractExampleLockByteForByte() {
        Action lock = new Action("2002:RULE-003:LOCK:trade:88001:2026-03-02T14:31:05.250Z:0",
                Instant.parse("2026-03-02T14:31:05.250Z"), 2002, 3, ActionKind.LOCK, AT_23_00, null, null, null, null,
                "daily realized P&L -512.50 reached the limit -500.00", 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);

        assertThat(ActionJson.toJson(lock)).isEqualTo(
                "{\"id\":\"2002:RULE-003:LOCK:trade:88001:2026-03-02T14:31:05.250Z:0\",\"ts\":\"2026-03-02T14:31:05.250Z\","
                + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"LOCK\",\"scope\":\"account\","
                + "\"until\":\"2026-03-02T23:00:00Z\",\"reason\":\"daily realized P&L -512.50 reached the limit -500.00\","
                + "\"configVersion\":7}");
    }

    @Test
    void writesALockWithoutAnEndAsUntilNull() {
        Action lock = new Action("2002:RULE-010:LOCK:account:2002:2026-03-02T15:00:00Z:0",
                Instant.parse("2026-03-02T15:00:00Z"), 2002, 10, ActionKind.LOCK, null, null, null, null, null,
                "broker reports canTrade=false", 7, DecisionCause.BROKER_TRADING_DISABLED);

        assertThat(ActionJson.toJson(lock)).isEqualTo(
                "{\"id\":\"2002:RULE-010:LOCK:account:2002:2026-03-02T15:00:00Z:0\",\"ts\":\"2026-03-02T15:00:00Z\","
                + "\"accountId\":2002,\"rule\":\"RULE-010\",\"kind\":\"LOCK\",\"scope\":\"account\",\"until\":null,"
                + "\"reason\":\"broker reports canTrade=false\",\"configVersion\":7}");
    }

    @Test
    void writesAClosePositionWithItsContractId() {
        assertThat(ActionJson.toJson(CLOSE)).isEqualTo(
                "{\"id\":\"2002:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:11Z:0\","
                + "\"ts\":\"2026-03-02T15:00:11Z\",\"accountId\":2002,\"rule\":\"RULE-004\",\"kind\":\"CLOSE_POSITION\","
                + "\"contractId\":\"CON.F.US.EP.H26\","
                + "\"reason\":\"unrealized P&L -300.00 on CON.F.US.EP.H26 reached the limit -300.00\",\"configVersion\":7}");
    }

    @Test
    void writesAReducePositionWithContractIdThenSize() {
        assertThat(ActionJson.toJson(REDUCE)).isEqualTo(
                "{\"id\":\"2002:RULE-001:REDUCE_POSITION:position:66004:2026-03-02T15:03:00Z:0\","
                + "\"ts\":\"2026-03-02T15:03:00Z\",\"accountId\":2002,\"rule\":\"RULE-001\",\"kind\":\"REDUCE_POSITION\","
                + "\"contractId\":\"CON.F.US.MNQ.H26\",\"size\":1,"
                + "\"reason\":\"6 contracts (net) exceed the limit 5\",\"configVersion\":7}");
    }

    @Test
    void writesACancelOrderWithOrderIdThenContractId() {
        assertThat(ActionJson.toJson(CANCEL)).isEqualTo(
                "{\"id\":\"2002:RULE-011:CANCEL_ORDER:order:1101:2026-03-02T15:00:00.125Z:1\","
                + "\"ts\":\"2026-03-02T15:00:00.125Z\",\"accountId\":2002,\"rule\":\"RULE-011\",\"kind\":\"CANCEL_ORDER\","
                + "\"orderId\":1101,\"contractId\":\"CON.F.US.RTY.H26\","
                + "\"reason\":\"RTY is blocked by pattern RTY\",\"configVersion\":7}");
    }

    @Test
    void writesAModifyStopWithOrderIdContractIdAndStopPriceAsAJsonNumber() {
        assertThat(ActionJson.toJson(MODIFY)).isEqualTo(
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:20Z:0\","
                + "\"ts\":\"2026-03-02T15:00:20Z\",\"accountId\":2002,\"rule\":\"RULE-012\",\"kind\":\"MODIFY_STOP\","
                + "\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\",\"stopPrice\":21001.5,"
                + "\"reason\":\"trailing stop for CON.F.US.MNQ.H26: 21000.25 -> 21001.5 (profit 10 ticks)\","
                + "\"configVersion\":7}");
    }

    @Test
    void writesTheStopPriceWithoutTrailingZerosInPlainNotation() {
        assertThat(ActionJson.toJson(withStopPrice("21002.00"))).contains("\"stopPrice\":21002,");
        assertThat(ActionJson.toJson(withStopPrice("6000"))).contains("\"stopPrice\":6000,");
        assertThat(ActionJson.toJson(withStopPrice("21000.2500"))).contains("\"stopPrice\":21000.25,");
        assertThat(ActionJson.toJson(withStopPrice("0.0001000"))).contains("\"stopPrice\":0.0001,");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersInStrings() {
        Action action = withReason("say \"no\"\\ now\nthen\ttab\r\b\f\u0001\u001f end");

        assertThat(ActionJson.toJson(action)).contains(
                "\"reason\":\"say \\\"no\\\"\\\\ now\\nthen\\ttab\\r\\b\\f\\u0001\\u001f end\",");
    }

    @Test
    void leavesNonAsciiCharactersUnescaped() {
        assertThat(ActionJson.toJson(withReason("Zoë € 😀 → ok"))).contains("\"reason\":\"Zoë € 😀 → ok\",");
    }

    @Test
    void readsBackEveryKindItWrites() {
        Action lockWithoutEnd = new Action("2002:RULE-010:LOCK:account:2002:2026-03-02T15:00:00Z:0",
                Instant.parse("2026-03-02T15:00:00Z"), 2002, 10, ActionKind.LOCK, null, null, null, null, null,
                "broker reports canTrade=false", 12, DecisionCause.BROKER_TRADING_DISABLED);

        for (Action action : List.of(LOCK, lockWithoutEnd, FLATTEN, UNLOCK, CLOSE, REDUCE, CANCEL, MODIFY,
                withReason("quote \" backslash \\ newline \n unicode é 😀 nul \u0000"))) {
            assertThat(ActionJson.fromJson(ActionJson.toJson(action))).isEqualTo(withUnknownCause(action));
        }
    }

    @Test
    void leavesTheCauseOutOfTheLineSoItReadsBackAsUnknown() {
        Action otherCause = new Action(CANCEL.id(), CANCEL.ts(), CANCEL.accountId(), CANCEL.rule(), CANCEL.kind(),
                null, CANCEL.contractId(), null, CANCEL.orderId(), null, CANCEL.reason(), 7,
                DecisionCause.ORDER_WHILE_LOCKED);

        assertThat(ActionJson.toJson(otherCause)).isEqualTo(ActionJson.toJson(CANCEL)).doesNotContain("cause");
        assertThat(ActionJson.fromJson(ActionJson.toJson(CANCEL)).cause()).isEqualTo(DecisionCause.UNKNOWN);
    }

    @Test
    void readsFieldsInAnyOrder() {
        String json = "{\"configVersion\":7,\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.EP.H26\","
                + "\"reason\":\"unrealized P&L -300.00 on CON.F.US.EP.H26 reached the limit -300.00\",\"rule\":\"RULE-004\","
                + "\"accountId\":2002,\"ts\":\"2026-03-02T15:00:11Z\","
                + "\"id\":\"2002:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:11Z:0\"}";

        assertThat(ActionJson.fromJson(json)).isEqualTo(withUnknownCause(CLOSE));
    }

    @Test
    void refusesToReadMalformedActions() {
        String lock = ActionJson.toJson(LOCK);

        assertRefused("not json", "unparseable");
        assertRefused("[]", "not a JSON object");
        assertRefused(lock.replace("\"kind\":\"LOCK\"", "\"kind\":\"PAUSE\""), "unknown kind \"PAUSE\"");
        assertRefused(lock.replace("RULE-003", "RULE-3"), "unknown rule \"RULE-3\"");
        assertRefused(lock.replace("\"RULE-003\"", "\"RULE-014\""), "unknown rule \"RULE-014\"");
        assertRefused(lock.replace(",\"until\":\"2026-03-02T23:00:00Z\"", ""), "missing field until");
        assertRefused(lock.replace("\"scope\":\"account\"", "\"scope\":\"contract\""), "unknown scope \"contract\"");
        assertRefused(lock.replace("\"accountId\":1001", "\"accountId\":\"1001\""),
                "wrong JSON type for accountId: expected integer");
        assertRefused(lock.replace("\"until\":\"2026-03-02T23:00:00Z\"", "\"until\":\"tonight\""),
                "until is not an instant");
        assertRefused(lock.replace("\"scope\"", "\"contractId\":\"CON.F.US.EP.H26\",\"scope\""),
                "unexpected field \"contractId\" for LOCK");
        assertRefused(ActionJson.toJson(REDUCE).replace(",\"size\":1", ""), "missing required field size");
        assertRefused(ActionJson.toJson(MODIFY).replace("\"stopPrice\":21001.5", "\"stopPrice\":\"21001.5\""),
                "wrong JSON type for stopPrice: expected number");
        assertRefused(lock.replace("\"configVersion\":7", "\"configVersion\":7,\"configVersion\":8"), "unparseable");
    }

    @Test
    void refusesToWriteAnActionMissingAFieldItsKindNeeds() {
        Action closeWithoutContract = new Action("x", AT_15_20, 1, 4, ActionKind.CLOSE_POSITION, null, null, null,
                null, null, "r", 7, DecisionCause.UNREALIZED_LOSS_REACHED);

        assertThatThrownBy(() -> ActionJson.toJson(closeWithoutContract))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contractId");
    }

    private static void assertRefused(String json, String messagePart) {
        assertThatThrownBy(() -> ActionJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad action JSON: ")
                .hasMessageContaining(messagePart);
    }

    private static Action withStopPrice(String stopPrice) {
        return new Action(MODIFY.id(), MODIFY.ts(), MODIFY.accountId(), MODIFY.rule(), MODIFY.kind(), null,
                MODIFY.contractId(), null, MODIFY.orderId(), new BigDecimal(stopPrice), MODIFY.reason(), 7,
                MODIFY.cause());
    }

    private static Action withUnknownCause(Action a) {
        return new Action(a.id(), a.ts(), a.accountId(), a.rule(), a.kind(), a.until(), a.contractId(), a.size(),
                a.orderId(), a.stopPrice(), a.reason(), a.configVersion(), DecisionCause.UNKNOWN);
    }

    private static Action withReason(String reason) {
        return new Action(FLATTEN.id(), FLATTEN.ts(), FLATTEN.accountId(), FLATTEN.rule(), FLATTEN.kind(), null,
                null, null, null, null, reason, 7, FLATTEN.cause());
    }
}
