-- Firegrid schema, version 2: accounts and the audit log.

CREATE TABLE account (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  login           TEXT NOT NULL CHECK (length (login) BETWEEN 1 AND 64),
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('township-admin', 'township-staff',
                                                'grid-worker', 'village-committee',
                                                'county')),
  scope_region_id TEXT NOT NULL REFERENCES region (id),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- libsodium's crypto_pwhash_str (Argon2id, with its own salt and limits)
  password_hash   TEXT NOT NULL,
  -- local to this installation, never synced: wrong passwords in a row and
  -- the time (Unix seconds) before which no further try is taken
  failed_logins   INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  origin_node     TEXT NOT NULL,
  stamp           TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX account_login ON account (login) WHERE deleted = 0;

-- What was done or refused, by whom, to which record. Appended to, never
-- changed.
CREATE TABLE audit (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  at           TEXT NOT NULL,
  actor_login  TEXT NOT NULL,
  actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('installer', 'user', 'peer')),
  action       TEXT NOT NULL,
  record_id    TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('done', 'refused')),
  detail       TEXT NOT NULL DEFAULT '',
  origin_node  TEXT
) STRICT;

CREATE INDEX audit_record ON audit (record_id, seq);
