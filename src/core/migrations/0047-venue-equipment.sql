-- Firegrid schema, version 47: what a venue has towards the 2026 target
-- (河南 opinion 十八: standalone smoke alarms and simple extinguishing
-- equipment in family workshops, street shops and old residential
-- compounds), and campaigns aimed at a list of venues.
--
-- smoke_alarm stays what it was, "has a working standalone smoke alarm"
-- (独立式感烟火灾探测报警器); every count and list reads it. Beside it:
--   smoke_alarm_count       how many were seen working, NULL when nobody
--                           counted (every venue before this version);
--                           when known, count > 0 exactly when smoke_alarm
--   smoke_alarm_checked_on  the day they were last checked (YYYY-MM-DD),
--                           NULL when never; a known count has one
--   simple_extinguishing    simple extinguishing equipment (简易喷淋、消防软管
--                           卷盘或灭火毯) is present and usable: 0 until someone
--                           says so, as smoke_alarm was
--   simple_extinguishing_checked_on  the day that was last checked
-- An inspection whose checklist has C-ALARM-01 or C-SIMPLE-01 sets them
-- when it is finished (fg-inspection.c); a person sets them by hand.
ALTER TABLE venue ADD COLUMN smoke_alarm_count INTEGER
  CHECK (smoke_alarm_count IS NULL OR
         (smoke_alarm_count BETWEEN 0 AND 999 AND (smoke_alarm_count > 0) = smoke_alarm));
ALTER TABLE venue ADD COLUMN smoke_alarm_checked_on TEXT;
ALTER TABLE venue ADD COLUMN simple_extinguishing INTEGER NOT NULL DEFAULT 0
  CHECK (simple_extinguishing IN (0, 1));
ALTER TABLE venue ADD COLUMN simple_extinguishing_checked_on TEXT;

-- The statistics page counts the second figure in the same pass over the
-- same index (0046-stats-indexes.sql), which must hold it too.
DROP INDEX venue_township_stats;
CREATE INDEX venue_township_stats
  ON venue (township_id, status, categories, key_unit, smoke_alarm, simple_extinguishing, village_id, id)
  WHERE deleted = 0;

-- The venues a campaign is aimed at, when it is aimed at some (one
-- started from the venues still lacking the target's equipment); a
-- campaign without rows here covers its township as before. Rows are
-- written with the campaign and never change; a bundle carries them
-- inside the campaign's element.
CREATE TABLE campaign_venue (
  campaign_id TEXT NOT NULL REFERENCES campaign (id),
  venue_id    TEXT NOT NULL,
  PRIMARY KEY (campaign_id, venue_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_venue_venue ON campaign_venue (venue_id);
