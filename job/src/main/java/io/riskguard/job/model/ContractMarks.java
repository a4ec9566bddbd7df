package io.riskguard.job.model;

import io.riskguard.fanout.MarkHistory;

/** One contract's mark history in an AccountRisk subtask's snapshot (operator union state). */
public record ContractMarks(String contractId, MarkHistory.Snapshot history) {}
