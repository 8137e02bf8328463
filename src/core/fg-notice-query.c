/* fg-notice-query.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents as the Notices page lists them: counted, and read a page
 * at a time, in SQL, since a county holds tens of thousands. The filters
 * are fg_notice_list()'s; the region is resolved as the venue list and the
 * hazard ledger resolve theirs (fg-query.c).
 *
 * A batch (every document a filter shows) is rendered in a worker with its
 * own connection to the database, so that hundreds of notices do not stop
 * the window.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-notice-private.h"
#include "fg-notice-query.h"
#include "fg-permission-private.h"
#include "fg-query-private.h"

G_DEFINE_BOXED_TYPE (FgNoticeQuery, fg_notice_query, fg_notice_query_copy, fg_notice_query_free)

#define LATEST_FIRST "n.issued_on DESC, n.seq DESC"
#define EARLIEST_FIRST "n.issued_on, n.seq"
/* the townships' names by their keys (fg-collate.c: pinyin) */
#define TOWNSHIP_LATEST_FIRST "tw.name_key, " LATEST_FIRST
#define TOWNSHIP_EARLIEST_FIRST "tw.name_key DESC, " EARLIEST_FIRST

/**
 * fg_notice_query_new:
 *
 * Returns: (transfer full): a query for every document, the latest first
 */
FgNoticeQuery *
fg_notice_query_new (void)
{
  return g_new0 (FgNoticeQuery, 1);
}

FgNoticeQuery *
fg_notice_query_copy (const FgNoticeQuery *self)
{
  FgNoticeQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (FgNoticeQuery, 1);
  copy->region_id = g_strdup (self->region_id);
  copy->venue_id = g_strdup (self->venue_id);
  copy->day = g_strdup (self->day);
  copy->open_only = self->open_only;
  copy->unserved_only = self->unserved_only;
  copy->sort = self->sort;
  copy->reversed = self->reversed;
  return copy;
}

void
fg_notice_query_free (FgNoticeQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->region_id);
  g_free (self->venue_id);
  g_free (self->day);
  g_free (self);
}

gboolean
fg_notice_query_equal (const FgNoticeQuery *a,
                       const FgNoticeQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->region_id, b->region_id) == 0 &&
         g_strcmp0 (a->venue_id, b->venue_id) == 0 &&
         g_strcmp0 (a->day, b->day) == 0 &&
         !a->open_only == !b->open_only &&
         !a->unserved_only == !b->unserved_only &&
         a->sort == b->sort &&
         !a->reversed == !b->reversed;
}

static gboolean
filter_notices (FgQueryWhere         *where,
                const FgNoticeQuery  *query,
                GError              **error)
{
  g_autofree char *scope = fg_actor_dup_scope_prefix (where->actor);

  /* the actor's area: the venues whose region's code begins so */
  if (scope != NULL)
    {
      fg_query_where_add (where, "substr (r.code, 1, length (:scope)) = :scope");
      fg_query_where_set (where, ":scope", scope);
    }

  if (query->region_id != NULL)
    {
      g_autoptr(FgRegion) region = NULL;

      if (!fg_query_resolve_region (where->store, where->actor, query->region_id, &region, error))
        return FALSE;
      if (region == NULL)
        {
          where->empty = TRUE;
          return TRUE;
        }

      fg_query_where_add (where, ":region IN (ve.region_id, ve.village_id, ve.township_id, ve.county_id, ve.grid_id)");
      fg_query_where_set (where, ":region", fg_region_get_id (region));
    }

  if (query->venue_id != NULL)
    {
      fg_query_where_add (where, "n.venue_id = :venue");
      fg_query_where_set (where, ":venue", query->venue_id);
    }

  if (query->day != NULL)
    {
      fg_query_where_add (where, "n.issued_on = :day");
      fg_query_where_set (where, ":day", query->day);
    }

  if (query->open_only)
    fg_query_where_add (where,
                        "n.voided_at IS NULL AND n.kind IN ('correct-now', 'correct-by-deadline')"
                        " AND EXISTS (SELECT 1 FROM notice_hazard nh JOIN hazard h ON h.id = nh.hazard_id"
                        "             WHERE nh.notice_id = n.id AND h.state = 'rectifying')");

  /* a refusal is service (留置送达); a notice that found nobody is not */
  if (query->unserved_only)
    fg_query_where_add (where,
                        "n.voided_at IS NULL AND n.kind NOT IN ('major-hazard-letter', 'transfer')"
                        " AND (n.service IS NULL OR n.service = 'unreachable')");

  return TRUE;
}

/* The order of @query, turned round if @reversed: each the exact
 * opposite of the other, n.seq making it total. */
static const char *
notice_order (const FgNoticeQuery *query,
              gboolean             reversed)
{
  gboolean earliest = !query->reversed != !reversed;

  if (query->sort == FG_NOTICE_SORT_TOWNSHIP)
    return earliest ? TOWNSHIP_EARLIEST_FIRST : TOWNSHIP_LATEST_FIRST;
  return earliest ? EARLIEST_FIRST : LATEST_FIRST;
}

static char *
order_notices (const FgNoticeQuery *query,
               gboolean             reversed,
               guint               *joins)
{
  return g_strdup (notice_order (query, reversed));
}

/* each document with its hazards */
static gboolean
read_hazard_ids (FgStore    *store,
                 GPtrArray  *notices,
                 GError    **error)
{
  for (guint i = 0; i < notices->len; i++)
    if (!fg_notice_private_read_hazard_ids (store, g_ptr_array_index (notices, i), error))
      return FALSE;

  return TRUE;
}

/* A page is chosen on the small columns, then only its rows are read
 * with the content each document froze. */
static const FgQuerySpec notice_query = {
  .source = FG_QUERY_SOURCE ("documents", fg_notice, fg_notice_query),
  .table = { NOTICE_FROM, "n.seq" },
  .rows = { NOTICE_COLUMNS, NOTICE_FROM, (FgRowFunc) fg_notice_private_new_from_row },
  .filter = (FgQueryFilter) filter_notices,
  .order_by = (FgQueryOrder) order_notices,
  .complete = read_hazard_ids,
};

/**
 * fg_notice_query_count:
 * @store: the store
 * @actor: who asks: only documents in its scope count
 * @query: what to count
 * @n_items: (out): the number of documents that match
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */

/**
 * fg_notice_query_fetch:
 * @store: the store
 * @actor: who asks: only documents in its scope come back
 * @query: what to fetch
 * @offset: how many matching documents to skip
 * @limit: how many to return at most
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgNotice): the documents, the
 *   latest issued first, each with its hazards, or %NULL with @error set
 */

/**
 * fg_notice_query_list_new:
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 * @query: (nullable): what to list; %NULL for every document the actor may
 *   see, the latest first
 *
 * Returns: (transfer full): a list of #FgNotice that pages the documents
 *   of @query from the store; change its query with
 *   fg_paged_list_set_query()
 */
FG_QUERY_DEFINE_FUNCTIONS (FgNoticeQuery, fg_notice_query, notice_query)

/**
 * fg_notice_query_find:
 * @store: the store
 * @actor: who asks
 * @query: the documents listed
 * @notice_id: a document's id
 * @position: (out): where @query lists it
 * @error: return location for an error
 *
 * Finds a document's place in a list without reading the documents before
 * it: those issued later, or on the same day and recorded after it. A
 * list sorted otherwise is numbered in its order.
 *
 * Returns: %TRUE with @position set when @query lists the document;
 *   %FALSE when it does not, or with @error set when it cannot tell
 */
gboolean
fg_notice_query_find (FgStore              *store,
                      FgActor              *actor,
                      const FgNoticeQuery  *query,
                      const char           *notice_id,
                      guint                *position,
                      GError              **error)
{
  g_auto(FgQueryWhere) where = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (notice_id != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  if (!fg_query_filter (&notice_query, &where, store, actor, query, error) || where.empty)
    return FALSE;

  fg_query_where_set (&where, ":notice", notice_id);
  if (query->sort != FG_NOTICE_SORT_LATEST || query->reversed)
    /* another order: the documents are numbered in it */
    sql = g_strdup_printf ("WITH listed AS (SELECT n.id, row_number () OVER (ORDER BY %s) - 1 AS position"
                           "                FROM " NOTICE_FROM " WHERE %s)"
                           " SELECT coalesce ((SELECT position FROM listed WHERE id = :notice), 0),"
                           "        EXISTS (SELECT 1 FROM listed WHERE id = :notice)",
                           notice_order (query, FALSE), fg_query_where_terms (&where));
  else
    sql = g_strdup_printf ("WITH listed AS (SELECT n.id, n.issued_on, n.seq FROM " NOTICE_FROM " WHERE %s)"
                         " SELECT (SELECT count(*) FROM listed, listed target"
                         "         WHERE target.id = :notice"
                         "           AND (listed.issued_on > target.issued_on"
                         "                OR (listed.issued_on = target.issued_on AND listed.seq > target.seq))),"
                         "        EXISTS (SELECT 1 FROM listed WHERE id = :notice)",
                         fg_query_where_terms (&where));
  stmt = fg_query_prepare (store, sql, &where, error);
  if (stmt == NULL)
    return FALSE;

  if (!fg_query_read_count (store, stmt, position, error))
    return FALSE;

  return sqlite3_column_int (stmt, 1) != 0;
}

/* Batches */

typedef struct
{
  char *db_path;
  FgActor *actor;
  FgNoticeQuery *query;
} Batch;

static void
batch_free (Batch *batch)
{
  g_free (batch->db_path);
  fg_actor_unref (batch->actor);
  fg_notice_query_free (batch->query);
  g_free (batch);
}

static void
render_batch (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  GError *error = NULL;
  GBytes *pdf;

  store = fg_store_open_in_worker (task, batch->db_path);
  if (store == NULL)
    return;

  /* in the order they were issued */
  listed = fg_query_fetch (&notice_query.source, store, batch->actor, batch->query, 0, G_MAXUINT, TRUE, &error);
  if (listed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < listed->len; i++)
    if (!fg_notice_get_voided (g_ptr_array_index (listed, i)))
      g_ptr_array_add (notices, g_ptr_array_index (listed, i));

  if (notices->len == 0)
    {
      g_task_return_new_error (task, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID,
                               _("Every document shown is void: there is nothing to print."));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  pdf = fg_notice_render (store, batch->actor, notices, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

/**
 * fg_notice_render_batch_async:
 * @store: the store; the worker opens its own connection to its file
 * @actor: who prints
 * @query: the documents to print (copied): every one it lists that is
 *   not void, in the order they were issued
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when the PDF is made
 * @user_data: for @callback
 *
 * Renders a batch (the open notices of a village, the documents of a day)
 * as one PDF in a worker thread.
 */
void
fg_notice_render_batch_async (FgStore             *store,
                              FgActor             *actor,
                              const FgNoticeQuery *query,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  batch = g_new0 (Batch, 1);
  batch->db_path = g_strdup (fg_store_get_path (store));
  batch->actor = fg_actor_ref (actor);
  batch->query = fg_notice_query_copy (query);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_notice_render_batch_async);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  g_task_run_in_thread (task, render_batch);
}

/**
 * fg_notice_render_batch_finish:
 * @store: the store the batch was started on
 * @result: the result given to the callback
 * @error: return location for an error: %FG_NOTICE_ERROR_VOID when every
 *   document listed is void, %G_IO_ERROR_CANCELLED, or what rendering met
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
fg_notice_render_batch_finish (FgStore       *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
