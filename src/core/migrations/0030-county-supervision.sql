-- Firegrid schema, version 30: the county's supervision of a hazard.
--
-- A county office gives an instruction on a hazard (挂牌督办: a text and
-- the day by which to act, kept in note and deadline), and the township
-- replies to it (督办回复, in note): two more kinds of hazard event. Before
-- this, supervision was recorded as an escalation. The table is the one
-- of version 20, with the kinds checked as before and these two.

CREATE TABLE hazard_event_30 (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  hazard_id          TEXT NOT NULL REFERENCES hazard (id),
  kind               TEXT NOT NULL CHECK (kind IN ('found', 'rectified-on-spot', 'notice-issued',
                                                   'deadline-extended', 'reported-fixed',
                                                   'reinspected-pass', 'reinspected-fail',
                                                   'escalated', 'transferred', 'confirmed-major',
                                                   'closed', 'reopened', 'notice-served',
                                                   'notice-refused', 'operator-unreachable',
                                                   'notice-voided', 'major-not-confirmed',
                                                   'supervised', 'supervision-replied')),
  at                 TEXT NOT NULL,
  actor              TEXT NOT NULL,
  actor_name         TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  deadline           TEXT,  -- also the day a supervision instruction is to be acted on by
  level              TEXT,
  target             TEXT,
  origin_node        TEXT NOT NULL,
  stamp              TEXT NOT NULL,
  notice_id          TEXT,
  decision_number    TEXT,
  decision_date      TEXT,
  decision_authority TEXT
) STRICT;

INSERT INTO hazard_event_30 (seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level, target,
                             origin_node, stamp, notice_id, decision_number, decision_date, decision_authority)
  SELECT seq, id, hazard_id, kind, at, actor, actor_name, note, deadline, level, target, origin_node, stamp,
         notice_id, decision_number, decision_date, decision_authority
  FROM hazard_event;

DROP TABLE hazard_event;
ALTER TABLE hazard_event_30 RENAME TO hazard_event;

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
