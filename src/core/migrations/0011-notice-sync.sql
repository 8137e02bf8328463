-- Firegrid schema, version 11: documents travel in sync bundles.
--
-- A county office sees which documents each township issued, and can
-- verify or reprint one: the document rows go to it with what they say
-- (the frozen content, whose SHA-256 the printed QR code carries). What
-- a document says never changes; what happens to it afterwards does:
-- it may be voided, and its service recorded. Each of those two changes
-- gets a stamp of the hybrid logical clock, so that offices that learn of
-- them in any order end up with the same row: the first voiding counts,
-- and the last service recorded.

ALTER TABLE notice ADD COLUMN void_stamp TEXT;     -- when it was voided, by the clock of the office that did
ALTER TABLE notice ADD COLUMN service_stamp TEXT;  -- when its last service was recorded, likewise

-- Documents voided or served before now: the office that issued them did
-- it, some time after issuing them.
UPDATE notice SET void_stamp = stamp WHERE voided_at IS NOT NULL;
UPDATE notice SET service_stamp = stamp WHERE service IS NOT NULL;

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
-- the hazards a document names travel with it
CREATE TRIGGER notice_hazard_changed_insert AFTER INSERT ON notice_hazard
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('notice', NEW.notice_id);
END;

-- what is here already is "changed" for a peer: the county learns of the
-- documents issued before this version too
INSERT INTO change_log (table_name, row_id) SELECT 'notice', id FROM notice ORDER BY seq;
