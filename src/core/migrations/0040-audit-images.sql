-- Firegrid schema, version 40: the audit log's images, compressed.
--
-- A record's before and after (the row as JSON) were half the database.
-- Records written from now on keep them in one deflated blob, `images`
-- (fg-audit-image.c), and leave `before` and `after` NULL; the records
-- written before keep theirs as text and are not rewritten, so that the
-- upgrade costs nothing at any size. The chain's hashes are over the
-- images as text in either form: verification proves what it did.
ALTER TABLE audit ADD COLUMN images BLOB;
ALTER TABLE audit_in ADD COLUMN images BLOB;

-- Nor does a record written from now on keep `prev_hash`, the hash of the
-- record before it, which that record holds and its own hash covers: a
-- bundle carries it all the same (fg-audit-bundle.c). Received records
-- (`audit_in`) keep it, since the record before may not be here.
