-- Firegrid schema, version 48: an audit record's hash in 32 bytes.
--
-- A record kept its SHA-256 as 64 hexadecimal characters in `hash`.
-- Records written from now on keep the 32 bytes themselves in `digest`
-- and leave `hash` NULL; the records written before keep their text and
-- are not rewritten (rewriting them would not make the file smaller, and
-- the upgrade costs the same at any size). Every reader takes either form
-- as the same hexadecimal text (FG_AUDIT_HASH_SQL), so `audit verify`
-- and bundles prove and carry what they did.
ALTER TABLE audit ADD COLUMN digest BLOB CHECK (length (digest) = 32);

-- A record still to be chained has neither form (0035-audit-unsealed.sql).
DROP INDEX audit_unsealed;
CREATE INDEX audit_unsealed ON audit (seq) WHERE hash IS NULL AND digest IS NULL;
