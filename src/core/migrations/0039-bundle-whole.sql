-- Firegrid schema, version 39: whether an imported bundle carried
-- everything (no `since`: a first bundle, or one after `peer resend`).
-- Such a bundle fills every gap in its sender's numbers below it: a
-- bundle refused for good, and sent again in full, is no longer shown as
-- missing (fg_node_dup_missing_bundles()).
ALTER TABLE bundle_in ADD COLUMN whole INTEGER NOT NULL DEFAULT 0 CHECK (whole IN (0, 1));
