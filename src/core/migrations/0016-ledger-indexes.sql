-- Firegrid schema, version 16: indexes for the paged hazard ledger
-- (fg-hazard-query.c).
--
-- The ledger opens on the latest hazards found, and its first page is the
-- first 200 of them: without an index on found_at that is a sort of every
-- hazard in scope (60,000 in a county office) each time the ledger opens
-- or a filter changes. With the township beside it, the actor's scope is
-- checked in the index too. The deadline, the column people sort by to
-- see what is due, gets the same. A village or a grid chosen in the
-- sidebar is one index range, in the ledger's order. Only rows that are
-- not tombstones are indexed: the ledger never shows the others.

CREATE INDEX hazard_ledger_found ON hazard (found_at, township_id, state)
  WHERE deleted = 0;

CREATE INDEX hazard_ledger_deadline ON hazard (current_deadline, township_id, state)
  WHERE deleted = 0;

CREATE INDEX hazard_ledger_village ON hazard (village_id, found_at)
  WHERE deleted = 0;

CREATE INDEX hazard_ledger_grid ON hazard (grid_id, found_at)
  WHERE deleted = 0;
