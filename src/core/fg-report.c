/* fg-report.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A county office's database holds every township's records side by side;
 * this ranks the townships by what they did. Each figure is one GROUP BY
 * over a table, or one pass over the period's inspections, restricted to
 * the townships in the reader's area, so the cost grows with the rows of
 * those townships and each is read from an index (see bench/bench-report.c
 * for the figures at county size).
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "fg-report.h"
#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-report-error-quark, fg_report_error)

G_DEFINE_BOXED_TYPE (FgTownshipFigures, fg_township_figures, fg_township_figures_copy, fg_township_figures_free)
G_DEFINE_BOXED_TYPE (FgTownshipReport, fg_township_report, fg_township_report_copy, fg_township_report_free)

static const char * const rank_ids[FG_REPORT_N_RANKS] = {
  "rate", "overdue", "coverage", "open", "inspections",
};

const char *
fg_report_rank_to_string (FgReportRank rank_by)
{
  g_return_val_if_fail (rank_by < FG_REPORT_N_RANKS, NULL);
  return rank_ids[rank_by];
}

gboolean
fg_report_rank_from_string (const char   *text,
                            FgReportRank *rank_by)
{
  for (guint i = 0; i < FG_REPORT_N_RANKS; i++)
    {
      if (g_strcmp0 (text, rank_ids[i]) == 0)
        {
          *rank_by = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fg_report_rank_get_label:
 *
 * Returns: what townships are ranked by, in the user's language
 */
const char *
fg_report_rank_get_label (FgReportRank rank_by)
{
  switch (rank_by)
    {
    case FG_REPORT_RANK_RECTIFICATION_RATE:
      return C_("rank by", "Rectification rate");
    case FG_REPORT_RANK_OVERDUE:
      return C_("rank by", "Overdue hazards");
    case FG_REPORT_RANK_COVERAGE:
      return C_("rank by", "Inspection coverage");
    case FG_REPORT_RANK_OPEN_HAZARDS:
      return C_("rank by", "Open hazards");
    case FG_REPORT_RANK_INSPECTIONS:
      return C_("rank by", "Inspections");
    case FG_REPORT_N_RANKS:
    default:
      return "";
    }
}

FgTownshipFigures *
fg_township_figures_copy (const FgTownshipFigures *self)
{
  FgTownshipFigures *copy = g_new (FgTownshipFigures, 1);

  *copy = *self;
  copy->township_id = g_strdup (self->township_id);
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  copy->name_key = g_strdup (self->name_key);
  copy->last_bundle_at = g_strdup (self->last_bundle_at);
  return copy;
}

void
fg_township_figures_free (FgTownshipFigures *self)
{
  if (self == NULL)
    return;

  g_free (self->township_id);
  g_free (self->code);
  g_free (self->name);
  g_free (self->name_key);
  g_free (self->last_bundle_at);
  g_free (self);
}

/**
 * fg_township_figures_get_coverage:
 *
 * Returns: the share of open venues inspected in the period, from 0 to 1;
 *   -1 when the township has no open venue
 */
double
fg_township_figures_get_coverage (const FgTownshipFigures *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->n_venues == 0)
    return -1;
  return (double) self->n_venues_inspected / self->n_venues;
}

/**
 * fg_township_figures_get_rectification_rate:
 *
 * Returns: the share of the hazards found in the period that are closed,
 *   from 0 to 1; -1 when none was found
 */
double
fg_township_figures_get_rectification_rate (const FgTownshipFigures *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->n_found == 0)
    return -1;
  return (double) self->n_closed / self->n_found;
}

/**
 * fg_township_figures_get_smoke_alarm_coverage:
 *
 * Returns: the share of open venues with a standalone smoke alarm, from 0
 *   to 1; -1 when there is no open venue
 */
double
fg_township_figures_get_smoke_alarm_coverage (const FgTownshipFigures *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->n_venues == 0)
    return -1;
  return (double) self->n_smoke_alarms / self->n_venues;
}

FgTownshipReport *
fg_township_report_copy (const FgTownshipReport *self)
{
  FgTownshipReport *copy = g_new0 (FgTownshipReport, 1);

  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  copy->today = g_strdup (self->today);
  copy->rank_by = self->rank_by;
  copy->townships = g_ptr_array_new_full (self->townships->len, (GDestroyNotify) fg_township_figures_free);
  for (guint i = 0; i < self->townships->len; i++)
    g_ptr_array_add (copy->townships, fg_township_figures_copy (g_ptr_array_index (self->townships, i)));
  return copy;
}

void
fg_township_report_free (FgTownshipReport *self)
{
  if (self == NULL)
    return;

  g_free (self->from);
  g_free (self->to);
  g_free (self->today);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_free (self);
}

/* Ranking */

/* Compares two shares n/d exactly, so that 1/2 and 2/4 tie; a share
 * without a denominator (nothing to count) comes after every other. */
static int
compare_shares (guint n_a,
                guint d_a,
                guint n_b,
                guint d_b)
{
  guint64 a, b;

  if (d_a == 0 || d_b == 0)
    return (d_a == 0) - (d_b == 0);

  /* the higher share first */
  a = (guint64) n_a * d_b;
  b = (guint64) n_b * d_a;
  return (a < b) - (a > b);
}

static int
compare_counts (guint    a,
                guint    b,
                gboolean fewest_first)
{
  return fewest_first ? (a > b) - (a < b) : (a < b) - (a > b);
}

/* Negative when @a ranks before @b, 0 when their figures are equal. */
static int
compare_figures (const FgTownshipFigures *a,
                 const FgTownshipFigures *b,
                 FgReportRank             rank_by)
{
  switch (rank_by)
    {
    case FG_REPORT_RANK_RECTIFICATION_RATE:
      return compare_shares (a->n_closed, a->n_found, b->n_closed, b->n_found);
    case FG_REPORT_RANK_OVERDUE:
      return compare_counts (a->n_overdue, b->n_overdue, TRUE);
    case FG_REPORT_RANK_COVERAGE:
      return compare_shares (a->n_venues_inspected, a->n_venues, b->n_venues_inspected, b->n_venues);
    case FG_REPORT_RANK_OPEN_HAZARDS:
      return compare_counts (a->n_open, b->n_open, TRUE);
    case FG_REPORT_RANK_INSPECTIONS:
      return compare_counts (a->n_inspections, b->n_inspections, FALSE);
    case FG_REPORT_N_RANKS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_for_order (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const FgTownshipFigures *x = *(FgTownshipFigures * const *) a;
  const FgTownshipFigures *y = *(FgTownshipFigures * const *) b;
  int order = compare_figures (x, y, GPOINTER_TO_UINT (user_data));

  /* the same order every time, whatever order the rows came in */
  return order != 0 ? order : strcmp (x->code, y->code);
}

/**
 * fg_report_rank:
 * @townships: (element-type FgTownshipFigures): townships' figures
 * @rank_by: what to rank them by
 *
 * Orders @townships best first, equal figures by township code, and
 * numbers them: equal figures share a rank, and the next one is counted
 * from its place (1, 2, 2, 4). A township with nothing to take a share
 * of (no hazard found, no open venue) comes last when ranked by that
 * share.
 */
void
fg_report_rank (GPtrArray    *townships,
                FgReportRank  rank_by)
{
  g_return_if_fail (townships != NULL);
  g_return_if_fail (rank_by < FG_REPORT_N_RANKS);

  g_ptr_array_sort_with_data (townships, compare_for_order, GUINT_TO_POINTER (rank_by));

  for (guint i = 0; i < townships->len; i++)
    {
      FgTownshipFigures *figures = g_ptr_array_index (townships, i);
      FgTownshipFigures *before = i > 0 ? g_ptr_array_index (townships, i - 1) : NULL;

      if (before != NULL && compare_figures (before, figures, rank_by) == 0)
        figures->rank = before->rank;
      else
        figures->rank = i + 1;
    }
}

/* The query */

/* A deadline is overdue once a working day has passed after it (the
 * ledger's fg_hazard_count_overdue()): so before the last working day up
 * to @today. Holidays never run longer than a few weeks. */
static char *
overdue_before (FgStore     *store,
                const GDate *today)
{
  g_autoptr(GDate) day = g_date_copy (today);

  for (guint i = 0; i < 60 && !fg_calendar_is_workday (store, day); i++)
    g_date_subtract_days (day, 1);

  return fg_calendar_format_date (day);
}

/* Only whole townships can be compared: an account that covers a village
 * or a grid would see part of one township and call it the township. */
static gboolean
check_reader (FgStore  *store,
              FgActor  *actor,
              GError  **error)
{
  const char *scope = fg_actor_get_scope_code (actor);
  g_autofree char *message = NULL;

  if (!fg_permission_check (store, actor, FG_ACTION_REGION_READ, NULL, NULL, error) ||
      !fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  if (scope == NULL || fg_region_code_prefix_length (scope) <= 9)
    return TRUE;

  message = g_strdup_printf (_("Townships are compared as a whole; your account covers %s only. "
                               "Ask the township for its figures."),
                             fg_actor_get_scope_name (actor));
  fg_audit_record_refusal (store, actor, fg_action_to_string (FG_ACTION_VENUE_READ), NULL, message);
  g_set_error_literal (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE, message);
  return FALSE;
}

/* ?1 the reader's area (a code prefix, or NULL for everything), ?2 the
 * period's first day, ?3 the day after its last, ?4 the deadline before
 * which a running hazard is overdue. Times are stored as local ISO 8601,
 * so comparing them with a bare date as text compares days. Every
 * aggregate is restricted to the townships in the area, which puts each
 * township's rows under one range of an index (0012-report-indexes.sql);
 * a township's open venues and their smoke alarms are read from
 * venue_township_status alone (0038-report-smoke-alarms.sql), its hazards
 * in one pass over hazard_township_report alone, the period's and the
 * running ones together (0045-report-covering-reads.sql). The period's
 * inspections are counted apart, once (count_inspections()). */
#define REGIONS_SQL(level) \
  "SELECT id FROM region" \
  " WHERE level = " level " AND deleted = 0 AND (?1 IS NULL OR substr (code, 1, length (?1)) = ?1)"

#define REPORT_SQL(level, group) \
  "WITH t AS (" \
  "  SELECT id, code, name, name_key FROM region" \
  "  WHERE level = " level " AND deleted = 0 AND (?1 IS NULL OR substr (code, 1, length (?1)) = ?1))," \
  " venues AS (" \
  "  SELECT " group " AS region_id, count (*) AS n, sum (smoke_alarm) AS smoke FROM venue" \
  "  WHERE " group " IN (SELECT id FROM t) AND deleted = 0 AND status = 'active'" \
  "  GROUP BY " group ")," \
  " hazards AS (" \
  "  SELECT " group " AS region_id," \
  "    sum (found_at >= ?2 AND found_at < ?3) AS found," \
  "    sum (found_at >= ?2 AND found_at < ?3 AND state = 'closed') AS closed," \
  "    sum (state <> 'closed') AS open," \
  "    sum (state = 'rectifying' AND current_deadline < ?4) AS overdue," \
  "    sum (state <> 'closed' AND major_confirmed = 1) AS major," \
  "    sum (state = 'escalated') AS escalated" \
  "  FROM hazard" \
  "  WHERE " group " IN (SELECT id FROM t) AND deleted = 0" \
  "  GROUP BY " group ")" \
  " SELECT t.id, t.code, t.name, p.last_received_at," \
  "   coalesce (venues.n, 0), coalesce (venues.smoke, 0)," \
  "   coalesce (hazards.found, 0), coalesce (hazards.closed, 0)," \
  "   coalesce (hazards.open, 0), coalesce (hazards.overdue, 0), coalesce (hazards.major, 0)," \
  "   coalesce (hazards.escalated, 0)," \
  "   hex (t.name_key)" \
  " FROM t" \
  " LEFT JOIN venues ON venues.region_id = t.id" \
  " LEFT JOIN hazards ON hazards.region_id = t.id" \
  " LEFT JOIN peer p ON p.kind = 'township' AND p.scope_code = t.code" \
  " ORDER BY t.code"

/* The venues of the area no longer open: closed, moved away or removed.
 * A township's are read from the index of its venues by status (a few
 * rows of the table): the planner, which cannot tell how rare removed
 * venues are, would read the whole table otherwise. */
#define CLOSED_VENUES_SQL(level, group, indexed_by) \
  "SELECT id FROM venue " indexed_by \
  " WHERE " group " IN (" REGIONS_SQL (level) ") AND NOT (deleted = 0 AND status = 'active')"

/* The period's inspections (drafts have no finish), a region's together:
 * on the township's index the order costs nothing. */
#define INSPECTIONS_SQL(level, group) \
  "SELECT " group ", venue_id FROM inspection" \
  " WHERE " group " IN (" REGIONS_SQL (level) ") AND deleted = 0" \
  "   AND finished_at >= ?2 AND finished_at < ?3" \
  " ORDER BY " group

static FgTownshipFigures *
figures_from_row (sqlite3_stmt *stmt)
{
  FgTownshipFigures *figures = g_new0 (FgTownshipFigures, 1);

  figures->township_id = g_strdup (fg_stmt_text (stmt, 0));
  figures->code = g_strdup (fg_stmt_text (stmt, 1));
  figures->name = g_strdup (fg_stmt_text (stmt, 2));
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    figures->last_bundle_at = g_strdup (fg_stmt_text (stmt, 3));
  figures->n_venues = (guint) sqlite3_column_int (stmt, 4);
  figures->n_smoke_alarms = (guint) sqlite3_column_int (stmt, 5);
  figures->n_found = (guint) sqlite3_column_int (stmt, 6);
  figures->n_closed = (guint) sqlite3_column_int (stmt, 7);
  figures->n_open = (guint) sqlite3_column_int (stmt, 8);
  figures->n_overdue = (guint) sqlite3_column_int (stmt, 9);
  figures->n_major = (guint) sqlite3_column_int (stmt, 10);
  figures->n_escalated = (guint) sqlite3_column_int (stmt, 11);
  figures->name_key = g_strdup (fg_stmt_text (stmt, 12));
  return figures;
}

static void
bind_period (sqlite3_stmt *stmt,
             const char   *prefix,
             const char   *from,
             const char   *after)
{
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, after, -1, SQLITE_TRANSIENT);
}

typedef struct
{
  guint n_inspections;
  guint n_venues;
} InspectionCounts;

/* The period's inspections, read once: how many each region has, and how
 * many different venues they name that are still open. SQLite's
 * count (DISTINCT venue_id) built a B-tree of every venue inspected in the
 * area, and leaving out the closed ones looked up each closed venue's
 * inspections again; here the few closed venues are read first, and each
 * region's venues are told apart in a hash table that holds one region at
 * a time.
 *
 * Returns: (transfer full): region ids to their InspectionCounts, or %NULL
 *   with @error set */
static GHashTable *
count_inspections (FgStore        *store,
                   FgRegionLevel   level,
                   const char     *prefix,
                   const char     *from,
                   const char     *after,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) closed_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStringChunk *ids = NULL;
  InspectionCounts *region = NULL;
  const char *region_id = NULL;
  int rc;

  if (level == FG_REGION_LEVEL_VILLAGE)
    closed_stmt = fg_store_prepare (store, CLOSED_VENUES_SQL ("3", "village_id", ""), error);
  else
    closed_stmt = fg_store_prepare (store, CLOSED_VENUES_SQL ("2", "township_id", "INDEXED BY venue_township_status"), error);
  if (closed_stmt == NULL)
    return NULL;

  sqlite3_bind_text (closed_stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (closed_stmt)) == SQLITE_ROW)
    g_hash_table_add (closed, g_strdup (fg_stmt_text (closed_stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  if (level == FG_REGION_LEVEL_VILLAGE)
    stmt = fg_store_prepare (store, INSPECTIONS_SQL ("3", "village_id"), error);
  else
    stmt = fg_store_prepare (store, INSPECTIONS_SQL ("2", "township_id"), error);
  if (stmt == NULL)
    return NULL;

  bind_period (stmt, prefix, from, after);
  ids = g_string_chunk_new (4096);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_region = fg_stmt_text (stmt, 0);
      const char *venue_id = fg_stmt_text (stmt, 1);

      /* the rows come a region at a time (ORDER BY) */
      if (region_id == NULL || strcmp (row_region, region_id) != 0)
        {
          char *key = g_strdup (row_region);

          if (region != NULL)
            region->n_venues = g_hash_table_size (seen);
          g_hash_table_remove_all (seen);
          g_string_chunk_clear (ids);
          region = g_new0 (InspectionCounts, 1);
          g_hash_table_replace (counts, key, region);
          region_id = key;
        }

      region->n_inspections++;
      if (!g_hash_table_contains (seen, venue_id) && !g_hash_table_contains (closed, venue_id))
        g_hash_table_add (seen, g_string_chunk_insert (ids, venue_id));
    }
  g_string_chunk_free (ids);

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  if (region != NULL)
    region->n_venues = g_hash_table_size (seen);

  return g_steal_pointer (&counts);
}

/* The figures of the regions of @level (2: townships, 3: villages) whose
 * codes start with @prefix (NULL: all), those the actor covers, by code. */
static FgTownshipReport *
report_regions (FgStore              *store,
                FgActor              *actor,
                const FgReportQuery  *query,
                FgRegionLevel         level,
                const char           *prefix,
                GError              **error)
{
  g_autoptr(FgTownshipReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) inspections = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  g_autoptr(GDate) after = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *overdue_text = NULL;
  int rc;

  if (query->today != NULL)
    today = g_date_copy (query->today);
  else
    {
      today = g_date_new ();
      g_date_set_time_t (today, time (NULL));
    }

  if (query->to != NULL)
    {
      to = fg_calendar_parse_period_day (query->to, FALSE, FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_DATE, error);
      if (to == NULL)
        return NULL;
    }
  else
    to = g_date_copy (today);

  if (query->from != NULL)
    {
      from = fg_calendar_parse_period_day (query->from, TRUE, FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_DATE, error);
      if (from == NULL)
        return NULL;
    }
  else
    from = g_date_new_dmy (1, G_DATE_JANUARY, g_date_get_year (to));

  report = g_new0 (FgTownshipReport, 1);
  report->from = fg_calendar_format_date (from);
  report->to = fg_calendar_format_date (to);
  report->today = fg_calendar_format_date (today);
  report->rank_by = query->rank_by;
  report->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_township_figures_free);

  if (!fg_calendar_check_period (from, to, FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_PERIOD, error))
    return NULL;

  after = g_date_copy (to);
  g_date_add_days (after, 1);
  after_text = fg_calendar_format_date (after);
  overdue_text = overdue_before (store, today);

  if (level == FG_REGION_LEVEL_VILLAGE)
    stmt = fg_store_prepare (store, REPORT_SQL ("3", "village_id"), error);
  else
    stmt = fg_store_prepare (store, REPORT_SQL ("2", "township_id"), error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, prefix, report->from, after_text);
  sqlite3_bind_text (stmt, 4, overdue_text, -1, SQLITE_TRANSIENT);

  /* The inspections are counted while this statement holds its read
   * transaction open on its first row: every figure comes from the same
   * state of the database. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      inspections = count_inspections (store, level, prefix, report->from, after_text, error);
      if (inspections == NULL)
        return NULL;
    }

  for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    {
      FgTownshipFigures *figures;
      InspectionCounts *counts;

      if (!fg_actor_covers_code (actor, fg_stmt_text (stmt, 1)))
        continue;

      figures = figures_from_row (stmt);
      counts = g_hash_table_lookup (inspections, figures->township_id);
      if (counts != NULL)
        {
          figures->n_inspections = counts->n_inspections;
          figures->n_venues_inspected = counts->n_venues;
        }
      g_ptr_array_add (report->townships, figures);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&report);
}

/**
 * fg_report_townships:
 * @store: the store
 * @actor: who reads: the townships in its area (a county's, or its own)
 * @query: the period, the day it is, and what to rank by
 * @error: return location for an error
 *
 * For every township in the reader's area, its figures over the period
 * (inspections, hazards found and closed) and now (open venues, open,
 * overdue, major and escalated hazards), ranked by @query's figure. A
 * township's installation has one township; a county's has each that
 * sent a bundle.
 *
 * The reader needs the right to read regions and venues and an area of a
 * whole township or more (%FG_PERMISSION_ERROR otherwise); the period's
 * days must exist and its start must not come after its end
 * (%FG_REPORT_ERROR).
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
FgTownshipReport *
fg_report_townships (FgStore              *store,
                     FgActor              *actor,
                     const FgReportQuery  *query,
                     GError              **error)
{
  g_autoptr(FgTownshipReport) report = NULL;
  g_autofree char *scope = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->rank_by < FG_REPORT_N_RANKS, NULL);
  g_return_val_if_fail (query->today == NULL || g_date_valid (query->today), NULL);

  if (!check_reader (store, actor, error))
    return NULL;

  /* the reader's area in the query, as the hazard ledger does */
  scope = fg_actor_dup_scope_prefix (actor);
  report = report_regions (store, actor, query, FG_REGION_LEVEL_TOWNSHIP, scope, error);
  if (report == NULL)
    return NULL;

  fg_report_rank (report->townships, report->rank_by);
  return g_steal_pointer (&report);
}

/**
 * fg_report_villages:
 * @store: the store
 * @actor: who reads
 * @region: (nullable): a township or a village: the villages in it;
 *   %NULL for every village the reader's area holds
 * @query: the period and the day it is; its rank_by is not used
 * @error: return location for an error
 *
 * The same figures as fg_report_townships() counts for townships, for
 * each village (村/社区) instead, in the order of their codes and without
 * a rank: the monthly summary an office hands up. A village's account
 * reads its own village.
 *
 * Returns: (transfer full): the report (its townships hold the
 *   villages), or %NULL with @error set (%FG_PERMISSION_ERROR,
 *   %FG_REPORT_ERROR)
 */
FgTownshipReport *
fg_report_villages (FgStore              *store,
                    FgActor              *actor,
                    FgRegion             *region,
                    const FgReportQuery  *query,
                    GError              **error)
{
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (region == NULL || FG_IS_REGION (region), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->today == NULL || g_date_valid (query->today), NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_REGION_READ, NULL, NULL, error) ||
      !fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return NULL;

  if (region != NULL)
    {
      const char *code = fg_region_get_code (region);

      prefix = g_strndup (code, fg_region_code_prefix_length (code));
    }
  else
    prefix = fg_actor_dup_scope_prefix (actor);

  return report_regions (store, actor, query, FG_REGION_LEVEL_VILLAGE, prefix, error);
}
