/* fg-query.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venue list, the hazard ledger and the documents are queries of the
 * same shape: a region chosen in the sidebar, read through the actor's
 * scope, counted once and read a page at a time. What they have in common
 * lives here; each says in its own file what its filters and orders are.
 */
#include "config.h"

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
