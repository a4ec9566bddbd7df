package io.riskguard.job.model;

import java.time.Instant;

/** An input with its place in event time: evaluated at {@link #evalTs()}, ties broken by input {@link #seq()}. */
public interface Sequenced {

    Instant evalTs();

    long seq();
}
