-- Firegrid schema, version 36: the search index holds only the venues a
-- list can show.
--
-- A deleted venue stayed in venue_fts, so every search looked each match
-- up in the venue table to leave the deleted ones out, and could not be
-- counted from the index alone: at a county, hundreds of thousands of
-- look-ups for a one-character term. The index now reads its content from
-- venue_live, the venues not deleted, and the triggers take a venue out
-- as it is deleted and put it back as it is restored. The index is made
-- again from venue_live once, here.

DROP TRIGGER venue_after_insert;
DROP TRIGGER venue_after_update;
DROP TRIGGER venue_after_delete;
DROP TABLE venue_fts;

CREATE VIEW IF NOT EXISTS venue_live AS
  SELECT seq, name, address, operator_name FROM venue WHERE deleted = 0;

-- The same tokenizer as before (fg-search.c): every character and every
-- pair of characters, so one- and two-character Chinese terms are found.
CREATE VIRTUAL TABLE venue_fts USING fts5 (
  name, address, operator_name,
  content = 'venue_live', content_rowid = 'seq',
  tokenize = 'firegrid'
);

INSERT INTO venue_fts (venue_fts) VALUES ('rebuild');

CREATE TRIGGER venue_after_insert AFTER INSERT ON venue
BEGIN
  INSERT INTO venue_category (category, venue_seq)
    SELECT DISTINCT value, NEW.seq FROM json_each (NEW.categories);
  INSERT INTO venue_fts (rowid, name, address, operator_name)
    SELECT NEW.seq, NEW.name, NEW.address, NEW.operator_name WHERE NEW.deleted = 0;
  UPDATE region SET venue_count = venue_count + 1
    WHERE NEW.deleted = 0
      AND id IN (NEW.county_id, NEW.township_id, NEW.village_id, NEW.grid_id);
END;

CREATE TRIGGER venue_after_update
  AFTER UPDATE OF county_id, township_id, village_id, grid_id, name, address, categories, operator_name, deleted
  ON venue
BEGIN
  DELETE FROM venue_category WHERE venue_seq = OLD.seq;
  INSERT INTO venue_category (category, venue_seq)
    SELECT DISTINCT value, NEW.seq FROM json_each (NEW.categories);
  INSERT INTO venue_fts (venue_fts, rowid, name, address, operator_name)
    SELECT 'delete', OLD.seq, OLD.name, OLD.address, OLD.operator_name WHERE OLD.deleted = 0;
  INSERT INTO venue_fts (rowid, name, address, operator_name)
    SELECT NEW.seq, NEW.name, NEW.address, NEW.operator_name WHERE NEW.deleted = 0;
  UPDATE region SET venue_count = venue_count - 1
    WHERE OLD.deleted = 0
      AND id IN (OLD.county_id, OLD.township_id, OLD.village_id, OLD.grid_id);
  UPDATE region SET venue_count = venue_count + 1
    WHERE NEW.deleted = 0
      AND id IN (NEW.county_id, NEW.township_id, NEW.village_id, NEW.grid_id);
END;

CREATE TRIGGER venue_after_delete AFTER DELETE ON venue
BEGIN
  DELETE FROM venue_category WHERE venue_seq = OLD.seq;
  INSERT INTO venue_fts (venue_fts, rowid, name, address, operator_name)
    SELECT 'delete', OLD.seq, OLD.name, OLD.address, OLD.operator_name WHERE OLD.deleted = 0;
  UPDATE region SET venue_count = venue_count - 1
    WHERE OLD.deleted = 0
      AND id IN (OLD.county_id, OLD.township_id, OLD.village_id, OLD.grid_id);
END;
