/* fg-venue-query.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every filter and every order is SQL over indexes, so that a county's
 * million venues are never read whole: a region filters through the path
 * columns kept with each venue, a category through venue_category, a text
 * through the venue_fts index.
 */
#include "config.h"

#include "fg-query-private.h"
#include "fg-region-private.h"
#include "fg-search-private.h"
#include "fg-venue-private.h"
#include "fg-venue-query.h"
#include "fg-venue-upkeep-private.h"

G_DEFINE_BOXED_TYPE (FgVenueQuery, fg_venue_query, fg_venue_query_copy, fg_venue_query_free)

/**
 * fg_venue_query_new:
 *
 * Returns: (transfer full): a query for every venue, by name
 */
FgVenueQuery *
fg_venue_query_new (void)
{
  return g_new0 (FgVenueQuery, 1);
}

FgVenueQuery *
fg_venue_query_copy (const FgVenueQuery *self)
{
  FgVenueQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (FgVenueQuery, 1);
  copy->region_id = g_strdup (self->region_id);
  copy->category = g_strdup (self->category);
  copy->text = g_strdup (self->text);
  copy->sort = self->sort;
  copy->descending = self->descending;
  return copy;
}

void
fg_venue_query_free (FgVenueQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->region_id);
  g_free (self->category);
  g_free (self->text);
  g_free (self);
}

gboolean
fg_venue_query_equal (const FgVenueQuery *a,
                      const FgVenueQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->region_id, b->region_id) == 0 &&
         g_strcmp0 (a->category, b->category) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->sort == b->sort &&
         !a->descending == !b->descending;
}

static const char *
region_column (FgRegionLevel level)
{
  switch (level)
    {
    case FG_REGION_LEVEL_COUNTY:
      return "v.county_id";
    case FG_REGION_LEVEL_TOWNSHIP:
      return "v.township_id";
    case FG_REGION_LEVEL_VILLAGE:
      return "v.village_id";
    case FG_REGION_LEVEL_GRID:
    default:
      return "v.grid_id";
    }
}

/* the joins an order may need (FgQueryTable.joins) */
enum { JOIN_VILLAGE = 1 << 0 };

static const char *
order_by (FgVenueSort sort,
          gboolean    descending)
{
  /* Texts sort by their keys (fg-collate.c: pinyin, through the indexes
   * of schema 29); v.seq breaks ties, so that the order is total and
   * pages never overlap */
  switch (sort)
    {
    case FG_VENUE_SORT_ADDRESS:
      return descending ? "v.address_key DESC, v.seq DESC" : "v.address_key, v.seq";
    case FG_VENUE_SORT_CATEGORY:
      return descending ? "v.categories DESC, v.name_key DESC, v.seq DESC" : "v.categories, v.name_key, v.seq";
    case FG_VENUE_SORT_VILLAGE:
      return descending ? "rv.code DESC, v.name_key DESC, v.seq DESC" : "rv.code, v.name_key, v.seq";
    case FG_VENUE_SORT_OPERATOR:
      return descending ? "v.operator_key DESC, v.seq DESC" : "v.operator_key, v.seq";
    case FG_VENUE_SORT_STATUS:
      return descending ? "v.status DESC, v.name_key DESC, v.seq DESC" : "v.status, v.name_key, v.seq";
    case FG_VENUE_SORT_NAME:
    default:
      return descending ? "v.name_key DESC, v.seq DESC" : "v.name_key, v.seq";
    }
}

static char *
order_venues (const FgVenueQuery *query,
              gboolean            reversed,
              guint              *joins)
{
  if (query->sort == FG_VENUE_SORT_VILLAGE)
    *joins |= JOIN_VILLAGE;

  return g_strdup (order_by (query->sort, !query->descending != !reversed));
}

/* FG_SEARCH_PLAN_CHOSEN unless a test says otherwise */
static FgSearchPlan forced_plan;

void
fg_venue_query_force_search_plan (FgSearchPlan plan)
{
  forced_plan = plan;
}

/* The matches are counted up to this many; beyond it, their number is
 * estimated from how far into the venues (by seq, the order they came
 * in) the last one counted lies: the count costs a millisecond at most. */
#define SEARCH_COUNT_BOUND 10000

/* What a plan's steps cost, in tenths of a microsecond, as measured on a
 * development machine with a connection just opened, its cache cold
 * (bench/bench-venue-list.c); only their ratios matter: a match looked up
 * in the venue table and sorted, a match put in the set, an index entry
 * tested against the set, a venue's texts read and tested. */
#define COST_LOOKUP 50.0
#define COST_SET 1.5
#define COST_STEP_SET 3.0
#define COST_STEP_TEXT 50.0
/* an index entry whose venue is looked for in venue_category (its primary
 * key): a category walked in the list's order */
#define COST_STEP_CATEGORY 5.0

/* Whether the list's order at @level is an index that a walk can follow
 * (the indexes of schemas 1 and 29). */
static gboolean
order_has_index (FgVenueSort   sort,
                 FgRegionLevel level)
{
  switch (sort)
    {
    case FG_VENUE_SORT_NAME:
      return TRUE;
    case FG_VENUE_SORT_ADDRESS:
    case FG_VENUE_SORT_OPERATOR:
      return level == FG_REGION_LEVEL_COUNTY || level == FG_REGION_LEVEL_TOWNSHIP;
    case FG_VENUE_SORT_CATEGORY:
    case FG_VENUE_SORT_STATUS:
      return level == FG_REGION_LEVEL_TOWNSHIP;
    case FG_VENUE_SORT_VILLAGE:
    default:
      return FALSE;
    }
}

static gboolean
read_number (FgQueryWhere  *where,
             const char    *sql,
             guint         *value,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (where->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  return fg_query_read_count (where->store, stmt, value, error);
}

/* How many venues @sql finds for @value: counted up to
 * SEARCH_COUNT_BOUND, estimated beyond. @sql gives the count, the last seq
 * counted and the highest seq of all, for ?1 with a LIMIT of ?2, reading
 * its venues in the order of seq. */
static gboolean
estimate_from (FgQueryWhere  *where,
               const char    *sql,
               const char    *value,
               double        *n_matches,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 counted, last_seq, max_seq;
  int rc;

  stmt = fg_store_prepare (where->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, SEARCH_COUNT_BOUND);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (where->store, rc, error);
      return FALSE;
    }

  counted = sqlite3_column_int64 (stmt, 0);
  last_seq = sqlite3_column_int64 (stmt, 1);
  max_seq = sqlite3_column_int64 (stmt, 2);

  /* the index gives its matches in the order of seq */
  if (counted < SEARCH_COUNT_BOUND || last_seq <= 0 || max_seq <= last_seq)
    *n_matches = counted;
  else
    *n_matches = (double) counted * max_seq / last_seq;
  return TRUE;
}

/* How many venues the search index finds for @match */
static gboolean
estimate_matches (FgQueryWhere  *where,
                  const char    *match,
                  double        *n_matches,
                  GError       **error)
{
  return estimate_from (where,
                        "SELECT count(*), max(rowid), (SELECT max(seq) FROM venue)"
                        " FROM (SELECT rowid FROM venue_fts WHERE venue_fts MATCH ?1 LIMIT ?2)",
                        match, n_matches, error);
}

/* How many venues, removed ones included, are of @category: its rows of
 * venue_category, in the order of seq */
static gboolean
estimate_category (FgQueryWhere  *where,
                   const char    *category,
                   double        *n_matches,
                   GError       **error)
{
  return estimate_from (where,
                        "SELECT count(*), max(venue_seq), (SELECT max(seq) FROM venue)"
                        " FROM (SELECT venue_seq FROM venue_category WHERE category = ?1 LIMIT ?2)",
                        category, n_matches, error);
}

/* Chooses how the venues of @region that @match finds are read, by how
 * many venues the search index finds (estimate_matches()) and how far
 * the page reaches; and tells
 * whether @region holds every venue, when the index counts the search
 * alone: it holds no deleted venue (schema 36). */
static gboolean
choose_search (FgQueryWhere        *where,
               const FgVenueQuery  *query,
               FgRegion            *region,
               const char          *match,
               FgSearchPlan        *plan,
               gboolean            *everything,
               GError             **error)
{
  double n_region = fg_region_get_venue_count (region);
  double walk;
  double cost_index, cost_set, cost_text;
  guint total = 0;
  double n = 0;

  *plan = FG_SEARCH_PLAN_FROM_INDEX;

  /* every live venue counts once in its county */
  if (!read_number (where, "SELECT coalesce (sum (venue_count), 0) FROM region WHERE level = 1", &total, error))
    return FALSE;
  *everything = n_region >= total;

  if (forced_plan != FG_SEARCH_PLAN_CHOSEN)
    {
      *plan = forced_plan;
      return TRUE;
    }

  if (query->category != NULL || !order_has_index (query->sort, fg_region_get_level (region)))
    return TRUE;

  if (!estimate_matches (where, match, &n, error))
    return FALSE;
  if (n < 1 || total == 0)
    return TRUE;

  /* Matches are taken to be spread evenly: a page's end is about
   * reach × total / n steps down the region's index; a count, or a page
   * past the region's matches, walks all of it. */
  walk = where->reach == 0 ? n_region : MIN (n_region, (double) where->reach * total / n);

  cost_index = COST_LOOKUP * n;
  cost_set = COST_SET * n + COST_STEP_SET * walk;
  cost_text = COST_STEP_TEXT * walk;

  if (cost_text <= cost_set && cost_text < cost_index)
    *plan = FG_SEARCH_PLAN_WALK_TEXT;
  else if (cost_set < cost_index)
    *plan = FG_SEARCH_PLAN_WALK_SET;

  return TRUE;
}

/* Chooses how the venues of @region of a category are read (a text
 * search with a category keeps the search's way): FROM_INDEX, each venue
 * of the category looked up and all of them sorted, which costs what they
 * number; or a walk of the list's index in its order, each venue looked
 * for in venue_category, which costs the steps to the page's end. An
 * order that no index follows leaves the choice to SQLite (CHOSEN). Also
 * tells whether @region holds every live venue: its count is then the
 * category's rows less its removed venues. */
static gboolean
choose_category (FgQueryWhere        *where,
                 const FgVenueQuery  *query,
                 FgRegion            *region,
                 FgSearchPlan        *plan,
                 gboolean            *everything,
                 GError             **error)
{
  double n_region = fg_region_get_venue_count (region);
  double steps;
  guint total = 0;
  double n = 0;

  *plan = FG_SEARCH_PLAN_CHOSEN;

  if (!read_number (where, "SELECT coalesce (sum (venue_count), 0) FROM region WHERE level = 1", &total, error))
    return FALSE;
  *everything = n_region >= total;

  if (!order_has_index (query->sort, fg_region_get_level (region)))
    return TRUE;

  if (forced_plan != FG_SEARCH_PLAN_CHOSEN)
    {
      *plan = forced_plan;
      return TRUE;
    }

  if (!estimate_category (where, query->category, &n, error))
    return FALSE;
  if (n < 1 || total == 0)
    return TRUE;

  /* as a search's matches, taken to be spread evenly */
  steps = where->reach == 0 ? n_region : MIN (n_region, (double) where->reach * total / n);
  *plan = COST_STEP_CATEGORY * steps < COST_LOOKUP * n ? FG_SEARCH_PLAN_WALK_SET : FG_SEARCH_PLAN_FROM_INDEX;
  return TRUE;
}

static gboolean
filter_venues (FgQueryWhere        *where,
               const FgVenueQuery  *query,
               GError             **error)
{
  g_autoptr(FgRegion) region = NULL;
  g_autofree char *match = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (where->actor);
  const char *region_id = query->region_id;
  FgSearchPlan plan = FG_SEARCH_PLAN_FROM_INDEX;
  gboolean everything = FALSE;
  FgSearchPlan category_plan = FG_SEARCH_PLAN_CHOSEN;
  /* the region and the tombstone choose the index a page walks, unless
   * the search index or a category's venues lead: then "+" keeps them off
   * their index */
  const char *index_term = "";

  /* No region means everything the actor may see: its scope, or for an
   * unlimited actor the township. */
  if (region_id == NULL)
    region_id = scope_id != NULL ? scope_id : fg_store_get_home_region_id (where->store);

  if (region_id != NULL)
    {
      if (!fg_query_resolve_region (where->store, where->actor, region_id, &region, error))
        return FALSE;
      if (region == NULL)
        {
          where->empty = TRUE;
          return TRUE;
        }
    }

  if (query->text != NULL)
    match = fg_search_build_match (query->text);
  if (match != NULL && region != NULL &&
      !choose_search (where, query, region, match, &plan, &everything, error))
    return FALSE;
  if (match != NULL && plan == FG_SEARCH_PLAN_FROM_INDEX && query->category == NULL)
    index_term = "+";
  if (match == NULL && query->category != NULL && region != NULL)
    {
      if (!choose_category (where, query, region, &category_plan, &everything, error))
        return FALSE;
      /* the category's venues are looked up: the region's index would
       * be walked instead */
      if (category_plan == FG_SEARCH_PLAN_FROM_INDEX)
        index_term = "+";
    }

  fg_query_where_add (where, "%sv.deleted = 0", index_term);

  if (region != NULL)
    {
      const char *home_id = fg_store_get_home_region_id (where->store);
      gboolean own_county = FALSE;
      int office_level = 0;

      /* A township's or a grid station's database holds its own region's
       * venues alone and no index of a county's orders
       * (fg_venue_fit_list_indexes()): the county's list there is its own
       * region's, read through that region's indexes; the county is
       * checked as well unless it is the township's own */
      if (fg_region_get_level (region) == FG_REGION_LEVEL_COUNTY && home_id != NULL &&
          (office_level = fg_venue_office_level (where->store)) > FG_REGION_LEVEL_COUNTY)
        {
          g_autoptr(FgRegion) home = fg_region_find (where->store, home_id, NULL);

          own_county = office_level == FG_REGION_LEVEL_TOWNSHIP && home != NULL &&
                       g_strcmp0 (fg_region_get_parent_id (home), fg_region_get_id (region)) == 0;
          fg_query_where_add (where, "%s%s = :home", index_term, region_column ((FgRegionLevel) office_level));
          fg_query_where_set (where, ":home", home_id);
        }
      if (!own_county)
        fg_query_where_add (where, "%s%s = :region", index_term, region_column (fg_region_get_level (region)));
      /* the count reads the region's, whatever the terms */
      fg_query_where_set (where, ":region", fg_region_get_id (region));
    }

  if (query->category != NULL)
    {
      if (category_plan == FG_SEARCH_PLAN_WALK_SET || category_plan == FG_SEARCH_PLAN_WALK_TEXT)
        fg_query_where_add (where, "EXISTS (SELECT 1 FROM venue_category"
                                   " WHERE category = :category AND venue_seq = v.seq)");
      else
        fg_query_where_add (where, "v.seq IN (SELECT venue_seq FROM venue_category WHERE category = :category)");
      fg_query_where_set (where, ":category", query->category);
    }

  if (match != NULL)
    {
      switch (plan)
        {
        case FG_SEARCH_PLAN_WALK_TEXT:
          {
            g_autofree char *terms = fg_search_build_terms (query->text);

            fg_query_where_add (where, "fg_search_contains (:terms, v.name, v.address, v.operator_name)");
            fg_query_where_set (where, ":terms", terms);
          }
          break;

        case FG_SEARCH_PLAN_WALK_SET:
          fg_query_where_add (where, "+v.seq IN (SELECT rowid FROM venue_fts WHERE venue_fts MATCH :match)");
          break;

        case FG_SEARCH_PLAN_FROM_INDEX:
        case FG_SEARCH_PLAN_CHOSEN:
        default:
          fg_query_where_add (where, "v.seq IN (SELECT rowid FROM venue_fts WHERE venue_fts MATCH :match)");
          break;
        }
      fg_query_where_set (where, ":match", match);
    }

  /* A region alone is counted by the triggers that keep region.venue_count:
   * the whole county is then one row, not a million. A search of every
   * venue is counted by the search index alone. */
  if (region != NULL && query->category == NULL && match == NULL)
    where->count = "SELECT venue_count FROM region WHERE id = :region";
  else if (everything && query->category == NULL && match != NULL)
    where->count = "SELECT count(*) FROM venue_fts WHERE venue_fts MATCH :match";
  /* A category of every venue is counted on its rows of venue_category,
   * less those of removed venues (found through the county's list index,
   * which holds the removed ones apart; in a township's database, which
   * has none, through the township's). */
  else if (everything && query->category != NULL && match == NULL)
    where->count = fg_venue_office_level (where->store) > FG_REGION_LEVEL_COUNTY
                   ? "SELECT (SELECT count(*) FROM venue_category WHERE category = :category)"
                     " - (SELECT count(*) FROM venue d"
                     "    WHERE d.township_id IN (SELECT id FROM region WHERE level = 2) AND d.deleted = 1"
                     "      AND EXISTS (SELECT 1 FROM venue_category"
                     "                  WHERE category = :category AND venue_seq = d.seq))"
                   : "SELECT (SELECT count(*) FROM venue_category WHERE category = :category)"
                     " - (SELECT count(*) FROM venue d"
                     "    WHERE d.county_id IN (SELECT id FROM region WHERE level = 1) AND d.deleted = 1"
                     "      AND EXISTS (SELECT 1 FROM venue_category"
                     "                  WHERE category = :category AND venue_seq = d.seq))";

  return TRUE;
}

/* A search or a category is counted through its matches, which at a
 * county can be hundreds of thousands: its first page comes sooner. */
static gboolean
venue_count_is_slow (gconstpointer data)
{
  const FgVenueQuery *query = data;
  g_autofree char *match = fg_search_build_match (query->text);

  return match != NULL || query->category != NULL;
}

/* A page is chosen on the venue table and its indexes (joined to the
 * village only to sort by it), then its venues are read whole. */
static const FgQuerySpec venue_query = {
  .source = {
    .what = "venues",
    .item_type = fg_venue_get_type,
    .query_type = fg_venue_query_get_type,
    .new_query = (gpointer (*) (void)) fg_venue_query_new,
    .equal = (FgPagedEqual *) fg_venue_query_equal,
    .count = fg_query_count,
    .fetch = fg_query_fetch,
    .slow_count = venue_count_is_slow,
  },
  .table = { "venue v", "v.seq", (const char *const[]) { "JOIN region rv ON rv.id = v.village_id", NULL } },
  .rows = { FG_VENUE_COLUMNS, FG_VENUE_FROM, (FgRowFunc) fg_venue_new_from_row },
  .filter = (FgQueryFilter) filter_venues,
  .order_by = (FgQueryOrder) order_venues,
};

/**
 * fg_venue_query_count:
 * @store: the store
 * @actor: who asks: only venues in its scope count
 * @query: what to count
 * @n_items: (out): the number of venues that match
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */

/**
 * fg_venue_query_fetch:
 * @store: the store
 * @actor: who asks: only venues in its scope come back
 * @query: what to fetch
 * @offset: how many matching venues to skip
 * @limit: how many to return at most
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgVenue): the venues in the
 *   query's order, or %NULL with @error set
 */

/**
 * fg_venue_query_list_new:
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 * @query: (nullable): what to list; %NULL for every venue the actor may
 *   see, by name
 *
 * Returns: (transfer full): a list of #FgVenue that pages the venues of
 *   @query from the store; change its query with fg_paged_list_set_query()
 */
FG_QUERY_DEFINE_FUNCTIONS (FgVenueQuery, fg_venue_query, venue_query)
