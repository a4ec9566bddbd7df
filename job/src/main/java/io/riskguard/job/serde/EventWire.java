package io.riskguard.job.serde;

import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.contract.TradeEvent;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of a parsed event, tagged by type. The original line travels only with position
 * events, the one kind whose raw text a later operator needs (the unknown-instrument warning);
 * other events arrive with an empty {@code raw}.
 */
public final class EventWire {

    private EventWire() {}

    public static void write(Event e, DataOutputView out) throws IOException {
        out.writeByte(e.type().ordinal());
        Wire.writeInstant(e.ts(), out);
        if (e instanceof AccountEvent a) {
            out.writeLong(a.accountId());
            out.writeBoolean(a.canTrade());
        } else if (e instanceof OrderEvent o) {
            out.writeLong(o.accountId());
            out.writeLong(o.orderId());
            Wire.writeString(o.contractId(), out);
            out.writeByte(o.status());
            out.writeByte(o.orderType());
            out.writeByte(o.side());
            out.writeLong(o.size());
            Wire.writeDecimal(o.limitPrice(), out);
            Wire.writeDecimal(o.stopPrice(), out);
            Wire.writeLongObj(o.fillVolume(), out);
            Wire.writeDecimal(o.filledPrice(), out);
            Wire.writeString(o.customTag(), out);
        } else if (e instanceof PositionEvent p) {
            out.writeLong(p.accountId());
            out.writeLong(p.positionId());
            Wire.writeString(p.contractId(), out);
            out.writeByte(p.positionType());
            out.writeLong(p.size());
            Wire.writeDecimal(p.averagePrice(), out);
            Wire.writeString(p.raw(), out);
        } else if (e instanceof TradeEvent t) {
            out.writeLong(t.accountId());
            out.writeLong(t.tradeId());
            Wire.writeString(t.contractId(), out);
            Wire.writeDecimal(t.price(), out);
            Wire.writeDecimal(t.profitAndLoss(), out);
            Wire.writeDecimal(t.fees(), out);
            out.writeByte(t.side());
            out.writeLong(t.size());
            out.writeBoolean(t.voided());
            out.writeLong(t.orderId());
        } else if (e instanceof QuoteEvent q) {
            Wire.writeString(q.contractId(), out);
            Wire.writeDecimal(q.lastPrice(), out);
            Wire.writeDecimal(q.bestBid(), out);
            Wire.writeDecimal(q.bestAsk(), out);
        }
    }

    public static Event read(DataInputView in) throws IOException {
        int tag = in.readByte();
        var ts = Wire.readInstant(in);
        return switch (io.riskguard.contract.EventType.values()[tag]) {
            case ACCOUNT -> new AccountEvent(ts, in.readLong(), in.readBoolean(), "");
            case ORDER -> new OrderEvent(ts, in.readLong(), in.readLong(), Wire.readString(in), in.readByte(),
                    in.readByte(), in.readByte(), in.readLong(), Wire.readDecimal(in), Wire.readDecimal(in),
                    Wire.readLongObj(in), Wire.readDecimal(in), Wire.readString(in), "");
            case POSITION -> new PositionEvent(ts, in.readLong(), in.readLong(), Wire.readString(in), in.readByte(),
                    in.readLong(), Wire.readDecimal(in), Wire.readString(in));
            case TRADE -> new TradeEvent(ts, in.readLong(), in.readLong(), Wire.readString(in), Wire.readDecimal(in),
                    Wire.readDecimal(in), Wire.readDecimal(in), in.readByte(), in.readLong(), in.readBoolean(),
                    in.readLong(), "");
            case QUOTE -> new QuoteEvent(ts, Wire.readString(in), Wire.readDecimal(in), Wire.readDecimal(in),
                    Wire.readDecimal(in), "");
            case CLOCK -> new ClockEvent(ts, "");
        };
    }
}
