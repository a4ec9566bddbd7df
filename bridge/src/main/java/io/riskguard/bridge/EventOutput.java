package io.riskguard.bridge;

/** Where the bridge's lines go: the job's events and quotes topics, and its own dead letters. */
public interface EventOutput extends AutoCloseable {

    /** An account, order, position or trade line, keyed by account id. */
    void event(String accountKey, String line);

    /** A quote line, keyed by contract id. */
    void quote(String contractKey, String line);

    /** {@code {"kind":"rejected","reason":..,"raw":..}} for a hub record the job must not see. */
    void deadLetter(String line);

    /** Waits until everything handed over so far is stored (acknowledged by the brokers). */
    void flush();

    @Override
    void close();
}
