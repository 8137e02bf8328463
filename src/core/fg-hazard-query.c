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
} Joins;

static char *
dup_from (Joins joins)
{
  GString *from = g_string_new ("hazard h");

  if (joins & JOIN_VILLAGE)
    g_string_append (from, " LEFT JOIN region v ON v.id = h.village_id");
  if (joins & JOIN_GRID)
    g_string_append (from, " LEFT JOIN region g ON g.id = h.grid_id");
  if (joins & JOIN_INSPECTION)
    g_string_append (from, " LEFT JOIN inspection i ON i.id = h.inspection_id");
  if (joins & JOIN_VENUE)
    g_string_append (from, " LEFT JOIN venue ve ON ve.id = h.venue_id");
  if (joins & JOIN_ITEM)
    g_string_append (from, " LEFT JOIN checklist_item ci ON ci.template_id = h.template_id"
                           " AND ci.version = h.template_version AND ci.code = h.item_code");
  return g_string_free (from, FALSE);
}

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
    case FG_HAZARD_SORT_FOUND:
    case FG_HAZARD_SORT_GRADE:
    case FG_HAZARD_SORT_STATE:
    case FG_HAZARD_SORT_DEADLINE:
    case FG_HAZARD_SORT_OVERDUE:
    default:
      return 0;
    }
}

#define RUNNING "h.state IN ('rectifying', 'reported-fixed') AND h.current_deadline IS NOT NULL"

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

/* h.seq breaks ties, so that the order is total and pages never overlap */
static char *
order_by (FgHazardSort sort,
          gboolean     descending)
{
  GString *order = g_string_new (NULL);
  const char *item = fg_locale_prefers_chinese () ? "ci.text_zh" : "ci.text_en";

  switch (sort)
    {
    case FG_HAZARD_SORT_VENUE:
      append_order (order, (const char *[]) { "ve.name", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_VILLAGE:
      append_order (order, (const char *[]) { "v.name", "h.found_at", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_GRID:
      append_order (order, (const char *[]) { "coalesce (g.name, '')", "h.found_at", "h.seq", NULL }, descending);
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
      append_order (order, (const char *[]) { "h.current_deadline", "h.seq", NULL }, descending);
      break;
    case FG_HAZARD_SORT_OVERDUE:
      /* fewest days overdue first: no running deadline, then the latest
       * deadline; the earlier the deadline, the more days overdue */
      g_string_append (order, descending ? "(" RUNNING ") DESC, h.current_deadline, h.seq DESC"
                                         : "(" RUNNING "), h.current_deadline DESC, h.seq");
      break;
    case FG_HAZARD_SORT_FOUND:
    default:
      append_order (order, (const char *[]) { "h.found_at", "h.seq", NULL }, descending);
      break;
    }

  return g_string_free (order, FALSE);
}

/* The day after which a running deadline is overdue on @today: the last
 * working day up to @today. */
static char *
dup_overdue_before (FgStore    *store,
                    const char *today_text)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;

  if (today_text != NULL)
    today = fg_calendar_parse_date (today_text, NULL);
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                              g_date_time_get_year (now));
    }

  /* no holiday lasts a month */
  day = g_date_copy (today);
  for (guint i = 0; i < 31 && !fg_calendar_is_workday (store, day); i++)
    g_date_subtract_days (day, 1);

  return fg_calendar_format_date (day);
}

/* The Sunday of @today's week, the end of "due this week". */
static char *
dup_week_end (const char *today_text)
{
  g_autoptr(GDate) day = NULL;

  if (today_text != NULL)
    day = fg_calendar_parse_date (today_text, NULL);
  if (day == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      day = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                            g_date_time_get_year (now));
    }
  g_date_add_days (day, G_DATE_SUNDAY - g_date_get_weekday (day));
  return fg_calendar_format_date (day);
}

/* Parameters: ?1 region, ?2 state or date, ?3 grade, ?4 campaign, ?5 text,
 * ?6 scope prefix */
typedef struct
{
  GString *where;
  char *region_id;
  const char *state;
  char *date;
  const char *grade;
  const char *campaign_id;
  char *text;
  char *scope;
  Joins joins;
  gboolean empty;  /* the query cannot match anything */
} Filter;

static void
filter_clear (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_free (filter->region_id);
  g_free (filter->date);
  g_free (filter->text);
  g_free (filter->scope);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

static gboolean
filter_init (Filter               *filter,
             FgStore              *store,
             FgActor              *actor,
             const FgHazardQuery  *query,
             GError              **error)
{
  filter->where = g_string_new ("h.deleted = 0");

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  /* The actor's area, as fg_hazard_list() has it: the hazards whose
   * grid's or village's code begins with the scope's prefix. Division
   * codes nest (a village's begins with its township's nine digits, a
   * grid's with its village's twelve), so these are the hazards of the
   * townships, villages or grids whose codes begin so, found through the
   * hazards' own region columns rather than by joining every hazard to
   * its region. */
  filter->scope = fg_actor_dup_scope_prefix (actor);
  if (filter->scope != NULL)
    {
      gsize length = strlen (filter->scope);

      g_string_append_printf (filter->where,
                              " AND %s IN (SELECT id FROM region WHERE level = %d AND substr (code, 1, length (?6)) = ?6)",
                              length <= 9 ? "h.township_id" : length <= 12 ? "h.village_id" : "h.grid_id",
                              length <= 9 ? FG_REGION_LEVEL_TOWNSHIP : length <= 12 ? FG_REGION_LEVEL_VILLAGE
                                                                                    : FG_REGION_LEVEL_GRID);
    }

  if (query->region_id != NULL)
    {
      g_autoptr(FgRegion) region = NULL;
      const char *column;

      /* a region above the actor's scope shows what the actor may see of
       * it, which the scope filter above already says */
      if (!fg_query_resolve_region (store, actor, query->region_id, &region, error))
        return FALSE;
      if (region == NULL)
        {
          filter->empty = TRUE;
          return TRUE;
        }

      /* a database holds one county: the county is everything */
      column = region_column (fg_region_get_level (region));
      if (column != NULL)
        {
          filter->region_id = g_strdup (fg_region_get_id (region));
          g_string_append_printf (filter->where, " AND %s = ?1", column);
        }
    }

  switch (query->state)
    {
    case FG_HAZARD_QUERY_ALL:
      break;
    case FG_HAZARD_QUERY_NOT_CLOSED:
      g_string_append (filter->where, " AND h.state <> 'closed'");
      break;
    case FG_HAZARD_QUERY_DUE:
      filter->date = dup_week_end (query->today);
      g_string_append (filter->where, " AND " RUNNING " AND h.current_deadline <= ?2");
      break;
    case FG_HAZARD_QUERY_OVERDUE:
      filter->date = dup_overdue_before (store, query->today);
      g_string_append (filter->where, " AND " RUNNING " AND h.current_deadline < ?2");
      break;
    default:
      if (query->state < 0 || query->state >= FG_HAZARD_N_STATES)
        {
          filter->empty = TRUE;
          return TRUE;
        }
      filter->state = fg_hazard_state_to_string (query->state);
      g_string_append (filter->where, " AND h.state = ?2");
      break;
    }

  if (query->grade >= 0)
    {
      if (query->grade > FG_HAZARD_GRADE_MAJOR_PROPOSED)
        {
          filter->empty = TRUE;
          return TRUE;
        }
      filter->grade = fg_hazard_grade_to_string (query->grade);
      g_string_append (filter->where, " AND h.grade = ?3");
    }

  if (query->campaign_id != NULL && *query->campaign_id == '\0')
    {
      filter->joins |= JOIN_INSPECTION;
      g_string_append (filter->where, " AND i.campaign_id IS NULL");
    }
  else if (query->campaign_id != NULL)
    {
      filter->joins |= JOIN_INSPECTION;
      filter->campaign_id = query->campaign_id;
      g_string_append (filter->where, " AND i.campaign_id = ?4");
    }

  if (query->text != NULL && *query->text != '\0')
    {
      /* SQLite's lower() folds ASCII only; Chinese has no case */
      /* The venues and the checklist items that match, each looked at
       * once, rather than the venue and the item of every hazard. */
      filter->text = g_utf8_strdown (query->text, -1);
      g_string_append_printf (filter->where,
                              " AND (h.venue_id IN (SELECT id FROM venue WHERE instr (lower (name), ?5) > 0)"
                              "      OR (h.template_id, h.template_version, h.item_code) IN"
                              "         (SELECT template_id, version, code FROM checklist_item"
                              "          WHERE instr (lower (%s), ?5) > 0))",
                              fg_locale_prefers_chinese () ? "text_zh" : "text_en");
    }

  return TRUE;
}

static void
filter_bind (Filter       *filter,
             sqlite3_stmt *stmt)
{
  if (filter->region_id != NULL)
    sqlite3_bind_text (stmt, 1, filter->region_id, -1, SQLITE_STATIC);
  if (filter->state != NULL)
    sqlite3_bind_text (stmt, 2, filter->state, -1, SQLITE_STATIC);
  else if (filter->date != NULL)
    sqlite3_bind_text (stmt, 2, filter->date, -1, SQLITE_STATIC);
  if (filter->grade != NULL)
    sqlite3_bind_text (stmt, 3, filter->grade, -1, SQLITE_STATIC);
  if (filter->campaign_id != NULL)
    sqlite3_bind_text (stmt, 4, filter->campaign_id, -1, SQLITE_STATIC);
  if (filter->text != NULL)
    sqlite3_bind_text (stmt, 5, filter->text, -1, SQLITE_STATIC);
  if (filter->scope != NULL)
    sqlite3_bind_text (stmt, 6, filter->scope, -1, SQLITE_STATIC);
}

/**
 * fg_hazard_query_count:
 * @store: the store
 * @actor: who asks: only hazards in its scope count
 * @query: what to count
 * @n_hazards: (out): the number of hazards that match
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
fg_hazard_query_count (FgStore              *store,
                       FgActor              *actor,
                       const FgHazardQuery  *query,
                       guint                *n_hazards,
                       GError              **error)
{
  g_auto(Filter) filter = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (n_hazards != NULL, FALSE);

  *n_hazards = 0;

  if (!filter_init (&filter, store, actor, query, error))
    return FALSE;
  if (filter.empty)
    return TRUE;

  from = dup_from (filter.joins);
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, filter.where->str);
  stmt = fg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  filter_bind (&filter, stmt);

  return fg_query_read_count (store, stmt, n_hazards, error);
}

/* The hazards of a page, in the query's order or, @reversed, in the
 * opposite one. */
static GPtrArray *
query_fetch (FgStore              *store,
             FgActor              *actor,
             const FgHazardQuery  *query,
             guint                 offset,
             guint                 limit,
             gboolean              reversed,
             GError              **error)
{
  g_auto(Filter) filter = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *order = NULL;
  g_autofree char *from = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!filter_init (&filter, store, actor, query, error))
    return NULL;
  if (filter.empty)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The page is chosen first, then only its rows are read with all their
   * joins. */
  order = order_by (query->sort, !query->descending != !reversed);
  from = dup_from (filter.joins | order_joins (query->sort));
  sql = g_strdup_printf ("SELECT " HAZARD_COLUMNS " FROM " HAZARD_FROM
                         " WHERE h.seq IN (SELECT h.seq FROM %s WHERE %s"
                         "                 ORDER BY %s LIMIT ?7 OFFSET ?8)"
                         " ORDER BY %s",
                         from, filter.where->str, order, order);

  stmt = fg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  filter_bind (&filter, stmt);
  sqlite3_bind_int64 (stmt, 7, limit);
  sqlite3_bind_int64 (stmt, 8, offset);

  return fg_query_read_rows (store, stmt, (FgRowFunc) fg_hazard_new_from_row, error);
}

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
GPtrArray *
fg_hazard_query_fetch (FgStore              *store,
                       FgActor              *actor,
                       const FgHazardQuery  *query,
                       guint                 offset,
                       guint                 limit,
                       GError              **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return query_fetch (store, actor, query, offset, limit, FALSE, error);
}

static const FgPagedSource hazard_source = {
  .what = "hazards",
  .item_type = fg_hazard_get_type,
  .query_type = fg_hazard_query_get_type,
  .new_query = (gpointer (*) (void)) fg_hazard_query_new,
  .equal = (FgPagedEqual) fg_hazard_query_equal,
  .count = (FgPagedCount) fg_hazard_query_count,
  .fetch = (FgPagedFetch) query_fetch,
};

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
FgPagedList *
fg_hazard_query_list_new (FgStore             *store,
                          FgActor             *actor,
                          const FgHazardQuery *query)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return fg_paged_list_new (&hazard_source, store, actor, query);
}

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
