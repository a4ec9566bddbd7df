package io.riskguard.sinks.jdbc;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The PostgreSQL sinks of the job, built on Flink's JDBC connector (at least once; every statement
 * is idempotent, so a replayed action changes nothing): the append-only audit of every action, and
 * the current lock record of each account and rule. Parameterised statements only.
 */
public final class AuditSinks {

    static final String INSERT_ACTION = "INSERT INTO enforcement_actions (action_id, ts, ts_text, account_id, rule, "
            + "kind, scope, until, until_text, contract_id, size, order_id, stop_price, reason, config_version, "
            + "action_json, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (action_id) DO NOTHING";

    static final String UPSERT_LOCK = "INSERT INTO account_locks (account_id, rule, active, locked_until, "
            + "locked_until_text, reason, action_id, event_ts, event_ts_text, event_order, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
            + "ON CONFLICT (account_id, rule) DO UPDATE SET active = EXCLUDED.active, "
            + "locked_until = EXCLUDED.locked_until, locked_until_text = EXCLUDED.locked_until_text, "
            + "reason = EXCLUDED.reason, action_id = EXCLUDED.action_id, event_ts = EXCLUDED.event_ts, "
            + "event_ts_text = EXCLUDED.event_ts_text, event_order = EXCLUDED.event_order, updated_at = now() "
            + "WHERE (account_locks.event_ts, account_locks.event_order) < (EXCLUDED.event_ts, EXCLUDED.event_order)";

    static final String INSERT_CONFIG_AUDIT = "INSERT INTO config_audit (message_id, received_at, version, accepted, "
            + "reason, config_sha256) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING";

    private AuditSinks() {}

    /** Every control-topic config update, accepted or refused, into {@code config_audit}. */
    public static JdbcSink<ConfigAudit> configAudit(JdbcSettings settings) {
        return JdbcSink.<ConfigAudit>builder()
                .withQueryStatement(INSERT_CONFIG_AUDIT, AuditSinks::bindConfigAudit)
                .withExecutionOptions(options())
                .buildAtLeastOnce(new EnvCredentialsConnectionProvider(settings));
    }

    static void bindConfigAudit(PreparedStatement ps, ConfigAudit c) throws SQLException {
        ps.setString(1, c.messageId());
        ps.setObject(2, timestamp(c.receivedAt()));
        if (c.version() == null) {
            ps.setNull(3, Types.INTEGER);
        } else {
            ps.setInt(3, c.version());
        }
        ps.setBoolean(4, c.accepted());
        ps.setString(5, c.reason());
        ps.setString(6, c.configSha256());
    }

    /** Every action into {@code enforcement_actions}. */
    public static JdbcSink<Action> enforcementActions(JdbcSettings settings) {
        return JdbcSink.<Action>builder()
                .withQueryStatement(INSERT_ACTION, AuditSinks::bindAction)
                .withExecutionOptions(options())
                .buildAtLeastOnce(new EnvCredentialsConnectionProvider(settings));
    }

    /** LOCK and UNLOCK actions into {@code account_locks}; other kinds must be filtered out before. */
    public static JdbcSink<Action> accountLocks(JdbcSettings settings) {
        return JdbcSink.<Action>builder()
                .withQueryStatement(UPSERT_LOCK, AuditSinks::bindLock)
                .withExecutionOptions(options())
                .buildAtLeastOnce(new EnvCredentialsConnectionProvider(settings));
    }

    public static boolean isLockChange(Action a) {
        return a.kind() == ActionKind.LOCK || a.kind() == ActionKind.UNLOCK;
    }

    private static JdbcExecutionOptions options() {
        return JdbcExecutionOptions.builder().withBatchSize(200).withBatchIntervalMs(200).withMaxRetries(5).build();
    }

    static void bindAction(PreparedStatement ps, Action a) throws SQLException {
        boolean lockChange = isLockChange(a);
        ps.setString(1, a.id());
        ps.setObject(2, timestamp(a.ts()));
        ps.setString(3, a.ts().toString());
        ps.setLong(4, a.accountId());
        ps.setString(5, a.ruleId());
        ps.setString(6, a.kind().name());
        ps.setString(7, lockChange ? "account" : null);
        ps.setObject(8, a.until() == null ? null : timestamp(a.until()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(9, a.until() == null ? null : a.until().toString());
        ps.setString(10, a.contractId());
        setLong(ps, 11, a.size());
        setLong(ps, 12, a.orderId());
        ps.setBigDecimal(13, a.stopPrice());
        ps.setString(14, a.reason());
        ps.setInt(15, a.configVersion());
        ps.setString(16, ActionJson.toJson(a));
        ps.setString(17, a.cause().label());
    }

    static void bindLock(PreparedStatement ps, Action a) throws SQLException {
        boolean lock = a.kind() == ActionKind.LOCK;
        ps.setLong(1, a.accountId());
        ps.setString(2, a.ruleId());
        ps.setBoolean(3, lock);
        ps.setObject(4, lock && a.until() != null ? timestamp(a.until()) : null, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(5, lock && a.until() != null ? a.until().toString() : null);
        ps.setString(6, a.reason());
        ps.setString(7, a.id());
        ps.setObject(8, timestamp(a.ts()));
        ps.setString(9, a.ts().toString());
        ps.setShort(10, (short) (lock ? 1 : 0));
    }

    private static OffsetDateTime timestamp(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
