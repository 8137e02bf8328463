/* fg-stats-series.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The series behind the statistics page's charts, beside the figures of
 * fg-stats.c and over the same region and period:
 *
 *  - the inspected share of each part of the region (a township's
 *    villages, a county's townships, a village's grids): its active venues
 *    now, and those inspected in the period, in one pass over the venues
 *    joined to the period's inspections (inspection_township_finished);
 *  - the hazards found and closed in each of the twelve months up to the
 *    period's last, in one pass over the hazards found (hazard_ledger_found)
 *    and the closing events (hazard_event_closed);
 *  - the hazards found in the period by section of the checklist.
 *
 * The three statements run inside one read transaction.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-stats-series.h"
#include "fg-stats-private.h"
#include "fg-calendar.h"
#include "fg-category.h"
#include "fg-store-private.h"

void
fg_stats_area_free (FgStatsArea *self)
{
  if (self == NULL)
    return;
  g_free (self->region_id);
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

void
fg_stats_month_free (FgStatsMonth *self)
{
  if (self == NULL)
    return;
  g_free (self->month);
  g_free (self->first_day);
  g_free (self->after);
  g_free (self);
}

void
fg_stats_section_free (FgStatsSection *self)
{
  if (self == NULL)
    return;
  g_free (self->section_id);
  g_free (self->section);
  g_free (self);
}

void
fg_stats_series_free (FgStatsSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->region_id);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self);
}

typedef struct
{
  FgStore       *store;
  FgRegionLevel  level;
  const char    *region_id;
  const char    *code;
  const char    *from;        /* ?2 the period's first day */
  const char    *after;       /* ?3 the day after its last */
  const char    *trend_from;  /* ?4 the first day of the trend's first month */
  const char    *trend_after; /* ?5 the first day after the trend's last month */
} Context;

/* ?1 the region's id, ?6 its code: as fg-stats.c binds them */
static sqlite3_stmt *
prepare (Context     *ctx,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = fg_store_prepare (ctx->store, sql, error);
  const char *values[] = { ctx->region_id, ctx->from, ctx->after, ctx->trend_from, ctx->trend_after, ctx->code };
  int n;

  if (stmt == NULL)
    return NULL;
  n = sqlite3_bind_parameter_count (stmt);
  for (int i = 0; i < n && i < (int) G_N_ELEMENTS (values); i++)
    sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
step_done (Context  *ctx,
           int       rc,
           GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  fg_store_set_error (ctx->store, rc, error);
  return FALSE;
}

/* The townships whose inspections may name the region's venues (a venue
 * moved between villages keeps its inspections, filed where it was). */
#define TOWNSHIPS_OF(n) \
  "(SELECT id FROM region WHERE level = 2 AND deleted = 0 AND substr (code, 1, " n ") = substr (?6, 1, " n "))"

/* Each part's active venues, and those of them inspected in the period. */
static gboolean
read_areas (Context        *ctx,
            FgStatsSeries  *series,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *area = _fg_stats_area_condition (ctx->level, "v.");
  g_autofree char *sql = NULL;
  const char *part;
  FgRegionLevel part_level;
  int rc;

  switch (ctx->level)
    {
    case FG_REGION_LEVEL_COUNTY:
      part = "v.township_id";
      part_level = FG_REGION_LEVEL_TOWNSHIP;
      break;
    case FG_REGION_LEVEL_TOWNSHIP:
      part = "v.village_id";
      part_level = FG_REGION_LEVEL_VILLAGE;
      break;
    case FG_REGION_LEVEL_VILLAGE:
    case FG_REGION_LEVEL_GRID:
    default:
      part = "v.grid_id";
      part_level = FG_REGION_LEVEL_GRID;
      break;
    }

  sql = g_strdup_printf ("SELECT r.id, r.code, r.name, count (*), count (i.venue_id)"
                         " FROM venue v %s"
                         " LEFT JOIN (SELECT DISTINCT venue_id FROM inspection"
                         "            WHERE township_id IN %s AND deleted = 0"
                         "              AND finished_at >= ?2 AND finished_at < ?3) i ON i.venue_id = v.id"
                         " JOIN region r ON r.id = %s"
                         " WHERE %s AND v.deleted = 0 AND v.status = 'active'"
                         " GROUP BY r.id ORDER BY r.code",
                         ctx->level <= FG_REGION_LEVEL_TOWNSHIP ? "INDEXED BY venue_township_stats" : "",
                         ctx->level == FG_REGION_LEVEL_COUNTY ? TOWNSHIPS_OF ("6") : TOWNSHIPS_OF ("9"),
                         part, area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgStatsArea *row = g_new0 (FgStatsArea, 1);

      row->region_id = g_strdup (fg_stmt_text (stmt, 0));
      row->code = g_strdup (fg_stmt_text (stmt, 1));
      row->name = g_strdup (fg_stmt_text (stmt, 2));
      row->level = part_level;
      row->n_venues = (guint) sqlite3_column_int (stmt, 3);
      row->n_inspected = (guint) sqlite3_column_int (stmt, 4);
      g_ptr_array_add (series->areas, row);
    }
  return step_done (ctx, rc, error);
}

/* The hazards found and closed in each month of the trend: a hazard
 * counts as closed in the month of its last closing, once it is closed
 * now (as fg_stats_compute() counts n_closed). */
static gboolean
read_months (Context        *ctx,
             FgStatsSeries  *series,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *area = _fg_stats_area_condition (ctx->level, "h.");
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT m, sum (f), sum (c) FROM ("
                         "  SELECT substr (h.found_at, 1, 7) AS m, 1 AS f, 0 AS c FROM hazard h"
                         "  WHERE %s AND h.deleted = 0 AND h.found_at >= ?4 AND h.found_at < ?5"
                         "  UNION ALL"
                         "  SELECT substr (e.at, 1, 7), 0, 1 FROM hazard_event e JOIN hazard h ON h.id = e.hazard_id"
                         "  WHERE " FG_STATS_CLOSING ("e") " AND e.at >= ?4 AND e.at < ?5"
                         "    AND h.deleted = 0 AND h.state = 'closed' AND %s"
                         "    AND NOT EXISTS (SELECT 1 FROM hazard_event later INDEXED BY hazard_event_hazard"
                         "                    WHERE later.hazard_id = e.hazard_id AND " FG_STATS_CLOSING ("later")
                         "                      AND later.at > e.at))"
                         " GROUP BY m", area, area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = fg_stmt_text (stmt, 0);

      for (guint i = 0; i < series->months->len; i++)
        {
          FgStatsMonth *row = g_ptr_array_index (series->months, i);

          if (g_strcmp0 (row->month, month) == 0)
            {
              row->n_found = (guint) sqlite3_column_int (stmt, 1);
              row->n_closed = (guint) sqlite3_column_int (stmt, 2);
              break;
            }
        }
    }
  return step_done (ctx, rc, error);
}

/* The hazards found in the period by section of their checklist item. */
static gboolean
read_sections (Context        *ctx,
               FgStatsSeries  *series,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *area = _fg_stats_area_condition (ctx->level, "h.");
  g_autofree char *sql = NULL;
  gboolean chinese = fg_locale_prefers_chinese ();
  int rc;

  sql = g_strdup_printf ("SELECT ci.section_id, min (ci.section_zh), min (ci.section_en),"
                         "  count (*), sum (h.state <> 'closed')"
                         " FROM hazard h JOIN checklist_item ci ON ci.template_id = h.template_id"
                         "   AND ci.version = h.template_version AND ci.code = h.item_code"
                         " WHERE %s AND h.deleted = 0 AND h.found_at >= ?2 AND h.found_at < ?3"
                         " GROUP BY ci.section_id ORDER BY count (*) DESC, ci.section_id", area);
  stmt = prepare (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgStatsSection *row = g_new0 (FgStatsSection, 1);

      row->section_id = g_strdup (fg_stmt_text (stmt, 0));
      row->section = g_strdup (fg_stmt_text (stmt, chinese ? 1 : 2));
      row->n_found = (guint) sqlite3_column_int (stmt, 3);
      row->n_open = (guint) sqlite3_column_int (stmt, 4);
      g_ptr_array_add (series->sections, row);
    }
  return step_done (ctx, rc, error);
}

/* The twelve months up to the one holding @to, oldest first, all zero. */
static GPtrArray *
new_months (const GDate *to)
{
  GPtrArray *months = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_month_free);
  g_autoptr(GDate) day = g_date_new_dmy (1, g_date_get_month (to), g_date_get_year (to));

  g_date_subtract_months (day, FG_STATS_SERIES_MONTHS - 1);
  for (guint i = 0; i < FG_STATS_SERIES_MONTHS; i++)
    {
      FgStatsMonth *month = g_new0 (FgStatsMonth, 1);

      month->first_day = fg_calendar_format_date (day);
      month->month = g_strndup (month->first_day, 7);
      g_date_add_months (day, 1);
      month->after = fg_calendar_format_date (day);
      g_ptr_array_add (months, month);
    }
  return months;
}

/**
 * fg_stats_series_compute:
 * @store: the store
 * @actor: who reads: the region must lie in its area
 * @query: the region, the period and the day it is, as for fg_stats_compute()
 * @error: return location for an error
 *
 * Counts the series the statistics page draws (see #FgStatsSeries) for
 * the region and period fg_stats_compute() would count its figures for.
 *
 * Errors: as fg_stats_compute()
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
FgStatsSeries *
fg_stats_series_compute (FgStore             *store,
                         FgActor             *actor,
                         const FgStatsQuery  *query,
                         GError             **error)
{
  g_autoptr(FgStatsSeries) series = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  g_autoptr(GDate) after = NULL;
  g_autofree char *after_text = NULL;
  Context ctx = { 0, };
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_fg_stats_resolve (store, actor, query, &region, &from, &to, error))
    return NULL;

  series = g_new0 (FgStatsSeries, 1);
  series->region_id = g_strdup (fg_region_get_id (region));
  series->level = fg_region_get_level (region);
  series->from = fg_calendar_format_date (from);
  series->to = fg_calendar_format_date (to);
  series->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_area_free);
  series->months = new_months (to);
  series->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_section_free);

  after = g_date_copy (to);
  g_date_add_days (after, 1);
  after_text = fg_calendar_format_date (after);

  ctx.store = store;
  ctx.level = series->level;
  ctx.region_id = series->region_id;
  ctx.code = fg_region_get_code (region);
  ctx.from = series->from;
  ctx.after = after_text;
  ctx.trend_from = ((FgStatsMonth *) g_ptr_array_index (series->months, 0))->first_day;
  ctx.trend_after = ((FgStatsMonth *) g_ptr_array_index (series->months, FG_STATS_SERIES_MONTHS - 1))->after;

  /* one state of the database for the three, unless the caller holds one */
  owned = sqlite3_get_autocommit (fg_store_get_db (store)) != 0;
  if (owned && !fg_store_exec (store, "BEGIN DEFERRED", error))
    return NULL;
  ok = read_areas (&ctx, series, error) &&
       read_months (&ctx, series, error) &&
       read_sections (&ctx, series, error);
  if (owned)
    sqlite3_exec (fg_store_get_db (store), "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  return g_steal_pointer (&series);
}

/* In a worker: the figures and the series together */

typedef struct
{
  char          *db_path;
  FgActor       *actor;
  char          *region;
  FgStatsPeriod  period;
  GDate         *day;
  char          *from;
  char          *to;
  GDate         *today;
  FgStats       *stats;   /* the results */
  FgStatsSeries *series;
} StatsJob;

static void
stats_job_free (StatsJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->actor, fg_actor_unref);
  g_free (job->region);
  g_clear_pointer (&job->day, g_date_free);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->today, g_date_free);
  g_clear_pointer (&job->stats, fg_stats_free);
  g_clear_pointer (&job->series, fg_stats_series_free);
  g_free (job);
}

static void
compute_all_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  StatsJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  FgStatsQuery query = {
    .region = job->region,
    .period = job->period,
    .day = job->day,
    .from = job->from,
    .to = job->to,
    .today = job->today,
  };
  GError *error = NULL;

  if (store == NULL)
    return;

  job->stats = fg_stats_compute (store, job->actor, &query, &error);
  if (job->stats != NULL && !g_task_return_error_if_cancelled (task))
    {
      job->series = fg_stats_series_compute (store, job->actor, &query, &error);
      if (job->series == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
    }
  else if (job->stats == NULL)
    g_task_return_error (task, error);
}

/**
 * fg_stats_series_compute_all_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who reads
 * @query: the region, the period and the day it is (copied)
 * @cancellable: (nullable): to give up
 * @callback: called in the thread-default main context once both are counted
 * @user_data: for @callback
 *
 * Counts the figures (fg_stats_compute()) and the series
 * (fg_stats_series_compute()) of a region in a worker thread: on a
 * county they take hundreds of milliseconds.
 */
void
fg_stats_series_compute_all_async (FgStore             *store,
                                   FgActor             *actor,
                                   const FgStatsQuery  *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StatsJob *job;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);

  job = g_new0 (StatsJob, 1);
  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  job->region = g_strdup (query->region);
  job->period = query->period;
  job->day = query->day != NULL ? g_date_copy (query->day) : NULL;
  job->from = g_strdup (query->from);
  job->to = g_strdup (query->to);
  /* "today" is the caller's, even if the worker starts after midnight */
  job->today = query->today != NULL ? g_date_copy (query->today) : fg_store_today (store);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_stats_series_compute_all_async);
  g_task_set_task_data (task, job, (GDestroyNotify) stats_job_free);
  g_task_run_in_thread (task, compute_all_thread);
}

/**
 * fg_stats_series_compute_all_finish:
 * @store: the store
 * @result: the result given to the callback
 * @stats: (out) (transfer full): the figures
 * @series: (out) (transfer full): the series
 * @error: return location for an error
 *
 * Returns: %TRUE with both set, or %FALSE with @error set (as
 *   fg_stats_compute(), or %G_IO_ERROR_CANCELLED)
 */
gboolean
fg_stats_series_compute_all_finish (FgStore        *store,
                                    GAsyncResult   *result,
                                    FgStats       **stats,
                                    FgStatsSeries **series,
                                    GError        **error)
{
  StatsJob *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  *stats = g_steal_pointer (&job->stats);
  *series = g_steal_pointer (&job->series);
  return TRUE;
}
