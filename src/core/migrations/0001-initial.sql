-- Firegrid schema, version 1: the installation, the division tree and the
-- venue registry.
--
-- Every synced table carries: a UUID (version 7) `id`, the node that created
-- the row (`origin_node`), an update stamp (`stamp`, hybrid logical clock,
-- compares as text) and a tombstone (`deleted`) instead of deletion.
-- `seq` is a local integer key: stable across VACUUM, used by the search
-- index and never sent to another node.

CREATE TABLE node (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('township', 'county', 'grid')),
  scope_region_id TEXT,
  hlc             TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE region (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  parent_id   TEXT REFERENCES region (id),
  level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),
  code_year   INTEGER,
  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  origin_node TEXT NOT NULL,
  stamp       TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  -- local cache kept by the triggers on venue; never synced
  venue_count INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX region_code ON region (code) WHERE deleted = 0;
CREATE INDEX region_children ON region (parent_id, code);

CREATE TABLE venue (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  region_id     TEXT NOT NULL REFERENCES region (id),
  -- the path of region_id, denormalised so that a region at any level
  -- filters through an index
  county_id     TEXT NOT NULL,
  township_id   TEXT NOT NULL,
  village_id    TEXT NOT NULL,
  grid_id       TEXT,
  name          TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),
  address       TEXT NOT NULL,
  -- JSON array of category ids, the first one the main category
  categories    TEXT NOT NULL CHECK (json_valid (categories)),
  operator_name TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  credit_code   TEXT NOT NULL DEFAULT '',
  floor_area    REAL,
  floors        INTEGER,
  sleeping      INTEGER NOT NULL DEFAULT 0,
  key_unit      INTEGER NOT NULL DEFAULT 0 CHECK (key_unit IN (0, 1)),
  smoke_alarm   INTEGER NOT NULL DEFAULT 0 CHECK (smoke_alarm IN (0, 1)),
  status        TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('active', 'closed', 'moved')),
  created_at    TEXT NOT NULL,
  origin_node   TEXT NOT NULL,
  stamp         TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

-- The list pages through these: a region at any level, then the order.
-- `deleted` in each index lets the page queries run on the index alone.
CREATE INDEX venue_county_name ON venue (county_id, deleted, name);
CREATE INDEX venue_township_name ON venue (township_id, deleted, name);
CREATE INDEX venue_village_name ON venue (village_id, deleted, name);
CREATE INDEX venue_grid_name ON venue (grid_id, deleted, name);
-- the other orders the list offers, for the township as a whole
CREATE INDEX venue_township_address ON venue (township_id, deleted, address);
CREATE INDEX venue_township_operator ON venue (township_id, deleted, operator_name);
CREATE INDEX venue_township_categories ON venue (township_id, deleted, categories, name);
CREATE INDEX venue_township_status ON venue (township_id, deleted, status, name);

-- One row per category of a venue, so that a category filters through an
-- index; kept by the triggers below from venue.categories.
CREATE TABLE venue_category (
  category  TEXT NOT NULL,
  venue_seq INTEGER NOT NULL,
  PRIMARY KEY (category, venue_seq)
) STRICT, WITHOUT ROWID;

-- Substring search over name, address and operator. The "firegrid"
-- tokenizer (fg-search.c) indexes every character and every pair of
-- characters, so one- and two-character Chinese terms are found.
CREATE VIRTUAL TABLE venue_fts USING fts5 (
  name, address, operator_name,
  content = 'venue', content_rowid = 'seq',
  tokenize = 'firegrid'
);

CREATE TRIGGER venue_after_insert AFTER INSERT ON venue
BEGIN
  INSERT INTO venue_category (category, venue_seq)
    SELECT DISTINCT value, NEW.seq FROM json_each (NEW.categories);
  INSERT INTO venue_fts (rowid, name, address, operator_name)
    VALUES (NEW.seq, NEW.name, NEW.address, NEW.operator_name);
  UPDATE region SET venue_count = venue_count + 1
    WHERE NEW.deleted = 0
      AND id IN (NEW.county_id, NEW.township_id, NEW.village_id, NEW.grid_id);
END;

CREATE TRIGGER venue_after_update AFTER UPDATE ON venue
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

CREATE TRIGGER venue_after_delete AFTER DELETE ON venue
BEGIN
  DELETE FROM venue_category WHERE venue_seq = OLD.seq;
  INSERT INTO venue_fts (venue_fts, rowid, name, address, operator_name)
    VALUES ('delete', OLD.seq, OLD.name, OLD.address, OLD.operator_name);
  UPDATE region SET venue_count = venue_count - 1
    WHERE OLD.deleted = 0
      AND id IN (OLD.county_id, OLD.township_id, OLD.village_id, OLD.grid_id);
END;
