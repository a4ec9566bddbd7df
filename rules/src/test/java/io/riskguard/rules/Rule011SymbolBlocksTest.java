package io.riskguard.rules;

import static io.riskguard.rules.RuleTestSupport.briefs;
import static io.riskguard.rules.RuleTestSupport.json;
import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.rules.RuleTestSupport.SwitchingReplay;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RULE-011 symbol_blocks (RULES.md §2 RULE-011, §5.11). */
class Rule011SymbolBlocksTest {

    private static final long ACCOUNT = 2002;
    private static final String RTY = "CON.F.US.RTY.H26";
    private static final String EXAMPLE = "symbol_blocks: { enabled: true, symbols: [RTY, \"CL*\"] }";

    private static RuleScript script(String... patterns) {
        return RuleScript.withRules(rule(patterns));
    }

    private static String rule(String... patterns) {
        StringBuilder list = new StringBuilder();
        for (String p : patterns) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(p).append('"');
        }
        return "symbol_blocks: { enabled: true, symbols: [" + list + "] }";
    }

    private static String contract(String root) {
        return "CON.F.US." + root + ".H26";
    }

    // ---- RULES.md §5.11 ---------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = RuleScript.withRules(EXAMPLE);
        s.at("15:00:00").position(ACCOUNT, 1, "RTY.H26", LONG, 1, "2100.0");
        s.at("15:00:05").order(ACCOUNT, 1101, "CON.F.US.CL.J26", 1, BUY, null);
        s.at("15:00:06").order(ACCOUNT, 1102, "CON.F.US.MCL.J26", 1, BUY, null);

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-011:CLOSE_POSITION:position:1:2026-03-02T15:00:00Z:0\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-011\",\"kind\":\"CLOSE_POSITION\","
                        + "\"contractId\":\"CON.F.US.RTY.H26\",\"reason\":\"RTY is blocked by pattern RTY\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-011:CANCEL_ORDER:order:1101:2026-03-02T15:00:05Z:0\",\"ts\":\"2026-03-02T15:00:05Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-011\",\"kind\":\"CANCEL_ORDER\",\"orderId\":1101,"
                        + "\"contractId\":\"CON.F.US.CL.J26\",\"reason\":\"CL is blocked by pattern CL*\",\"configVersion\":7}");
    }

    // ---- patterns ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "CL*, CL",      // * matches the empty run
        "CL*, CLE",
        "CL*, CLXYZ",
        "*, MNQ",
        "*NQ, NQ",
        "*NQ, MNQ",
        "M*Q, MQ",
        "M?K, M2K",
        "?, X",
        "??, GC",
        "RTY, RTY"})
    void aPatternMatchingTheWholeRootBlocksIt(String pattern, String root) {
        RuleScript s = script(pattern);
        s.at("15:00:00").position(ACCOUNT, root + ".H26", LONG, 1, "100.0");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION " + contract(root)
                + " | " + root + " is blocked by pattern " + pattern);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
        "CL*, MCL",     // the pattern must match from the first character
        "M?K, MK",      // ? is exactly one character
        "M?K, M22K",
        "NQ, MNQ",      // whole root, not a substring
        "MNQ, MNQX",
        "ES?, ES",
        "RT, RTY"})
    void aPatternThatDoesNotMatchTheWholeRootLeavesItAlone(String pattern, String root) {
        RuleScript s = script(pattern);
        s.at("15:00:00").position(ACCOUNT, root + ".H26", LONG, 1, "100.0");
        s.order(ACCOUNT, 1101, root + ".H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aLowerCasePatternBlocksTheRootAndIsQuotedAsWritten() {
        RuleScript s = script("rty");
        s.at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 1, "2100.0");

        assertThat(s.run()).extracting(Action::reason).containsExactly("RTY is blocked by pattern rty");
    }

    @Test
    void aLowerCaseRootInTheContractIdIsUpperCasedBeforeMatching() {
        RuleScript s = script("RTY");
        s.at("15:00:00").position(ACCOUNT, "CON.F.US.rty.H26", LONG, 1, "2100.0");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION CON.F.US.rty.H26 | RTY is blocked by pattern RTY");
    }

    @Test
    void theReasonNamesTheFirstMatchingPatternInListOrder() {
        RuleScript first = script("RTY", "M*", "MNQ");
        first.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        RuleScript second = script("MNQ", "M*");
        second.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(first.run()).extracting(Action::reason).containsExactly("MNQ is blocked by pattern M*");
        assertThat(second.run()).extracting(Action::reason).containsExactly("MNQ is blocked by pattern MNQ");
    }

    @Test
    void patternsMatchTheRootAfterAliases() {
        RuleScript s = script("ES", "NQ");
        s.at("15:00:00").position(ACCOUNT, 1, "EP.H26", LONG, 1, "6000.00");
        s.position(ACCOUNT, 2, "ENQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION CON.F.US.EP.H26 | ES is blocked by pattern ES",
                "2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION CON.F.US.ENQ.H26 | NQ is blocked by pattern NQ");
    }

    @Test
    void aPatternNamingTheBrokerAliasDoesNotMatchTheNormalisedRoot() {
        RuleScript s = script("EP");
        s.at("15:00:00").position(ACCOUNT, "EP.H26", LONG, 1, "6000.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- triggers ----------------------------------------------------------------------------

    @Test
    void increasesAndFlipsAreClosedButReductionsAndUpdatesAreNot() {
        RuleScript s = script("RTY");
        s.at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 3, "2100.0");
        s.at("15:00:20").position(ACCOUNT, "RTY.H26", LONG, 2, "2100.0");   // reduced
        s.at("15:00:30").position(ACCOUNT, "RTY.H26", LONG, 2, "2100.5");   // averagePrice only
        s.at("15:00:40").position(ACCOUNT, "RTY.H26", LONG, 4, "2101.0");   // increased
        s.at("15:01:00").position(ACCOUNT, "RTY.H26", SHORT, 1, "2099.0");  // flipped

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION " + RTY + " | RTY is blocked by pattern RTY",
                "2026-03-02T15:00:40Z RULE-011 CLOSE_POSITION " + RTY + " | RTY is blocked by pattern RTY",
                "2026-03-02T15:01:00Z RULE-011 CLOSE_POSITION " + RTY + " | RTY is blocked by pattern RTY");
    }

    @Test
    void aNewWorkingOrderIsCancelledWhateverItsStatusOrType() {
        RuleScript s = script("RTY");
        s.at("15:00:00").order(ACCOUNT, 1101, "RTY.H26", 1, BUY, null);
        s.order(ACCOUNT, 1102, "RTY.H26", 6, 1, BUY, null);
        s.order(ACCOUNT, 1103, "RTY.H26", 4, SELL, "2090.0");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-011 CANCEL_ORDER 1101 " + RTY + " | RTY is blocked by pattern RTY",
                "2026-03-02T15:00:00Z RULE-011 CANCEL_ORDER 1102 " + RTY + " | RTY is blocked by pattern RTY",
                "2026-03-02T15:00:00Z RULE-011 CANCEL_ORDER 1103 " + RTY + " | RTY is blocked by pattern RTY");
    }

    @Test
    void anOrderWithStatusNoneIsNotWorkingUntilItBecomesWorking() {
        RuleScript s = script("RTY");
        s.at("15:00:00").order(ACCOUNT, 1101, "RTY.H26", 0, 1, BUY, null);
        s.at("15:00:10").order(ACCOUNT, 1101, "RTY.H26", 1, 1, BUY, null);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:10Z RULE-011 CANCEL_ORDER 1101 " + RTY + " | RTY is blocked by pattern RTY");
    }

    @Test
    void positionsAndOrdersInOtherRootsAreLeftAlone() {
        RuleScript s = RuleScript.withRules(EXAMPLE);
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.order(ACCOUNT, 1101, "M2K.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    // ---- the block begins while positions and orders exist -----------------------------------

    @Test
    void aPositionHeldWhenItsRootBecomesBlockedIsLeftAloneUntilItIncreases() {
        SwitchingReplay r = new SwitchingReplay("symbol_blocks: { enabled: true, symbols: [] }");
        r.feed(script("X").at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 3, "2100.0")
                .order(ACCOUNT, 1101, "RTY.H26", 1, SELL, null));
        r.use(rule("RTY"));
        r.feed(script("X")
                .at("15:01:00").position(ACCOUNT, "RTY.H26", LONG, 2, "2100.0")
                .at("15:01:10").position(ACCOUNT, "RTY.H26", LONG, 2, "2100.5")
                .at("15:01:20").order(ACCOUNT, 1101, "RTY.H26", 4, SELL, "2090.0")   // already working: not new
                .at("15:02:00").position(ACCOUNT, "RTY.H26", LONG, 3, "2101.0"));

        List<Action> actions = r.actions();

        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:02:00Z RULE-011 CLOSE_POSITION " + RTY + " | RTY is blocked by pattern RTY");
        assertThat(actions.get(0).configVersion()).isEqualTo(8);
    }

    @Test
    void evenAProtectiveStopPlacedInABlockedRootIsCancelled() {
        SwitchingReplay r = new SwitchingReplay("symbol_blocks: { enabled: true, symbols: [] }");
        r.feed(script("X").at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 1, "2100.0"));
        r.use(rule("RTY"));
        r.feed(script("X").at("15:01:00").order(ACCOUNT, 1103, "RTY.H26", 4, SELL, "2090.0"));

        assertThat(briefs(r.actions())).containsExactly(
                "2026-03-02T15:01:00Z RULE-011 CANCEL_ORDER 1103 " + RTY + " | RTY is blocked by pattern RTY");
    }

    // ---- while locked ------------------------------------------------------------------------

    @Test
    void whileLockedMergingKeepsOneActionPerContractAndOrder() {
        RuleScript s = RuleScript.withRules(EXAMPLE, "auth_loss_guard: { enabled: true }");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, "RTY.H26", LONG, 1, "2100.0");
        s.at("15:01:10").order(ACCOUNT, 1101, "CON.F.US.CL.J26", 1, BUY, null);

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T15:01:00Z RULE-010 CLOSE_POSITION " + RTY
                        + " | account locked by RULE-010 until canTrade is true: position " + RTY + " opened",
                "2026-03-02T15:01:10Z RULE-010 CANCEL_ORDER 1101 CON.F.US.CL.J26"
                        + " | account locked by RULE-010 until canTrade is true: new order 1101");
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = RuleScript.withRules("symbol_blocks: { enabled: false, symbols: [RTY, \"CL*\"] }");
        s.at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 1, "2100.0");
        s.order(ACCOUNT, 1101, "CON.F.US.CL.J26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anEmptyListBlocksNothing() {
        RuleScript s = RuleScript.withRules("symbol_blocks: { enabled: true }");
        s.at("15:00:00").position(ACCOUNT, "RTY.H26", LONG, 1, "2100.0");
        s.order(ACCOUNT, 1101, "CON.F.US.CL.J26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anAccountOverrideReplacesTheList() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + EXAMPLE + "\n"
                + "accounts:\n  \"1001\": { rules: { symbol_blocks: { symbols: [MNQ] } } }\n");
        s.at("15:00:00").position(1001, "RTY.H26", LONG, 1, "2100.0");
        s.position(1001, "MNQ.H26", LONG, 1, "21000.00");
        s.position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        List<Action> actions = s.run();

        assertThat(actions).extracting(Action::accountId).containsExactly(1001L);
        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:00Z RULE-011 CLOSE_POSITION CON.F.US.MNQ.H26 | MNQ is blocked by pattern MNQ");
    }

    @Test
    void aCloseAndACancelInABlockedRootCarryTheBlockedCause() {
        RuleScript s = RuleScript.withRules(EXAMPLE);
        s.at("15:00:00").position(ACCOUNT, 1, "RTY.H26", LONG, 1, "2100.0");
        s.at("15:00:05").order(ACCOUNT, 1101, "CON.F.US.CL.J26", 1, BUY, null);

        assertThat(s.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.CLOSE_POSITION, DecisionCause.SYMBOL_BLOCKED),
                tuple(ActionKind.CANCEL_ORDER, DecisionCause.SYMBOL_BLOCKED));
    }
}
