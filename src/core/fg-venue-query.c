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

static gboolean
filter_venues (FgQueryWhere        *where,
               const FgVenueQuery  *query,
               GError             **error)
{
  g_autoptr(FgRegion) region = NULL;
  g_autofree char *match = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (where->actor);
  const char *region_id = query->region_id;

  fg_query_where_add (where, "v.deleted = 0");

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

      fg_query_where_add (where, "%s = :region", region_column (fg_region_get_level (region)));
      fg_query_where_set (where, ":region", fg_region_get_id (region));
    }

  if (query->category != NULL)
    {
      fg_query_where_add (where, "v.seq IN (SELECT venue_seq FROM venue_category WHERE category = :category)");
      fg_query_where_set (where, ":category", query->category);
    }

  if (query->text != NULL)
    match = fg_search_build_match (query->text);
  if (match != NULL)
    {
      fg_query_where_add (where, "v.seq IN (SELECT rowid FROM venue_fts WHERE venue_fts MATCH :match)");
      fg_query_where_set (where, ":match", match);
    }

  /* A region alone is counted by the triggers that keep region.venue_count:
   * the whole county is then one row, not a million. */
  if (region != NULL && query->category == NULL && match == NULL)
    where->count = "SELECT venue_count FROM region WHERE id = :region";

  return TRUE;
}

/* A page is chosen on the venue table and its indexes (joined to the
 * village only to sort by it), then its venues are read whole. */
static const FgQuerySpec venue_query = {
  .source = FG_QUERY_SOURCE ("venues", fg_venue, fg_venue_query),
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
