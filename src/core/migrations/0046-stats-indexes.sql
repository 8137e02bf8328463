-- Firegrid schema, version 46: the statistics page reads the hazards
-- closed in a period from an index (fg-stats.c).
--
-- A hazard is closed by an event of its log (销号, or its correction on the
-- spot), and the log is indexed by hazard only: counting the hazards closed
-- in a month, and the working days each took, read every event of the
-- database (five or more a hazard). Only closing events are indexed, by
-- when they happened; the hazard they close is beside it, so that the join
-- to the hazard never reads the event.
CREATE INDEX hazard_event_closed ON hazard_event (at, hazard_id)
  WHERE kind IN ('closed', 'rectified-on-spot');

-- The page counts a township's (or a county's) open venues by their main
-- category, key-unit flag, smoke alarm and village in one pass. Read from
-- the table, that pass was most of the page's time at 100,000 venues (a
-- row of every venue, names and addresses included); this index holds
-- what it reads, and only the live venues.
CREATE INDEX venue_township_stats ON venue (township_id, status, categories, key_unit, smoke_alarm, village_id, id)
  WHERE deleted = 0;
