package io.riskguard.sinks.gateway.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Scripted faults, consumed by the next matching requests in the order they were scripted. A
 * request takes at most one delay and at most one outcome fault (fail, drop before or drop after
 * apply); a delay composes with an outcome. A null path matches every {@code /api} request.
 */
final class Faults {

    enum Kind { FAIL, DELAY, DROP_BEFORE_APPLY, DROP_AFTER_APPLY }

    /** What a request drew: {@code delay} (possibly zero) and an outcome kind or null. */
    record Drawn(Duration delay, Kind outcome, int httpStatus) {
        static final Drawn NONE = new Drawn(Duration.ZERO, null, 0);
    }

    private static final class Fault {
        final Kind kind;
        final String path;
        final int httpStatus;
        final Duration delay;
        int remaining;

        Fault(Kind kind, String path, int remaining, int httpStatus, Duration delay) {
            this.kind = kind;
            this.path = path;
            this.remaining = remaining;
            this.httpStatus = httpStatus;
            this.delay = delay;
        }

        boolean matches(String requestPath) {
            return path == null || path.equals(requestPath);
        }
    }

    private final List<Fault> scripted = new ArrayList<>();

    void add(Kind kind, String path, int count, int httpStatus, Duration delay) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        if (kind == Kind.FAIL && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        if (kind == Kind.DELAY && (delay == null || delay.isNegative())) {
            throw new IllegalArgumentException("delay must be >= 0: " + delay);
        }
        synchronized (scripted) {
            scripted.add(new Fault(kind, normalize(path), count, httpStatus, delay));
        }
    }

    /** Takes this request's faults. */
    Drawn draw(String path) {
        synchronized (scripted) {
            Fault delay = take(path, true);
            Fault outcome = take(path, false);
            if (delay == null && outcome == null) {
                return Drawn.NONE;
            }
            return new Drawn(delay == null ? Duration.ZERO : delay.delay,
                    outcome == null ? null : outcome.kind,
                    outcome == null ? 0 : outcome.httpStatus);
        }
    }

    void clear() {
        synchronized (scripted) {
            scripted.clear();
        }
    }

    /** "/api/Order/place" as is; "Order/place" gets the "/api/" prefix; null stays null. */
    static String normalize(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith("/") ? path : "/api/" + path;
    }

    private Fault take(String path, boolean delayKind) {
        for (Iterator<Fault> it = scripted.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if ((fault.kind == Kind.DELAY) == delayKind && fault.matches(path)) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return fault;
            }
        }
        return null;
    }
}
