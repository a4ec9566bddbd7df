package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every {@code /api} request in the order received: a sequence number is taken on arrival and the
 * call is recorded, under that number, before its response is written (or its connection dropped).
 */
final class CallLog {

    private final AtomicLong seq = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Call> calls = new ConcurrentSkipListMap<>();

    long nextSeq() {
        return seq.incrementAndGet();
    }

    void record(Call call) {
        calls.put(call.seq(), call);
    }

    List<Call> calls() {
        return List.copyOf(calls.values());
    }

    List<Call> callsTo(String path) {
        String wanted = Faults.normalize(path);
        return calls.values().stream().filter(c -> c.path().equals(wanted)).toList();
    }

    /** Forgets the recorded calls; sequence numbers keep counting. */
    void clear() {
        calls.clear();
    }

    static ObjectNode toJson(Call call) {
        ObjectNode node = Json.object();
        node.put("seq", call.seq());
        node.put("receivedAt", Json.text(call.receivedAt()));
        node.put("path", call.path());
        node.put("accountId", call.accountId());
        node.put("body", call.body());
        node.put("httpStatus", call.httpStatus());
        node.put("success", call.success());
        node.put("errorCode", call.errorCode());
        node.put("applied", call.applied());
        return node;
    }
}
