-- Every configuration update received on the control topic, accepted or refused, with the reason:
-- the risk desk's record of who tried to change the rules and what happened.
CREATE TABLE config_audit (
    id              BIGSERIAL   PRIMARY KEY,
    received_at     TIMESTAMPTZ NOT NULL,
    version         INTEGER,
    accepted        BOOLEAN     NOT NULL,
    reason          TEXT        NOT NULL,
    config_sha256   TEXT,
    message_id      TEXT        NOT NULL UNIQUE,  -- topic/partition/offset: a replayed message is recorded once
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
