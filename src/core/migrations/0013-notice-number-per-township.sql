-- A document's number is unique for its issuing township, not across the
-- database: a county office holds every township's documents side by
-- side, and two townships may print alike (水冶街道 and 水冶镇 are both
-- "水冶" by default; a township can choose its short name). The number
-- was UNIQUE on its own, which refused a second township's bundle whole;
-- SQLite rebuilds a table to change a constraint.
--
-- The old table is dropped before the new one takes its name; the
-- documents' hazards and the re-inspection opinions point at it by name,
-- so foreign keys are checked once the migration is done (see the store).

CREATE TABLE notice_13 (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('inspection-record', 'correct-now',
                                              'correct-by-deadline', 'reinspection')),
  township_id   TEXT NOT NULL REFERENCES region (id),
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  number_seq    INTEGER NOT NULL CHECK (number_seq > 0),
  number        TEXT NOT NULL,
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
  void_stamp    TEXT,
  service_stamp TEXT,
  UNIQUE (township_id, kind, year, number_seq),
  UNIQUE (township_id, number)
) STRICT;

INSERT INTO notice_13 (seq, id, kind, township_id, year, number_seq, number, venue_id, inspection_id, follows_id,
                       issued_on, issued_at, actor, actor_name, deadline, content, digest, voided_at, voided_by,
                       void_reason, served_at, service, origin_node, stamp, void_stamp, service_stamp)
  SELECT seq, id, kind, township_id, year, number_seq, number, venue_id, inspection_id, follows_id,
         issued_on, issued_at, actor, actor_name, deadline, content, digest, voided_at, voided_by,
         void_reason, served_at, service, origin_node, stamp, void_stamp, service_stamp
  FROM notice;

DROP TABLE notice;
ALTER TABLE notice_13 RENAME TO notice;

CREATE INDEX notice_venue ON notice (venue_id, issued_on);
CREATE INDEX notice_day ON notice (township_id, issued_on);
CREATE INDEX notice_number ON notice (number);

-- as before: what a document says never changes, and it is never removed
CREATE TRIGGER notice_content_immutable BEFORE UPDATE OF kind, township_id, year, number_seq, number,
  venue_id, inspection_id, follows_id, issued_on, issued_at, actor, deadline, content, digest ON notice
BEGIN
  SELECT RAISE (ABORT, 'an issued document never changes');
END;

CREATE TRIGGER notice_never_removed BEFORE DELETE ON notice
BEGIN
  SELECT RAISE (ABORT, 'an issued document is voided, never removed');
END;

-- as before: issuing, voiding and service are changes for the peers
CREATE TRIGGER notice_changed_insert AFTER INSERT ON notice
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('notice', NEW.id);
END;
CREATE TRIGGER notice_changed_void AFTER UPDATE OF void_stamp ON notice
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('notice', NEW.id);
END;
CREATE TRIGGER notice_changed_service AFTER UPDATE OF service_stamp ON notice
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('notice', NEW.id);
END;
