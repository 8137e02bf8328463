-- Firegrid schema, version 3: checklist templates, inspections, photos,
-- campaigns and the hazards that failed items become.

-- Installed template versions. A version's items never change once
-- installed: inspections that used it show and print its wording.
CREATE TABLE checklist_template (
  template_id  TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version > 0),
  category     TEXT NOT NULL,
  title_zh     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  digest       TEXT NOT NULL,  -- SHA-256 of the items, to tell versions apart
  installed_at TEXT NOT NULL,
  PRIMARY KEY (template_id, version)
) STRICT;

CREATE TABLE checklist_item (
  template_id   TEXT NOT NULL,
  version       INTEGER NOT NULL,
  position      INTEGER NOT NULL,
  code          TEXT NOT NULL,
  section_id    TEXT NOT NULL,
  section_zh    TEXT NOT NULL,
  section_en    TEXT NOT NULL,
  text_zh       TEXT NOT NULL,
  text_en       TEXT NOT NULL,
  action_zh     TEXT NOT NULL,
  action_en     TEXT NOT NULL,
  basis         TEXT NOT NULL,  -- JSON array of legal bases
  on_spot       INTEGER NOT NULL CHECK (on_spot IN (0, 1)),
  major         INTEGER NOT NULL CHECK (major IN (0, 1)),
  deadline_days INTEGER NOT NULL,
  PRIMARY KEY (template_id, version, code),
  FOREIGN KEY (template_id, version) REFERENCES checklist_template (template_id, version)
) STRICT;

CREATE TRIGGER checklist_item_immutable BEFORE UPDATE ON checklist_item
BEGIN
  SELECT RAISE (ABORT, 'an installed checklist version cannot change');
END;

-- 专项行动: a named period with a focus list of item codes
CREATE TABLE campaign (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  township_id TEXT NOT NULL REFERENCES region (id),
  name        TEXT NOT NULL,
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  focus       TEXT NOT NULL CHECK (json_valid (focus)),
  created_at  TEXT NOT NULL,
  origin_node TEXT NOT NULL,
  stamp       TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

CREATE TABLE inspection (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  venue_id       TEXT NOT NULL REFERENCES venue (id),
  kind           TEXT NOT NULL CHECK (kind IN ('routine', 'campaign', 'reinspection', 'report')),
  campaign_id    TEXT REFERENCES campaign (id),
  inspector      TEXT NOT NULL,  -- login
  inspector_name TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,           -- NULL while a draft
  note           TEXT NOT NULL DEFAULT '',
  -- where the venue was, for scope checks that hold after it moves
  township_id    TEXT NOT NULL,
  village_id     TEXT NOT NULL,
  grid_id        TEXT,
  origin_node    TEXT NOT NULL,
  stamp          TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

CREATE INDEX inspection_venue ON inspection (venue_id, started_at);
CREATE INDEX inspection_drafts ON inspection (inspector, venue_id) WHERE finished_at IS NULL;

-- the template versions an inspection used: one per category of the venue
CREATE TABLE inspection_template (
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  position      INTEGER NOT NULL,
  template_id   TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, position),
  FOREIGN KEY (template_id, version) REFERENCES checklist_template (template_id, version)
) STRICT;

CREATE TABLE inspection_result (
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  item_code     TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
  note          TEXT NOT NULL DEFAULT '',
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (inspection_id, item_code)
) STRICT, WITHOUT ROWID;

-- Photos are stored once, by the SHA-256 of their bytes.
CREATE TABLE photo (
  sha256     TEXT PRIMARY KEY,
  mime_type  TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png')),
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE inspection_photo (
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  item_code     TEXT NOT NULL,
  sha256        TEXT NOT NULL REFERENCES photo (sha256),
  added_at      TEXT NOT NULL,
  PRIMARY KEY (inspection_id, item_code, sha256)
) STRICT, WITHOUT ROWID;

-- A finished inspection is immutable: corrections are a new inspection.
CREATE TRIGGER inspection_finished_immutable BEFORE UPDATE ON inspection
  WHEN OLD.finished_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a finished inspection cannot change');
END;

CREATE TRIGGER inspection_result_insert_finished BEFORE INSERT ON inspection_result
  WHEN (SELECT finished_at FROM inspection WHERE id = NEW.inspection_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a finished inspection cannot change');
END;

CREATE TRIGGER inspection_result_update_finished BEFORE UPDATE ON inspection_result
  WHEN (SELECT finished_at FROM inspection WHERE id = OLD.inspection_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a finished inspection cannot change');
END;

CREATE TRIGGER inspection_result_delete_finished BEFORE DELETE ON inspection_result
  WHEN (SELECT finished_at FROM inspection WHERE id = OLD.inspection_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a finished inspection cannot change');
END;

CREATE TRIGGER inspection_photo_insert_finished BEFORE INSERT ON inspection_photo
  WHEN (SELECT finished_at FROM inspection WHERE id = NEW.inspection_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a finished inspection cannot change');
END;

-- A failed item of a finished inspection. Its lifecycle (notices,
-- deadlines, closing) comes with the hazard event log.
CREATE TABLE hazard (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  venue_id           TEXT NOT NULL REFERENCES venue (id),
  inspection_id      TEXT NOT NULL REFERENCES inspection (id),
  item_code          TEXT NOT NULL,
  template_id        TEXT NOT NULL,
  template_version   INTEGER NOT NULL,
  grade              TEXT NOT NULL CHECK (grade IN ('on-spot', 'deadline', 'major-proposed')),
  deadline_days      INTEGER NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  found_at           TEXT NOT NULL,
  township_id        TEXT NOT NULL,
  village_id         TEXT NOT NULL,
  grid_id            TEXT,
  origin_node        TEXT NOT NULL,
  stamp              TEXT NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  UNIQUE (inspection_id, item_code),
  FOREIGN KEY (template_id, template_version) REFERENCES checklist_template (template_id, version)
) STRICT;

CREATE INDEX hazard_venue ON hazard (venue_id, found_at);
