-- Firegrid schema, version 45: the township ranking reads hazards and the
-- period's inspections from their indexes alone (fg-report.c).
--
-- hazard_township_report and inspection_township_finished hold every
-- column the ranking reads, but they are partial (WHERE deleted = 0) and
-- the ranking's own "deleted = 0", which chooses them, is a column the
-- query planner of SQLite 3.40 then looks up in the table, row by row:
-- some 60,000 hazards and 300,000 inspections a year in a county of
-- 100,000 venues. With the column at the end of each index (always 0 in
-- it, a byte an entry) the index answers alone.
DROP INDEX hazard_township_report;
CREATE INDEX hazard_township_report
  ON hazard (township_id, state, current_deadline, major_confirmed, found_at, deleted)
  WHERE deleted = 0;
DROP INDEX inspection_township_finished;
CREATE INDEX inspection_township_finished
  ON inspection (township_id, finished_at, venue_id, deleted)
  WHERE deleted = 0;
