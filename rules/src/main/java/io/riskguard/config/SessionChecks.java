package io.riskguard.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/** Cross-key checks #1–#3 of RULES.md §4.4 (the session calendar); they apply whenever {@code session} is present. */
final class SessionChecks {

    private static final int SECONDS_PER_DAY = 86_400;

    private SessionChecks() {}

    static void check(ConfigDocument doc) {
        SessionConfig session = doc.session();
        if (session == null) {
            return;
        }
        Sources sources = doc.sources();
        LocalTime start = session.start();
        LocalTime end = session.end();
        // #1
        if (start.equals(end)) {
            throw sources.get("session.end")
                    .problem("must differ from " + sources.get("session.start").path() + " (" + start + ")");
        }
        // #2
        boolean overnight = start.isAfter(end);
        for (Map.Entry<LocalDate, LocalTime> early : doc.earlyClose().entrySet()) {
            LocalDate date = early.getKey();
            LocalTime time = early.getValue();
            Source source = sources.get("session.early_close." + date);
            if (!session.days().contains(date.getDayOfWeek()) || session.holidays().contains(date)) {
                throw new ConfigProblem(source.path(), date.toString(),
                        "must be a session day (weekday in session.days, not in session.holidays)");
            }
            boolean inside = overnight
                    ? time.isAfter(start) || time.isBefore(end)
                    : time.isAfter(start) && time.isBefore(end);
            if (!inside) {
                throw source.problem("must lie strictly inside the regular session (" + start + " to " + end + ")");
            }
        }
        // #3
        int startSecond = start.toSecondOfDay();
        int endSecond = end.toSecondOfDay();
        int gap = overnight ? startSecond - endSecond : SECONDS_PER_DAY - (endSecond - startSecond);
        if (session.closeGraceSeconds() >= gap) {
            throw sources.get("session.close_grace_seconds")
                    .problem("must be less than the gap between sessions (" + gap + " s)");
        }
    }
}
