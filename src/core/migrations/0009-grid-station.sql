-- A grid station's installation has an administrator of its own: the
-- role check learns grid-admin (SQLite rebuilds a table to change a CHECK
-- constraint).
CREATE TABLE account_9 (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  login           TEXT NOT NULL CHECK (length (login) BETWEEN 1 AND 64),
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('township-admin', 'township-staff',
                                                'grid-worker', 'village-committee',
                                                'county', 'county-admin', 'grid-admin')),
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
INSERT INTO account_9 SELECT seq, id, login, display_name, role, scope_region_id, active, password_hash,
  failed_logins, locked_until, created_at, origin_node, stamp, deleted FROM account;
DROP INDEX account_login;
DROP TABLE account;
ALTER TABLE account_9 RENAME TO account;
CREATE UNIQUE INDEX account_login ON account (login) WHERE deleted = 0;
