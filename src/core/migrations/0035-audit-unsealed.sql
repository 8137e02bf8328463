-- Firegrid schema, version 35: opening costs the same at any size.
--
-- Every open chains the audit records written before the log was chained
-- (fg_audit_seal). Looking for them read the whole log: a million records
-- at a county. Only unchained records are in this index, and there are
-- none once a log is chained, so the look costs nothing.
CREATE INDEX audit_unsealed ON audit (seq) WHERE hash IS NULL;
