/* fg-query.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venue list, the hazard ledger and the documents are queries of the
 * same shape: a region chosen in the sidebar, read through the actor's
 * scope, counted once and read a page at a time. What they have in common
 * lives here: the SQL of a count and of a page, and binding the values
 * of a filter. Each module describes itself in an FgQuerySpec: its
 * filters, its orders, the table a page is chosen on and the rows read.
 */
#include "config.h"

#include <stdarg.h>

#include "fg-permission-private.h"
#include "fg-query-private.h"

/*
 * fg_query_resolve_region:
 * @region_id: a region at any level, as chosen in the sidebar
 * @region: (out) (transfer full) (nullable): the region to filter by, or
 *   %NULL when the query can match nothing
 *
 * A region removed meanwhile (another window, an import) matches nothing
 * rather than failing. A region above the actor's scope (the township,
 * for a grid worker) shows what the actor may see of it: its own scope.
 * A region the actor may not see at all is refused.
 *
 * Returns: %TRUE on success, with *@region set or %NULL
 */
gboolean
fg_query_resolve_region (FgStore     *store,
                         FgActor     *actor,
                         const char  *region_id,
                         FgRegion   **region,
                         GError     **error)
{
  g_autoptr(FgRegion) found = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (actor);

  g_assert (region_id != NULL);
  g_assert (region != NULL);

  *region = NULL;

  found = fg_region_find (store, region_id, &local_error);
  if (found == NULL)
    {
      /* other errors count */
      if (!g_error_matches (local_error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (scope_id != NULL &&
      !fg_actor_covers_code (actor, fg_region_get_code (found)) &&
      fg_actor_sees_code (actor, fg_region_get_code (found)))
    {
      g_clear_object (&found);
      found = fg_region_find (store, scope_id, error);
      if (found == NULL)
        return FALSE;
    }

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ,
                            fg_region_get_code (found), fg_region_get_id (found), error))
    return FALSE;

  *region = g_steal_pointer (&found);
  return TRUE;
}

/* Steps @stmt, a SELECT count(*) or the like, once. */
gboolean
fg_query_read_count (FgStore       *store,
                     sqlite3_stmt  *stmt,
                     guint         *count,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  *count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  return TRUE;
}

/* Returns: (transfer full): an object of each row of @stmt, or %NULL
 * with @error set */
GPtrArray *
fg_query_read_rows (FgStore       *store,
                    sqlite3_stmt  *stmt,
                    FgRowFunc      from_row,
                    GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

void
fg_query_where_clear (FgQueryWhere *where)
{
  if (where->terms != NULL)
    g_string_free (where->terms, TRUE);
  g_clear_pointer (&where->values, g_hash_table_unref);
}

/* Adds a term, which all the others must match too. */
void
fg_query_where_add (FgQueryWhere *where,
                    const char   *format,
                    ...)
{
  va_list args;

  if (where->terms->len > 0)
    g_string_append (where->terms, " AND ");

  va_start (args, format);
  g_string_append_vprintf (where->terms, format, args);
  va_end (args);
}

/* Gives the parameter @name (":region") of the terms its text, copied. */
void
fg_query_where_set (FgQueryWhere *where,
                    const char   *name,
                    const char   *value)
{
  g_assert (name[0] == ':');
  g_assert (value != NULL);

  g_hash_table_insert (where->values, (gpointer) name, g_strdup (value));
}

/* Checks that @actor may read, then lets @spec's filter say what @query
 * matches. */
gboolean
fg_query_filter (const FgQuerySpec  *spec,
                 FgQueryWhere       *where,
                 FgStore            *store,
                 FgActor            *actor,
                 gconstpointer       query,
                 GError            **error)
{
  where->store = store;
  where->actor = actor;
  where->terms = g_string_new (NULL);
  where->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  return spec->filter (where, query, error);
}

/* The WHERE clause the terms make. */
const char *
fg_query_where_terms (FgQueryWhere *where)
{
  return where->terms->len > 0 ? where->terms->str : "1";
}

/* The table a page is chosen on, with the joins of @joins in the order
 * the table gives them. */
static char *
dup_from (const FgQueryTable *table,
          guint               joins)
{
  GString *from = g_string_new (table->from);

  for (guint i = 0; table->joins != NULL && table->joins[i] != NULL; i++)
    if (joins & (1u << i))
      g_string_append_printf (from, " %s", table->joins[i]);

  return g_string_free (from, FALSE);
}

/* Prepares @sql and binds every value of @where that it names. The values
 * stay @where's: the statement must be done with before @where is. */
sqlite3_stmt *
fg_query_prepare (FgStore       *store,
                  const char    *sql,
                  FgQueryWhere  *where,
                  GError       **error)
{
  sqlite3_stmt *stmt = fg_store_prepare (store, sql, error);
  GHashTableIter iter;
  gpointer name, value;

  if (stmt == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, where->values);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      int index = sqlite3_bind_parameter_index (stmt, name);

      if (index > 0)
        sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
    }

  return stmt;
}

/*
 * fg_query_count:
 * @source: the source of an FgQuerySpec
 *
 * Counts the rows @query matches: an FgPagedCount.
 */
gboolean
fg_query_count (const FgPagedSource  *source,
                FgStore              *store,
                FgActor              *actor,
                gconstpointer         query,
                guint                *n_items,
                GError              **error)
{
  const FgQuerySpec *spec = (const FgQuerySpec *) source;
  g_auto(FgQueryWhere) where = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *n_items = 0;

  if (!fg_query_filter (spec, &where, store, actor, query, error))
    return FALSE;
  if (where.empty)
    return TRUE;

  if (where.count != NULL)
    {
      sql = g_strdup (where.count);
    }
  else
    {
      from = dup_from (&spec->table, where.joins);
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, fg_query_where_terms (&where));
    }

  stmt = fg_query_prepare (store, sql, &where, error);
  if (stmt == NULL)
    return FALSE;

  return fg_query_read_count (store, stmt, n_items, error);
}

/*
 * fg_query_fetch:
 * @source: the source of an FgQuerySpec
 *
 * Reads a page of the rows @query matches, in its order or, @reversed,
 * in the opposite one: an FgPagedFetch.
 *
 * Returns: (transfer full): the rows, or %NULL with @error set
 */
GPtrArray *
fg_query_fetch (const FgPagedSource  *source,
                FgStore              *store,
                FgActor              *actor,
                gconstpointer         query,
                guint                 offset,
                guint                 limit,
                gboolean              reversed,
                GError              **error)
{
  const FgQuerySpec *spec = (const FgQuerySpec *) source;
  g_auto(FgQueryWhere) where = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *order = NULL;
  g_autofree char *from = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* a filter may choose its plan by how far the page is */
  where.reach = limit > G_MAXUINT - offset ? G_MAXUINT : offset + limit;
  if (!fg_query_filter (spec, &where, store, actor, query, error))
    return NULL;
  if (where.empty)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The page is chosen on the table's small columns and its indexes
   * alone, then only its rows are read and joined: skipping to row
   * 500,000 steps through index entries, not through whole rows. */
  order = spec->order_by (query, reversed, &where.joins);
  from = dup_from (&spec->table, where.joins);
  sql = g_strdup_printf ("SELECT %s FROM %s"
                         " WHERE %s IN (SELECT %s FROM %s WHERE %s"
                         "              ORDER BY %s LIMIT :limit OFFSET :offset)"
                         " ORDER BY %s",
                         spec->rows.columns, spec->rows.from,
                         spec->table.key, spec->table.key, from, fg_query_where_terms (&where),
                         order, order);

  stmt = fg_query_prepare (store, sql, &where, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  rows = fg_query_read_rows (store, stmt, spec->rows.from_row, error);
  if (rows == NULL)
    return NULL;
  g_clear_pointer (&stmt, fg_stmt_release);

  if (spec->complete != NULL && !spec->complete (store, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}
