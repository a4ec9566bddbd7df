package io.riskguard.bridge;

import io.riskguard.contract.EventType;

/** The hub events the bridge passes on, by the hub method that carries them. */
enum HubEvent {
    ACCOUNT("GatewayUserAccount", EventType.ACCOUNT),
    ORDER("GatewayUserOrder", EventType.ORDER),
    POSITION("GatewayUserPosition", EventType.POSITION),
    TRADE("GatewayUserTrade", EventType.TRADE),
    QUOTE("GatewayQuote", EventType.QUOTE);

    final String target;
    final EventType type;

    HubEvent(String target, EventType type) {
        this.target = target;
        this.type = type;
    }

    /** The event a hub method carries, or null for one the bridge does not use. */
    static HubEvent ofTarget(String target) {
        for (HubEvent e : values()) {
            if (e.target.equalsIgnoreCase(target)) {
                return e;
            }
        }
        return null;
    }

    /** The envelope's {@code type} (CONTRACT.md §1). */
    String typeName() {
        return type.wireName();
    }
}
