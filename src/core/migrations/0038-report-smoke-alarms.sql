-- Firegrid schema, version 38: the township ranking reads its open venues
-- from an index alone (fg-report.c).
--
-- The ranking counts each township's open venues and those of them with a
-- standalone smoke alarm. The count came from venue_township_status, the
-- alarms from the table itself: a row read for each open venue, about a
-- third of the ranking's time at 100,000 venues. The same index with the
-- alarm at its end answers both. The list still pages through it in its
-- order (status, name, then seq to part equal names), so seq is named
-- before the alarm; the two cost the index a few bytes a venue.
DROP INDEX venue_township_status;
CREATE INDEX venue_township_status ON venue (township_id, deleted, status, name_key, seq, smoke_alarm);
