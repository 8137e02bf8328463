-- Firegrid schema, version 31: what an office's spreadsheets call things.
--
-- A township's sheets name categories and villages in their own words
-- (饭店 for 小餐饮, 张庄 for 张庄村). Once someone has said what a word
-- means while importing, the next file is read the same way. Local to
-- this office, never synced: another office's sheets use other words.
CREATE TABLE import_word (
  kind   TEXT NOT NULL CHECK (kind IN ('category', 'region')),
  word   TEXT NOT NULL,
  target TEXT NOT NULL,  -- a category id, or a village's or grid's region id
  PRIMARY KEY (kind, word)
) STRICT, WITHOUT ROWID;
