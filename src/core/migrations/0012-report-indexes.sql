-- Firegrid schema, version 12: indexes for the township ranking (fg-report.c).
--
-- A county's database holds every township's inspections and hazards; the
-- ranking counts them per township over a period. Without these it reads
-- the whole inspection table (about 90 MB at 100,000 venues with two years
-- of inspections) for each report; with them, each township's rows of the
-- period are one index range, and the hazards' figures never leave the
-- index. Only rows that are not tombstones are indexed: the report never
-- counts the others.

CREATE INDEX inspection_township_finished ON inspection (township_id, finished_at, venue_id)
  WHERE deleted = 0;

CREATE INDEX hazard_township_report ON hazard (township_id, state, current_deadline, major_confirmed, found_at)
  WHERE deleted = 0;
