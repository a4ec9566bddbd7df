package io.riskguard.job.pipeline;

import io.riskguard.contract.Action;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.serde.Types;
import io.riskguard.sinks.gateway.BrokerSink;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.AuditSinks;
import io.riskguard.sinks.jdbc.JdbcSettings;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where actions go besides the replay file: the broker gateway (keyed by account, so one subtask
 * runs an account's actions in order) and PostgreSQL (audit of every action, current locks). Sinks
 * have fixed uids ({@link RiskState}) like every stateful operator.
 */
public final class EnforcementSinks {

    private EnforcementSinks() {}

    /** @param gateway null for no broker calls; @param database null for no PostgreSQL */
    public static void attach(DataStream<DecidedAction> decided, GatewaySettings gateway, JdbcSettings database) {
        if (gateway == null && database == null) {
            return;
        }
        DataStream<Action> actions = decided.map(DecidedAction::action, Types.ACTION)
                .uid(RiskState.UID_ACTIONS).name("Actions");
        if (gateway != null) {
            actions.keyBy(Action::accountId, BasicTypeInfo.LONG_TYPE_INFO)
                    .sinkTo(new BrokerSink(gateway)).uid(RiskState.UID_BROKER).name("Broker gateway");
        }
        if (database != null) {
            actions.sinkTo(AuditSinks.enforcementActions(database)).uid(RiskState.UID_AUDIT).name("Audit (PostgreSQL)");
            actions.filter(AuditSinks::isLockChange).name("Lock changes")
                    .keyBy(Action::accountId, BasicTypeInfo.LONG_TYPE_INFO)
                    .sinkTo(AuditSinks.accountLocks(database)).uid(RiskState.UID_LOCKS)
                    .name("Account locks (PostgreSQL)");
        }
    }
}
