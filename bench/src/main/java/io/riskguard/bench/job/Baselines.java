package io.riskguard.bench.job;

import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.SourceRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.InstantSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** The operators of the two baseline jobs. */
final class Baselines {

    private Baselines() {}

    /**
     * Chained to the source like the job's RouteEvents: each parsed event becomes the record type
     * AccountRisk receives ({@link AccountInput}), keyed by its account, a quote by its contract
     * (one key per contract: the baselines have no MarkToMarket fan-out). Clock events and
     * rejected lines go no further, as in the job.
     */
    static final class Route extends ProcessFunction<SourceRecord, AccountInput> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(SourceRecord r, Context ctx, Collector<AccountInput> out) {
            Event e = r.event();
            if (e == null || e instanceof ClockEvent) {
                return;
            }
            long key = e instanceof QuoteEvent q ? contractKey(q.contractId()) : ((AccountScopedEvent) e).accountId();
            out.collect(AccountInput.event(key, r.seq(), r.evalTs(), e));
        }

        /** Negative, so a contract never shares a key with an account. */
        static long contractKey(String contractId) {
            return -1L - (contractId.hashCode() & 0x7fffffffL);
        }
    }

    /** No rules, no state: every record goes on to the sink. */
    static final class PassThrough extends KeyedProcessFunction<Long, AccountInput, AccountInput> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(AccountInput in, Context ctx, Collector<AccountInput> out) {
            out.collect(in);
        }
    }

    /**
     * One ValueState write and one MapState write per record, on RocksDB; no reads, no rules. (A
     * mark, in the fan-out diagnostic job, is stored under its contract.)
     */
    static final class MinimalState extends KeyedProcessFunction<Long, AccountInput, AccountInput> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Instant> lastTs;
        private transient MapState<String, Long> lastSeqByType;

        @Override
        public void open(OpenContext openContext) {
            lastTs = getRuntimeContext().getState(new ValueStateDescriptor<>("last-ts", InstantSerializer.INSTANCE));
            lastSeqByType = getRuntimeContext().getMapState(
                    new MapStateDescriptor<>("last-seq-by-type", StringSerializer.INSTANCE, LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(AccountInput in, Context ctx, Collector<AccountInput> out) throws Exception {
            lastTs.update(in.evalTs());
            lastSeqByType.put(in.isMark() ? in.contractId() : in.event().type().wireName(), in.seq());
            out.collect(in);
        }
    }
}
