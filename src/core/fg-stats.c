/* fg-stats.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of one region at a glance: its venues, how many were
 * inspected against the office's own frequency, its hazards and their
 * closing, the documents still to serve, and the province's 2026 target
 * for standalone smoke alarms. A sibling of fg-report.c, which compares
 * townships; here one region (a county: its townships together) is
 * counted. Each figure is one statement over one table, restricted to the
 * region through an index (see bench/bench-stats.c for a county's time):
 *
 *  - the venues, read once: their main category, key-unit flag, alarm;
 *  - the finished inspections of the region's townships up to the
 *    period's end, read once from inspection_township_finished: the last
 *    day each venue was inspected (a venue moved between villages keeps
 *    its inspections), and how many fall in the period;
 *  - the hazards found in the period, and those not closed now;
 *  - the hazards closed in the period, from the closing events
 *    (0046-stats-indexes.sql), with the day each was found;
 *  - the documents issued in the period, and those not yet served.
 *
 * Every statement runs inside one read transaction, so that the figures
 * come from the same state of the database.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "fg-stats.h"
#include "fg-stats-private.h"
#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-category.h"
#include "fg-escalation.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-stats-error-quark, fg_stats_error)

G_DEFINE_BOXED_TYPE (FgStats, fg_stats, fg_stats_copy, fg_stats_free)
G_DEFINE_BOXED_TYPE (FgStatsCategory, fg_stats_category, fg_stats_category_copy, fg_stats_category_free)
G_DEFINE_BOXED_TYPE (FgStatsVillageTarget, fg_stats_village_target, fg_stats_village_target_copy,
                     fg_stats_village_target_free)
G_DEFINE_BOXED_TYPE (FgStatsVenue, fg_stats_venue, fg_stats_venue_copy, fg_stats_venue_free)

/* The three kinds of the 2026 target (河南意见 十八): 家庭作坊, 沿街门店, 老旧住宅小区. */
static const char * const target_categories[] = { "family-workshop", "street-shop", "old-residential" };

/* A venue of one of them names it, quoted, in its JSON array of categories. */
#define TARGET_SQL(column) \
  "(instr (" column ", '\"family-workshop\"') > 0 OR instr (" column ", '\"street-shop\"') > 0" \
  " OR instr (" column ", '\"old-residential\"') > 0)"

#define SETTING_FREQUENCY_PREFIX "stats-frequency-"

/* Boxed types */

FgStatsCategory *
fg_stats_category_copy (const FgStatsCategory *self)
{
  FgStatsCategory *copy = g_new (FgStatsCategory, 1);

  *copy = *self;
  copy->category = g_strdup (self->category);
  return copy;
}

void
fg_stats_category_free (FgStatsCategory *self)
{
  if (self == NULL)
    return;
  g_free (self->category);
  g_free (self);
}

FgStatsVillageTarget *
fg_stats_village_target_copy (const FgStatsVillageTarget *self)
{
  FgStatsVillageTarget *copy = g_new (FgStatsVillageTarget, 1);

  *copy = *self;
  copy->village_id = g_strdup (self->village_id);
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  return copy;
}

void
fg_stats_village_target_free (FgStatsVillageTarget *self)
{
  if (self == NULL)
    return;
  g_free (self->village_id);
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

FgStatsVenue *
fg_stats_venue_copy (const FgStatsVenue *self)
{
  FgStatsVenue *copy = g_new (FgStatsVenue, 1);

  copy->venue_id = g_strdup (self->venue_id);
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  copy->category = g_strdup (self->category);
  copy->village_name = g_strdup (self->village_name);
  return copy;
}

void
fg_stats_venue_free (FgStatsVenue *self)
{
  if (self == NULL)
    return;
  g_free (self->venue_id);
  g_free (self->name);
  g_free (self->address);
  g_free (self->category);
  g_free (self->village_name);
  g_free (self);
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GBoxedCopyFunc  copy,
            GDestroyNotify  free_func)
{
  GPtrArray *result = g_ptr_array_new_full (array != NULL ? array->len : 0, free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (result, copy (g_ptr_array_index (array, i)));
  return result;
}

FgStats *
fg_stats_copy (const FgStats *self)
{
  FgStats *copy = g_new (FgStats, 1);

  *copy = *self;
  copy->region_id = g_strdup (self->region_id);
  copy->region_code = g_strdup (self->region_code);
  copy->region_name = g_strdup (self->region_name);
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  copy->today = g_strdup (self->today);
  copy->categories = copy_array (self->categories, (GBoxedCopyFunc) fg_stats_category_copy,
                                 (GDestroyNotify) fg_stats_category_free);
  copy->villages = copy_array (self->villages, (GBoxedCopyFunc) fg_stats_village_target_copy,
                               (GDestroyNotify) fg_stats_village_target_free);
  return copy;
}

void
fg_stats_free (FgStats *self)
{
  if (self == NULL)
    return;
  g_free (self->region_id);
  g_free (self->region_code);
  g_free (self->region_name);
  g_free (self->from);
  g_free (self->to);
  g_free (self->today);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_free (self);
}

/**
 * fg_stats_share:
 *
 * Returns: @n of @of, from 0 to 1; -1 when @of is 0 (nothing to take a
 *   share of)
 */
double
fg_stats_share (guint n,
                guint of)
{
  return of == 0 ? -1 : (double) n / of;
}

/**
 * fg_stats_get_closure_rate:
 *
 * Returns: the share of the hazards found in the period that are closed
 *   now (整改率), from 0 to 1; -1 when none was found
 */
double
fg_stats_get_closure_rate (const FgStats *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return fg_stats_share (self->n_found_closed, self->n_found);
}

/* The target frequencies */

static const char * const frequency_ids[FG_STATS_N_FREQUENCIES] = { "month", "quarter", "year" };

const char *
fg_stats_frequency_to_string (FgStatsFrequency frequency)
{
  g_return_val_if_fail (frequency < FG_STATS_N_FREQUENCIES, NULL);
  return frequency_ids[frequency];
}

gboolean
fg_stats_frequency_from_string (const char       *text,
                                FgStatsFrequency *frequency)
{
  for (guint i = 0; i < FG_STATS_N_FREQUENCIES; i++)
    if (g_strcmp0 (text, frequency_ids[i]) == 0)
      {
        *frequency = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * fg_stats_frequency_get_label:
 *
 * Returns: the frequency in the user's language
 */
const char *
fg_stats_frequency_get_label (FgStatsFrequency frequency)
{
  switch (frequency)
    {
    case FG_STATS_FREQUENCY_MONTHLY:
      return C_("inspection frequency", "Monthly");
    case FG_STATS_FREQUENCY_QUARTERLY:
      return C_("inspection frequency", "Quarterly");
    case FG_STATS_FREQUENCY_YEARLY:
      return C_("inspection frequency", "Yearly");
    case FG_STATS_N_FREQUENCIES:
    default:
      return "";
    }
}

/**
 * fg_stats_frequency_get_default:
 * @category: a category's id, or %FG_STATS_KEY_UNIT
 *
 * How often a venue is meant to be inspected when the office set nothing:
 * key units every month, the nine small venues every quarter, the other
 * kinds every year. No rule fixes these numbers: they are a starting point
 * for the office's own plan, which fg_stats_set_frequency() records.
 *
 * Returns: the frequency
 */
FgStatsFrequency
fg_stats_frequency_get_default (const char *category)
{
  const FgCategory *known;

  if (g_strcmp0 (category, FG_STATS_KEY_UNIT) == 0)
    return FG_STATS_FREQUENCY_MONTHLY;
  known = category != NULL ? fg_category_lookup (category) : NULL;
  if (known != NULL && fg_category_get_group (known) == FG_CATEGORY_GROUP_NINE_SMALL)
    return FG_STATS_FREQUENCY_QUARTERLY;
  return FG_STATS_FREQUENCY_YEARLY;
}

/**
 * fg_stats_get_frequency:
 * @store: the store (the office's settings)
 * @category: a category's id, or %FG_STATS_KEY_UNIT
 *
 * Returns: how often the office means to inspect venues of @category: its
 *   own setting, or the default
 */
FgStatsFrequency
fg_stats_get_frequency (FgStore    *store,
                        const char *category)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  FgStatsFrequency frequency;

  g_return_val_if_fail (FG_IS_STORE (store), FG_STATS_FREQUENCY_YEARLY);
  g_return_val_if_fail (category != NULL, FG_STATS_FREQUENCY_YEARLY);

  key = g_strconcat (SETTING_FREQUENCY_PREFIX, category, NULL);
  value = fg_store_dup_setting (store, key);
  if (value != NULL && fg_stats_frequency_from_string (value, &frequency))
    return frequency;
  return fg_stats_frequency_get_default (category);
}

/**
 * fg_stats_is_target_category:
 *
 * Returns: whether @category is one of the three kinds of the 2026 smoke
 *   alarm target: family workshops, street shops, old residential compounds
 */
gboolean
fg_stats_is_target_category (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_categories); i++)
    if (g_strcmp0 (category, target_categories[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * fg_stats_set_frequency:
 * @store: the store
 * @actor: who sets it: someone who may change the office's settings
 * @category: a category's id, or %FG_STATS_KEY_UNIT
 * @frequency: how often the office means to inspect such venues
 * @error: return location for an error
 *
 * Records the office's own target frequency for a kind of venue, with
 * its audit record.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_stats_set_frequency (FgStore           *store,
                        FgActor           *actor,
                        const char        *category,
                        FgStatsFrequency   frequency,
                        GError           **error)
{
  g_autofree char *key = NULL;
  FgStatsFrequency before;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (category != NULL, FALSE);
  g_return_val_if_fail (frequency < FG_STATS_N_FREQUENCIES, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "stats-frequency", error))
    return FALSE;

  if (g_strcmp0 (category, FG_STATS_KEY_UNIT) != 0 && fg_category_lookup (category) == NULL)
    {
      g_set_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID,
                   _("There is no kind of venue “%s”: the list of categories (firegrid-cli category list) "
                     "names those there are, or key-unit for key units."), category);
      return FALSE;
    }

  before = fg_stats_get_frequency (store, category);
  key = g_strconcat (SETTING_FREQUENCY_PREFIX, category, NULL);

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!fg_store_set_setting (store, key, frequency_ids[frequency], error) ||
      !fg_audit_record_change (store, actor, "stats-frequency", category, frequency_ids[before],
                               frequency_ids[frequency], error))
    {
      fg_store_rollback (store);
      return FALSE;
    }
  return fg_store_commit (store, error);
}

/* The period */

/* One end of a period given from and to: both must be. */
static GDate *
parse_day (const char  *text,
           gboolean     start,
           GError     **error)
{
  if (text == NULL)
    {
      g_set_error_literal (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_PERIOD,
                           start ? _("Give the first day of the period as well as its last.")
                                 : _("Give the last day of the period as well as its first."));
      return NULL;
    }
  return fg_calendar_parse_period_day (text, start, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_DATE, error);
}

/* The first day of the month, quarter or year holding @day. */
static GDate *
window_start (const GDate      *day,
              FgStatsFrequency  frequency)
{
  GDateMonth month = g_date_get_month (day);

  switch (frequency)
    {
    case FG_STATS_FREQUENCY_MONTHLY:
      break;
    case FG_STATS_FREQUENCY_QUARTERLY:
      month = (GDateMonth) (((month - 1) / 3) * 3 + 1);
      break;
    case FG_STATS_FREQUENCY_YEARLY:
    case FG_STATS_N_FREQUENCIES:
    default:
      month = G_DATE_JANUARY;
      break;
    }
  return g_date_new_dmy (1, month, g_date_get_year (day));
}

static gboolean
resolve_period (const FgStatsQuery  *query,
                const GDate         *today,
                GDate              **from,
                GDate              **to,
                GError             **error)
{
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  const GDate *day = query->day != NULL ? query->day : today;

  switch (query->period)
    {
    case FG_STATS_PERIOD_RANGE:
      first = parse_day (query->from, TRUE, error);
      if (first == NULL)
        return FALSE;
      last = parse_day (query->to, FALSE, error);
      if (last == NULL)
        return FALSE;
      if (!fg_calendar_check_period (first, last, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_PERIOD, error))
        return FALSE;
      break;

    case FG_STATS_PERIOD_MONTH:
    case FG_STATS_PERIOD_QUARTER:
    case FG_STATS_PERIOD_YEAR:
    default:
      {
        FgStatsFrequency length = query->period == FG_STATS_PERIOD_MONTH ? FG_STATS_FREQUENCY_MONTHLY
                                  : query->period == FG_STATS_PERIOD_QUARTER ? FG_STATS_FREQUENCY_QUARTERLY
                                  : FG_STATS_FREQUENCY_YEARLY;
        guint months = length == FG_STATS_FREQUENCY_MONTHLY ? 1 : length == FG_STATS_FREQUENCY_QUARTERLY ? 3 : 12;

        first = window_start (day, length);
        last = g_date_copy (first);
        g_date_add_months (last, months);
        g_date_subtract_days (last, 1);
      }
      break;
    }

  *from = g_steal_pointer (&first);
  *to = g_steal_pointer (&last);
  return TRUE;
}

/* The region */

/* The region asked for, or the reader's own area, once the reader may
 * read it whole: an account of a grid asking for its township is refused
 * (and the refusal written down), as it would see part of the township
 * and take it for the whole. */
static FgRegion *
resolve_region (FgStore             *store,
                FgActor             *actor,
                const char          *asked,
                GError             **error)
{
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id_or_code = asked;

  if (id_or_code == NULL)
    id_or_code = fg_actor_get_scope_region_id (actor);
  if (id_or_code == NULL)
    id_or_code = fg_store_get_home_region_id (store);
  if (id_or_code == NULL)
    {
      g_set_error_literal (error, FG_STATS_ERROR, FG_STATS_ERROR_NO_REGION,
                           _("This installation is not set up for a township or a county yet, "
                             "so it has no figures. Set it up first (firegrid-cli init)."));
      return NULL;
    }

  region = fg_region_lookup (store, actor, id_or_code, &local_error);
  if (region == NULL)
    {
      if (g_error_matches (local_error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE) ||
          local_error->domain != FG_REGION_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FG_STATS_ERROR, FG_STATS_ERROR_NO_REGION,
                     _("There is no region with the code “%s” here. "
                       "Look the code up in the region list (firegrid-cli region list) and try again."),
                     id_or_code);
      return NULL;
    }

  if (!fg_permission_check (store, actor, FG_ACTION_REGION_READ, fg_region_get_code (region), NULL, error) ||
      !fg_permission_check (store, actor, FG_ACTION_VENUE_READ, fg_region_get_code (region), NULL, error))
    return NULL;

  return g_steal_pointer (&region);
}

/* ?1 the region's id (its code for a county), ?6 its code. A county's
 * rows are its townships' (hazards and inspections carry no county). */
#define TOWNSHIPS_OF(n) \
  "(SELECT id FROM region WHERE level = 2 AND deleted = 0 AND substr (code, 1, " n ") = substr (?6, 1, " n "))"

static char *
area_condition (FgRegionLevel  level,
                const char    *alias)
{
  switch (level)
    {
    case FG_REGION_LEVEL_COUNTY:
      return g_strdup_printf ("%stownship_id IN " TOWNSHIPS_OF ("6"), alias);
    case FG_REGION_LEVEL_TOWNSHIP:
      return g_strdup_printf ("%stownship_id = ?1", alias);
    case FG_REGION_LEVEL_VILLAGE:
      return g_strdup_printf ("%svillage_id = ?1", alias);
    case FG_REGION_LEVEL_GRID:
    default:
      return g_strdup_printf ("%sgrid_id = ?1", alias);
    }
}

/* The townships whose inspections may name the region's venues: a venue
 * moved between villages keeps its inspections, filed where it was. */
static const char *
townships_condition (FgRegionLevel level)
{
  return level == FG_REGION_LEVEL_COUNTY ? "township_id IN " TOWNSHIPS_OF ("6")
                                         : "township_id IN " TOWNSHIPS_OF ("9");
}

typedef struct
{
  FgStore       *store;
  FgRegionLevel  level;
  const char    *region_id;
  const char    *code;
  const char    *from;
  const char    *after;      /* the day after the period's last */
  const char    *overdue;    /* a running deadline before it is overdue now */
  const char    *late;       /* reported fixed before it: the re-inspection is late now */
  const char    *today;
} Context;

static sqlite3_stmt *
prepare (Context     *ctx,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = fg_store_prepare (ctx->store, sql, error);
  int n;

  if (stmt == NULL)
    return NULL;

  /* every statement takes what it needs of the same parameters */
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_text (stmt, 1, ctx->region_id, -1, SQLITE_TRANSIENT);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, ctx->from, -1, SQLITE_TRANSIENT);
  if (n >= 3)
    sqlite3_bind_text (stmt, 3, ctx->after, -1, SQLITE_TRANSIENT);
  if (n >= 4)
    sqlite3_bind_text (stmt, 4, ctx->overdue, -1, SQLITE_TRANSIENT);
  if (n >= 5)
    sqlite3_bind_text (stmt, 5, ctx->late != NULL ? ctx->late : "", -1, SQLITE_TRANSIENT);
  if (n >= 6)
    sqlite3_bind_text (stmt, 6, ctx->code, -1, SQLITE_TRANSIENT);
  if (n >= 7)
    sqlite3_bind_text (stmt, 7, ctx->today, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
step_done (Context  *ctx,
           int       rc,
           GError  **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  fg_store_set_error (ctx->store, rc, error);
  return FALSE;
}

/* YYYY-MM-DD… as a number that orders as the days do: 20261109 */
static guint
day_number (const char *text)
{
  if (text == NULL || strlen (text) < 10)
    return 0;
  return (guint) (atoi (text) * 10000 + atoi (text + 5) * 100 + atoi (text + 8));
}

static guint
date_number (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

/* Inspections: the last day each venue was inspected, up to the period's
 * end, and how many inspections of the region were finished in the
 * period. The rows come from inspection_township_finished alone, but for
 * a village or a grid, whose inspections of the period are told apart by
 * where they were made. */
static GHashTable *
read_inspections (Context       *ctx,
                  GStringChunk  *ids,
                  guint         *n_inspections,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sql = NULL;
  const char *here;
  int rc;

  here = ctx->level == FG_REGION_LEVEL_VILLAGE ? "village_id = ?1"
         : ctx->level == FG_REGION_LEVEL_GRID ? "grid_id = ?1" : "1";
  sql = g_strdup_printf ("SELECT venue_id, finished_at, CASE WHEN finished_at >= ?2 THEN %s ELSE 0 END FROM inspection"
                         " WHERE %s AND deleted = 0 AND finished_at IS NOT NULL AND finished_at < ?3",
                         here, townships_condition (ctx->level));
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return NULL;

  *n_inspections = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *venue_id = fg_stmt_text (stmt, 0);
      guint day = day_number (fg_stmt_text (stmt, 1));
      gpointer key, value;

      *n_inspections += sqlite3_column_int (stmt, 2) != 0;
      if (g_hash_table_lookup_extended (last, venue_id, &key, &value))
        {
          if (GPOINTER_TO_UINT (value) < day)
            g_hash_table_insert (last, key, GUINT_TO_POINTER (day));
        }
      else
        g_hash_table_insert (last, g_string_chunk_insert (ids, venue_id), GUINT_TO_POINTER (day));
    }
  if (!step_done (ctx, rc, error))
    return NULL;
  return g_steal_pointer (&last);
}

static FgStatsCategory *
get_category (GHashTable *categories,
              FgStore    *store,
              const char *id)
{
  FgStatsCategory *category = g_hash_table_lookup (categories, id);

  if (category == NULL)
    {
      category = g_new0 (FgStatsCategory, 1);
      category->category = g_strdup (id);
      category->frequency = fg_stats_get_frequency (store, id);
      g_hash_table_insert (categories, category->category, category);
    }
  return category;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const FgStatsCategory *x = *(FgStatsCategory * const *) a;
  const FgStatsCategory *y = *(FgStatsCategory * const *) b;

  if (x->n_venues != y->n_venues)
    return x->n_venues > y->n_venues ? -1 : 1;
  return strcmp (x->category, y->category);
}

typedef struct
{
  guint month, quarter, year;   /* the day numbers the windows start on */
  guint key_unit;               /* the start of the key units' window */
} Windows;

static guint
frequency_start (const Windows    *w,
                 FgStatsFrequency  frequency)
{
  return frequency == FG_STATS_FREQUENCY_MONTHLY ? w->month
         : frequency == FG_STATS_FREQUENCY_QUARTERLY ? w->quarter : w->year;
}

/* Venues: one pass over the region's active venues, a township's or a
 * county's from the index that holds what it reads (0046-stats-indexes.sql):
 * the planner, which cannot tell it from the list's, reads the table
 * otherwise. */
static gboolean
count_venues (Context     *ctx,
              FgStats     *stats,
              GHashTable  *last,
              const Windows *w,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) villages_stmt = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) fg_stats_category_free);
  g_autoptr(GHashTable) villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *area = area_condition (ctx->level, "");
  g_autofree char *sql = NULL;
  GHashTableIter iter;
  gpointer value;
  int rc;

  sql = g_strdup_printf ("SELECT id, coalesce (json_extract (categories, '$[0]'), ''), key_unit, smoke_alarm,"
                         "  " TARGET_SQL ("categories") ", village_id, simple_extinguishing"
                         " FROM venue %s WHERE %s AND deleted = 0 AND status = 'active'",
                         ctx->level <= FG_REGION_LEVEL_TOWNSHIP ? "INDEXED BY venue_township_stats" : "", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgStatsCategory *category = get_category (categories, ctx->store, fg_stmt_text (stmt, 1));
      gboolean key_unit = sqlite3_column_int (stmt, 2) != 0;
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (last, fg_stmt_text (stmt, 0)));
      guint start = key_unit ? w->key_unit : frequency_start (w, category->frequency);

      stats->n_venues++;
      category->n_venues++;
      category->n_key_units += key_unit;
      if (seen == 0)
        stats->n_never_inspected++;
      stats->n_inspected_month += seen >= w->month;
      stats->n_inspected_quarter += seen >= w->quarter;
      stats->n_inspected_year += seen >= w->year;
      if (seen != 0 && seen >= start)
        {
          stats->n_on_target++;
          category->n_on_target++;
        }

      if (sqlite3_column_int (stmt, 4) != 0)
        {
          const char *village_id = fg_stmt_text (stmt, 5);
          guint *counts = g_hash_table_lookup (villages, village_id);

          if (counts == NULL)
            {
              counts = g_new0 (guint, 3);
              g_hash_table_insert (villages, g_strdup (village_id), counts);
            }
          counts[0]++;
          counts[1] += sqlite3_column_int (stmt, 3) != 0;
          counts[2] += sqlite3_column_int (stmt, 6) != 0;
          stats->n_target_venues++;
          stats->n_target_smoke_alarms += sqlite3_column_int (stmt, 3) != 0;
          stats->n_target_simple_extinguishing += sqlite3_column_int (stmt, 6) != 0;
        }
    }
  if (!step_done (ctx, rc, error))
    return FALSE;

  g_hash_table_iter_init (&iter, categories);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (stats->categories, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (stats->categories, compare_categories);

  /* the villages with venues of the three kinds, in the order of their codes */
  if (g_hash_table_size (villages) == 0)
    return TRUE;
  villages_stmt = fg_store_prepare (ctx->store, "SELECT id, code, name FROM region"
                                                " WHERE level = 3 AND substr (code, 1, length (?1)) = ?1"
                                                " ORDER BY code", error);
  if (villages_stmt == NULL)
    return FALSE;
  {
    /* a grid's village: the first 12 digits of the grid's code */
    gsize length = ctx->level == FG_REGION_LEVEL_GRID ? 12 : fg_region_code_prefix_length (ctx->code);

    sqlite3_bind_text (villages_stmt, 1, ctx->code, (int) MIN (length, strlen (ctx->code)), SQLITE_TRANSIENT);
  }
  while ((rc = sqlite3_step (villages_stmt)) == SQLITE_ROW)
    {
      guint *counts = g_hash_table_lookup (villages, fg_stmt_text (villages_stmt, 0));
      FgStatsVillageTarget *target;

      if (counts == NULL)
        continue;
      target = g_new0 (FgStatsVillageTarget, 1);
      target->village_id = g_strdup (fg_stmt_text (villages_stmt, 0));
      target->code = g_strdup (fg_stmt_text (villages_stmt, 1));
      target->name = g_strdup (fg_stmt_text (villages_stmt, 2));
      target->n_venues = counts[0];
      target->n_smoke_alarms = counts[1];
      target->n_simple_extinguishing = counts[2];
      g_ptr_array_add (stats->villages, target);
    }
  return step_done (ctx, rc, error);
}

/* Hazards found in the period, and how many of them are closed now. */
static gboolean
count_found (Context  *ctx,
             FgStats  *stats,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *area = area_condition (ctx->level, "");
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT count (*), coalesce (sum (state = 'closed'), 0) FROM hazard"
                         " WHERE %s AND deleted = 0 AND found_at >= ?2 AND found_at < ?3", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->n_found = (guint) sqlite3_column_int (stmt, 0);
      stats->n_found_closed = (guint) sqlite3_column_int (stmt, 1);
    }
  return step_done (ctx, rc, error);
}

/* Hazards not closed now, by grade, overdue and waiting for the office's
 * re-inspection. The states are named so that each is a range of the
 * township's index, which a county's query is held to: with its townships
 * in a subquery, the planner would read the whole table. */
static gboolean
count_open (Context  *ctx,
            FgStats  *stats,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *area = area_condition (ctx->level, "");
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT count (*),"
                         "  coalesce (sum (grade = 'on-spot' AND major_confirmed = 0), 0),"
                         "  coalesce (sum (grade = 'deadline' AND major_confirmed = 0), 0),"
                         "  coalesce (sum (grade = 'major-proposed' AND major_confirmed = 0), 0),"
                         "  coalesce (sum (major_confirmed = 1), 0),"
                         "  coalesce (sum (state = 'rectifying' AND current_deadline IS NOT NULL"
                         "                 AND current_deadline < ?4), 0),"
                         "  coalesce (sum (state = 'reported-fixed' AND reported_fixed_on < ?5), 0)"
                         " FROM hazard %s WHERE %s AND deleted = 0"
                         "  AND state IN ('open', 'rectifying', 'reported-fixed', 'verified', 'escalated',"
                         "                'transferred')",
                         ctx->level <= FG_REGION_LEVEL_TOWNSHIP ? "INDEXED BY hazard_township_report" : "", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->n_open = (guint) sqlite3_column_int (stmt, 0);
      stats->n_open_on_spot = (guint) sqlite3_column_int (stmt, 1);
      stats->n_open_deadline = (guint) sqlite3_column_int (stmt, 2);
      stats->n_open_major_proposed = (guint) sqlite3_column_int (stmt, 3);
      stats->n_open_major = (guint) sqlite3_column_int (stmt, 4);
      stats->n_overdue = (guint) sqlite3_column_int (stmt, 5);
      stats->n_reinspection_late = ctx->late != NULL ? (guint) sqlite3_column_int (stmt, 6) : 0;
    }
  return step_done (ctx, rc, error);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static GDate *
date_of (const char *text)
{
  g_autofree char *day = text != NULL ? g_strndup (text, 10) : NULL;

  return day != NULL ? fg_calendar_parse_date (day, NULL) : NULL;
}

/* The events that close a hazard: its closing (销号) after a
 * re-inspection, or its correction on the spot, which closes it the day
 * it is found. The same term as the index's (0046-stats-indexes.sql). */
#define CLOSING(alias) alias ".kind IN ('closed', 'rectified-on-spot')"

/* Hazards closed in the period (their last closing, for one reopened and
 * closed again: looked up among the hazard's own events, not among every
 * later closing), and the median of the working days each took from the
 * day it was found. The days are counted on one table of the calendar
 * from the earliest day found to the period's end, not hazard by hazard. */
static gboolean
count_closed (Context     *ctx,
              FgStats     *stats,
              const GDate *last_day,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) days = NULL;
  g_autofree char *area = area_condition (ctx->level, "h.");
  g_autofree char *sql = NULL;
  g_autofree guint *workdays = NULL;
  guint32 first = G_MAXUINT32, end;
  int rc;

  sql = g_strdup_printf ("SELECT h.found_at, e.at FROM hazard_event e JOIN hazard h ON h.id = e.hazard_id"
                         " WHERE " CLOSING ("e") " AND e.at >= ?2 AND e.at < ?3"
                         "   AND h.deleted = 0 AND h.state = 'closed' AND %s"
                         "   AND NOT EXISTS (SELECT 1 FROM hazard_event later INDEXED BY hazard_event_hazard"
                         "                   WHERE later.hazard_id = e.hazard_id AND " CLOSING ("later")
                         "                     AND later.at > e.at)", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDate) f = date_of (fg_stmt_text (stmt, 0));
      g_autoptr(GDate) c = date_of (fg_stmt_text (stmt, 1));
      guint32 fj, cj;

      stats->n_closed++;
      if (f == NULL || c == NULL)
        continue;
      fj = g_date_get_julian (f);
      cj = g_date_get_julian (c);
      if (cj < fj)
        cj = fj;  /* a clock set back: closed the day it was found */
      g_array_append_val (found, fj);
      g_array_append_val (closed, cj);
      first = MIN (first, fj);
    }
  if (!step_done (ctx, rc, error))
    return FALSE;

  stats->median_days_to_close = -1;
  if (found->len == 0)
    return TRUE;

  /* workdays[i]: the working days after the day first + 0 up to first + i */
  end = MAX (g_date_get_julian (last_day), first);
  for (guint i = 0; i < closed->len; i++)
    end = MAX (end, g_array_index (closed, guint32, i));
  workdays = g_new0 (guint, end - first + 1);
  {
    g_autoptr(GDate) day = g_date_new_julian (first);

    for (guint32 j = first + 1; j <= end; j++)
      {
        g_date_add_days (day, 1);
        workdays[j - first] = workdays[j - first - 1] + (fg_calendar_is_workday (ctx->store, day) ? 1 : 0);
      }
  }

  days = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->len);
  for (guint i = 0; i < found->len; i++)
    {
      guint n = workdays[g_array_index (closed, guint32, i) - first] - workdays[g_array_index (found, guint32, i) - first];

      g_array_append_val (days, n);
    }
  g_array_sort (days, compare_uint);
  if (days->len % 2 == 1)
    stats->median_days_to_close = g_array_index (days, guint, days->len / 2);
  else
    stats->median_days_to_close = (g_array_index (days, guint, days->len / 2 - 1) +
                                   g_array_index (days, guint, days->len / 2)) / 2.0;
  return TRUE;
}

/* Documents issued in the period, and those not yet served: not voided,
 * served on the venue (the letter to the brigade and a transfer are sent,
 * not served), and neither signed for nor refused (a refusal is service,
 * 留置送达); a notice that found nobody is still to be served. A village's
 * documents are those of its venues. */
static gboolean
count_notices (Context  *ctx,
               FgStats  *stats,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *venue_area = NULL;
  const char *area;
  int rc;

  if (ctx->level == FG_REGION_LEVEL_VILLAGE || ctx->level == FG_REGION_LEVEL_GRID)
    {
      g_autofree char *venues = area_condition (ctx->level, "");

      venue_area = g_strdup_printf ("township_id IN " TOWNSHIPS_OF ("9")
                                    " AND venue_id IN (SELECT id FROM venue WHERE %s)", venues);
      area = venue_area;
    }
  else if (ctx->level == FG_REGION_LEVEL_COUNTY)
    area = "township_id IN " TOWNSHIPS_OF ("6");
  else
    area = "township_id = ?1";

  sql = g_strdup_printf ("SELECT coalesce (sum (issued_on >= ?2 AND issued_on < ?3), 0),"
                         "  coalesce (sum (kind NOT IN ('major-hazard-letter', 'transfer')"
                         "                 AND (service IS NULL OR service = 'unreachable')), 0)"
                         " FROM notice WHERE %s AND voided_at IS NULL AND issued_on <= ?7", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->n_notices = (guint) sqlite3_column_int (stmt, 0);
      stats->n_unserved = (guint) sqlite3_column_int (stmt, 1);
    }
  return step_done (ctx, rc, error);
}

/* A read transaction of its own, unless the caller holds one: the
 * figures read one state of the database, and no writer waits on them. */
static gboolean
begin_read (FgStore   *store,
            gboolean  *owned,
            GError   **error)
{
  *owned = sqlite3_get_autocommit (fg_store_get_db (store)) != 0;
  return !*owned || fg_store_exec (store, "BEGIN DEFERRED", error);
}

static void
end_read (FgStore  *store,
          gboolean  owned)
{
  if (owned)
    sqlite3_exec (fg_store_get_db (store), "COMMIT", NULL, NULL, NULL);
}

/* A running deadline is overdue once a working day has passed after it:
 * when it lies before the last working day up to @today (as the ledger
 * counts). */
static char *
overdue_before (FgStore     *store,
                const GDate *today)
{
  g_autoptr(GDate) day = g_date_copy (today);

  for (guint i = 0; i < 60 && !fg_calendar_is_workday (store, day); i++)
    g_date_subtract_days (day, 1);
  return fg_calendar_format_date (day);
}

/**
 * fg_stats_compute:
 * @store: the store
 * @actor: who reads: the region must lie in its area
 * @query: the region, the period and the day it is
 * @error: return location for an error
 *
 * Counts a region's figures (see #FgStats): a township, a village, a grid,
 * or a county as its townships together. The region is the reader's own
 * area when @query names none. Active venues are those not closed, not
 * moved away and not removed, counted in the village they are in now;
 * closed venues' and removed venues' hazards and documents still count,
 * as they happened.
 *
 * Errors: %FG_PERMISSION_ERROR when the reader may not read the region
 * whole (a grid's account asking for its township; the refusal is written
 * to the audit log); %FG_STATS_ERROR for a region that does not exist, a
 * day that does not, or a period that ends before it starts.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
FgStats *
fg_stats_compute (FgStore             *store,
                  FgActor             *actor,
                  const FgStatsQuery  *query,
                  GError             **error)
{
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  g_autoptr(GDate) after = NULL;
  g_autoptr(GHashTable) last = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *late_text = NULL;
  GStringChunk *ids = NULL;
  Context ctx = { 0, };
  Windows w;
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->today == NULL || g_date_valid (query->today), NULL);
  g_return_val_if_fail (query->day == NULL || g_date_valid (query->day), NULL);

  if (query->today != NULL)
    today = g_date_copy (query->today);
  else
    today = fg_store_today (store);

  /* a wrong date is refused before anything is read or written */
  if (!resolve_period (query, today, &from, &to, error))
    return NULL;

  region = resolve_region (store, actor, query->region, error);
  if (region == NULL)
    return NULL;

  stats = g_new0 (FgStats, 1);
  stats->region_id = g_strdup (fg_region_get_id (region));
  stats->region_code = g_strdup (fg_region_get_code (region));
  stats->region_name = g_strdup (fg_region_get_name (region));
  stats->level = fg_region_get_level (region);
  stats->period = query->period;
  stats->from = fg_calendar_format_date (from);
  stats->to = fg_calendar_format_date (to);
  stats->today = fg_calendar_format_date (today);
  stats->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_category_free);
  stats->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_village_target_free);
  stats->median_days_to_close = -1;

  after = g_date_copy (to);
  g_date_add_days (after, 1);
  after_text = fg_calendar_format_date (after);
  overdue_text = overdue_before (store, today);
  late_text = fg_escalation_dup_reinspection_late_before (store, today);

  {
    g_autoptr(GDate) m = window_start (to, FG_STATS_FREQUENCY_MONTHLY);
    g_autoptr(GDate) q = window_start (to, FG_STATS_FREQUENCY_QUARTERLY);
    g_autoptr(GDate) y = window_start (to, FG_STATS_FREQUENCY_YEARLY);

    w.month = date_number (m);
    w.quarter = date_number (q);
    w.year = date_number (y);
    w.key_unit = frequency_start (&w, fg_stats_get_frequency (store, FG_STATS_KEY_UNIT));
  }

  ctx.store = store;
  ctx.level = stats->level;
  ctx.region_id = stats->region_id;
  ctx.code = stats->region_code;
  ctx.from = stats->from;
  ctx.after = after_text;
  ctx.overdue = overdue_text;
  ctx.late = late_text;
  ctx.today = stats->today;

  if (!begin_read (store, &owned, error))
    return NULL;

  ids = g_string_chunk_new (16384);
  last = read_inspections (&ctx, ids, &stats->n_inspections, error);
  ok = last != NULL &&
       count_venues (&ctx, stats, last, &w, error) &&
       count_found (&ctx, stats, error) &&
       count_open (&ctx, stats, error) &&
       count_closed (&ctx, stats, to, error) &&
       count_notices (&ctx, stats, error);
  g_clear_pointer (&last, g_hash_table_unref);
  g_string_chunk_free (ids);

  end_read (store, owned);
  if (!ok)
    return NULL;

  return g_steal_pointer (&stats);
}

static const char * const lack_ids[] = { "smoke-alarm", "simple-extinguishing", "either" };

/**
 * fg_stats_lack_to_string:
 *
 * Returns: the lack's id, as the command line writes it ("smoke-alarm",
 *   "simple-extinguishing", "either")
 */
const char *
fg_stats_lack_to_string (FgStatsLack lack)
{
  g_return_val_if_fail (lack <= FG_STATS_LACK_EITHER, NULL);
  return lack_ids[lack];
}

gboolean
fg_stats_lack_from_string (const char  *text,
                           FgStatsLack *lack)
{
  for (guint i = 0; i < G_N_ELEMENTS (lack_ids); i++)
    {
      if (g_strcmp0 (text, lack_ids[i]) == 0)
        {
          *lack = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The condition on venue v of lacking @lack. */
static const char *
fg_stats_lack_condition (FgStatsLack lack)
{
  switch (lack)
    {
    case FG_STATS_LACK_SMOKE_ALARM:
      return "v.smoke_alarm = 0";
    case FG_STATS_LACK_SIMPLE_EXTINGUISHING:
      return "v.simple_extinguishing = 0";
    case FG_STATS_LACK_EITHER:
    default:
      return "(v.smoke_alarm = 0 OR v.simple_extinguishing = 0)";
    }
}

/**
 * fg_stats_list_lacking:
 * @store: the store
 * @actor: who reads
 * @region: (nullable): a region's code or id; the reader's area by default
 * @lack: which of the target's two things the venues lack
 * @offset: how many venues to skip
 * @limit: how many to return at most
 * @n_total: (out) (optional): how many there are in all
 * @error: return location for an error
 *
 * The active family workshops, street shops and old residential compounds
 * of the region without a standalone smoke alarm, without simple
 * extinguishing equipment, or without either (one or both): what the 2026
 * target still lacks, by village code and then name, a page at a time.
 *
 * Returns: (transfer full) (element-type FgStatsVenue): the page, or
 *   %NULL with @error set (as fg_stats_compute())
 */
GPtrArray *
fg_stats_list_lacking (FgStore     *store,
                       FgActor     *actor,
                       const char  *region,
                       FgStatsLack  lack,
                       guint        offset,
                       guint        limit,
                       guint       *n_total,
                       GError     **error)
{
  g_autoptr(FgRegion) area_region = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) count_stmt = NULL;
  g_autoptr(GPtrArray) venues = NULL;
  g_autofree char *area = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *count_sql = NULL;
  Context ctx = { 0, };
  gboolean owned;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (lack <= FG_STATS_LACK_EITHER, NULL);

  area_region = resolve_region (store, actor, region, error);
  if (area_region == NULL)
    return NULL;

  ctx.store = store;
  ctx.level = fg_region_get_level (area_region);
  ctx.region_id = fg_region_get_id (area_region);
  ctx.code = fg_region_get_code (area_region);
  area = area_condition (ctx.level, "v.");

#define LACKING_WHERE \
  " WHERE %s AND v.deleted = 0 AND v.status = 'active' AND %s AND " TARGET_SQL ("v.categories")

  sql = g_strdup_printf ("SELECT v.id, v.name, v.address,"
                         "  CASE WHEN instr (v.categories, '\"family-workshop\"') > 0 THEN 'family-workshop'"
                         "       WHEN instr (v.categories, '\"street-shop\"') > 0 THEN 'street-shop'"
                         "       ELSE 'old-residential' END,"
                         "  r.name"
                         " FROM venue v JOIN region r ON r.id = v.village_id" LACKING_WHERE
                         " ORDER BY r.code, v.name_key, v.seq LIMIT ?2 OFFSET ?3",
                         area, fg_stats_lack_condition (lack));
  count_sql = g_strdup_printf ("SELECT count (*) FROM venue v" LACKING_WHERE, area, fg_stats_lack_condition (lack));
#undef LACKING_WHERE

  if (!begin_read (store, &owned, error))
    return NULL;

  stmt = fg_store_prepare (store, sql, error);
  count_stmt = stmt != NULL ? fg_store_prepare (store, count_sql, error) : NULL;
  if (count_stmt == NULL)
    {
      end_read (store, owned);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, ctx.region_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  if (sqlite3_bind_parameter_index (stmt, "?6") > 0)
    sqlite3_bind_text (stmt, 6, ctx.code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (count_stmt, 1, ctx.region_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_index (count_stmt, "?6") > 0)
    sqlite3_bind_text (count_stmt, 6, ctx.code, -1, SQLITE_TRANSIENT);

  venues = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_venue_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgStatsVenue *venue = g_new0 (FgStatsVenue, 1);

      venue->venue_id = g_strdup (fg_stmt_text (stmt, 0));
      venue->name = g_strdup (fg_stmt_text (stmt, 1));
      venue->address = g_strdup (fg_stmt_text (stmt, 2));
      venue->category = g_strdup (fg_stmt_text (stmt, 3));
      venue->village_name = g_strdup (fg_stmt_text (stmt, 4));
      g_ptr_array_add (venues, venue);
    }
  if (rc == SQLITE_DONE && n_total != NULL)
    {
      rc = sqlite3_step (count_stmt);
      if (rc == SQLITE_ROW)
        {
          *n_total = (guint) sqlite3_column_int (count_stmt, 0);
          rc = SQLITE_DONE;
        }
    }
  g_clear_pointer (&stmt, fg_stmt_release);
  g_clear_pointer (&count_stmt, fg_stmt_release);
  end_read (store, owned);
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&venues);
}

/* For fg-stats-series.c: the period and the region of @query, checked as
 * fg_stats_compute() checks them. */
gboolean
_fg_stats_resolve (FgStore             *store,
                   FgActor             *actor,
                   const FgStatsQuery  *query,
                   FgRegion           **region,
                   GDate              **from,
                   GDate              **to,
                   GError             **error)
{
  g_autoptr(GDate) today = query->today != NULL ? g_date_copy (query->today) : fg_store_today (store);

  if (!resolve_period (query, today, from, to, error))
    return FALSE;
  *region = resolve_region (store, actor, query->region, error);
  if (*region == NULL)
    {
      g_clear_pointer (from, g_date_free);
      g_clear_pointer (to, g_date_free);
      return FALSE;
    }
  return TRUE;
}

/* For fg-stats-series.c: the rows of a region's area (?1 its id, ?6 its code). */
char *
_fg_stats_area_condition (FgRegionLevel  level,
                          const char    *alias)
{
  return area_condition (level, alias);
}
