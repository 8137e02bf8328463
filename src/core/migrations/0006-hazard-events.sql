-- Firegrid schema, version 6: the hazard lifecycle as an append-only log.
--
-- A hazard's state is not a column two offices could overwrite: it is the
-- fold of its events, which merge by union. The state, deadline and flags
-- kept on the hazard row are a local cache of that fold, for the ledger.

CREATE TABLE hazard_event (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  hazard_id   TEXT NOT NULL REFERENCES hazard (id),
  kind        TEXT NOT NULL CHECK (kind IN ('found', 'rectified-on-spot', 'notice-issued',
                                            'deadline-extended', 'reported-fixed',
                                            'reinspected-pass', 'reinspected-fail',
                                            'escalated', 'transferred', 'confirmed-major',
                                            'closed', 'reopened')),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  deadline    TEXT,  -- YYYY-MM-DD, for notices, extensions and failed re-inspections
  level       TEXT,  -- for escalations: village, township, police-station, county-brigade, county-government
  target      TEXT,  -- for transfers: police-station or a regulator
  origin_node TEXT NOT NULL,
  stamp       TEXT NOT NULL  -- orders the fold: the same on every node
) STRICT;

CREATE INDEX hazard_event_hazard ON hazard_event (hazard_id, stamp);

CREATE TRIGGER hazard_event_append_only_update BEFORE UPDATE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never changed');
END;

CREATE TRIGGER hazard_event_append_only_delete BEFORE DELETE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never removed');
END;

ALTER TABLE hazard ADD COLUMN state TEXT NOT NULL DEFAULT 'open';
ALTER TABLE hazard ADD COLUMN current_deadline TEXT;
ALTER TABLE hazard ADD COLUMN major_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hazard ADD COLUMN escalation_level TEXT;

CREATE INDEX hazard_state ON hazard (township_id, state, current_deadline);
