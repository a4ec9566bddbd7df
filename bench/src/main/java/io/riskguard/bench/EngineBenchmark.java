package io.riskguard.bench;

import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.market.QuoteBook;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.state.MemoryAccountState;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One trigger of one account through the engine: an account with 3 open positions and 5 working
 * orders, inside the session, no rule breached (the usual case: every rule evaluates in full and
 * decides nothing). {@code rules=all} enables all 13 rules; {@code rules=none} is the baseline in
 * the same run: the same event through bookkeeping, merging and timer planning with no rule enabled.
 * Each invocation starts from the same prepared state, so state never grows across invocations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    static final long ACCOUNT = 2002;

    @Param({"all", "none"})
    public String rules;

    private final RiskEngine engine = new RiskEngine();
    private CompiledConfig config;
    private QuoteBook quotes;
    private MemoryAccountState prepared;
    private MemoryAccountState state;
    private Event positionEvent;
    private Event orderEvent;
    private Event tradeEvent;
    private Instant quoteTs;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        RiskConfig raw = ConfigLoader.parse(BenchConfigs.yaml("all".equals(rules)), "bench.yaml");
        config = CompiledConfig.of(raw);
        quotes = new QuoteBook();
        prepared = new MemoryAccountState();
        for (String line : BenchConfigs.setupEvents(ACCOUNT)) {
            Event e = EventCodec.parse(line);
            if (e instanceof QuoteEvent q) {
                quotes.apply(q);
            } else {
                engine.onEvent(prepared, config, e, e.ts(), quotes);
            }
        }
        positionEvent = EventCodec.parse(BenchConfigs.positionUpdate(ACCOUNT));
        orderEvent = EventCodec.parse(BenchConfigs.orderUpdate(ACCOUNT));
        tradeEvent = EventCodec.parse(BenchConfigs.trade(ACCOUNT));
        quoteTs = positionEvent.ts();
    }

    @Setup(Level.Invocation)
    public void freshState() {
        state = BenchConfigs.copy(prepared);
    }

    @Benchmark
    public Decision positionEvent() {
        return engine.onEvent(state, config, positionEvent, positionEvent.ts(), quotes);
    }

    @Benchmark
    public Decision orderEvent() {
        return engine.onEvent(state, config, orderEvent, orderEvent.ts(), quotes);
    }

    @Benchmark
    public Decision tradeEvent() {
        return engine.onEvent(state, config, tradeEvent, tradeEvent.ts(), quotes);
    }

    @Benchmark
    public Decision quoteOnHeldContract() {
        return engine.onQuote(state, config, ACCOUNT, BenchConfigs.MNQ, quoteTs, quotes);
    }
}
