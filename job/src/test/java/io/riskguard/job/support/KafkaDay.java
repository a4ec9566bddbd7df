package io.riskguard.job.support;

import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.QuoteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A simulated day split the way a broker bridge would publish it: account events on the events
 * topic keyed by account, quotes on the quotes topic keyed by contract. Kafka orders records only
 * within a partition, so quotes stamped at the same millisecond as an account event are left out:
 * their order against the event would be the one thing the topics cannot fix.
 */
public final class KafkaDay {

    public final List<String> lines = new ArrayList<>();
    public final List<String[]> events = new ArrayList<>();
    public final List<String[]> quotes = new ArrayList<>();
    public Instant last;

    public KafkaDay(List<String> generated) throws Exception {
        Set<Instant> eventTimes = new HashSet<>();
        for (String line : generated) {
            Event e = EventCodec.parse(line);
            if (!(e instanceof QuoteEvent)) {
                eventTimes.add(e.ts());
            }
        }
        for (String line : generated) {
            Event e = EventCodec.parse(line);
            if (e instanceof QuoteEvent q) {
                if (eventTimes.contains(q.ts())) {
                    continue;
                }
                quotes.add(new String[] {q.contractId(), line});
            } else if (e.type() == io.riskguard.contract.EventType.CLOCK) {
                continue; // only the simulation's last line; finalClock() stands in for it on every partition
            } else {
                events.add(new String[] {Long.toString(((AccountScopedEvent) e).accountId()), line});
            }
            lines.add(line);
            last = e.ts();
        }
    }

    /** A clock record just after the last event, on both topics, so event time passes the last event. */
    public String[] finalClock() {
        return new String[] {null, "{\"type\":\"clock\",\"ts\":\"" + last.plusMillis(1) + "\"}"};
    }
}
