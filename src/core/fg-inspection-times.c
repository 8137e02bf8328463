/* fg-inspection-times.c — when an inspection took place
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection made on a paper form is typed in later: its record must
 * carry the times it took place, not the time it was typed. The times an
 * officer gives are held to what a record of that day can say.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-inspection-private.h"
#include "fg-store-private.h"

/* "YYYY-MM-DD HH:MM" (or with a T) in the store's zone, or NULL. */
static GDateTime *
parse_time (FgStore    *store,
            const char *text)
{
  g_autoptr(GDateTime) now = fg_store_now (store);
  int year, month, day, hour, minute;
  char separator;
  int consumed = 0;

  if (text == NULL || strlen (text) != 16 ||
      sscanf (text, "%4d-%2d-%2d%c%2d:%2d%n", &year, &month, &day, &separator, &hour, &minute, &consumed) != 6 ||
      consumed != 16 || (separator != ' ' && separator != 'T') ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[14]))
    return NULL;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;
  return g_date_time_new (g_date_time_get_timezone (now), year, month, day, hour, minute, 0);
}

static char *
iso8601 (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * fg_inspection_check_times:
 * @started: (nullable): when the inspection started, "YYYY-MM-DD HH:MM"
 * @ended: (nullable): when it ended, the same form
 * @started_at: (out) (transfer full): @started as ISO 8601
 * @ended_at: (out) (transfer full): @ended as ISO 8601
 *
 * The times of an inspection typed in from a paper form: both or neither;
 * the end after the start, on the same day (an inspection of two days is
 * two records), not still to come, and at most
 * %FG_INSPECTION_MAX_DAYS_BACK days ago (an order must follow an
 * inspection within three working days: a record much older is no longer
 * the ground of one). Nothing is written.
 *
 * Returns: %TRUE if the times may be recorded
 */
gboolean
fg_inspection_check_times (FgStore     *store,
                           const char  *started,
                           const char  *ended,
                           char       **started_at,
                           char       **ended_at,
                           GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = fg_store_now (store);
  g_autoptr(GDateTime) earliest = NULL;

  if ((started == NULL) != (ended == NULL))
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   _("Give both the time the inspection started and the time it ended."));
      return FALSE;
    }
  start = parse_time (store, started);
  end = parse_time (store, ended);
  if (start == NULL || end == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   _("“%s” is not a time: write it as YYYY-MM-DD HH:MM, for example 2026-03-05 09:30."),
                   start == NULL ? started : ended);
      return FALSE;
    }
  if (g_date_time_compare (end, start) <= 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   _("The inspection must end after it started (started %s, ended %s)."), started, ended);
      return FALSE;
    }
  if (strncmp (started, ended, 10) != 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   _("An inspection starts and ends on the same day (started %s, ended %s): "
                     "record an inspection of several days as one for each day."), started, ended);
      return FALSE;
    }
  if (g_date_time_compare (end, now) > 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   _("The end %s is still to come: give the times the inspection took place."), ended);
      return FALSE;
    }
  earliest = g_date_time_add_days (now, -FG_INSPECTION_MAX_DAYS_BACK);
  if (g_date_time_compare (start, earliest) < 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The start %s is more than %d day ago: an inspection is typed in "
                                "within %d day of taking place.",
                                "The start %s is more than %d days ago: an inspection is typed in "
                                "within %d days of taking place.",
                                FG_INSPECTION_MAX_DAYS_BACK),
                   started, FG_INSPECTION_MAX_DAYS_BACK, FG_INSPECTION_MAX_DAYS_BACK);
      return FALSE;
    }

  *started_at = iso8601 (start);
  *ended_at = iso8601 (end);
  return TRUE;
}
