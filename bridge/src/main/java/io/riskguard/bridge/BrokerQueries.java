package io.riskguard.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The broker's REST reads a resynchronisation needs (ProjectX {@code /api/...}). */
interface BrokerQueries {

    /** {@code Account/search} (active accounts). */
    List<ObjectNode> accounts() throws Exception;

    /** {@code Position/searchOpen}. */
    List<ObjectNode> openPositions(long accountId) throws Exception;

    /** {@code Order/searchOpen}. */
    List<ObjectNode> openOrders(long accountId) throws Exception;

    /** {@code Order/search} from {@code from} on, any status. */
    List<ObjectNode> orders(long accountId, Instant from) throws Exception;

    /** {@code Trade/search} from {@code from} on. */
    List<ObjectNode> trades(long accountId, Instant from) throws Exception;
}
