package io.riskguard.job.support;

import io.riskguard.contract.Action;
import io.riskguard.sinks.gateway.sim.Call;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulator's book for exactly-once tests: seeded so that the actions' broker calls change
 * something, and read back as the calls that did.
 */
public final class BrokerBook {

    static final Set<String> MUTATIONS = Set.of("/api/Position/closeContract", "/api/Position/partialCloseContract",
            "/api/Order/cancel", "/api/Order/modify");
    static final List<String> CONTRACTS = List.of("CON.F.US.MNQ.H26", "CON.F.US.EP.H26", "CON.F.US.ENQ.H26",
            "CON.F.US.MES.H26", "CON.F.US.CL.J26", "CON.F.US.GC.J26");

    private BrokerBook() {
    }

    /** A one-lot position in every contract for every account the actions name, and the orders they name. */
    public static void seed(GatewaySimulator sim, List<Action> actions) {
        Set<Long> accounts = new TreeSet<>();
        Map<Long, Set<Long>> orders = new LinkedHashMap<>();
        for (Action a : actions) {
            accounts.add(a.accountId());
            if (a.orderId() != null) {
                orders.computeIfAbsent(a.accountId(), k -> new TreeSet<>()).add(a.orderId());
            }
        }
        for (long account : accounts) {
            for (String contract : CONTRACTS) {
                sim.putPosition(account, contract, 1, 50, new BigDecimal("100"));
            }
            for (long order : orders.getOrDefault(account, Set.of())) {
                sim.putOrder(account, order, CONTRACTS.get(0), 1, 4, 1, 1, null, new BigDecimal("90"));
            }
        }
    }

    /**
     * Per account in order, the broker calls that changed the book. Calls that found nothing to do
     * ("not found": a position a FLATTEN already closed) are left out: after a restore, an action in
     * doubt checks the book first and rightly skips such a no-op, which a failure-free run may have
     * sent.
     */
    public static Map<Long, List<String>> appliedMutations(GatewaySimulator sim) {
        return mutations(sim, true);
    }

    /** Every enforcement call each account received, applied or refused (a close of a position already gone), in order. */
    public static Map<Long, List<String>> attemptedMutations(GatewaySimulator sim) {
        return mutations(sim, false);
    }

    private static Map<Long, List<String>> mutations(GatewaySimulator sim, boolean appliedOnly) {
        Map<Long, List<String>> perAccount = new TreeMap<>();
        for (Call c : sim.calls()) {
            if (MUTATIONS.contains(c.path()) && (c.applied() || !appliedOnly)) {
                perAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>())
                        .add(c.path() + " " + c.body() + (c.applied() ? "" : " (refused: errorCode " + c.errorCode() + ")"));
            }
        }
        return perAccount;
    }
}
