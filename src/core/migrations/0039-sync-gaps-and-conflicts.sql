-- Firegrid schema, version 39.
--
-- Whether an imported bundle carried everything (no `since`: a first
-- bundle, or one after `peer resend`). Such a bundle fills every gap in its
-- sender's numbers below it: a bundle refused for good, and sent again in
-- full, is no longer shown as missing (fg_node_dup_missing_bundles()).
ALTER TABLE bundle_in ADD COLUMN whole INTEGER NOT NULL DEFAULT 0 CHECK (whole IN (0, 1));

-- A version of a row that lost is kept once, however many bundles bring
-- it again (keep_conflict() looks for it by row and stamp).
CREATE INDEX conflict_row ON conflict (row_id, lost_stamp);
