-- Firegrid schema, version 8: this node's keys, and its peers.
--
-- Each installation signs what it sends with an Ed25519 key made when it
-- is set up; the secret half never leaves this file (created 0600). A
-- peer is known by its node id, kind, division and public key, read from
-- the peer file it hands over and confirmed by a person who compared its
-- fingerprint with the other office's.

ALTER TABLE node ADD COLUMN public_key TEXT;  -- base64, 32 bytes
ALTER TABLE node ADD COLUMN secret_key TEXT;  -- base64, 64 bytes

CREATE TABLE peer (
  id                   TEXT PRIMARY KEY,  -- the peer's node id
  kind                 TEXT NOT NULL CHECK (kind IN ('township', 'county', 'grid')),
  scope_code           TEXT NOT NULL,     -- the division it writes in
  scope_name           TEXT NOT NULL,
  public_key           TEXT NOT NULL,
  added_at             TEXT NOT NULL,
  added_by             TEXT NOT NULL,
  last_sent_seq        INTEGER NOT NULL DEFAULT 0,
  last_sent_digest     TEXT,
  last_sent_at         TEXT,
  last_received_seq    INTEGER NOT NULL DEFAULT 0,
  last_received_digest TEXT,
  last_received_at     TEXT,
  sync_folder          TEXT
) STRICT;

CREATE UNIQUE INDEX peer_key ON peer (public_key);

-- What changed here, whoever changed it (a person, or a bundle from a
-- peer), in the order it changed: one entry a row, moved to the end at
-- each change. A bundle to a peer carries the rows changed since the last
-- one it was sent; the stamps, which come from the node that wrote a row,
-- cannot say that for rows passed on from a third office.
CREATE TABLE change_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  UNIQUE (table_name, row_id)
) STRICT;

ALTER TABLE peer ADD COLUMN sent_change INTEGER NOT NULL DEFAULT 0;

-- A registry row remembers the stamp of the version it was edited from:
-- a merge can then tell an edit made on top of another (it wins quietly)
-- from two offices editing at once (a conflict for a person).
ALTER TABLE region ADD COLUMN base_stamp TEXT;
ALTER TABLE venue ADD COLUMN base_stamp TEXT;
ALTER TABLE campaign ADD COLUMN base_stamp TEXT;

CREATE TRIGGER region_changed_insert AFTER INSERT ON region
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('region', NEW.id);
END;
CREATE TRIGGER region_changed_update AFTER UPDATE OF stamp ON region
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('region', NEW.id);
END;
CREATE TRIGGER venue_changed_insert AFTER INSERT ON venue
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('venue', NEW.id);
END;
CREATE TRIGGER venue_changed_update AFTER UPDATE OF stamp ON venue
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('venue', NEW.id);
END;
-- an inspection travels once finished, with its results
CREATE TRIGGER inspection_changed_insert AFTER INSERT ON inspection WHEN NEW.finished_at IS NOT NULL
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('inspection', NEW.id);
END;
CREATE TRIGGER inspection_changed_update AFTER UPDATE OF finished_at ON inspection
  WHEN NEW.finished_at IS NOT NULL
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('inspection', NEW.id);
END;
CREATE TRIGGER campaign_changed_insert AFTER INSERT ON campaign
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('campaign', NEW.id);
END;
CREATE TRIGGER campaign_changed_update AFTER UPDATE OF stamp ON campaign
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('campaign', NEW.id);
END;
CREATE TRIGGER hazard_changed_insert AFTER INSERT ON hazard
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('hazard', NEW.id);
END;
CREATE TRIGGER hazard_event_changed_insert AFTER INSERT ON hazard_event
BEGIN
  INSERT OR REPLACE INTO change_log (table_name, row_id) VALUES ('hazard_event', NEW.id);
END;

-- what is here already is "changed" for a peer added now
INSERT INTO change_log (table_name, row_id) SELECT 'region', id FROM region ORDER BY seq;
INSERT INTO change_log (table_name, row_id) SELECT 'venue', id FROM venue ORDER BY seq;
INSERT INTO change_log (table_name, row_id) SELECT 'campaign', id FROM campaign ORDER BY seq;
INSERT INTO change_log (table_name, row_id)
  SELECT 'inspection', id FROM inspection WHERE finished_at IS NOT NULL ORDER BY seq;
INSERT INTO change_log (table_name, row_id) SELECT 'hazard', id FROM hazard ORDER BY seq;
INSERT INTO change_log (table_name, row_id) SELECT 'hazard_event', id FROM hazard_event ORDER BY seq;

-- The same division made at two offices under two ids (each office
-- creates its county at set-up): the other office's id, and ours.
CREATE TABLE region_alias (
  id        TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES region (id)
) STRICT;

-- Every bundle applied here, by the SHA-256 of its file: a second copy
-- changes nothing.
CREATE TABLE bundle_in (
  digest      TEXT PRIMARY KEY,
  peer_id     TEXT NOT NULL REFERENCES peer (id),
  sequence    INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

-- A change that lost to a later one of the same row (two offices edited a
-- venue at once): kept for a person to look at, never dropped silently.
CREATE TABLE conflict (
  seq         INTEGER PRIMARY KEY,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  kept        TEXT NOT NULL,   -- the row as it stands (JSON)
  lost        TEXT NOT NULL,   -- the losing version (JSON)
  lost_node   TEXT NOT NULL,
  lost_stamp  TEXT NOT NULL,
  found_at    TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
) STRICT;

-- A county installation has an administrator of its own accounts: the
-- role check learns county-admin (SQLite rebuilds a table to change a
-- CHECK constraint).
CREATE TABLE account_8 (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  login           TEXT NOT NULL CHECK (length (login) BETWEEN 1 AND 64),
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('township-admin', 'township-staff',
                                                'grid-worker', 'village-committee',
                                                'county', 'county-admin')),
  scope_region_id TEXT NOT NULL REFERENCES region (id),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  password_hash   TEXT NOT NULL,
  failed_logins   INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  origin_node     TEXT NOT NULL,
  stamp           TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
INSERT INTO account_8 SELECT seq, id, login, display_name, role, scope_region_id, active, password_hash,
  failed_logins, locked_until, created_at, origin_node, stamp, deleted FROM account;
DROP INDEX account_login;
DROP TABLE account;
ALTER TABLE account_8 RENAME TO account;
CREATE UNIQUE INDEX account_login ON account (login) WHERE deleted = 0;
