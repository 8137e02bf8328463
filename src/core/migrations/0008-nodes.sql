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
