package io.riskguard.engine;

import io.riskguard.contract.OrderEvent;
import io.riskguard.state.OrderState;

/**
 * An applied order event. {@code newWorking}: it became working with this event (RULES.md §1.5).
 * {@code current} is the stored order, or null when it reached a final status and was removed.
 */
public record OrderChange(OrderEvent event, boolean newWorking, OrderState current) {

    public String what() {
        return "new order " + event.orderId();
    }
}
