/* fg-query-private.h — what the paged queries (venues, hazards,
 * documents) share: how one is counted and read a page at a time, so that
 * each module says only what its filters, its orders and its rows are
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-paged-list.h"
#include "fg-region-private.h"
#include "fg-store-private.h"

G_BEGIN_DECLS

/* Makes one object of a row of @stmt. */
typedef gpointer (*FgRowFunc) (sqlite3_stmt *stmt);

/* What a query matches, as its filter writes it: the terms of the WHERE
 * clause, the text each :name in them binds, and the joins they need.
 * The store and the actor are those the query is read for. */
typedef struct
{
  FgStore    *store;
  FgActor    *actor;
  GString    *terms;   /* empty: every row */
  GHashTable *values;  /* ":name" → its text */
  guint       joins;   /* bit i: FgQueryTable.joins[i] */
  const char *count;   /* (nullable) a quicker SELECT of the same count */
  gboolean    empty;   /* the query cannot match anything */
  guint       reach;   /* a page: how far into the rows it reads (offset
                        * + limit); 0 for a count, which reads them all */
} FgQueryWhere;

void        fg_query_where_clear (FgQueryWhere *where);
void        fg_query_where_add   (FgQueryWhere *where,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
void        fg_query_where_set   (FgQueryWhere *where,
                                  const char   *name,
                                  const char   *value);
const char *fg_query_where_terms (FgQueryWhere *where);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FgQueryWhere, fg_query_where_clear)

/* Fills @where with what @query matches; the actor's right to read is
 * checked before. Sets where->empty when the query can match nothing. */
typedef gboolean (*FgQueryFilter)   (FgQueryWhere   *where,
                                     gconstpointer   query,
                                     GError        **error);
/* Returns the ORDER BY of a page of @query, in its order or, @reversed,
 * the opposite one, and adds to @joins the joins it sorts by. */
typedef char    *(*FgQueryOrder)    (gconstpointer   query,
                                     gboolean        reversed,
                                     guint          *joins);
/* Reads what a row's own statement could not, once the page is read. */
typedef gboolean (*FgQueryComplete) (FgStore        *store,
                                     GPtrArray      *rows,
                                     GError        **error);

/* Where a page is chosen: a table (with its alias), the column that
 * names a row in it and in the rows read, and the joins a filter or an
 * order may ask for (NULL-terminated; the FROM keeps their order). */
typedef struct
{
  const char        *from;
  const char        *key;
  const char *const *joins;
} FgQueryTable;

/* What is read of a page's rows, and how each becomes an object. */
typedef struct
{
  const char *columns;
  const char *from;
  FgRowFunc   from_row;
} FgQueryRows;

/* A paged query. Its source comes first, so that the count and the
 * fetch a paged list calls with it find the rest. */
typedef struct
{
  FgPagedSource   source;
  FgQueryTable    table;
  FgQueryRows     rows;
  FgQueryFilter   filter;
  FgQueryOrder    order_by;
  FgQueryComplete complete;  /* (nullable) */
} FgQuerySpec;

gboolean      fg_query_resolve_region (FgStore              *store,
                                       FgActor              *actor,
                                       const char           *region_id,
                                       FgRegion            **region,
                                       GError              **error);
gboolean      fg_query_filter         (const FgQuerySpec    *spec,
                                       FgQueryWhere         *where,
                                       FgStore              *store,
                                       FgActor              *actor,
                                       gconstpointer         query,
                                       GError              **error);
sqlite3_stmt *fg_query_prepare        (FgStore              *store,
                                       const char           *sql,
                                       FgQueryWhere         *where,
                                       GError              **error);
gboolean      fg_query_read_count     (FgStore              *store,
                                       sqlite3_stmt         *stmt,
                                       guint                *count,
                                       GError              **error);
GPtrArray    *fg_query_read_rows      (FgStore              *store,
                                       sqlite3_stmt         *stmt,
                                       FgRowFunc             from_row,
                                       GError              **error);

/* The count and the fetch of every query's source: @source is the
 * FgQuerySpec's. */
FgPagedCount  fg_query_count;
FgPagedFetch  fg_query_fetch;

/* The source of a query module: rows of @item's type (item_get_type ())
 * listed by the boxed @query type (query_get_type (), query_new (),
 * query_equal ()), counted and fetched by fg_query_count() and
 * fg_query_fetch(). */
#define FG_QUERY_SOURCE(what_, item, query) \
  { \
    .what = what_, \
    .item_type = item##_get_type, \
    .query_type = query##_get_type, \
    .new_query = (gpointer (*) (void)) query##_new, \
    .equal = (FgPagedEqual *) query##_equal, \
    .count = fg_query_count, \
    .fetch = fg_query_fetch, \
  }

/* Defines what every query module offers over its @spec, each function
 * documented in the module: prefix_count(), prefix_fetch() (in the
 * query's order) and prefix_list_new(). */
#define FG_QUERY_DEFINE_FUNCTIONS(Query, prefix, spec) \
gboolean \
prefix##_count (FgStore      *store, \
                FgActor      *actor, \
                const Query  *query, \
                guint        *n_items, \
                GError      **error) \
{ \
  g_return_val_if_fail (FG_IS_STORE (store), FALSE); \
  g_return_val_if_fail (actor != NULL, FALSE); \
  g_return_val_if_fail (query != NULL, FALSE); \
  g_return_val_if_fail (n_items != NULL, FALSE); \
\
  return fg_query_count (&(spec).source, store, actor, query, n_items, error); \
} \
\
GPtrArray * \
prefix##_fetch (FgStore      *store, \
                FgActor      *actor, \
                const Query  *query, \
                guint         offset, \
                guint         limit, \
                GError      **error) \
{ \
  g_return_val_if_fail (FG_IS_STORE (store), NULL); \
  g_return_val_if_fail (actor != NULL, NULL); \
  g_return_val_if_fail (query != NULL, NULL); \
\
  return fg_query_fetch (&(spec).source, store, actor, query, offset, limit, FALSE, error); \
} \
\
FgPagedList * \
prefix##_list_new (FgStore     *store, \
                   FgActor     *actor, \
                   const Query *query) \
{ \
  g_return_val_if_fail (FG_IS_STORE (store), NULL); \
  g_return_val_if_fail (actor != NULL, NULL); \
\
  return fg_paged_list_new (&(spec).source, store, actor, query); \
}

G_END_DECLS
