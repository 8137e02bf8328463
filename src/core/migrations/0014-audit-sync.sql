-- Firegrid schema, version 14: audit records travel up.
--
-- The office above supervises the one below: a grid station's audit log
-- goes up to its township, a township's to its county, so that the office
-- above holds a second copy of who did what below it, and can check it.
-- A township passes on the records of its grid stations too. The records
-- arrive as the sender wrote them, chain hashes included, and are kept
-- apart from this office's own log: they are the other office's, never
-- changed here.

-- Each office whose audit records are held here: a peer, or an office
-- below a peer whose records that peer passed on. The count and the
-- newest record received make a removal behind the program's back show,
-- as the head does for this office's own log.
CREATE TABLE audit_node (
  id          TEXT PRIMARY KEY,   -- its node id
  kind        TEXT NOT NULL CHECK (kind IN ('township', 'county', 'grid')),
  scope_code  TEXT NOT NULL,      -- the division it writes in
  scope_name  TEXT NOT NULL,      -- as the bundle that first brought it named it
  via         TEXT NOT NULL,      -- the peer whose bundle first brought its records
  received    INTEGER NOT NULL DEFAULT 0,
  head_seq    INTEGER NOT NULL DEFAULT 0,
  head_hash   TEXT
) STRICT;

-- Other offices' audit records, by (node, seq): every column of the
-- sender's record. `arrival` is local: the order they came in, so that a
-- township knows which of its grid stations' records its county has had.
CREATE TABLE audit_in (
  arrival      INTEGER PRIMARY KEY,
  node_id      TEXT NOT NULL REFERENCES audit_node (id),
  seq          INTEGER NOT NULL CHECK (seq > 0),
  id           TEXT NOT NULL,
  at           TEXT NOT NULL,
  actor_login  TEXT NOT NULL,
  actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('installer', 'user', 'peer')),
  action       TEXT NOT NULL,
  record_id    TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('done', 'refused')),
  detail       TEXT NOT NULL DEFAULT '',
  origin_node  TEXT,
  before       TEXT,
  after        TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  received_from TEXT NOT NULL,    -- the peer whose bundle brought it
  received_at  TEXT NOT NULL,
  UNIQUE (node_id, seq)
) STRICT;

CREATE INDEX audit_in_record ON audit_in (record_id);

-- What has gone to each peer: this office's own audit records up to this
-- seq, and the records of offices below it up to this arrival.
ALTER TABLE peer ADD COLUMN audit_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE peer ADD COLUMN audit_passed_on INTEGER NOT NULL DEFAULT 0;
