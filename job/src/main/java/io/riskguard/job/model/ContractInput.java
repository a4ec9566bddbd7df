package io.riskguard.job.model;

import io.riskguard.contract.Event;
import java.time.Instant;

/** A position event or a quote, routed by contract to MarkToMarket. */
public record ContractInput(String contractId, long seq, Instant evalTs, Event event) implements Sequenced {}
