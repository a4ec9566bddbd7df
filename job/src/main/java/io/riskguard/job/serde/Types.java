package io.riskguard.job.serde;

import io.riskguard.contract.Action;
import io.riskguard.job.control.ControlVerifier;
import io.riskguard.contract.DeadLetter;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.job.model.ReplayOutput;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.sinks.jdbc.ConfigAudit;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The type information of every record that travels between operators. */
public final class Types {

    public static final TypeInformation<SourceRecord> SOURCE_RECORD =
            new SerializerTypeInfo<>(SourceRecord.class, SourceRecordSerializer.INSTANCE);
    public static final TypeInformation<AccountInput> ACCOUNT_INPUT =
            new SerializerTypeInfo<>(AccountInput.class, AccountInputSerializer.INSTANCE);
    public static final TypeInformation<ContractInput> CONTRACT_INPUT =
            new SerializerTypeInfo<>(ContractInput.class, ContractInputSerializer.INSTANCE);
    public static final TypeInformation<ControlMessage> CONTROL =
            new SerializerTypeInfo<>(ControlMessage.class, ControlMessageSerializer.INSTANCE);
    public static final TypeInformation<MarketInput> MARKET_INPUT =
            new SerializerTypeInfo<>(MarketInput.class, MarketInputSerializer.INSTANCE);
    public static final TypeInformation<DecidedAction> DECIDED_ACTION =
            new SerializerTypeInfo<>(DecidedAction.class, DecidedActionSerializer.INSTANCE);
    public static final TypeInformation<Action> ACTION =
            new SerializerTypeInfo<>(Action.class, ActionSerializer.INSTANCE);
    public static final TypeInformation<DeadLetter> DEAD_LETTER =
            new SerializerTypeInfo<>(DeadLetter.class, DeadLetterSerializer.INSTANCE);

    public static final TypeInformation<DeadLetterRecord> DEAD_LETTER_RECORD =
            new SerializerTypeInfo<>(DeadLetterRecord.class, DeadLetterRecordSerializer.INSTANCE);

    public static final TypeInformation<ReplayOutput> REPLAY_OUTPUT =
            new SerializerTypeInfo<>(ReplayOutput.class, ReplayOutputSerializer.INSTANCE);

    public static final TypeInformation<ControlVerifier.Received> RECEIVED_CONTROL =
            new SerializerTypeInfo<>(ControlVerifier.Received.class, ReceivedControlSerializer.INSTANCE);
    public static final TypeInformation<ConfigAudit> CONFIG_AUDIT =
            new SerializerTypeInfo<>(ConfigAudit.class, ConfigAuditSerializer.INSTANCE);

    private Types() {}
}
