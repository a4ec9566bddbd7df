package io.riskguard.sinks.gateway.sim;

/**
 * Told of every change of an account's book, while the book holds that account's lock: the calls of
 * one account arrive in the order its changes happened.
 */
interface BookListener {

    BookListener NONE = new BookListener() {
    };

    default void accountChanged(SimAccount account) {
    }

    default void orderChanged(SimOrder order) {
    }

    /** A closed position comes with size 0. */
    default void positionChanged(SimPosition position) {
    }

    default void tradeAdded(SimTrade trade) {
    }
}
