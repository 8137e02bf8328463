-- Firegrid schema, version 19: the days the escalation rules count from.
--
-- An overdue order climbs one step after so many working days at the step
-- before, so the fold's cache on the hazard row learns the day of its last
-- escalation. A hazard reported fixed stops the venue's clock and starts
-- the office's duty to re-inspect, counted from the day it was reported.
-- Both are days (YYYY-MM-DD) of events, kept here for the ledger and the
-- rules; like the rest of the cache they are made again here from the
-- events, never synced.

ALTER TABLE hazard ADD COLUMN escalated_on TEXT;
ALTER TABLE hazard ADD COLUMN reported_fixed_on TEXT;

UPDATE hazard SET escalated_on = (
    SELECT substr (e.at, 1, 10) FROM hazard_event e
     WHERE e.hazard_id = hazard.id AND e.kind = 'escalated'
     ORDER BY e.stamp DESC, e.id DESC LIMIT 1)
 WHERE escalation_level IS NOT NULL;

UPDATE hazard SET reported_fixed_on = (
    SELECT substr (e.at, 1, 10) FROM hazard_event e
     WHERE e.hazard_id = hazard.id AND e.kind = 'reported-fixed'
     ORDER BY e.stamp DESC, e.id DESC LIMIT 1)
 WHERE state = 'reported-fixed';
