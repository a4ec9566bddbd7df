package io.riskguard.engine;

import io.riskguard.contract.PositionEvent;
import io.riskguard.state.PositionState;

/**
 * How a position event changed the stored position (RULES.md §1.5). {@code current} is null when
 * the position closed.
 */
public record PositionChange(Kind kind, String contractId, PositionState current, PositionEvent event) {

    public enum Kind { OPENED, INCREASED, REDUCED, CLOSED, FLIPPED, UPDATED }

    /** Opened, increased or flipped: the changes that add risk. */
    public boolean addsRisk() {
        return kind == Kind.OPENED || kind == Kind.INCREASED || kind == Kind.FLIPPED;
    }

    public boolean leavesOpen() {
        return current != null;
    }

    /** The {@code <what>} of lock-enforcement and RULE-009 reasons; only for changes that add risk. */
    public String what() {
        return kind == Kind.INCREASED
                ? "position " + contractId + " increased to " + current.size()
                : "position " + contractId + " opened";
    }
}
