package io.riskguard.rules;

import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md §2 RULE-002 max_contracts_per_instrument and the worked example §5.2. */
class Rule002MaxContractsPerInstrumentTest {

    private static final long ACC = 2002;
    private static final String RULE =
            "max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 2, ES: 1 }, unknown_symbol: %s }";
    private static final String DEFAULT = RULE.formatted("default");

    private static final String MNQ_H = "CON.F.US.MNQ.H26";
    private static final String MNQ_M = "CON.F.US.MNQ.M26";
    private static final String MNQ_Z = "CON.F.US.MNQ.Z26";

    private static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    private static Action reduce(long positionId, String time, int index, String contract, long size, String reason) {
        return new Action(ACC + ":RULE-002:REDUCE_POSITION:position:" + positionId + ":" + t(time) + ":" + index,
                t(time), ACC, 2, ActionKind.REDUCE_POSITION, null, contract, size, null, null, reason, 7, DecisionCause.INSTRUMENT_CONTRACTS_EXCEEDED);
    }

    private static Action close(long positionId, String time, int index, String contract, String reason) {
        return new Action(ACC + ":RULE-002:CLOSE_POSITION:position:" + positionId + ":" + t(time) + ":" + index,
                t(time), ACC, 2, ActionKind.CLOSE_POSITION, null, contract, null, null, null, reason, 7, DecisionCause.INSTRUMENT_CONTRACTS_EXCEEDED);
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    // ---- §5.2 worked example ----

    private static RuleScript example52(String unknownSymbol) {
        RuleScript s = RuleScript.withRules(RULE.formatted(unknownSymbol));
        s.at("15:00:00").position(ACC, 21, "MNQ.H26", LONG, 2, "21000");
        s.at("15:00:30").position(ACC, 22, "CON.F.US.MNQ.M26", LONG, 1, "21000");
        s.at("15:01:00").position(ACC, 23, "CON.F.US.EP.H26", LONG, 3, "6000");
        s.at("15:02:00").position(ACC, 24, "CON.F.US.RTY.H26", LONG, 4, "2100");
        return s;
    }

    private static final String EXAMPLE_CLOSE_MNQ_M26 =
            "{\"id\":\"2002:RULE-002:CLOSE_POSITION:position:22:2026-03-02T15:00:30Z:0\","
                    + "\"ts\":\"2026-03-02T15:00:30Z\",\"accountId\":2002,\"rule\":\"RULE-002\","
                    + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.M26\","
                    + "\"reason\":\"MNQ holds 3 contracts, above the limit 2\",\"configVersion\":7}";
    private static final String EXAMPLE_REDUCE_EP =
            "{\"id\":\"2002:RULE-002:REDUCE_POSITION:position:23:2026-03-02T15:01:00Z:0\","
                    + "\"ts\":\"2026-03-02T15:01:00Z\",\"accountId\":2002,\"rule\":\"RULE-002\","
                    + "\"kind\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.EP.H26\",\"size\":2,"
                    + "\"reason\":\"ES holds 3 contracts, above the limit 1\",\"configVersion\":7}";

    @Test
    void reproducesTheWorkedExampleOfSection52ByteForByte() {
        assertThat(json(example52("default").run())).containsExactly(
                EXAMPLE_CLOSE_MNQ_M26,
                EXAMPLE_REDUCE_EP,
                "{\"id\":\"2002:RULE-002:REDUCE_POSITION:position:24:2026-03-02T15:02:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:02:00Z\",\"accountId\":2002,\"rule\":\"RULE-002\","
                        + "\"kind\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.RTY.H26\",\"size\":1,"
                        + "\"reason\":\"RTY holds 4 contracts, above the limit 3\",\"configVersion\":7}");
    }

    @Test
    void unknownSymbolBlockClosesAnUnlistedRoot() {
        assertThat(json(example52("block").run())).containsExactly(
                EXAMPLE_CLOSE_MNQ_M26,
                EXAMPLE_REDUCE_EP,
                "{\"id\":\"2002:RULE-002:CLOSE_POSITION:position:24:2026-03-02T15:02:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:02:00Z\",\"accountId\":2002,\"rule\":\"RULE-002\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.RTY.H26\","
                        + "\"reason\":\"RTY holds 4 contracts, above the limit 0\",\"configVersion\":7}");
    }

    @Test
    void unknownSymbolAllowNeverLimitsAnUnlistedRoot() {
        RuleScript s = example52("allow");
        s.at("15:03:00").position(ACC, 24, "CON.F.US.RTY.H26", LONG, 40, "2100");

        assertThat(json(s.run())).containsExactly(EXAMPLE_CLOSE_MNQ_M26, EXAMPLE_REDUCE_EP);
    }

    @Test
    void unknownSymbolDefaultAlsoAppliesToARootWithoutAnInstrumentsEntry() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 31, "CON.F.US.ZB.H26", LONG, 4, "120");

        assertThat(s.run()).containsExactly(
                reduce(31, "15:00:00", 0, "CON.F.US.ZB.H26", 1, "ZB holds 4 contracts, above the limit 3"));
    }

    // ---- boundary, counting ----

    @Test
    void doesNotBreachAtExactlyTheLimit() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 2, "21000");
        s.at("15:00:01").position(ACC, 23, "CON.F.US.EP.H26", SHORT, 1, "6000");
        s.at("15:00:02").position(ACC, 24, "CON.F.US.RTY.H26", LONG, 3, "2100");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void contractMonthsOfOneRootAddUp() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 1, "21000");
        s.at("15:00:01").position(ACC, 22, MNQ_M, LONG, 1, "21000");
        s.at("15:00:02").position(ACC, 25, MNQ_Z, LONG, 1, "21000");

        assertThat(s.run()).containsExactly(
                close(25, "15:00:02", 0, MNQ_Z, "MNQ holds 3 contracts, above the limit 2"));
    }

    @Test
    void sizesAddUpWhateverTheDirection() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 2, "21000");
        s.at("15:00:01").position(ACC, 22, MNQ_M, SHORT, 1, "21000");

        assertThat(s.run()).containsExactly(
                close(22, "15:00:01", 0, MNQ_M, "MNQ holds 3 contracts, above the limit 2"));
    }

    @Test
    void aliasedRootsCountTowardsTheirTargetRoot() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 23, "CON.F.US.EP.H26", LONG, 1, "6000");
        s.at("15:00:01").position(ACC, 26, "CON.F.US.ES.M26", LONG, 1, "6000");

        assertThat(s.run()).containsExactly(
                close(26, "15:00:01", 0, "CON.F.US.ES.M26", "ES holds 2 contracts, above the limit 1"));
    }

    @Test
    void theRootIsUpperCasedBeforeTheAliasApplies() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 23, "CON.F.US.ep.H26", LONG, 2, "6000");

        assertThat(s.run()).containsExactly(
                reduce(23, "15:00:00", 0, "CON.F.US.ep.H26", 1, "ES holds 2 contracts, above the limit 1"));
    }

    @Test
    void differentRootsAreCountedSeparately() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 2, "21000");
        s.at("15:00:01").position(ACC, 27, "CON.F.US.NQ.H26", LONG, 2, "21000");
        s.at("15:00:02").position(ACC, 28, "CON.F.US.ENQ.M26", LONG, 2, "21000");

        // NQ + ENQ (alias of NQ) = 4 > default 3; MNQ is another root
        assertThat(s.run()).containsExactly(
                reduce(28, "15:00:02", 0, "CON.F.US.ENQ.M26", 1, "NQ holds 4 contracts, above the limit 3"));
    }

    @Test
    void limitsKeysAreNormalisedRootsSoAnAliasKeyIsRejected() {
        assertThatThrownBy(() -> RuleScript.withRules(
                "max_contracts_per_instrument: { default_limit: 3, limits: { EP: 1 } }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules.max_contracts_per_instrument.limits.EP");
    }

    @Test
    void defaultsAreDefaultLimitThreeWithNoListedRoots() {
        RuleScript s = RuleScript.withRules("max_contracts_per_instrument: {}");
        s.at("15:00:00").position(ACC, 23, "CON.F.US.EP.H26", LONG, 3, "6000");
        s.at("15:00:01").position(ACC, 21, MNQ_H, LONG, 4, "21000");

        assertThat(s.run()).containsExactly(
                reduce(21, "15:00:01", 0, MNQ_H, 1, "MNQ holds 4 contracts, above the limit 3"));
    }

    @Test
    void anAccountOverrideOfOneLimitKeepsTheOtherGlobalLimits() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + DEFAULT + "\n"
                + "accounts:\n  \"1001\": { rules: { max_contracts_per_instrument: { limits: { MNQ: 1 } } } }\n");
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 2, "21000");
        s.at("15:00:01").position(1001, 21, MNQ_H, LONG, 2, "21000");
        s.at("15:00:02").position(1001, 23, "CON.F.US.EP.H26", LONG, 2, "6000");

        assertThat(s.run()).extracting(Action::accountId, Action::kind, Action::contractId, Action::size,
                Action::reason).containsExactly(
                tuple(1001L, ActionKind.REDUCE_POSITION, MNQ_H, 1L,
                        "MNQ holds 2 contracts, above the limit 1"),
                tuple(1001L, ActionKind.REDUCE_POSITION, "CON.F.US.EP.H26", 1L,
                        "ES holds 2 contracts, above the limit 1"));
    }

    @Test
    void disabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules(
                "max_contracts_per_instrument: { enabled: false, default_limit: 3, limits: { MNQ: 2 } }");
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 9, "21000");

        assertThat(s.run()).isEmpty();
    }

    // ---- r, close vs reduce, other months ----

    @Test
    void closesWhenRIsTheWholeSizeAndReducesOtherwise() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 23, "CON.F.US.EP.H26", LONG, 2, "6000");
        s.at("15:00:01").position(ACC, 26, "CON.F.US.ES.M26", LONG, 1, "6000");

        assertThat(s.run()).containsExactly(
                reduce(23, "15:00:00", 0, "CON.F.US.EP.H26", 1, "ES holds 2 contracts, above the limit 1"),
                close(26, "15:00:01", 0, "CON.F.US.ES.M26", "ES holds 2 contracts, above the limit 1"));
    }

    @Test
    void aLimitOfZeroClosesEveryOpening() {
        RuleScript s = RuleScript.withRules("max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 0 } }");
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 1, "21000");

        assertThat(s.run()).containsExactly(
                close(21, "15:00:00", 0, MNQ_H, "MNQ holds 1 contracts, above the limit 0"));
    }

    @Test
    void anEventThatClosesTheContractNeverActsEvenIfTheRootStillExceeds() {
        RuleScript s = RuleScript.withRules("max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 0 } }");
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 1, "21000");
        s.at("15:00:20").position(ACC, 22, MNQ_M, LONG, 1, "21000");
        s.at("15:00:25").position(ACC, 22, MNQ_M, 0, 0, "0");

        // at 15:00:25 MNQ still holds 1 (H26) > 0, but the event closed c
        assertThat(s.run()).containsExactly(
                close(21, "15:00:00", 0, MNQ_H, "MNQ holds 1 contracts, above the limit 0"),
                close(22, "15:00:20", 0, MNQ_M, "MNQ holds 2 contracts, above the limit 0"));
    }

    @Test
    void pendingReductionsOfOtherMonthsAreSubtracted() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 3, "21000");
        s.at("15:00:05").position(ACC, 22, MNQ_M, LONG, 1, "21000");

        // H26 effective 2 (pending target) + M26 1 = 3
        assertThat(s.run()).containsExactly(
                reduce(21, "15:00:00", 0, MNQ_H, 1, "MNQ holds 3 contracts, above the limit 2"),
                close(22, "15:00:05", 0, MNQ_M, "MNQ holds 3 contracts, above the limit 2"));
    }

    @Test
    void excessOnOtherMonthsIsLeftToTheirOwnEvents() {
        RuleScript s = RuleScript.withRules(DEFAULT);
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 1, "21000");
        s.at("15:00:01").position(ACC, 22, MNQ_M, LONG, 3, "21000");
        // pending on M26 expired; an event on H26 acts on H26 only, never on M26
        s.at("15:00:30").position(ACC, 21, MNQ_H, LONG, 1, "21000.25");

        assertThat(s.run()).containsExactly(
                reduce(22, "15:00:01", 0, MNQ_M, 2, "MNQ holds 4 contracts, above the limit 2"),
                close(21, "15:00:30", 0, MNQ_H, "MNQ holds 4 contracts, above the limit 2"));
    }

    @Test
    void whileLockedTheRuleStillEvaluatesAReduction() {
        RuleScript s = RuleScript.withRules(DEFAULT, "auth_loss_guard: {}");
        s.at("15:00:00").position(ACC, 21, MNQ_H, LONG, 5, "21000");
        s.at("15:00:01").account(ACC, false);
        s.at("15:00:30").position(ACC, 21, MNQ_H, LONG, 4, "21000");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind).containsExactly(ActionKind.REDUCE_POSITION, ActionKind.LOCK,
                ActionKind.FLATTEN, ActionKind.REDUCE_POSITION);
        assertThat(actions.get(3)).isEqualTo(
                reduce(21, "15:00:30", 0, MNQ_H, 2, "MNQ holds 4 contracts, above the limit 2"));
    }
}
