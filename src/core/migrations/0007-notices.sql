-- Firegrid schema, version 7: documents (文书) and their service (送达).
--
-- A document's number is allocated by the issuing township, per kind and
-- year, in the transaction that records the document: the next number is
-- one more than the highest issued, and a voided document keeps its
-- number, so numbers are never reused and never skipped. What the
-- document says is frozen at issuance (content) with its SHA-256 (digest),
-- which the printed QR code carries: a reprint says the same, and a
-- changed paper copy can be told from the genuine one.

CREATE TABLE notice (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('inspection-record', 'correct-now',
                                              'correct-by-deadline', 'reinspection')),
  township_id   TEXT NOT NULL REFERENCES region (id),
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  number_seq    INTEGER NOT NULL CHECK (number_seq > 0),
  number        TEXT NOT NULL UNIQUE,
  venue_id      TEXT NOT NULL REFERENCES venue (id),
  inspection_id TEXT REFERENCES inspection (id),
  follows_id    TEXT REFERENCES notice (id),  -- a re-inspection opinion: the notice re-inspected
  issued_on     TEXT NOT NULL,                -- YYYY-MM-DD
  issued_at     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  actor_name    TEXT NOT NULL,
  deadline      TEXT,
  content       TEXT NOT NULL,                -- the document as issued
  digest        TEXT NOT NULL,                -- SHA-256 of content, hex
  voided_at     TEXT,
  voided_by     TEXT,
  void_reason   TEXT,
  served_at     TEXT,                         -- the last service recorded
  service       TEXT CHECK (service IN ('served', 'refused', 'unreachable')),
  origin_node   TEXT NOT NULL,
  stamp         TEXT NOT NULL,
  UNIQUE (township_id, kind, year, number_seq)
) STRICT;

CREATE INDEX notice_venue ON notice (venue_id, issued_on);
CREATE INDEX notice_day ON notice (township_id, issued_on);

CREATE TABLE notice_hazard (
  notice_id TEXT NOT NULL REFERENCES notice (id),
  hazard_id TEXT NOT NULL REFERENCES hazard (id),
  position  INTEGER NOT NULL,
  PRIMARY KEY (notice_id, hazard_id)
) STRICT;

CREATE INDEX notice_hazard_hazard ON notice_hazard (hazard_id);

-- What a document says never changes; only voiding and service are
-- recorded on it afterwards.
CREATE TRIGGER notice_content_immutable BEFORE UPDATE OF kind, township_id, year, number_seq, number,
  venue_id, inspection_id, follows_id, issued_on, issued_at, actor, deadline, content, digest ON notice
BEGIN
  SELECT RAISE (ABORT, 'an issued document never changes');
END;

CREATE TRIGGER notice_never_removed BEFORE DELETE ON notice
BEGIN
  SELECT RAISE (ABORT, 'an issued document is voided, never removed');
END;

-- Hazard events learn the service of a notice (served, refused, operator
-- unreachable), its voiding, and which document an event belongs to. SQLite cannot
-- change a CHECK constraint in place: the table is rebuilt, with its
-- append-only triggers.
DROP TRIGGER hazard_event_append_only_update;
DROP TRIGGER hazard_event_append_only_delete;
ALTER TABLE hazard_event RENAME TO hazard_event_6;

CREATE TABLE hazard_event (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  hazard_id   TEXT NOT NULL REFERENCES hazard (id),
  kind        TEXT NOT NULL CHECK (kind IN ('found', 'rectified-on-spot', 'notice-issued',
                                            'deadline-extended', 'reported-fixed',
                                            'reinspected-pass', 'reinspected-fail',
                                            'escalated', 'transferred', 'confirmed-major',
                                            'closed', 'reopened', 'notice-served',
                                            'notice-refused', 'operator-unreachable',
                                            'notice-voided')),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  deadline    TEXT,
  level       TEXT,
  target      TEXT,
  origin_node TEXT NOT NULL,
  stamp       TEXT NOT NULL,
  notice_id   TEXT  -- the document the event belongs to, if any
) STRICT;

INSERT INTO hazard_event (seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level,
                          target, origin_node, stamp)
  SELECT seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level, target,
         origin_node, stamp
  FROM hazard_event_6;

DROP TABLE hazard_event_6;

CREATE INDEX hazard_event_hazard ON hazard_event (hazard_id, stamp);

CREATE TRIGGER hazard_event_append_only_update BEFORE UPDATE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never changed');
END;

CREATE TRIGGER hazard_event_append_only_delete BEFORE DELETE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never removed');
END;

-- An event may carry photos (the fixed exit, the notice left at the door),
-- stored once in photo like an inspection's.
CREATE TABLE hazard_event_photo (
  event_id TEXT NOT NULL REFERENCES hazard_event (id),
  sha256   TEXT NOT NULL REFERENCES photo (sha256),
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, sha256)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER hazard_event_photo_append_only_update BEFORE UPDATE ON hazard_event_photo
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never changed');
END;

CREATE TRIGGER hazard_event_photo_append_only_delete BEFORE DELETE ON hazard_event_photo
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never removed');
END;

-- The fold's cache learns whether the last service of a notice failed.
ALTER TABLE hazard ADD COLUMN service_failed INTEGER NOT NULL DEFAULT 0;
