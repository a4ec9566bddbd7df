package io.riskguard.bridge;

import java.util.ArrayList;
import java.util.List;

/** An {@link EventOutput} that keeps what it is given, for tests. */
final class CollectingOutput implements EventOutput {

    record Keyed(String key, String line) {}

    private final List<Keyed> events = new ArrayList<>();
    private final List<Keyed> quotes = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();

    @Override
    public synchronized void event(String accountKey, String line) {
        events.add(new Keyed(accountKey, line));
    }

    @Override
    public synchronized void quote(String contractKey, String line) {
        quotes.add(new Keyed(contractKey, line));
    }

    @Override
    public synchronized void deadLetter(String line) {
        deadLetters.add(line);
    }

    synchronized List<Keyed> events() {
        return List.copyOf(events);
    }

    synchronized List<String> eventLines() {
        return events.stream().map(Keyed::line).toList();
    }

    synchronized List<Keyed> quotes() {
        return List.copyOf(quotes);
    }

    synchronized List<String> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
