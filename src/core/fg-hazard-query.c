/* fg-hazard-query.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's filters and orders as SQL, so that a county's tens of
 * thousands of hazards are counted and paged, never read whole. A hazard
 * carries its township, village and grid, and the fold of its events
 * (state, current deadline) is kept on its row, so every filter is a
 * comparison on the hazard table or one join away.
 *
 * "Overdue" is counted in working days of the holiday calendar
 * (fg_hazard_count_overdue()), which SQL does not know. It needs no
 * calendar in SQL: a running deadline is overdue on a day exactly when a
 * working day lies after it, up to that day, that is when it is before
 * the last working day up to that day; and the working days overdue only
 * grow as the deadline lies earlier, so the deadline orders them.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-category.h"
#include "fg-escalation.h"
#include "fg-hazard-private.h"
#include "fg-hazard-query.h"
#include "fg-permission-private.h"
#include "fg-query-private.h"

G_DEFINE_BOXED_TYPE (FgHazardQuery, fg_hazard_query, fg_hazard_query_copy, fg_hazard_query_free)

/**
 * fg_hazard_query_new:
 *
 * Returns: (transfer full): a query for every hazard, the latest found first
 */
FgHazardQuery *
fg_hazard_query_new (void)
{
  FgHazardQuery *self = g_new0 (FgHazardQuery, 1);

  self->state = FG_HAZARD_QUERY_ALL;
  self->grade = -1;
  self->sort = FG_HAZARD_SORT_FOUND;
  self->descending = TRUE;
  return self;
}

FgHazardQuery *
fg_hazard_query_copy (const FgHazardQuery *self)
{
  FgHazardQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (FgHazardQuery, 1);
  copy->region_id = g_strdup (self->region_id);
  copy->state = self->state;
  copy->grade = self->grade;
  copy->campaign_id = g_strdup (self->campaign_id);
  copy->text = g_strdup (self->text);
  copy->today = g_strdup (self->today);
  copy->found_from = g_strdup (self->found_from);
  copy->found_before = g_strdup (self->found_before);
  copy->section_id = g_strdup (self->section_id);
  copy->sort = self->sort;
  copy->descending = self->descending;
  return copy;
}

void
fg_hazard_query_free (FgHazardQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->region_id);
  g_free (self->campaign_id);
  g_free (self->text);
  g_free (self->today);
  g_free (self->found_from);
  g_free (self->found_before);
  g_free (self->section_id);
  g_free (self);
}

gboolean
fg_hazard_query_equal (const FgHazardQuery *a,
                       const FgHazardQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->region_id, b->region_id) == 0 &&
         a->state == b->state &&
         a->grade == b->grade &&
         g_strcmp0 (a->campaign_id, b->campaign_id) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->today, b->today) == 0 &&
         g_strcmp0 (a->found_from, b->found_from) == 0 &&
         g_strcmp0 (a->found_before, b->found_before) == 0 &&
         g_strcmp0 (a->section_id, b->section_id) == 0 &&
         a->sort == b->sort &&
         !a->descending == !b->descending;
}

/* The joins a filter or an order may need, each only when it does: a
 * join costs a lookup a row, and a count by state should read an index of
 * the hazard table alone. */
typedef enum
{
  JOIN_VILLAGE = 1 << 0,
  JOIN_GRID = 1 << 1,
  JOIN_INSPECTION = 1 << 2,
  JOIN_VENUE = 1 << 3,
  JOIN_ITEM = 1 << 4,
  JOIN_TOWNSHIP = 1 << 5,
} Joins;

/* In the order of Joins, as the FROM keeps them. */
static const char *const hazard_joins[] = {
  "LEFT JOIN region v ON v.id = h.village_id",
  "LEFT JOIN region g ON g.id = h.grid_id",
  "LEFT JOIN inspection i ON i.id = h.inspection_id",
  "LEFT JOIN venue ve ON ve.id = h.venue_id",
  "LEFT JOIN checklist_item_finding ci ON ci.template_id = h.template_id"
  " AND ci.version = h.template_version AND ci.code = h.item_code",
  "LEFT JOIN region tw ON tw.id = h.township_id",
  NULL
};

static Joins
order_joins (FgHazardSort sort)
{
  switch (sort)
    {
    case FG_HAZARD_SORT_VENUE:
      return JOIN_VENUE;
    case FG_HAZARD_SORT_VILLAGE:
      return JOIN_VILLAGE;
    case FG_HAZARD_SORT_GRID:
      return JOIN_GRID;
    case FG_HAZARD_SORT_ITEM:
      return JOIN_ITEM;
    case FG_HAZARD_SORT_TOWNSHIP:
      return JOIN_TOWNSHIP;
    case FG_HAZARD_SORT_FOUND:
    case FG_HAZARD_SORT_GRADE:
    case FG_HAZARD_SORT_STATE:
    case FG_HAZARD_SORT_DEADLINE:
    default:
      return 0;
    }
}

/* a hazard reported fixed stopped the venue's clock */
#define RUNNING "h.state = 'rectifying' AND h.current_deadline IS NOT NULL"

static const char *
region_column (FgRegionLevel level)
{
  switch (level)
    {
    case FG_REGION_LEVEL_TOWNSHIP:
      return "h.township_id";
    case FG_REGION_LEVEL_VILLAGE:
      return "h.village_id";
    case FG_REGION_LEVEL_GRID:
      return "h.grid_id";
    case FG_REGION_LEVEL_COUNTY:
    default:
      return NULL;
    }
}

static void
append_order (GString    *order,
              const char *terms[],
              gboolean    descending)
{
  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (order, "%s%s%s", i > 0 ? ", " : "", terms[i], descending ? " DESC" : "");
}

/* Names sort by their keys (fg-collate.c: pinyin); h.seq breaks ties, so
 * that the order is total and pages never overlap */
static char *
order_by (FgHazardSort sort,
          gboolean     descending)
{
  GString *order = g_string_new (NULL);
  /* a checklist's findings are few and never change: their keys are made
   * as the page is sorted rather than kept */
  const char *item = fg_locale_prefers_chinese () ? "fg_collate_key (ci.finding_zh)" : "fg_collate_key (ci.finding_en)";

  switch (sort)
    {
    case FG_HAZARD_SORT_VENUE:
      append_order (order, (const char *[]) { "ve.name_key", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_VILLAGE:
      append_order (order, (const char *[]) { "v.name_key", "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_GRID:
      append_order (order, (const char *[]) { "g.name_key", "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_TOWNSHIP:
      append_order (order, (const char *[]) { "tw.name_key", "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_ITEM:
      append_order (order, (const char *[]) { item, "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_GRADE:
      append_order (order, (const char *[]) {
                      "CASE h.grade WHEN 'on-spot' THEN 0 WHEN 'deadline' THEN 1 ELSE 2 END",
                      "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_STATE:
      append_order (order, (const char *[]) {
                      "CASE h.state WHEN 'open' THEN 0 WHEN 'rectifying' THEN 1 WHEN 'reported-fixed' THEN 2"
                      " WHEN 'verified' THEN 3 WHEN 'escalated' THEN 4 WHEN 'transferred' THEN 5 ELSE 6 END",
                      "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_DEADLINE:
      /* the deadlines still running first, the earliest (the most days
       * overdue) at the top; then the stopped ones by their date */
      g_string_append (order, descending ? "(" RUNNING "), h.current_deadline DESC, h.seq DESC"
                                         : "(" RUNNING ") DESC, h.current_deadline, h.seq");
      break;
    case FG_HAZARD_SORT_FOUND:
    default:
      append_order (order, (const char *[]) { "h.found_at", "h.seq", NULL }, descending);
      break;
    }

  return g_string_free (order, FALSE);
}

/* @today_text, or the day it is now */
static GDate *
dup_today (const char *today_text)
{
  GDate *today = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (today_text != NULL)
    today = fg_calendar_parse_date (today_text, NULL);
  if (today != NULL)
    return today;

  now = g_date_time_new_now_local ();
  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* The day after which a running deadline is overdue on @today: the last
 * working day up to @today. */
static char *
dup_overdue_before (FgStore    *store,
                    const char *today_text)
{
  g_autoptr(GDate) day = dup_today (today_text);

  /* no holiday lasts a month */
  for (guint i = 0; i < 31 && !fg_calendar_is_workday (store, day); i++)
    g_date_subtract_days (day, 1);

  return fg_calendar_format_date (day);
}

/* The Sunday of @today's week, the end of "due this week". */
static char *
dup_week_end (const char *today_text)
{
  g_autoptr(GDate) day = dup_today (today_text);

  g_date_add_days (day, G_DATE_SUNDAY - g_date_get_weekday (day));
  return fg_calendar_format_date (day);
}

/* The term of the state asked for; FALSE if there is no such state. */
static gboolean
add_state (FgQueryWhere         *where,
           const FgHazardQuery  *query)
{
  switch (query->state)
    {
    case FG_HAZARD_QUERY_ALL:
      break;
    case FG_HAZARD_QUERY_NOT_CLOSED:
      fg_query_where_add (where, "h.state <> 'closed'");
      break;
    case FG_HAZARD_QUERY_DUE:
      {
        g_autofree char *week_end = dup_week_end (query->today);

        fg_query_where_add (where, RUNNING " AND h.current_deadline <= :date");
        fg_query_where_set (where, ":date", week_end);
      }
      break;
    case FG_HAZARD_QUERY_OVERDUE:
      {
        g_autofree char *before = dup_overdue_before (where->store, query->today);

        fg_query_where_add (where, RUNNING " AND h.current_deadline < :date");
        fg_query_where_set (where, ":date", before);
      }
      break;
    case FG_HAZARD_QUERY_REINSPECTION_LATE:
      {
        g_autoptr(GDate) today = dup_today (query->today);
        g_autofree char *before = fg_escalation_dup_reinspection_late_before (where->store, today);

        fg_query_where_add (where, "h.state = 'reported-fixed' AND h.reported_fixed_on < :reported");
        fg_query_where_set (where, ":reported", before != NULL ? before : "");
      }
      break;
    default:
      if (query->state < 0 || query->state >= FG_HAZARD_N_STATES)
        return FALSE;
      fg_query_where_add (where, "h.state = :state");
      fg_query_where_set (where, ":state", fg_hazard_state_to_string (query->state));
      break;
    }

  return TRUE;
}

static gboolean
filter_hazards (FgQueryWhere         *where,
                const FgHazardQuery  *query,
                GError              **error)
{
  g_autofree char *scope = fg_actor_dup_scope_prefix (where->actor);
  g_autofree char *text = NULL;

  fg_query_where_add (where, "h.deleted = 0");

  /* The actor's area, as fg_hazard_list() has it: the hazards whose
   * grid's or village's code begins with the scope's prefix. Division
   * codes nest (a village's begins with its township's nine digits, a
   * grid's with its village's twelve), so these are the hazards of the
   * townships, villages or grids whose codes begin so, found through the
   * hazards' own region columns rather than by joining every hazard to
   * its region. */
  if (scope != NULL)
    {
      gsize length = strlen (scope);

      fg_query_where_add (where, "%s IN (SELECT id FROM region WHERE level = %d AND substr (code, 1, length (:scope)) = :scope)",
                          length <= 9 ? "h.township_id" : length <= 12 ? "h.village_id" : "h.grid_id",
                          length <= 9 ? FG_REGION_LEVEL_TOWNSHIP : length <= 12 ? FG_REGION_LEVEL_VILLAGE
                                                                                : FG_REGION_LEVEL_GRID);
      fg_query_where_set (where, ":scope", scope);
    }

  if (query->region_id != NULL)
    {
      g_autoptr(FgRegion) region = NULL;
      const char *column;

      /* a region above the actor's scope shows what the actor may see of
       * it, which the scope filter above already says */
      if (!fg_query_resolve_region (where->store, where->actor, query->region_id, &region, error))
        return FALSE;
      if (region == NULL)
        {
          where->empty = TRUE;
          return TRUE;
        }

      /* a database holds one county: the county is everything */
      column = region_column (fg_region_get_level (region));
      if (column != NULL)
        {
          fg_query_where_add (where, "%s = :region", column);
          fg_query_where_set (where, ":region", fg_region_get_id (region));
        }
    }

  if (!add_state (where, query))
    {
      where->empty = TRUE;
      return TRUE;
    }

  if (query->grade >= 0)
    {
      if (query->grade > FG_HAZARD_GRADE_MAJOR_PROPOSED)
        {
          where->empty = TRUE;
          return TRUE;
        }
      fg_query_where_add (where, "h.grade = :grade");
      fg_query_where_set (where, ":grade", fg_hazard_grade_to_string (query->grade));
    }

  /* the statistics' charts: a month's hazards, a section's */
  if (query->found_from != NULL)
    {
      fg_query_where_add (where, "h.found_at >= :found_from");
      fg_query_where_set (where, ":found_from", query->found_from);
    }
  if (query->found_before != NULL)
    {
      fg_query_where_add (where, "h.found_at < :found_before");
      fg_query_where_set (where, ":found_before", query->found_before);
    }
  if (query->section_id != NULL)
    {
      fg_query_where_add (where, "EXISTS (SELECT 1 FROM checklist_item cs WHERE cs.template_id = h.template_id"
                                 " AND cs.version = h.template_version AND cs.code = h.item_code"
                                 " AND cs.section_id = :section)");
      fg_query_where_set (where, ":section", query->section_id);
    }

  if (query->campaign_id != NULL && *query->campaign_id == '\0')
    {
      where->joins |= JOIN_INSPECTION;
      fg_query_where_add (where, "i.campaign_id IS NULL");
    }
  else if (query->campaign_id != NULL)
    {
      where->joins |= JOIN_INSPECTION;
      fg_query_where_add (where, "i.campaign_id = :campaign");
      fg_query_where_set (where, ":campaign", query->campaign_id);
    }

  if (query->text != NULL && *query->text != '\0')
    {
      /* SQLite's lower() folds ASCII only; Chinese has no case */
      /* The venues and the checklist items that match, each looked at
       * once, rather than the venue and the item of every hazard; an item
       * by what the ledger shows of it, its finding, or by what it checks. */
      text = g_utf8_strdown (query->text, -1);
      fg_query_where_add (where,
                          "(h.venue_id IN (SELECT id FROM venue WHERE instr (lower (name), :text) > 0)"
                          " OR (h.template_id, h.template_version, h.item_code) IN"
                          "    (SELECT template_id, version, code FROM checklist_item_finding"
                          "     WHERE instr (lower (%s), :text) > 0 OR instr (lower (%s), :text) > 0))",
                          fg_locale_prefers_chinese () ? "finding_zh" : "finding_en",
                          fg_locale_prefers_chinese () ? "text_zh" : "text_en");
      fg_query_where_set (where, ":text", text);
    }

  return TRUE;
}

static char *
order_hazards (const FgHazardQuery *query,
               gboolean             reversed,
               guint               *joins)
{
  *joins |= order_joins (query->sort);

  return order_by (query->sort, !query->descending != !reversed);
}

/* A page is chosen on the hazard table, joined only to what the filter
 * or the order asks for (a count by state then reads an index of the
 * hazard table alone), then its hazards are read with all their joins. */
static const FgQuerySpec hazard_query = {
  .source = FG_QUERY_SOURCE ("hazards", fg_hazard, fg_hazard_query),
  .table = { "hazard h", "h.seq", hazard_joins },
  .rows = { HAZARD_COLUMNS, HAZARD_FROM, (FgRowFunc) fg_hazard_new_from_row },
  .filter = (FgQueryFilter) filter_hazards,
  .order_by = (FgQueryOrder) order_hazards,
};

/**
 * fg_hazard_query_count:
 * @store: the store
 * @actor: who asks: only hazards in its scope count
 * @query: what to count
 * @n_items: (out): the number of hazards that match
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */

/**
 * fg_hazard_query_fetch:
 * @store: the store
 * @actor: who asks: only hazards in its scope come back
 * @query: what to fetch
 * @offset: how many matching hazards to skip
 * @limit: how many to return at most
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgHazard): the hazards in the
 *   query's order, without their timelines, or %NULL with @error set
 */

/**
 * fg_hazard_query_list_new:
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 * @query: (nullable): what to list; %NULL for every hazard the actor may
 *   see, the latest found first
 *
 * Returns: (transfer full): a list of #FgHazard that pages the hazards of
 *   @query from the store; change its query with fg_paged_list_set_query()
 */
FG_QUERY_DEFINE_FUNCTIONS (FgHazardQuery, fg_hazard_query, hazard_query)

/**
 * fg_hazard_query_list_reread:
 * @list: a list of fg_hazard_query_list_new()
 * @position: a row
 * @error: return location for an error
 *
 * Reads the hazard at @position again, as it now stands after an event,
 * and keeps it in its place: the list is neither counted nor sorted again,
 * so that a row that no longer matches the query stays under the pointer
 * until the query changes or the list is reloaded. No items-changed is
 * emitted for the row (a view would drop its selection); whoever shows it
 * shows the returned hazard.
 *
 * Returns: (transfer full): the hazard with its timeline, or %NULL with
 *   @error set
 */
FgHazard *
fg_hazard_query_list_reread (FgPagedList  *list,
                             guint         position,
                             GError      **error)
{
  FgHazard *old;
  FgHazard *hazard;

  g_return_val_if_fail (FG_IS_PAGED_LIST (list), NULL);
  g_return_val_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (list)), NULL);

  old = fg_paged_list_peek_item (list, position);
  if (old == NULL)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND,
                   _("The hazard was not found."));
      return NULL;
    }

  hazard = fg_hazard_load (fg_paged_list_get_store (list), fg_paged_list_get_actor (list),
                           fg_hazard_get_id (old), error);
  if (hazard == NULL)
    return NULL;

  fg_paged_list_replace_item (list, position, hazard);
  return hazard;
}
