-- A peer can be removed (a stolen laptop, an office that closed): its
-- bundles are refused from then on, and nothing is sent to it. The row
-- stays, because the bundles it sent are remembered by digest.
ALTER TABLE peer ADD COLUMN removed_at TEXT;
ALTER TABLE peer ADD COLUMN removed_by TEXT;
