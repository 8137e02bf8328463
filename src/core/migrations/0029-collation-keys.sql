-- Firegrid schema, version 29: lists in pinyin order (fg-collate.c).
--
-- SQLite orders text by its bytes, Chinese therefore by code point
-- (丁 东 中 于 人 …); people read lists in pinyin order (老 王 星). Each
-- text a list sorts by gets a sort key beside it, ICU's key for Chinese,
-- written by the core with the text (fg_collate_key()), and the list's
-- indexes take the key in place of the text. The keys are local: never
-- in a bundle or the audit log, and written anew when ICU's collation
-- changes. This migration leaves them empty; the store writes them as it
-- opens (fg_collate_fill()), where ICU is at hand.

ALTER TABLE venue ADD COLUMN name_key BLOB;
ALTER TABLE venue ADD COLUMN address_key BLOB;
ALTER TABLE venue ADD COLUMN operator_key BLOB;
ALTER TABLE region ADD COLUMN name_key BLOB;

-- The same indexes as before (schema 1), on the keys.
DROP INDEX venue_county_name;
DROP INDEX venue_township_name;
DROP INDEX venue_village_name;
DROP INDEX venue_grid_name;
DROP INDEX venue_township_address;
DROP INDEX venue_township_operator;
DROP INDEX venue_township_categories;
DROP INDEX venue_township_status;

CREATE INDEX venue_county_name ON venue (county_id, deleted, name_key);
CREATE INDEX venue_township_name ON venue (township_id, deleted, name_key);
CREATE INDEX venue_village_name ON venue (village_id, deleted, name_key);
CREATE INDEX venue_grid_name ON venue (grid_id, deleted, name_key);
CREATE INDEX venue_township_address ON venue (township_id, deleted, address_key);
CREATE INDEX venue_township_operator ON venue (township_id, deleted, operator_key);
CREATE INDEX venue_township_categories ON venue (township_id, deleted, categories, name_key);
CREATE INDEX venue_township_status ON venue (township_id, deleted, status, name_key);
-- A county office lists all its townships' venues at once: a million,
-- which without these would be sorted whole for the first page.
CREATE INDEX venue_county_address ON venue (county_id, deleted, address_key);
CREATE INDEX venue_county_operator ON venue (county_id, deleted, operator_key);

-- The rows whose keys are still to be written: none, once the store has
-- opened, so these cost nothing and let it find them at once.
CREATE INDEX venue_unkeyed ON venue (seq)
  WHERE name_key IS NULL OR address_key IS NULL OR operator_key IS NULL;
CREATE INDEX region_unkeyed ON region (seq) WHERE name_key IS NULL;

-- A text changed without its key (by another tool, or a statement that
-- forgot the key) loses the key, to be written again at the next
-- opening, rather than keeping the place of the old text. The core
-- writes text and key at once, so this does not fire for it.
CREATE TRIGGER venue_keys_stale AFTER UPDATE OF name, address, operator_name ON venue
  WHEN (NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key)
    OR (NEW.address IS NOT OLD.address AND NEW.address_key IS OLD.address_key)
    OR (NEW.operator_name IS NOT OLD.operator_name AND NEW.operator_key IS OLD.operator_key)
BEGIN
  UPDATE venue SET name_key = NULL, address_key = NULL, operator_key = NULL WHERE seq = NEW.seq;
END;

CREATE TRIGGER region_key_stale AFTER UPDATE OF name ON region
  WHEN NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key
BEGIN
  UPDATE region SET name_key = NULL WHERE seq = NEW.seq;
END;

-- Writing a key is no change to what the search index, the categories and
-- the counts are made of: venue_after_update (schema 1) now fires only for
-- the columns it reads, not for every key written as the store opens.
DROP TRIGGER venue_after_update;
CREATE TRIGGER venue_after_update
  AFTER UPDATE OF county_id, township_id, village_id, grid_id, name, address, categories, operator_name, deleted
  ON venue
BEGIN
  DELETE FROM venue_category WHERE venue_seq = OLD.seq;
  INSERT INTO venue_category (category, venue_seq)
    SELECT DISTINCT value, NEW.seq FROM json_each (NEW.categories);
  INSERT INTO venue_fts (venue_fts, rowid, name, address, operator_name)
    VALUES ('delete', OLD.seq, OLD.name, OLD.address, OLD.operator_name);
  INSERT INTO venue_fts (rowid, name, address, operator_name)
    VALUES (NEW.seq, NEW.name, NEW.address, NEW.operator_name);
  UPDATE region SET venue_count = venue_count - 1
    WHERE OLD.deleted = 0
      AND id IN (OLD.county_id, OLD.township_id, OLD.village_id, OLD.grid_id);
  UPDATE region SET venue_count = venue_count + 1
    WHERE NEW.deleted = 0
      AND id IN (NEW.county_id, NEW.township_id, NEW.village_id, NEW.grid_id);
END;
