package io.riskguard.job.model;

import io.riskguard.contract.DeadLetter;

/** A dead letter with the replay order of the line that caused it, so files list them deterministically. */
public record DeadLetterRecord(long seq, DeadLetter letter) {}
