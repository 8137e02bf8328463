-- Firegrid schema, version 20: possibly major hazards go to the county
-- fire-rescue brigade, and its decision comes back.
--
-- A township does not decide that a hazard is major (重大火灾隐患): the
-- fire-rescue brigade determines it (GB 35181-2025) and reports it to the
-- government. The township sends the case with a letter, 重大火灾隐患报告
-- （移送）函, and hands other cases to the police station or a regulator
-- with a 移送书: two new kinds of document, each with its own series.
-- The brigade's decision, confirmed or not, with its document number, its
-- date and who made it, is a hazard event: recorded at the county office
-- or entered by the township from the written decision, it travels with
-- the other events and the fold follows it.
--
-- SQLite cannot change a CHECK constraint in place: both tables are built
-- again, under a new name that then takes the old one (as in version 13),
-- so that the tables that point at them by name find them again. Foreign
-- keys are checked once the migration is done (see the store).

CREATE TABLE notice_20 (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('inspection-record', 'correct-now', 'correct-by-deadline',
                                              'reinspection', 'major-hazard-letter', 'transfer')),
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

INSERT INTO notice_20 (seq, id, kind, township_id, year, number_seq, number, venue_id, inspection_id, follows_id,
                       issued_on, issued_at, actor, actor_name, deadline, content, digest, voided_at, voided_by,
                       void_reason, served_at, service, origin_node, stamp, void_stamp, service_stamp)
  SELECT seq, id, kind, township_id, year, number_seq, number, venue_id, inspection_id, follows_id,
         issued_on, issued_at, actor, actor_name, deadline, content, digest, voided_at, voided_by,
         void_reason, served_at, service, origin_node, stamp, void_stamp, service_stamp
  FROM notice;

DROP TABLE notice;
ALTER TABLE notice_20 RENAME TO notice;

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

-- Hazard events: the brigade's decision that a hazard is not major, and
-- the decision's particulars on either kind of decision.
CREATE TABLE hazard_event_20 (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  hazard_id          TEXT NOT NULL REFERENCES hazard (id),
  kind               TEXT NOT NULL CHECK (kind IN ('found', 'rectified-on-spot', 'notice-issued',
                                                   'deadline-extended', 'reported-fixed',
                                                   'reinspected-pass', 'reinspected-fail',
                                                   'escalated', 'transferred', 'confirmed-major',
                                                   'closed', 'reopened', 'notice-served',
                                                   'notice-refused', 'operator-unreachable',
                                                   'notice-voided', 'major-not-confirmed')),
  at                 TEXT NOT NULL,
  actor              TEXT NOT NULL,
  actor_name         TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  deadline           TEXT,
  level              TEXT,
  target             TEXT,
  origin_node        TEXT NOT NULL,
  stamp              TEXT NOT NULL,
  notice_id          TEXT,  -- the document the event belongs to, if any
  decision_number    TEXT,  -- a brigade's decision: its document number (郏消隐认字〔2026〕第3号)
  decision_date      TEXT,  -- its date, YYYY-MM-DD
  decision_authority TEXT   -- who decided (郏县消防救援大队)
) STRICT;

INSERT INTO hazard_event_20 (seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level, target,
                             origin_node, stamp, notice_id)
  SELECT seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level, target, origin_node, stamp,
         notice_id
  FROM hazard_event;

DROP TABLE hazard_event;
ALTER TABLE hazard_event_20 RENAME TO hazard_event;

CREATE INDEX hazard_event_hazard ON hazard_event (hazard_id, stamp);

CREATE TRIGGER hazard_event_append_only_update BEFORE UPDATE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never changed');
END;

CREATE TRIGGER hazard_event_append_only_delete BEFORE DELETE ON hazard_event
BEGIN
  SELECT RAISE (ABORT, 'hazard events are never removed');
END;

CREATE TRIGGER hazard_event_changed_insert AFTER INSERT ON hazard_event
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('hazard_event', NEW.id);
END;
