package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.bridge.hub.ResilientHub;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.sinks.gateway.GatewayApi;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's realtime hubs to the job's topics. The user hub's events of the followed accounts
 * and every (re)synchronisation through REST run on one event thread, in order, so a REST snapshot
 * is never sent after a hub event newer than it; quotes go from the market hub's socket straight
 * to the quotes topic. After every (re)connect of the user hub everything is subscribed again and
 * the accounts are resynchronised; the market hub is renewed when a contract falls silent.
 */
public final class Bridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
    public static final String USER_HUB = "user";
    public static final String MARKET_HUB = "market";
    static final Duration RESYNC_RETRY = Duration.ofSeconds(30);

    private final BridgeSettings settings;
    private final BrokerQueries broker;
    private final ResilientHub.TokenSource tokens;
    private final EventOutput out;
    private final BridgeMetrics metrics;
    private final KnownAccounts known = new KnownAccounts();
    private final Resync resync;
    private final QuoteSilenceWatchdog watchdog;
    private final Set<Long> accounts = new ConcurrentSkipListSet<>();
    private final Set<String> contracts = new ConcurrentSkipListSet<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("bridge-events"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("bridge-timers"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ResilientHub userHub;
    private final ResilientHub marketHub;
    private volatile Instant userHubLostAt;
    /** Contracts subscribed on the current market connection; used on the market hub's thread only. */
    private final Set<String> subscribedQuotes = new TreeSet<>();

    public Bridge(BridgeSettings settings, GatewayApi api, EventOutput out, BridgeMetrics metrics) {
        this(settings, new RestBrokerQueries(api), new ResilientHub.TokenSource() {
            @Override
            public String token() throws Exception {
                return api.token();
            }

            @Override
            public void refused(String token) throws Exception {
                api.tokenRefused(token);
            }
        }, out, metrics);
    }

    Bridge(BridgeSettings settings, BrokerQueries broker, ResilientHub.TokenSource tokens, EventOutput out,
            BridgeMetrics metrics) {
        this.settings = settings;
        this.broker = broker;
        this.tokens = tokens;
        this.out = out;
        this.metrics = metrics;
        this.resync = new Resync(broker, known);
        this.watchdog = new QuoteSilenceWatchdog(settings.quoteSilenceLimit(), System::nanoTime);
        this.userHub = new ResilientHub(USER_HUB, settings.hub(USER_HUB), tokens, settings.hub(), new UserHub(), http);
        this.marketHub = new ResilientHub(MARKET_HUB, settings.hub(MARKET_HUB), tokens, settings.hub(),
                new MarketHub(), http);
    }

    /** Finds the accounts (all of the user's, unless given), then connects both hubs; returns at once after that. */
    public void start() throws Exception {
        if (settings.accounts() != null) {
            accounts.addAll(settings.accounts());
        } else {
            for (ObjectNode a : broker.accounts()) {
                accounts.add(a.path("id").asLong());
            }
        }
        if (settings.contracts() != null) {
            settings.contracts().forEach(this::watchQuotes);
        }
        LOG.info("bridge: following accounts {}, quotes of {}", accounts,
                settings.contracts() != null ? contracts : "the contracts they hold or order");
        userHub.start();
        marketHub.start();
        long check = Math.max(100, Math.min(1000, settings.quoteSilenceLimit().toMillis() / 4));
        timers.scheduleWithFixedDelay(this::checkSilence, check, check, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::keepTokenFresh, 1, 1, TimeUnit.MINUTES);
        long status = settings.statusInterval().toMillis();
        timers.scheduleWithFixedDelay(() -> LOG.info("bridge: {}", metrics.snapshot()), status, status,
                TimeUnit.MILLISECONDS);
    }

    /** Established connections of a hub ("user" or "market") so far. */
    public int connections(String hub) {
        return (USER_HUB.equals(hub) ? userHub : marketHub).connections();
    }

    /** The counters and, as gauges, whether each hub is connected: what {@link MetricsEndpoint} serves. */
    public String metricsText() {
        return metrics.prometheusText()
                + "# HELP riskguard_bridge_hub_connected 1 while the hub is connected\n"
                + "# TYPE riskguard_bridge_hub_connected gauge\n"
                + "riskguard_bridge_hub_connected{hub=\"" + USER_HUB + "\"} " + (userHub.connected() ? 1 : 0) + "\n"
                + "riskguard_bridge_hub_connected{hub=\"" + MARKET_HUB + "\"} " + (marketHub.connected() ? 1 : 0) + "\n";
    }

    public Set<String> quotedContracts() {
        return Set.copyOf(contracts);
    }

    /** Waits until every event received so far has been handed to the output, and the output has stored it. */
    public void drain() throws Exception {
        events.submit(() -> { }).get(30, TimeUnit.SECONDS);
        out.flush();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        userHub.close();
        marketHub.close();
        events.shutdown();
        try {
            events.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    // ---- user hub ------------------------------------------------------------------------------

    private final class UserHub implements ResilientHub.Handler {
        @Override
        public void connected(ResilientHub.Session session) throws Exception {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            calls.add(session.invoke("SubscribeAccounts"));
            for (long id : accounts) {
                calls.addAll(subscribeAccount(session, id));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            metrics.add(BridgeMetrics.Counter.CONNECTIONS, USER_HUB);
            Instant gapStart = userHubLostAt;
            userHubLostAt = null;
            events.execute(() -> resynchronise(gapStart));
        }

        @Override
        public void invocation(HubRecords.Message message, String record) {
            Instant receivedAt = now();
            events.execute(() -> userEvent(message, record, receivedAt));
        }

        @Override
        public void unreadable(String record, String reason) {
            events.execute(() -> deadLetter(DeadLetterCause.UNREADABLE_RECORD, reason, record));
        }

        @Override
        public void disconnected(String why) {
            if (userHubLostAt == null) {
                userHubLostAt = Instant.now();
            }
        }
    }

    private static List<CompletableFuture<Void>> subscribeAccount(ResilientHub.Session session, long id) {
        return List.of(session.invoke("SubscribeOrders", id), session.invoke("SubscribePositions", id),
                session.invoke("SubscribeTrades", id));
    }

    private void userEvent(HubRecords.Message message, String record, Instant receivedAt) {
        HubEvent kind = HubEvent.ofTarget(message.target());
        if (kind == null || kind == HubEvent.QUOTE) {
            LOG.debug("user hub: ignoring {}", message.target());
            return;
        }
        ArrayNode args = message.arguments();
        JsonNode argument = args.size() == 1 ? args.get(0)
                : args.size() == 2 && args.get(0).isIntegralNumber() ? args.get(1) : null;
        if (argument == null) {
            deadLetter(DeadLetterCause.BAD_ARGUMENTS, message.target() + " must carry one payload argument, had "
                    + args.size(), record);
            return;
        }
        List<ObjectNode> payloads;
        try {
            payloads = Payloads.of(argument);
        } catch (IllegalArgumentException e) {
            deadLetter(DeadLetterCause.BAD_PAYLOAD, message.target() + ": " + e.getMessage(), record);
            return;
        }
        for (ObjectNode payload : payloads) {
            send(kind, payload, receivedAt, record);
        }
    }

    /** One account, order, position or trade payload to the events topic (or the dead letters). */
    private void send(HubEvent kind, ObjectNode payload, Instant receivedAt, String raw) {
        Envelopes.Result result = Envelopes.ofAccountEvent(kind, payload, receivedAt);
        if (result instanceof Envelopes.Rejected r) {
            deadLetter(r.cause(), r.reason(), raw);
            return;
        }
        Envelopes.Accepted a = (Envelopes.Accepted) result;
        long accountId = Long.parseLong(a.key());
        if (!accounts.contains(accountId)) {
            if (settings.accounts() == null && kind == HubEvent.ACCOUNT) {
                follow(accountId);
            } else {
                metrics.add(BridgeMetrics.Counter.IGNORED_OTHER_ACCOUNT);
                return;
            }
        }
        out.event(a.key(), a.line());
        known.sent(a.event());
        metrics.add(BridgeMetrics.Counter.PRODUCED, kind.typeName());
        if (settings.contracts() == null) {
            if (a.event() instanceof PositionEvent p) {
                watchQuotes(p.contractId());
            } else if (a.event() instanceof OrderEvent o) {
                watchQuotes(o.contractId());
            }
        }
    }

    /** An account that appeared while following all of them: subscribe it on the live connection. */
    private void follow(long accountId) {
        accounts.add(accountId);
        LOG.info("bridge: following new account {}", accountId);
        userHub.runOnHubThread(() -> {
            ResilientHub.Session session = userHub.session();
            if (session != null) {
                subscribeAccount(session, accountId);
            }
        });
    }

    private void resynchronise(Instant gapStart) {
        Instant now = now();
        try {
            for (Resync.Change c : resync.accounts(settings.accounts() == null ? null : accounts)) {
                resent(c, now);
            }
            for (long id : accounts) {
                for (Resync.Change c : resync.account(id, gapStart, now)) {
                    resent(c, now);
                }
            }
            metrics.add(BridgeMetrics.Counter.RESYNCS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            metrics.add(BridgeMetrics.Counter.RESYNC_FAILURES);
            LOG.error("bridge: resynchronisation through REST failed: {}; trying again in {} s", e.toString(),
                    RESYNC_RETRY.toSeconds());
            timers.schedule(() -> events.execute(() -> resynchronise(gapStart)), RESYNC_RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void resent(Resync.Change c, Instant now) {
        metrics.add(BridgeMetrics.Counter.RESYNC_SENT, c.kind().typeName());
        send(c.kind(), c.payload(), now, c.payload().toString());
    }

    // ---- market hub ----------------------------------------------------------------------------

    private final class MarketHub implements ResilientHub.Handler {
        @Override
        public void connected(ResilientHub.Session session) throws Exception {
            subscribedQuotes.clear();
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (String c : contracts) {
                calls.add(session.invoke("SubscribeContractQuotes", c));
                subscribedQuotes.add(c);
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            watchdog.restartAll();
            metrics.add(BridgeMetrics.Counter.CONNECTIONS, MARKET_HUB);
        }

        @Override
        public void invocation(HubRecords.Message message, String record) {
            quoteEvent(message, record, now());
        }

        @Override
        public void unreadable(String record, String reason) {
            deadLetter(DeadLetterCause.UNREADABLE_RECORD, reason, record);
        }

        @Override
        public void disconnected(String why) {
        }
    }

    private void quoteEvent(HubRecords.Message message, String record, Instant receivedAt) {
        if (HubEvent.ofTarget(message.target()) != HubEvent.QUOTE) {
            LOG.debug("market hub: ignoring {}", message.target());
            return;
        }
        ArrayNode args = message.arguments();
        if (args.size() != 2 || !args.get(0).isTextual()) {
            deadLetter(DeadLetterCause.BAD_ARGUMENTS, "GatewayQuote must carry (contractId, data), had "
                    + args.size() + " arguments", record);
            return;
        }
        String contractId = args.get(0).asText();
        watchdog.heard(contractId);
        List<ObjectNode> payloads;
        try {
            payloads = Payloads.of(args.get(1));
        } catch (IllegalArgumentException e) {
            deadLetter(DeadLetterCause.BAD_PAYLOAD, "GatewayQuote: " + e.getMessage(), record);
            return;
        }
        for (ObjectNode payload : payloads) {
            Envelopes.Result result = Envelopes.ofQuote(contractId, payload, receivedAt);
            if (result instanceof Envelopes.Accepted a) {
                out.quote(a.key(), a.line());
                metrics.add(BridgeMetrics.Counter.PRODUCED, HubEvent.QUOTE.typeName());
            } else if (result instanceof Envelopes.Rejected r) {
                deadLetter(r.cause(), r.reason(), record);
            }
        }
    }

    /** Quotes of this contract from now on (subscribed on the live market connection, and after every reconnect). */
    private void watchQuotes(String contractId) {
        if (!contracts.add(contractId)) {
            return;
        }
        watchdog.watch(contractId);
        marketHub.runOnHubThread(() -> {
            ResilientHub.Session session = marketHub.session();
            if (session != null && subscribedQuotes.add(contractId)) {
                session.invoke("SubscribeContractQuotes", contractId);
            }
        });
    }

    private void checkSilence() {
        if (!marketHub.connected()) {
            return;
        }
        List<String> silent = watchdog.silent();
        if (!silent.isEmpty()) {
            metrics.add(BridgeMetrics.Counter.SILENCE_RECONNECTS);
            watchdog.restartAll();
            marketHub.reconnect("no quote of " + silent + " for over " + settings.quoteSilenceLimit().toMillis()
                    + " ms");
        }
    }

    private void keepTokenFresh() {
        try {
            tokens.token(); // renews it when it is due, so a reconnect never waits for a login
        } catch (Exception e) {
            LOG.warn("bridge: token refresh failed: {}", e.toString());
        }
    }

    private void deadLetter(DeadLetterCause cause, String reason, String raw) {
        metrics.add(BridgeMetrics.Counter.DEAD_LETTERS, cause.label());
        LOG.warn("bridge: dead letter ({}): {}", cause.label(), reason);
        out.deadLetter(DeadLetterJson.toJson(DeadLetter.rejected(InputCause.UNKNOWN, reason, raw)));
    }

    /** Receipt times in milliseconds, the precision of the broker's own timestamps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
