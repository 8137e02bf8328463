/* fg-calendar.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deadlines and the legal time limits count working days: Monday to
 * Friday, less the public holidays, plus the weekend days that are worked
 * instead (调休). The arrangement of each year ships as data
 * (data/calendar/holidays-cn.xml) and is copied into the database, where
 * it can be corrected; the days are then kept in memory for lookups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"
#include "fg-xml-private.h"

#define SCHEMA_RESOURCE "/io/github/firegrid/core/schema/calendar-1.xsd"
#define SHIPPED_RESOURCE "/io/github/firegrid/core/calendar/holidays-cn.xml"
#define CALENDAR_NS "urn:firegrid:calendar:1"
#define CACHE_KEY "fg-calendar"

G_DEFINE_QUARK (fg-calendar-error-quark, fg_calendar_error)

typedef enum
{
  DAY_HOLIDAY = 1,
  DAY_WORKDAY = 2,
} DayKind;

typedef struct
{
  GHashTable *days;   /* Julian day → DayKind */
  GHashTable *names;  /* Julian day → name */
  GHashTable *years;  /* year → TRUE */
} Cache;

static void
cache_free (Cache *cache)
{
  g_hash_table_unref (cache->days);
  g_hash_table_unref (cache->names);
  g_hash_table_unref (cache->years);
  g_free (cache);
}

/**
 * fg_calendar_parse_date:
 * @text: a date as YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: (transfer full): the date, or %NULL with @error set
 */
GDate *
fg_calendar_parse_date (const char  *text,
                        GError     **error)
{
  int year, month, day;
  char rest;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID_DATE,
                   _("“%s” is not a date. Write dates as year-month-day, for example 2026-10-09."),
                   text != NULL ? text : "");
      return NULL;
    }

  return g_date_new_dmy (day, month, year);
}

/**
 * fg_calendar_parse_moment:
 * @text: (nullable): a moment as the store writes one, 2026-11-29T12:30:29+08:00
 * @error: return location for an error
 *
 * A moment the store wrote (fg_store_now_iso8601()), with its zone; one
 * without a zone is taken as UTC. A day that is not in the calendar
 * (2026-02-30), a time that is not on the clock, or anything else is
 * refused with the words a person would read.
 *
 * Returns: (transfer full): the moment, or %NULL with @error set
 */
GDateTime *
fg_calendar_parse_moment (const char  *text,
                          GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *moment = NULL;

  /* a date and a time, nothing shorter: "2026" alone is no moment */
  if (text != NULL && strlen (text) >= 19 && g_ascii_isdigit (text[0]) && text[10] == 'T')
    moment = g_date_time_new_from_iso8601 (text, utc);
  if (moment == NULL)
    g_set_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID_DATE,
                 _("“%s” is not a moment in time. Moments are written as year-month-day and the time "
                   "with its zone, for example 2026-11-29T12:30:29+08:00."),
                 text != NULL ? text : "");
  return moment;
}

/* Whether @moment (written @text) has come: a moment recorded here is
 * this computer's time, and one from another computer may be at most
 * FG_STAMP_MAX_AHEAD ahead of it, as its stamps may. */
gboolean
fg_calendar_check_not_ahead (GDateTime   *moment,
                             const char  *text,
                             GError     **error)
{
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC + FG_STAMP_MAX_AHEAD / 1000;

  if (g_date_time_to_unix (moment) <= limit)
    return TRUE;
  g_set_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID_DATE,
               _("“%s” is more than a day ahead of this computer’s clock: nothing can have been recorded then "
                 "yet. Set the clock of the computer that recorded it, or of this one, right."),
               text);
  return FALSE;
}

/* A report's first (@start) or last day, read from what a person typed;
 * the error, in the caller's @domain with @code, names which end of the
 * period was wrong. */
GDate *
fg_calendar_parse_period_day (const char  *text,
                              gboolean     start,
                              GQuark       domain,
                              int          code,
                              GError     **error)
{
  GDate *date = fg_calendar_parse_date (text, NULL);

  if (date != NULL)
    return date;
  if (start)
    g_set_error (error, domain, code,
                 _("The period cannot start on “%s”: that is not a day of the calendar. "
                   "Write dates as year-month-day, for example 2026-01-01."),
                 text != NULL ? text : "");
  else
    g_set_error (error, domain, code,
                 _("The period cannot end on “%s”: that is not a day of the calendar. "
                   "Write dates as year-month-day, for example 2026-12-31."),
                 text != NULL ? text : "");
  return NULL;
}

/* Whether a report's period runs forwards, @from on or before @to. */
gboolean
fg_calendar_check_period (const GDate  *from,
                          const GDate  *to,
                          GQuark        domain,
                          int           code,
                          GError      **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (g_date_compare (from, to) <= 0)
    return TRUE;
  first = fg_calendar_format_date (from);
  last = fg_calendar_format_date (to);
  g_set_error (error, domain, code,
               _("The period would start on %s, after it ends on %s. "
                 "Give a start on or before the end."),
               first, last);
  return FALSE;
}

/**
 * fg_calendar_format_date:
 *
 * Returns: (transfer full): the date as YYYY-MM-DD, the same in every
 *   language
 */
char *
fg_calendar_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static Cache *
get_cache (FgStore *store)
{
  Cache *cache = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  g_autoptr(sqlite3_stmt) days = NULL;
  g_autoptr(sqlite3_stmt) years = NULL;

  if (cache != NULL)
    return cache;

  cache = g_new0 (Cache, 1);
  cache->days = g_hash_table_new (NULL, NULL);
  cache->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  cache->years = g_hash_table_new (NULL, NULL);

  days = fg_store_prepare (store, "SELECT date, kind, name FROM calendar_day", NULL);
  while (days != NULL && sqlite3_step (days) == SQLITE_ROW)
    {
      g_autoptr(GDate) date = fg_calendar_parse_date (fg_stmt_text (days, 0), NULL);
      gpointer key;

      if (date == NULL)
        continue;
      key = GUINT_TO_POINTER (g_date_get_julian (date));
      g_hash_table_insert (cache->days, key,
                           GINT_TO_POINTER (g_str_equal (fg_stmt_text (days, 1), "holiday")
                                            ? DAY_HOLIDAY : DAY_WORKDAY));
      g_hash_table_insert (cache->names, key, g_strdup (fg_stmt_text (days, 2)));
    }

  years = fg_store_prepare (store, "SELECT year FROM calendar_year", NULL);
  while (years != NULL && sqlite3_step (years) == SQLITE_ROW)
    g_hash_table_add (cache->years, GINT_TO_POINTER (sqlite3_column_int (years, 0)));

  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, cache, (GDestroyNotify) cache_free);
  return cache;
}

/**
 * fg_calendar_is_workday:
 * @store: the store
 * @date: a date
 *
 * Returns: whether @date is a working day
 */
gboolean
fg_calendar_is_workday (FgStore     *store,
                        const GDate *date)
{
  Cache *cache;
  DayKind kind;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  cache = get_cache (store);
  kind = GPOINTER_TO_INT (g_hash_table_lookup (cache->days, GUINT_TO_POINTER (g_date_get_julian (date))));
  if (kind == DAY_HOLIDAY)
    return FALSE;
  if (kind == DAY_WORKDAY)
    return TRUE;

  return g_date_get_weekday (date) <= G_DATE_FRIDAY;
}

/**
 * fg_calendar_knows_year:
 *
 * Returns: whether the holiday arrangement of @year is installed; without
 *   it only weekends count as rest days
 */
gboolean
fg_calendar_knows_year (FgStore *store,
                        int      year)
{
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);

  return g_hash_table_contains (get_cache (store)->years, GINT_TO_POINTER (year));
}

/**
 * fg_calendar_missing_year:
 * @store: the store
 * @today: the day it is
 *
 * A deadline set today lies in this year, or in December often in the
 * next: without their holiday arrangement such deadlines count weekends
 * only as days off.
 *
 * Returns: the first of those years whose arrangement is not installed,
 *   or 0 when they are
 */
int
fg_calendar_missing_year (FgStore     *store,
                          const GDate *today)
{
  int year;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  year = g_date_get_year (today);
  if (!fg_calendar_knows_year (store, year))
    return year;
  if (g_date_get_month (today) == G_DATE_DECEMBER && !fg_calendar_knows_year (store, year + 1))
    return year + 1;

  return 0;
}

/**
 * fg_calendar_add_workdays:
 * @store: the store
 * @from: the day counting starts after (an inspection, a deadline)
 * @n_days: how many working days
 *
 * Returns: (transfer full): the @n_days-th working day after @from (@from
 *   itself for 0)
 */
GDate *
fg_calendar_add_workdays (FgStore     *store,
                          const GDate *from,
                          guint        n_days)
{
  GDate *date;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  date = g_date_copy (from);
  while (n_days > 0)
    {
      g_date_add_days (date, 1);
      if (fg_calendar_is_workday (store, date))
        n_days--;
    }

  return date;
}

/**
 * fg_calendar_count_workdays:
 * @store: the store
 * @from: the first day, not counted
 * @to: the last day, counted
 *
 * The working days after @from up to and including @to: how many working
 * days a deadline is overdue on @to. Negative when @to is before @from.
 *
 * Returns: the number of working days
 */
int
fg_calendar_count_workdays (FgStore     *store,
                            const GDate *from,
                            const GDate *to)
{
  g_autoptr(GDate) date = NULL;
  int n = 0;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (to, from) < 0)
    return -fg_calendar_count_workdays (store, to, from);

  date = g_date_copy (from);
  while (g_date_compare (date, to) < 0)
    {
      g_date_add_days (date, 1);
      n += fg_calendar_is_workday (store, date);
    }

  return n;
}

/**
 * fg_calendar_dup_day_name:
 *
 * Returns: (transfer full) (nullable): the holiday or make-up working day
 *   @date is ("国庆节", "春节调休上班"), or %NULL for an ordinary day
 */
char *
fg_calendar_dup_day_name (FgStore     *store,
                          const GDate *date)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup (g_hash_table_lookup (get_cache (store)->names,
                                        GUINT_TO_POINTER (g_date_get_julian (date))));
}

/* Copies the shipped arrangement into the database: years it does not
 * know yet, days nobody has corrected. A digest, kept in the database,
 * spares reading the file again while it does not change. */
void
fg_calendar_install_shipped (FgStore *store)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SHIPPED_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *installed = NULL;
  xmlDoc *doc;

  if (bytes == NULL)
    return;

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  installed = fg_store_dup_setting (store, "shipped-calendar");
  if (g_strcmp0 (installed, digest) == 0)
    return;

  doc = fg_xml_read_valid (bytes, "holidays-cn.xml", SCHEMA_RESOURCE, _("a valid calendar"),
                           FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID, &error);
  if (doc == NULL)
    goto failed;

  if (!fg_store_begin (store, &error))
    {
      xmlFreeDoc (doc);
      goto failed;
    }

  for (xmlNode *year = xmlDocGetRootElement (doc)->children; year != NULL; year = year->next)
    {
      g_autofree char *value = NULL;
      g_autoptr(sqlite3_stmt) add_year = NULL;
      char *source = NULL;

      if (!fg_xml_is_element (year, "year", CALENDAR_NS))
        continue;

      value = fg_xml_dup_prop (year, "value");
      for (xmlNode *child = year->children; child != NULL; child = child->next)
        {
          g_autofree char *date = NULL;
          g_autofree char *kind = NULL;
          g_autofree char *name = NULL;
          g_autoptr(sqlite3_stmt) add_day = NULL;

          if (fg_xml_is_element (child, "source", CALENDAR_NS))
            {
              xmlFree (source);
              source = (char *) xmlNodeGetContent (child);
              continue;
            }
          if (!fg_xml_is_element (child, "day", CALENDAR_NS))
            continue;

          date = fg_xml_dup_prop (child, "date");
          kind = fg_xml_dup_prop (child, "kind");
          name = fg_xml_dup_prop (child, "name");
          add_day = fg_store_prepare (store,
                                      "INSERT INTO calendar_day (date, kind, name) VALUES (?1, ?2, ?3)"
                                      " ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name"
                                      "   WHERE source = 'shipped'",
                                      &error);
          if (add_day == NULL)
            break;
          sqlite3_bind_text (add_day, 1, date, -1, SQLITE_STATIC);
          sqlite3_bind_text (add_day, 2, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (add_day, 3, name, -1, SQLITE_STATIC);
          if (!fg_store_step_done (store, add_day, &error))
            break;
        }

      if (error == NULL)
        {
          add_year = fg_store_prepare (store,
                                       "INSERT INTO calendar_year (year, source) VALUES (?1, ?2)"
                                       " ON CONFLICT (year) DO UPDATE SET source = excluded.source",
                                       &error);
          if (add_year != NULL)
            {
              sqlite3_bind_int (add_year, 1, atoi (value));
              sqlite3_bind_text (add_year, 2, source != NULL ? source : "", -1, SQLITE_STATIC);
              fg_store_step_done (store, add_year, &error);
            }
        }
      xmlFree (source);

      if (error != NULL)
        break;
    }

  xmlFreeDoc (doc);

  if (error != NULL || !fg_store_set_setting (store, "shipped-calendar", digest, &error))
    {
      fg_store_rollback (store);
      goto failed;
    }
  if (!fg_store_commit (store, &error))
    goto failed;

  g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
  return;

failed:
  g_warning ("The shipped holiday calendar could not be installed: %s", error->message);
}

/* One year of a calendar file, checked: its days lie in it. */
static gboolean
install_year (FgStore     *store,
              FgActor     *actor,
              xmlNode     *year,
              int         *installed,
              GError     **error)
{
  g_autofree char *value = fg_xml_dup_prop (year, "value");
  g_autofree char *prefix = g_strdup_printf ("%s-", value);
  g_autofree char *source = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GVariantBuilder) days = g_variant_builder_new (G_VARIANT_TYPE ("a(sss)"));
  g_autoptr(GVariant) record = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) add_year = NULL;

  clear = fg_store_prepare (store, "DELETE FROM calendar_day WHERE substr (date, 1, 5) = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, prefix, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, clear, error))
    return FALSE;

  for (xmlNode *child = year->children; child != NULL; child = child->next)
    {
      g_autofree char *date = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GDate) parsed = NULL;
      g_autoptr(sqlite3_stmt) add_day = NULL;

      if (fg_xml_is_element (child, "source", CALENDAR_NS))
        {
          xmlChar *text = xmlNodeGetContent (child);

          g_free (source);
          source = g_strdup ((const char *) text);
          xmlFree (text);
          continue;
        }
      if (!fg_xml_is_element (child, "day", CALENDAR_NS))
        continue;

      date = fg_xml_dup_prop (child, "date");
      kind = fg_xml_dup_prop (child, "kind");
      name = fg_xml_dup_prop (child, "name");
      parsed = fg_calendar_parse_date (date, NULL);
      if (parsed == NULL || !g_str_has_prefix (date, prefix))
        {
          g_set_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID,
                       _("Line %d: %s is not a day of the year %s. Check the file; nothing was installed."),
                       (int) xmlGetLineNo (child), date, value);
          return FALSE;
        }

      add_day = fg_store_prepare (store,
                                  "INSERT INTO calendar_day (date, kind, name, source) VALUES (?1, ?2, ?3, 'user')",
                                  error);
      if (add_day == NULL)
        return FALSE;
      sqlite3_bind_text (add_day, 1, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_day, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_day, 3, name, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, add_day, error))
        {
          g_prefix_error (error, _("Line %d: "), (int) xmlGetLineNo (child));
          return FALSE;
        }
      g_variant_builder_add (days, "(sss)", date, kind, name);
    }

  add_year = fg_store_prepare (store,
                               "INSERT INTO calendar_year (year, source) VALUES (?1, ?2)"
                               " ON CONFLICT (year) DO UPDATE SET source = excluded.source",
                               error);
  if (add_year == NULL)
    return FALSE;
  sqlite3_bind_int (add_year, 1, atoi (value));
  sqlite3_bind_text (add_year, 2, source != NULL ? source : "", -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, add_year, error))
    return FALSE;

  record = g_variant_ref_sink (g_variant_new ("(isa(sss))", atoi (value), source != NULL ? source : "",
                                              days));
  after = g_variant_print (record, FALSE);
  {
    g_autofree char *record_id = g_strdup_printf ("calendar-%s", value);

    if (!fg_audit_record_change (store, actor, "calendar-install", record_id, NULL, after, error))
      return FALSE;
  }

  *installed = atoi (value);
  return TRUE;
}

/**
 * fg_calendar_install_file:
 * @store: the store
 * @actor: who installs: an administrator
 * @bytes: a calendar file (data/schema/calendar-1.xsd), as the shipped one
 * @name: the file's name, for messages
 * @years: (out) (optional) (transfer full): the years installed
 * @error: return location for an error
 *
 * Installs the holiday arrangement of the years in @bytes, replacing what
 * the database had for those years: a year the program shipped without
 * (the State Council publishes the next one each November), or a
 * correction. All of the file, or nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_calendar_install_file (FgStore     *store,
                          FgActor     *actor,
                          GBytes      *bytes,
                          const char  *name,
                          GArray     **years,
                          GError     **error)
{
  g_autoptr(GArray) installed = g_array_new (FALSE, FALSE, sizeof (int));
  xmlDoc *doc;
  gboolean ok = TRUE;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "calendar", error))
    return FALSE;

  doc = fg_xml_read_valid (bytes, name, SCHEMA_RESOURCE, _("a valid calendar"),
                           FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID, error);
  if (doc == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    {
      xmlFreeDoc (doc);
      return FALSE;
    }

  for (xmlNode *year = xmlDocGetRootElement (doc)->children; ok && year != NULL; year = year->next)
    {
      int value = 0;

      if (!fg_xml_is_element (year, "year", CALENDAR_NS))
        continue;
      ok = install_year (store, actor, year, &value, error);
      if (ok)
        g_array_append_val (installed, value);
    }
  xmlFreeDoc (doc);

  if (!ok)
    {
      fg_store_rollback (store);
      return FALSE;
    }
  if (!fg_store_commit (store, error))
    return FALSE;

  g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
  if (years != NULL)
    *years = g_steal_pointer (&installed);
  return TRUE;
}

/**
 * fg_calendar_get_day_kind:
 * @store: the store
 * @date: a date
 *
 * Returns: whether @date is an ordinary working day, a weekend day worked
 *   instead (调休), a weekend day or a day off of a holiday
 */
FgCalendarDayKind
fg_calendar_get_day_kind (FgStore     *store,
                          const GDate *date)
{
  DayKind kind;
  gboolean weekend;

  g_return_val_if_fail (FG_IS_STORE (store), FG_CALENDAR_DAY_WORKDAY);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FG_CALENDAR_DAY_WORKDAY);

  kind = GPOINTER_TO_INT (g_hash_table_lookup (get_cache (store)->days,
                                               GUINT_TO_POINTER (g_date_get_julian (date))));
  weekend = g_date_get_weekday (date) > G_DATE_FRIDAY;
  if (kind == DAY_HOLIDAY)
    return FG_CALENDAR_DAY_HOLIDAY;
  if (kind == DAY_WORKDAY)
    return weekend ? FG_CALENDAR_DAY_MAKEUP_WORKDAY : FG_CALENDAR_DAY_WORKDAY;

  return weekend ? FG_CALENDAR_DAY_WEEKEND : FG_CALENDAR_DAY_WORKDAY;
}

/**
 * fg_calendar_missing_year_between:
 * @store: the store
 * @from: the first day
 * @to: the last day
 *
 * Working days counted from @from to @to are right only when the holiday
 * arrangement of every year between is installed.
 *
 * Returns: the first year from @from to @to (in either order) whose
 *   arrangement is not installed, or 0 when all are
 */
int
fg_calendar_missing_year_between (FgStore     *store,
                                  const GDate *from,
                                  const GDate *to)
{
  int first, last;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  first = MIN (g_date_get_year (from), g_date_get_year (to));
  last = MAX (g_date_get_year (from), g_date_get_year (to));
  for (int year = first; year <= last; year++)
    if (!fg_calendar_knows_year (store, year))
      return year;

  return 0;
}

/**
 * fg_calendar_describe_deadline:
 * @store: the store
 * @today: the day the deadline is set, from which working days count
 * @deadline: the deadline
 *
 * What an officer choosing @deadline needs to hear: which working day
 * after @today it is ("Working day 7"), or that it is a weekend day or a
 * day off of a holiday, so no working day. Without the holiday
 * arrangement of a year between, no number is claimed: the sentence says
 * that the count may be wrong.
 *
 * Returns: (transfer full): one short translated sentence
 */
char *
fg_calendar_describe_deadline (FgStore     *store,
                               const GDate *today,
                               const GDate *deadline)
{
  g_autofree char *name = NULL;
  int missing;
  int n;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), NULL);

  if (g_date_compare (deadline, today) < 0)
    return g_strdup (_("Before today"));
  if (g_date_compare (deadline, today) == 0)
    return g_strdup (_("Today"));

  missing = fg_calendar_missing_year_between (store, today, deadline);
  if (missing != 0)
    /* Translators: %d is a year */
    return g_strdup_printf (_("The holidays of %d are not installed: the count of working days may be wrong"),
                            missing);

  name = fg_calendar_dup_day_name (store, deadline);
  n = fg_calendar_count_workdays (store, today, deadline);
  switch (fg_calendar_get_day_kind (store, deadline))
    {
    case FG_CALENDAR_DAY_HOLIDAY:
      /* Translators: %s is the holiday, as the State Council names it (国庆节) */
      return g_strdup_printf (_("%s holiday, not a working day"), name != NULL ? name : "");
    case FG_CALENDAR_DAY_WEEKEND:
      return g_strdup (g_date_get_weekday (deadline) == G_DATE_SATURDAY ? _("Saturday, not a working day")
                                                                        : _("Sunday, not a working day"));
    case FG_CALENDAR_DAY_MAKEUP_WORKDAY:
      /* Translators: the deadline is the %d-th working day after today, a
       * weekend day worked instead of a holiday; %s names it (国庆节调休上班) */
      return g_strdup_printf (_("Working day %d, %s"), n, name != NULL ? name : "");
    case FG_CALENDAR_DAY_WORKDAY:
    default:
      /* Translators: the deadline is the %d-th working day after today */
      return g_strdup_printf (_("Working day %d"), n);
    }
}
