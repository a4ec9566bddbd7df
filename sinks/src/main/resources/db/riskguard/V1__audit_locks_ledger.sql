-- Riskguard schema, version 1. Applied by Flyway (DatabaseMigrations) before a job that writes here starts.

-- Every action the job decided: append-only audit. Inserted once per action id (a restore may
-- replay an action; the insert ignores the repeat).
CREATE TABLE enforcement_actions (
    action_id       TEXT        PRIMARY KEY,
    ts              TIMESTAMPTZ NOT NULL,
    ts_text         TEXT        NOT NULL,   -- exact instant as written in the action (may be finer than microseconds)
    account_id      BIGINT      NOT NULL,
    rule            TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    scope           TEXT,
    until           TIMESTAMPTZ,
    until_text      TEXT,
    contract_id     TEXT,
    size            BIGINT,
    order_id        BIGINT,
    stop_price      NUMERIC,
    reason          TEXT        NOT NULL,
    config_version  INTEGER     NOT NULL,
    action_json     TEXT        NOT NULL,   -- the action exactly as the job wrote it
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_actions_account_ts ON enforcement_actions (account_id, ts);

-- Current lock record per account and rule: LOCK upserts, UNLOCK closes. Updates apply only if they
-- are later in the job's decision order (event_ts, then UNLOCK before LOCK), so actions written out
-- of order or twice cannot resurrect or end a lock wrongly.
CREATE TABLE account_locks (
    account_id      BIGINT      NOT NULL,
    rule            TEXT        NOT NULL,
    active          BOOLEAN     NOT NULL,
    locked_until    TIMESTAMPTZ,            -- NULL: until the condition clears (RULE-010)
    locked_until_text TEXT,
    reason          TEXT        NOT NULL,
    action_id       TEXT        NOT NULL,
    event_ts        TIMESTAMPTZ NOT NULL,
    event_ts_text   TEXT        NOT NULL,
    event_order     SMALLINT    NOT NULL,   -- 0 UNLOCK, 1 LOCK: the job's order within one instant
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, rule)
);

-- The broker sink's memory of what it has sent: an action id is claimed before its first broker
-- call and marked done after the broker acknowledged it, so an action replayed after a restore is
-- not sent again.
CREATE TABLE action_ledger (
    action_id       TEXT        PRIMARY KEY,
    account_id      BIGINT      NOT NULL,
    kind            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('in_flight', 'done', 'failed')),
    observed_size   BIGINT,                 -- REDUCE_POSITION: position size seen just before the partial close
    error_code      INTEGER,
    error_message   TEXT,
    claimed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);

-- For the risk desk: accounts locked now, as the job sees them (a lock ends with its UNLOCK, which
-- the job emits at the lock's expiry in event time).
CREATE VIEW locked_accounts_now AS
SELECT account_id, rule, locked_until, reason, event_ts AS locked_at, action_id
FROM account_locks
WHERE active;
