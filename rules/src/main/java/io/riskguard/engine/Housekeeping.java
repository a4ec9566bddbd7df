package io.riskguard.engine;

import io.riskguard.calendar.TradingCalendar;
import io.riskguard.state.AccountState;
import io.riskguard.state.DayFigures;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.TradeRecord;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps trade memory bounded. Trade ids (duplicates, voids) and RULE-007 order losses are kept
 * through the trading day after the one they happened in; once a second reset has passed they are
 * removed, with the stale day figures and fills. Without a daily reset the whole stream is one
 * trading day and nothing is pruned (duplicates must be recognised across it).
 */
final class Housekeeping {

    /** The instant at which the retained trade memory expires, or null if there is none to expire. */
    static Instant dueAt(TradingCalendar trading, DayFigures day) {
        if (!trading.resetEnabled() || day.isEmpty()) {
            return null;
        }
        return trading.resetInstant(day.tradingDay().plusDays(1));
    }

    void pruneIfDue(TriggerContext ctx) {
        TradingCalendar trading = ctx.config().trading();
        AccountState state = ctx.state();
        DayFigures day = state.day();
        if (!trading.resetEnabled() || day.isEmpty()) {
            return;
        }
        // Due at I(day + 1), the first instant of trading day day + 2.
        LocalDate today = trading.tradingDay(ctx.t());
        if (!today.isAfter(day.tradingDay().plusDays(1))) {
            return;
        }
        Instant horizon = trading.resetInstant(today.minusDays(2));
        for (TradeRecord trade : state.trades()) {
            if (trade.ts().isBefore(horizon)) {
                state.removeTrade(trade.tradeId());
            }
        }
        for (OrderLoss loss : state.orderLosses()) {
            if (loss.lastFill().isBefore(horizon)) {
                state.removeOrderLoss(loss.orderId());
            }
        }
        state.setFills(state.fills().keepFrom(Bookkeeping.fillHorizon(trading, ctx.t())));
        state.setDay(DayFigures.EMPTY);
        ctx.markStructureChanged();
    }
}
