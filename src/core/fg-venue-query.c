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

#include "fg-permission-private.h"
#include "fg-query-private.h"
#include "fg-search-private.h"
#include "fg-venue-private.h"
#include "fg-venue-query.h"

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

static const char *
order_by (FgVenueSort sort,
          gboolean    descending)
{
  /* v.seq breaks ties, so that the order is total and pages never overlap */
  switch (sort)
    {
    case FG_VENUE_SORT_ADDRESS:
      return descending ? "v.address DESC, v.seq DESC" : "v.address, v.seq";
    case FG_VENUE_SORT_CATEGORY:
      return descending ? "v.categories DESC, v.name DESC, v.seq DESC" : "v.categories, v.name, v.seq";
    case FG_VENUE_SORT_VILLAGE:
      return descending ? "rv.code DESC, v.name DESC, v.seq DESC" : "rv.code, v.name, v.seq";
    case FG_VENUE_SORT_OPERATOR:
      return descending ? "v.operator_name DESC, v.seq DESC" : "v.operator_name, v.seq";
    case FG_VENUE_SORT_STATUS:
      return descending ? "v.status DESC, v.name DESC, v.seq DESC" : "v.status, v.name, v.seq";
    case FG_VENUE_SORT_NAME:
    default:
      return descending ? "v.name DESC, v.seq DESC" : "v.name, v.seq";
    }
}

typedef struct
{
  GString *where;
  char *match;
  char *region_id;
  const char *category;
  gboolean empty;  /* the query cannot match anything */
} Filter;

static void
filter_clear (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_free (filter->match);
  g_free (filter->region_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

static gboolean
filter_init (Filter              *filter,
             FgStore             *store,
             FgActor             *actor,
             const FgVenueQuery  *query,
             GError             **error)
{
  g_autoptr(FgRegion) region = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (actor);
  const char *region_id = query->region_id;

  filter->where = g_string_new ("v.deleted = 0");

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  /* No region means everything the actor may see: its scope, or for an
   * unlimited actor the township. */
  if (region_id == NULL)
    region_id = scope_id != NULL ? scope_id : fg_store_get_home_region_id (store);

  if (region_id != NULL)
    {
      if (!fg_query_resolve_region (store, actor, region_id, &region, error))
        return FALSE;
      if (region == NULL)
        {
          filter->empty = TRUE;
          return TRUE;
        }

      filter->region_id = g_strdup (fg_region_get_id (region));
      g_string_append_printf (filter->where, " AND %s = ?1",
                              region_column (fg_region_get_level (region)));
    }

  if (query->category != NULL)
    {
      filter->category = query->category;
      g_string_append (filter->where,
                       " AND v.seq IN (SELECT venue_seq FROM venue_category WHERE category = ?2)");
    }

  if (query->text != NULL)
    {
      filter->match = fg_search_build_match (query->text);
      if (filter->match != NULL)
        g_string_append (filter->where,
                         " AND v.seq IN (SELECT rowid FROM venue_fts WHERE venue_fts MATCH ?3)");
    }

  return TRUE;
}

static void
filter_bind (Filter       *filter,
             sqlite3_stmt *stmt)
{
  if (filter->region_id != NULL)
    sqlite3_bind_text (stmt, 1, filter->region_id, -1, SQLITE_STATIC);
  if (filter->category != NULL)
    sqlite3_bind_text (stmt, 2, filter->category, -1, SQLITE_STATIC);
  if (filter->match != NULL)
    sqlite3_bind_text (stmt, 3, filter->match, -1, SQLITE_STATIC);
}

/**
 * fg_venue_query_count:
 * @store: the store
 * @actor: who asks: only venues in its scope count
 * @query: what to count
 * @n_venues: (out): the number of venues that match
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_query_count (FgStore             *store,
                      FgActor             *actor,
                      const FgVenueQuery  *query,
                      guint               *n_venues,
                      GError             **error)
{
  g_auto(Filter) filter = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (n_venues != NULL, FALSE);

  *n_venues = 0;

  if (!filter_init (&filter, store, actor, query, error))
    return FALSE;
  if (filter.empty)
    return TRUE;

  /* A region alone is counted by the triggers that keep region.venue_count:
   * the whole county is then one row, not a million. */
  if (filter.region_id != NULL && filter.category == NULL && filter.match == NULL)
    sql = g_strdup ("SELECT venue_count FROM region WHERE id = ?1");
  else
    sql = g_strdup_printf ("SELECT count(*) FROM venue v WHERE %s", filter.where->str);

  stmt = fg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  filter_bind (&filter, stmt);

  return fg_query_read_count (store, stmt, n_venues, error);
}

/* The venues of a page, in the query's order or, @reversed, in the
 * opposite one. */
static GPtrArray *
query_fetch (FgStore             *store,
             FgActor             *actor,
             const FgVenueQuery  *query,
             guint                offset,
             guint                limit,
             gboolean             reversed,
             GError             **error)
{
  g_auto(Filter) filter = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *order;

  if (!filter_init (&filter, store, actor, query, error))
    return NULL;
  if (filter.empty)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The page is chosen on the indexes alone, then only its rows are read
   * and joined: skipping to row 500,000 steps through index entries, not
   * through venues. */
  order = order_by (query->sort, !query->descending != !reversed);
  sql = g_strdup_printf ("SELECT " FG_VENUE_COLUMNS " FROM " FG_VENUE_FROM
                         " WHERE v.seq IN (SELECT v.seq FROM venue v%s WHERE %s"
                         "                 ORDER BY %s LIMIT ?4 OFFSET ?5)"
                         " ORDER BY %s",
                         query->sort == FG_VENUE_SORT_VILLAGE ? " JOIN region rv ON rv.id = v.village_id" : "",
                         filter.where->str, order, order);

  stmt = fg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  filter_bind (&filter, stmt);
  sqlite3_bind_int64 (stmt, 4, limit);
  sqlite3_bind_int64 (stmt, 5, offset);

  return fg_query_read_rows (store, stmt, (FgRowFunc) fg_venue_new_from_row, error);
}

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
GPtrArray *
fg_venue_query_fetch (FgStore             *store,
                      FgActor             *actor,
                      const FgVenueQuery  *query,
                      guint                offset,
                      guint                limit,
                      GError             **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return query_fetch (store, actor, query, offset, limit, FALSE, error);
}

static const FgPagedSource venue_source = {
  .what = "venues",
  .item_type = fg_venue_get_type,
  .query_type = fg_venue_query_get_type,
  .new_query = (gpointer (*) (void)) fg_venue_query_new,
  .equal = (FgPagedEqual) fg_venue_query_equal,
  .count = (FgPagedCount) fg_venue_query_count,
  .fetch = (FgPagedFetch) query_fetch,
};

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
FgPagedList *
fg_venue_query_list_new (FgStore            *store,
                         FgActor            *actor,
                         const FgVenueQuery *query)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return fg_paged_list_new (&venue_source, store, actor, query);
}
