-- One installation of a division issues its documents: the office. A
-- second working laptop of the same township is a workstation, which
-- records inspections and hazards but numbers no document, so that two
-- installations never print the same number. A lost office is replaced
-- at the county (peer replace): the new installation takes over the
-- division and the old key's bundles are refused from then on.

ALTER TABLE node ADD COLUMN role TEXT NOT NULL DEFAULT 'office' CHECK (role IN ('office', 'workstation'));

-- a peer's role, as its peer file says
ALTER TABLE peer ADD COLUMN role TEXT NOT NULL DEFAULT 'office' CHECK (role IN ('office', 'workstation'));
-- a peer that took over from another (replaced_by on the old row, the
-- time and who did it in replaced_at and removed_by), and the old peer
-- a new one took over from, which the county tells it in its bundles
ALTER TABLE peer ADD COLUMN replaced_by TEXT;
ALTER TABLE peer ADD COLUMN replaced_at TEXT;
ALTER TABLE peer ADD COLUMN replaces TEXT;
