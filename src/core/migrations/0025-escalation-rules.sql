-- An office's own escalation rules (the days of each step, the repeat
-- months, the re-inspection days), loaded by its administrator and
-- checked against data/schema/escalation-1.xsd. One row or none: without
-- it, the rules shipped with the program hold. They are the office's
-- practice, not a record: no bundle carries them.
CREATE TABLE escalation_rules (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  xml        TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  source     TEXT NOT NULL DEFAULT '',
  loaded_at  TEXT NOT NULL,
  loaded_by  TEXT NOT NULL
) STRICT;
