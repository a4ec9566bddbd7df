package io.riskguard.engine;

import io.riskguard.calendar.TradingCalendar;
import io.riskguard.config.RuleSet;
import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.AccountState;
import io.riskguard.state.DayFigures;
import io.riskguard.state.Fill;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.OrderState;
import io.riskguard.state.PositionState;
import io.riskguard.state.TradeRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Applies an event to the account's state before any rule runs, locked or not (RULES.md §1.5).
 * Each method returns null for a duplicate, which changes nothing and is evaluated by no rule.
 */
final class Bookkeeping {

    PositionChange applyPosition(TriggerContext ctx, PositionEvent e) {
        String c = e.contractId();
        PositionState prev = ctx.position(c);
        PositionChange.Kind kind = positionKind(prev, e);
        if (kind == null) {
            return null;
        }
        ctx.setPending(ctx.pending().answeredByPositionEvent(c));
        if (kind == PositionChange.Kind.CLOSED) {
            ctx.removePosition(c);
            return new PositionChange(kind, c, null, e);
        }
        PositionState next;
        if (kind == PositionChange.Kind.OPENED || kind == PositionChange.Kind.FLIPPED) {
            RuleSet.NoStopLossGrace grace = ctx.rules().noStopLossGrace();
            Instant due = RuleSet.on(grace) ? ctx.t().plusSeconds(grace.graceSeconds()) : null;
            next = new PositionState(c, e.positionId(), e.positionType(), e.size(), e.averagePrice(), ctx.t(), null, due);
            ctx.positionOpened(next);
        } else {
            next = new PositionState(c, e.positionId(), e.positionType(), e.size(), e.averagePrice(),
                    prev.openedAt(), prev.best(), prev.graceDue());
            ctx.putPosition(next);
        }
        warnIfNoEconomics(ctx, c, e.raw());
        return new PositionChange(kind, c, next, e);
    }

    private static PositionChange.Kind positionKind(PositionState prev, PositionEvent e) {
        if (e.size() == 0) {
            return prev == null ? null : PositionChange.Kind.CLOSED;
        }
        if (prev == null) {
            return PositionChange.Kind.OPENED;
        }
        if (prev.positionType() != e.positionType()) {
            return PositionChange.Kind.FLIPPED;
        }
        if (e.size() > prev.size()) {
            return PositionChange.Kind.INCREASED;
        }
        if (e.size() < prev.size()) {
            return PositionChange.Kind.REDUCED;
        }
        return prev.averagePrice().compareTo(e.averagePrice()) == 0 ? null : PositionChange.Kind.UPDATED;
    }

    /** RULES.md §1.2: one warning per (account, contract) when price rules cannot value it. */
    private static void warnIfNoEconomics(TriggerContext ctx, String contractId, String raw) {
        if (ctx.instrument(contractId) != null) {
            return;
        }
        RuleSet r = ctx.rules();
        boolean priced = RuleSet.on(r.dailyUnrealizedLoss()) || RuleSet.on(r.maxUnrealizedProfit())
                || RuleSet.on(r.tradeManagement());
        AccountFlags flags = ctx.state().flags();
        if (!priced || flags.warnedContracts().contains(contractId)) {
            return;
        }
        ctx.warn(InputCause.NO_INSTRUMENT_ENTRY, "no instruments entry for root " + ctx.root(contractId) + "; RULE-004/005/012 skip " + contractId, raw);
        ctx.state().setFlags(flags.withWarned(contractId));
    }

    OrderChange applyOrder(TriggerContext ctx, OrderEvent e) {
        OrderState prev = ctx.state().order(e.orderId());
        if (prev != null && prev.sameSnapshot(e.contractId(), e.status(), e.orderType(), e.side(), e.size(),
                e.limitPrice(), e.stopPrice(), e.fillVolume(), e.filledPrice())) {
            return null;
        }
        boolean working = OrderState.isWorkingStatus(e.status());
        boolean newWorking = working && (prev == null || !prev.isWorking());
        Instant workingSince = newWorking ? ctx.t() : working ? prev.workingSince() : null;
        ctx.setPending(ctx.pending().answeredByOrderEvent(e.orderId()));
        if (OrderState.isFinalStatus(e.status())) {
            if (prev != null) {
                ctx.removeOrder(e.orderId());
            }
            return new OrderChange(e, false, null);
        }
        OrderState next = new OrderState(e.orderId(), e.contractId(), e.status(), e.orderType(), e.side(), e.size(),
                e.limitPrice(), e.stopPrice(), e.fillVolume(), e.filledPrice(), workingSince);
        ctx.putOrder(next);
        return new OrderChange(e, newWorking, next);
    }

    TradeChange applyTrade(TriggerContext ctx, TradeEvent e) {
        AccountState state = ctx.state();
        TradeRecord prev = state.trade(e.tradeId());
        if (prev != null) {
            return prev.counted() && e.voided() ? applyVoid(ctx, prev, e) : null;
        }
        DayFigures day = currentDay(ctx);
        boolean counted = !e.voided();
        state.putTrade(new TradeRecord(e.tradeId(), e.orderId(), ctx.t(), counted, e.profitAndLoss(), e.fees()));
        if (!counted) {
            state.setDay(day);
            return new TradeChange(TradeChange.Kind.UNCOUNTED, e);
        }
        BigDecimal pnl = e.profitAndLoss() == null ? BigDecimal.ZERO : e.profitAndLoss();
        state.setDay(day.add(pnl, e.fees()));
        Instant horizon = fillHorizon(ctx.config().trading(), ctx.t());
        state.setFills(state.fills().keepFrom(horizon)
                .append(new Fill(e.tradeId(), e.orderId(), ctx.t(), e.profitAndLoss() == null)));
        if (e.profitAndLoss() != null) {
            OrderLoss loss = state.orderLoss(e.orderId());
            if (loss == null) {
                loss = new OrderLoss(e.orderId(), BigDecimal.ZERO, null, ctx.t());
            }
            state.putOrderLoss(loss.add(e.profitAndLoss(), ctx.t()));
        }
        return new TradeChange(TradeChange.Kind.COUNTED, e);
    }

    /** A void removes the trade everywhere; daily P&L only if the trade is of the current trading day. */
    private TradeChange applyVoid(TriggerContext ctx, TradeRecord prev, TradeEvent e) {
        AccountState state = ctx.state();
        DayFigures day = currentDay(ctx);
        if (!prev.ts().isBefore(ctx.config().trading().dayStart(ctx.t()))) {
            BigDecimal pnl = prev.profitAndLoss() == null ? BigDecimal.ZERO : prev.profitAndLoss();
            day = day.add(pnl.negate(), prev.fees().negate());
        }
        state.setDay(day);
        state.setFills(state.fills().without(prev.tradeId()));
        if (prev.profitAndLoss() != null) {
            OrderLoss loss = state.orderLoss(prev.orderId());
            if (loss != null) {
                state.putOrderLoss(loss.subtract(prev.profitAndLoss()));
            }
        }
        state.putTrade(prev.voided());
        return new TradeChange(TradeChange.Kind.VOIDED, e);
    }

    /** The stored day figures, started afresh when the trading day has changed. */
    private static DayFigures currentDay(TriggerContext ctx) {
        DayFigures day = ctx.state().day();
        java.time.LocalDate today = ctx.config().trading().tradingDay(ctx.t());
        if (!today.equals(day.tradingDay())) {
            ctx.markStructureChanged();
            return DayFigures.startOf(today);
        }
        return day;
    }

    /** RULE-006 looks back one hour, or to the start of the trading day if that is earlier. */
    static Instant fillHorizon(TradingCalendar trading, Instant t) {
        Instant hourAgo = t.minusSeconds(3600);
        Instant dayStart = trading.dayStart(t);
        return dayStart.isBefore(hourAgo) ? dayStart : hourAgo;
    }

    AccountChange applyAccount(TriggerContext ctx, AccountEvent e) {
        AccountFlags flags = ctx.state().flags();
        ctx.state().setFlags(flags.withCanTrade(e.canTrade()));
        return new AccountChange(flags.canTrade(), e.canTrade());
    }
}
