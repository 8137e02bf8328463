/* fg-sync.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A peer may have a sync folder: a shared network folder, or a path on a
 * USB stick both offices use. Inside it each office has an inbox named by
 * its node id; a pass writes what is pending for the peer into the
 * peer's inbox and imports what waits in this office's own, then moves
 * the imported bundles into "done". A bundle appears in an inbox only
 * complete (the exporter renames it into place), an import is one
 * transaction, and a bundle imported before changes nothing: a folder that
 * disappears midway loses nothing and sends nothing twice.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fg-audit-private.h"
#include "fg-node-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"
#include "fg-sync.h"

#define BUNDLE_SUFFIX ".fgbundle"

void
fg_sync_report_clear (FgSyncReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

void
fg_conflict_free (FgConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->table);
  g_free (conflict->row_id);
  g_free (conflict->title);
  g_free (conflict->lost_title);
  g_free (conflict->lost_node);
  g_free (conflict->lost_stamp);
  g_free (conflict->found_at);
  g_clear_pointer (&conflict->kept, g_variant_unref);
  g_clear_pointer (&conflict->lost, g_variant_unref);
  g_free (conflict);
}

/* What a change to a peer's row says in the audit log: {"peer": …,
 * @key: @value}, as JSON (SQLite quotes it). */
static char *
dup_peer_change (FgStore    *store,
                 const char *peer_id,
                 const char *key,
                 const char *value)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT json_object ('peer', ?1, ?2, ?3)", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (fg_stmt_text (stmt, 0)) : NULL;
}

/**
 * fg_sync_set_folder:
 * @peer: the peer's node id or division code
 * @folder: (nullable): a directory both offices reach, or %NULL for none
 *
 * Sets where bundles to and from @peer are exchanged.
 */
gboolean
fg_sync_set_folder (FgStore     *store,
                    FgActor     *actor,
                    const char  *peer,
                    const char  *folder,
                    GError     **error)
{
  g_autoptr(FgNodeInfo) info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  info = fg_node_find_peer (store, actor, peer, error);
  if (info == NULL)
    return FALSE;
  if (folder != NULL && (!g_path_is_absolute (folder) || !g_file_test (folder, G_FILE_TEST_IS_DIR)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder. Choose the shared folder or the USB stick’s folder."), folder);
      return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store, "UPDATE peer SET sync_folder = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, folder, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  after = dup_peer_change (store, info->id, "sync_folder", folder);
  if (!fg_audit_record_change (store, actor, "peer-folder", info->id, NULL, after, error))
    goto failed;
  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_sync_resend:
 * @peer: the peer's node id or division code
 *
 * Makes the next bundle to @peer carry everything again, as the first one
 * did: for a peer that refused a bundle (and so never got its rows), or
 * lost one. Importing what it has already changes nothing there.
 */
gboolean
fg_sync_resend (FgStore     *store,
                FgActor     *actor,
                const char  *peer,
                GError     **error)
{
  g_autoptr(FgNodeInfo) info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  info = fg_node_find_peer (store, actor, peer, error);
  if (info == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET sent_change = 0, audit_sent = 0, audit_passed_on = 0 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  after = dup_peer_change (store, info->id, "sent_change", "0");
  if (!fg_audit_record_change (store, actor, "peer-resend", info->id, NULL, after, error))
    goto failed;
  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

typedef struct
{
  char *id;
  char *prefix;    /* what the codes of the rows it receives begin with */
  gint64 since;    /* the last change it was sent */
  guint pending;
} PendingPeer;

static void
pending_peer_free (PendingPeer *peer)
{
  g_free (peer->id);
  g_free (peer->prefix);
  g_free (peer);
}

/* Whether @code (a region's, or the region of a row's venue) lies in the
 * division @prefix, or, for the division tree (@tree_row), above it. */
static gboolean
code_goes_to (const char *code,
              const char *prefix,
              gboolean    tree_row)
{
  g_autofree char *trimmed = NULL;
  gsize length;

  if (code == NULL)
    return TRUE;
  if (g_str_has_prefix (code, prefix))
    return TRUE;
  if (!tree_row || strlen (code) != 12)
    return FALSE;
  trimmed = g_strdup (code);
  length = strlen (trimmed);
  while (length > 0 && trimmed[length - 1] == '0')
    trimmed[--length] = '\0';
  return length > 0 && length < strlen (prefix) && g_str_has_prefix (prefix, trimmed);
}

/* For each peer, the changes since its last bundle that lie in the
 * division it shares with this office and that it did not write itself:
 * about what its next bundle will carry. One pass over the change log,
 * from the peer that was sent the least. */
static gboolean
count_pending (FgStore       *store,
               GPtrArray     *peers,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 since = G_MAXINT64;
  int rc;

  for (guint i = 0; i < peers->len; i++)
    since = MIN (since, ((PendingPeer *) g_ptr_array_index (peers, i))->since);
  if (peers->len == 0)
    return TRUE;

  stmt = fg_store_prepare (store,
                           "SELECT c.seq, c.table_name IN ('region', 'campaign'),"
                           " CASE c.table_name"
                           "   WHEN 'region' THEN (SELECT substr (stamp, 23) FROM region WHERE id = c.row_id)"
                           "   WHEN 'venue' THEN (SELECT substr (stamp, 23) FROM venue WHERE id = c.row_id)"
                           "   WHEN 'campaign' THEN (SELECT substr (stamp, 23) FROM campaign WHERE id = c.row_id)"
                           "   WHEN 'inspection' THEN (SELECT origin_node FROM inspection WHERE id = c.row_id)"
                           "   WHEN 'hazard' THEN (SELECT origin_node FROM hazard WHERE id = c.row_id)"
                           "   WHEN 'hazard_event' THEN (SELECT origin_node FROM hazard_event WHERE id = c.row_id)"
                           "   WHEN 'notice' THEN (SELECT origin_node FROM notice WHERE id = c.row_id)"
                           " END,"
                           " CASE c.table_name"
                           "   WHEN 'region' THEN (SELECT code FROM region WHERE id = c.row_id)"
                           "   WHEN 'venue' THEN (SELECT r.code FROM venue v JOIN region r ON r.id = v.region_id"
                           "                      WHERE v.id = c.row_id)"
                           "   WHEN 'campaign' THEN (SELECT r.code FROM campaign t JOIN region r ON r.id = t.township_id"
                           "                         WHERE t.id = c.row_id)"
                           "   WHEN 'inspection' THEN (SELECT r.code FROM inspection i JOIN venue v ON v.id = i.venue_id"
                           "                           JOIN region r ON r.id = v.region_id WHERE i.id = c.row_id)"
                           "   WHEN 'hazard' THEN (SELECT r.code FROM hazard h JOIN venue v ON v.id = h.venue_id"
                           "                       JOIN region r ON r.id = v.region_id WHERE h.id = c.row_id)"
                           "   WHEN 'hazard_event' THEN (SELECT r.code FROM hazard_event e"
                           "                             JOIN hazard h ON h.id = e.hazard_id"
                           "                             JOIN venue v ON v.id = h.venue_id"
                           "                             JOIN region r ON r.id = v.region_id WHERE e.id = c.row_id)"
                           "   WHEN 'notice' THEN (SELECT r.code FROM notice n JOIN region r ON r.id = n.township_id"
                           "                       WHERE n.id = c.row_id)"
                           " END"
                           " FROM change_log c WHERE c.seq > ?1 ORDER BY c.seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  for (guint n = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; n++)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gboolean tree_row = sqlite3_column_int (stmt, 1) != 0;
      const char *writer = (const char *) sqlite3_column_text (stmt, 2);
      const char *code = (const char *) sqlite3_column_text (stmt, 3);

      if (n % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint i = 0; i < peers->len; i++)
        {
          PendingPeer *peer = g_ptr_array_index (peers, i);

          if (seq > peer->since && g_strcmp0 (writer, peer->id) != 0 && code_goes_to (code, peer->prefix, tree_row))
            peer->pending++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The peers, as count_pending() wants them: @peer_id only, or all. */
static GPtrArray *
pending_peers (FgStore     *store,
               const char  *peer_id,
               GError     **error)
{
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_peer_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *own_prefix = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT r.code FROM node n JOIN region r ON r.id = n.scope_region_id WHERE n.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_steal_pointer (&peers);
  own_prefix = fg_node_scope_prefix (fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);

  stmt = fg_store_prepare (store,
                           "SELECT id, scope_code, sent_change FROM peer"
                           " WHERE removed_at IS NULL AND (?1 IS NULL OR id = ?1)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *prefix = fg_node_scope_prefix (fg_stmt_text (stmt, 1));
      PendingPeer *peer;

      /* two offices apart have nothing to send each other */
      if (!g_str_has_prefix (prefix, own_prefix) && !g_str_has_prefix (own_prefix, prefix))
        continue;
      peer = g_new0 (PendingPeer, 1);
      peer->id = g_strdup (fg_stmt_text (stmt, 0));
      peer->prefix = g_strdup (strlen (prefix) > strlen (own_prefix) ? prefix : own_prefix);
      peer->since = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (peers, peer);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&peers);
}

/**
 * fg_sync_count_pending:
 * @peer_id: a peer's node id
 *
 * Returns: about how many records the next bundle to the peer will carry:
 *   those changed since the last one, in the division the two offices
 *   share, that the peer did not write itself (the rows they lean on
 *   come too, uncounted)
 */
guint
fg_sync_count_pending (FgStore    *store,
                       const char *peer_id)
{
  g_autoptr(GPtrArray) peers = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (peer_id != NULL, 0);

  peers = pending_peers (store, peer_id, NULL);
  if (peers == NULL || peers->len == 0 || !count_pending (store, peers, NULL, NULL))
    return 0;
  return ((PendingPeer *) g_ptr_array_index (peers, 0))->pending;
}

/**
 * fg_sync_count_pending_all:
 * @store: the store
 * @actor: who asks (someone who may sync)
 * @cancellable: (nullable): to stop counting
 * @error: return location for an error
 *
 * What fg_sync_count_pending() says for every peer, in one pass over the
 * changes: for a county office with many townships, in a worker thread.
 *
 * Returns: (transfer full) (element-type utf8 guint): peer id → count
 */
GHashTable *
fg_sync_count_pending_all (FgStore       *store,
                           FgActor       *actor,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) peers = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return NULL;
  peers = pending_peers (store, NULL, error);
  if (peers == NULL || !count_pending (store, peers, cancellable, error))
    return NULL;
  for (guint i = 0; i < peers->len; i++)
    {
      PendingPeer *peer = g_ptr_array_index (peers, i);

      g_hash_table_insert (counts, g_strdup (peer->id), GUINT_TO_POINTER (peer->pending));
    }
  return g_steal_pointer (&counts);
}

/* What a worker of this file is given: the database's file (it opens a
 * connection of its own; a job still running when the window closes does
 * not keep the store open), who acts, and for a pass its report. */
typedef struct
{
  char *db_path;
  FgActor *actor;
  FgSyncReport report;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->db_path);
  fg_actor_unref (job->actor);
  fg_sync_report_clear (&job->report);
  g_free (job);
}

static GTask *
sync_task_new (FgStore             *store,
               FgActor             *actor,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SyncJob *job = g_new0 (SyncJob, 1);

  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  return task;
}

static void
count_pending_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  GHashTable *counts;
  GError *error = NULL;

  if (store == NULL)
    return;

  counts = fg_sync_count_pending_all (store, job->actor, cancellable, &error);
  if (counts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) g_hash_table_unref);
}

/**
 * fg_sync_count_pending_all_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who asks (someone who may sync)
 * @cancellable: (nullable): to stop counting
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * fg_sync_count_pending_all() in a worker thread: a county office's change
 * log holds every township's rows. Finish with
 * fg_sync_count_pending_all_finish().
 */
void
fg_sync_count_pending_all_async (FgStore             *store,
                                 FgActor             *actor,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sync_task_new (store, actor, fg_sync_count_pending_all_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, count_pending_thread);
}

/**
 * fg_sync_count_pending_all_finish:
 * @result: the result given to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED when it was
 *   stopped
 *
 * Returns: (transfer full) (element-type utf8 guint): peer id → count, or
 *   %NULL
 */
GHashTable *
fg_sync_count_pending_all_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_sync_count_pending_all_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_problem (FgSyncReport *report,
             const char   *file,
             const char   *message)
{
  if (report->problems == NULL)
    report->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (report->problems, g_strdup_printf ("%s: %s", file, message));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Imports what waits in @inbox, oldest name first, and moves each bundle
 * imported (now or before) into inbox/done. */
static void
read_inbox (FgStore       *store,
            FgActor       *actor,
            const char    *inbox,
            FgSyncReport  *report,
            GCancellable  *cancellable)
{
  g_autoptr(GDir) dir = g_dir_open (inbox, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *done = g_build_filename (inbox, "done", NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, BUNDLE_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autofree char *path = g_build_filename (inbox, g_ptr_array_index (names, i), NULL);
      g_autofree char *moved = g_build_filename (done, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      FgBundleReport counts;

      if (fg_bundle_import (store, actor, path, FALSE, &counts, cancellable, &error))
        {
          report->received++;
          report->imported.added += counts.added;
          report->imported.changed += counts.changed;
          report->imported.unchanged += counts.unchanged;
          report->imported.conflicts += counts.conflicts;
          report->imported.photos += counts.photos;
          report->imported.audit += counts.audit;
        }
      else if (!g_error_matches (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED))
        {
          add_problem (report, g_ptr_array_index (names, i), error->message);
          continue;
        }

      g_mkdir_with_parents (done, 0700);
      g_rename (path, moved);
    }
}

/**
 * fg_sync_run:
 * @report: (out caller-allocates): what the pass did
 *
 * One pass over the peers' sync folders: for each folder that is there
 * now, writes the pending changes into the peer's inbox and imports the
 * bundles waiting in this office's. A bundle that is refused is reported
 * and left where it is; the others go on.
 *
 * Returns: %TRUE unless the pass could not run at all
 */
gboolean
fg_sync_run (FgStore       *store,
             FgActor       *actor,
             FgSyncReport  *report,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) peers = NULL;
  const char *self_id;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  peers = fg_node_list_peers (store, actor, error);
  if (peers == NULL)
    return FALSE;
  self_id = fg_store_get_node_id (store);

  for (guint i = 0; i < peers->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      FgNodeInfo *peer = g_ptr_array_index (peers, i);
      g_autofree char *outbox = NULL;
      g_autofree char *inbox = NULL;
      g_autofree char *file = NULL;
      g_autoptr(GError) local_error = NULL;
      FgBundleReport counts;

      if (peer->sync_folder == NULL)
        continue;
      if (!g_file_test (peer->sync_folder, G_FILE_TEST_IS_DIR))
        {
          report->unreachable++;
          continue;
        }
      report->folders++;

      outbox = g_build_filename (peer->sync_folder, peer->id, NULL);
      inbox = g_build_filename (peer->sync_folder, self_id, NULL);
      if (g_mkdir_with_parents (outbox, 0700) != 0 || g_mkdir_with_parents (inbox, 0700) != 0)
        {
          add_problem (report, peer->sync_folder, g_strerror (errno));
          continue;
        }

      /* named so that a peer's inbox sorts by sender and sequence */
      file = g_strdup_printf ("%s%s%s-%06u" BUNDLE_SUFFIX, outbox, G_DIR_SEPARATOR_S, self_id,
                              peer->last_sent_seq + 1);
      if (fg_bundle_export (store, actor, peer->id, file, &counts, cancellable, &local_error))
        report->sent++;
      else if (!g_error_matches (local_error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND))
        add_problem (report, peer->scope_name, local_error->message);

      read_inbox (store, actor, inbox, report, cancellable);
    }

  return TRUE;
}

static void
sync_run_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  GError *error = NULL;

  if (store == NULL)
    return;

  if (!fg_sync_run (store, job->actor, &job->report, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fg_sync_run_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: in whose name the bundles are written and imported
 * @cancellable: (nullable): stops the pass after the folder it is at; the
 *   report then says what was done before
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * fg_sync_run() in a worker thread. Finish with fg_sync_run_finish().
 */
void
fg_sync_run_async (FgStore             *store,
                   FgActor             *actor,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sync_task_new (store, actor, fg_sync_run_async, cancellable, callback, user_data);
  /* a pass stopped after some folders has done what it did: say so */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, sync_run_thread);
}

/**
 * fg_sync_run_finish:
 * @result: the result given to the callback
 * @report: (out caller-allocates): what the pass did; clear it with
 *   fg_sync_report_clear()
 * @error: return location for an error: %G_IO_ERROR_CANCELLED, or why the
 *   pass could not run at all
 *
 * Returns: %TRUE unless the pass could not run at all
 */
gboolean
fg_sync_run_finish (GAsyncResult  *result,
                    FgSyncReport  *report,
                    GError       **error)
{
  SyncJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_sync_run_async, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* the report moves to the caller, problems and all */
  job = g_task_get_task_data (G_TASK (result));
  *report = job->report;
  memset (&job->report, 0, sizeof job->report);
  return TRUE;
}

/* The name a row goes by, in a kept row's text. */
static char *
title_of (GVariant *row)
{
  const char *name = NULL;

  if (row != NULL && g_variant_lookup (row, "name", "&s", &name))
    return g_strdup (name);
  return g_strdup ("");
}

/**
 * fg_sync_list_conflicts:
 *
 * Returns: (transfer full) (element-type FgConflict): the conflicts no one
 *   has looked at yet, the latest first
 */
GPtrArray *
fg_sync_list_conflicts (FgStore  *store,
                        FgActor  *actor,
                        GError  **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_conflict_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT seq, table_name, row_id, kept, lost, lost_node, lost_stamp, found_at FROM conflict"
                           " WHERE resolved_at IS NULL ORDER BY seq DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgConflict *conflict = g_new0 (FgConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->table = g_strdup (fg_stmt_text (stmt, 1));
      conflict->row_id = g_strdup (fg_stmt_text (stmt, 2));
      /* g_variant_parse() gives a reference of our own, not a floating one:
       * sinking it would take a second that fg_conflict_free() never drops */
      conflict->kept = g_variant_parse (G_VARIANT_TYPE ("a{ss}"), fg_stmt_text (stmt, 3), NULL, NULL, NULL);
      conflict->lost = g_variant_parse (G_VARIANT_TYPE ("a{ss}"), fg_stmt_text (stmt, 4), NULL, NULL, NULL);
      conflict->lost_node = g_strdup (fg_stmt_text (stmt, 5));
      conflict->lost_stamp = g_strdup (fg_stmt_text (stmt, 6));
      conflict->found_at = g_strdup (fg_stmt_text (stmt, 7));
      conflict->title = title_of (conflict->kept);
      conflict->lost_title = title_of (conflict->lost);
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/* The columns a person may bring back from a losing version: what the
 * record says, not where it hangs or who made it. */
static const char * const restorable_venue[] = {
  "name", "address", "categories", "operator_name", "phone", "credit_code", "floor_area", "floors", "sleeping",
  "key_unit", "smoke_alarm", "status", "smoke_alarm_count", "smoke_alarm_checked_on", "simple_extinguishing",
  "simple_extinguishing_checked_on", NULL
};
static const char * const restorable_region[] = { "name", "retired", NULL };
static const char * const restorable_campaign[] = { "name", "starts_on", "ends_on", "focus", NULL };

/**
 * fg_sync_resolve_conflict:
 * @take_lost: bring the losing version back (as a new edit, which then
 *   reaches every office), or keep the record as it stands
 *
 * Marks a conflict looked at.
 */
gboolean
fg_sync_resolve_conflict (FgStore     *store,
                          FgActor     *actor,
                          gint64       conflict_id,
                          gboolean     take_lost,
                          GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  FgConflict *conflict = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  conflicts = fg_sync_list_conflicts (store, actor, error);
  if (conflicts == NULL)
    return FALSE;
  for (guint i = 0; i < conflicts->len; i++)
    if (((FgConflict *) g_ptr_array_index (conflicts, i))->id == conflict_id)
      conflict = g_ptr_array_index (conflicts, i);
  if (conflict == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The conflict was resolved already."));
      return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  if (take_lost && conflict->lost != NULL)
    {
      const char * const *columns = g_str_equal (conflict->table, "venue") ? restorable_venue
                                    : g_str_equal (conflict->table, "region") ? restorable_region
                                    : restorable_campaign;
      FgAction action = g_str_equal (conflict->table, "venue") ? FG_ACTION_VENUE_EDIT
                        : g_str_equal (conflict->table, "region") ? FG_ACTION_REGION_EDIT
                        : FG_ACTION_CAMPAIGN_MANAGE;
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autofree char *stamp = fg_store_next_stamp (store);
      g_autofree char *before = fg_audit_dup_row (store, conflict->table, conflict->row_id);
      g_autofree char *after = NULL;
      int n = 0;

      if (!fg_permission_check (store, actor, action, NULL, conflict->row_id, error))
        goto failed;
      for (int i = 0; columns[i] != NULL; i++)
        if (g_variant_lookup (conflict->lost, columns[i], "&s", NULL))
          g_string_append_printf (sets, "%s = ?%d, ", columns[i], ++n);
      sql = g_strdup_printf ("UPDATE %s SET %sbase_stamp = stamp, stamp = ?%d WHERE id = ?%d",
                             conflict->table, sets->str, n + 1, n + 2);
      stmt = fg_store_prepare (store, sql, error);
      if (stmt == NULL)
        goto failed;
      n = 0;
      for (int i = 0; columns[i] != NULL; i++)
        {
          const char *value = NULL;

          if (g_variant_lookup (conflict->lost, columns[i], "&s", &value))
            sqlite3_bind_text (stmt, ++n, value, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_text (stmt, n + 1, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, n + 2, conflict->row_id, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, fg_stmt_release);
      after = fg_audit_dup_row (store, conflict->table, conflict->row_id);
      if (!fg_audit_record_change (store, actor, "conflict-take-lost", conflict->row_id, before, after, error))
        goto failed;
    }

  stmt = fg_store_prepare (store, "UPDATE conflict SET resolved_at = ?1, resolved_by = ?2 WHERE seq = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, conflict_id);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}
