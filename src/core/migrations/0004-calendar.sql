-- Firegrid schema, version 4: the working-day calendar.

-- Days that differ from the week: a holiday on a weekday, or a weekend
-- day that is worked (调休). Shipped years are installed when the database
-- opens; a day someone edited (source 'user') is never overwritten.
CREATE TABLE calendar_day (
  date   TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind   TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name   TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'shipped' CHECK (source IN ('shipped', 'user'))
) STRICT;

-- The years whose arrangement is known; outside them only weekends rest.
CREATE TABLE calendar_year (
  year   INTEGER PRIMARY KEY,
  source TEXT NOT NULL
) STRICT;
