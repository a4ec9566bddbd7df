package io.riskguard.bridge;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters, each with at most one label: read by the status log line, the Prometheus
 * endpoint ({@code --metrics-port}) and tests.
 */
public final class BridgeMetrics {

    /** A counter family; {@code label} is null for one without a label. */
    public enum Counter {
        PRODUCED("type", "lines written to the events and quotes topics"),
        DEAD_LETTERS("cause", "hub records written to the dead letters instead"),
        CONNECTIONS("hub", "hub connections established (handshake and subscriptions done)"),
        RESYNC_SENT("type", "events a resynchronisation sent"),
        RESYNCS(null, "resynchronisations completed"),
        RESYNC_FAILURES(null, "resynchronisations that failed (retried)"),
        SILENCE_RECONNECTS(null, "market connections renewed because a contract fell silent"),
        IGNORED_OTHER_ACCOUNT(null, "events of accounts not followed"),
        PRODUCE_FAILURES(null, "records Kafka refused for good");

        final String label;
        final String help;

        Counter(String label, String help) {
            this.label = label;
            this.help = help;
        }

        /** The Prometheus name, e.g. {@code riskguard_bridge_dead_letters_total}. */
        public String metricName() {
            return "riskguard_bridge_" + name().toLowerCase(Locale.ROOT) + "_total";
        }
    }

    private static final String NO_LABEL = "";

    private final Map<Counter, Map<String, LongAdder>> counters = new EnumMap<>(Counter.class);

    public BridgeMetrics() {
        for (Counter c : Counter.values()) {
            counters.put(c, new ConcurrentHashMap<>());
        }
    }

    void add(Counter counter) {
        add(counter, NO_LABEL);
    }

    void add(Counter counter, String labelValue) {
        counters.get(counter).computeIfAbsent(labelValue, v -> new LongAdder()).increment();
    }

    /** The total of a counter over all its label values. */
    public long get(Counter counter) {
        return counters.get(counter).values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long get(Counter counter, String labelValue) {
        LongAdder a = counters.get(counter).get(labelValue);
        return a == null ? 0 : a.sum();
    }

    /** Every counter that counted something, as {@code name{label=value}} → count, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((c, byLabel) -> byLabel.forEach((v, n) -> copy.put(
                c.name().toLowerCase(Locale.ROOT) + (c.label == null ? "" : "{" + c.label + "=" + v + "}"), n.sum())));
        return copy;
    }

    /** The Prometheus text exposition (format 0.0.4) of every counter. */
    public String prometheusText() {
        StringBuilder b = new StringBuilder();
        counters.forEach((c, byLabel) -> {
            b.append("# HELP ").append(c.metricName()).append(' ').append(c.help).append('\n');
            b.append("# TYPE ").append(c.metricName()).append(" counter\n");
            if (c.label == null) {
                b.append(c.metricName()).append(' ').append(get(c)).append('\n');
            } else {
                new TreeMap<>(byLabel).forEach((v, n) -> b.append(c.metricName()).append('{').append(c.label)
                        .append("=\"").append(v).append("\"} ").append(n.sum()).append('\n'));
            }
        });
        return b.toString();
    }
}
