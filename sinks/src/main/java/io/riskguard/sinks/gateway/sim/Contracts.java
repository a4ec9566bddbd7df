package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's built-in contract table. A contract id is {@code CON.F.US.<root>.<month><yy>};
 * any month code and year of a known root is found. The broker writes EP for ES and ENQ for NQ; both
 * spellings are accepted.
 */
final class Contracts {

    record Contract(String id, String name, String description, BigDecimal tickSize, BigDecimal tickValue) {
    }

    private record Root(String symbol, String title, String tickSize, String tickValue) {
    }

    private static final Map<String, Root> ROOTS = Map.of(
            "MNQ", new Root("MNQ", "Micro E-mini Nasdaq-100", "0.25", "0.50"),
            "ES", new Root("ES", "E-mini S&P 500", "0.25", "12.50"),
            "EP", new Root("ES", "E-mini S&P 500", "0.25", "12.50"),
            "NQ", new Root("NQ", "E-mini Nasdaq-100", "0.25", "5.00"),
            "ENQ", new Root("NQ", "E-mini Nasdaq-100", "0.25", "5.00"),
            "MES", new Root("MES", "Micro E-mini S&P 500", "0.25", "1.25"),
            "CL", new Root("CL", "Crude Oil", "0.01", "10.00"),
            "GC", new Root("GC", "Gold", "0.10", "10.00"));

    private static final String MONTH_CODES = "FGHJKMNQUVXZ";
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final Pattern ID = Pattern.compile("CON\\.F\\.US\\.([A-Z0-9]+)\\.([FGHJKMNQUVXZ])(\\d{2})");

    private Contracts() {
    }

    static Optional<Contract> byId(String contractId) {
        Matcher m = ID.matcher(contractId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Root root = ROOTS.get(m.group(1));
        if (root == null) {
            return Optional.empty();
        }
        char month = m.group(2).charAt(0);
        String yy = m.group(3);
        String name = root.symbol() + month + yy.charAt(1);
        String description = root.title() + ": " + MONTHS[MONTH_CODES.indexOf(month)] + " 20" + yy;
        return Optional.of(new Contract(contractId, name, description,
                new BigDecimal(root.tickSize()), new BigDecimal(root.tickValue())));
    }
}
