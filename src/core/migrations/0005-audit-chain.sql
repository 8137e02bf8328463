-- Firegrid schema, version 5: every change in the audit log, hash-chained.
--
-- Each record holds the state of the record before and after the change
-- (JSON), the SHA-256 of the record before it and its own, so that an
-- edited, removed or reordered record breaks the chain. Records from
-- before this version are chained when the database is first opened.

ALTER TABLE audit ADD COLUMN before TEXT;
ALTER TABLE audit ADD COLUMN after TEXT;
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
