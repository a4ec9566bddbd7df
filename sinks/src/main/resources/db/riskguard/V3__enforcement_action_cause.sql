-- Riskguard schema, version 3: the typed cause of every action beside its reason sentence.

-- The cause is the lower-case name of the job's DecisionCause (max_contracts_exceeded,
-- lock_expired, ...), what the breach metrics are labelled with. Rows written before this version
-- keep NULL: their cause was never recorded, and guessing it from the reason text is what the
-- column replaces.
ALTER TABLE enforcement_actions ADD COLUMN cause TEXT;
CREATE INDEX enforcement_actions_cause_ts ON enforcement_actions (cause, ts);
