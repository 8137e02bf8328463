/* fg-bundle-async.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports and imports away from the caller's thread. A county office's
 * bundle can hold hundreds of thousands of rows: writing or reading it
 * takes long enough that a window must stay responsive meanwhile.
 *
 * Each worker opens its own connection to the database file (SQLite
 * connections are not shared between threads), owns copies of what it
 * was given, and tells how far it is through a relay: the worker leaves
 * the latest fraction in an atomic and wakes the caller's main context
 * only when no earlier news is still waiting there, so a bundle of a
 * million rows does not queue a million callbacks.
 */
#include "config.h"

#include "fg-bundle-private.h"
#include "fg-store-private.h"

/* Progress */

typedef struct
{
  GMainContext *context;
  FgBundleProgressFunc func;
  gpointer data;
  int permille;  /* the latest news, written by the worker */
  int waiting;   /* TRUE while a delivery is queued in @context */
} ProgressRelay;

static ProgressRelay *
progress_relay_new (FgBundleProgressFunc func,
                    gpointer             data)
{
  ProgressRelay *relay;

  if (func == NULL)
    return NULL;

  relay = g_atomic_rc_box_new0 (ProgressRelay);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->data = data;
  return relay;
}

static void
progress_relay_clear (ProgressRelay *relay)
{
  g_main_context_unref (relay->context);
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  g_atomic_rc_box_release_full (relay, (GDestroyNotify) progress_relay_clear);
}

static gboolean
progress_relay_deliver (gpointer user_data)
{
  ProgressRelay *relay = user_data;

  g_atomic_int_set (&relay->waiting, FALSE);
  relay->func (g_atomic_int_get (&relay->permille) / 1000.0, relay->data);
  return G_SOURCE_REMOVE;
}

/* In the worker: the news goes to the caller's context, once. */
static void
progress_relay_report (double   fraction,
                       gpointer user_data)
{
  ProgressRelay *relay = user_data;
  GSource *source;

  g_atomic_int_set (&relay->permille, (int) CLAMP (fraction * 1000, 0, 1000));
  if (!g_atomic_int_compare_and_exchange (&relay->waiting, FALSE, TRUE))
    return;

  /* Queued at the priority the result comes back at, before it: every
   * delivery is dispatched before the caller hears the job is done. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_relay_deliver, g_atomic_rc_box_acquire (relay),
                         (GDestroyNotify) progress_relay_unref);
  g_source_set_static_name (source, "[firegrid] bundle progress");
  g_source_attach (source, relay->context);
  g_source_unref (source);
}

/* A job */

typedef struct
{
  char *db_path;
  FgActor *actor;
  char *peer;     /* export: the receiver */
  char *path;     /* the bundle file */
  gboolean dry_run;
  ProgressRelay *relay;
  FgBundleReport report;
  FgBundleInfo *info;  /* import: what the bundle said of itself, once checked */
} BundleJob;

static void
bundle_job_free (BundleJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->actor, fg_actor_unref);
  g_free (job->peer);
  g_free (job->path);
  g_clear_pointer (&job->relay, progress_relay_unref);
  g_clear_pointer (&job->info, fg_bundle_info_free);
  g_free (job);
}

static BundleJob *
bundle_job_new (FgStore              *store,
                FgActor              *actor,
                const char           *path,
                FgBundleProgressFunc  progress,
                gpointer              progress_data)
{
  BundleJob *job = g_new0 (BundleJob, 1);

  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  job->path = g_strdup (path);
  job->relay = progress_relay_new (progress, progress_data);
  return job;
}

static GTask *
bundle_task_new (BundleJob           *job,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  /* without a source object: the worker uses the store's file, not the
   * store, and a job still running does not keep the store open */
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) bundle_job_free);
  /* An import cancelled just after its transaction committed has still
   * happened: the result says what was done, not what was asked. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static gboolean
bundle_task_finish (GAsyncResult    *result,
                    gpointer         source_tag,
                    FgBundleReport  *report,
                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (report != NULL)
    {
      BundleJob *job = g_task_get_task_data (G_TASK (result));

      *report = job->report;
    }
  return TRUE;
}

static void
return_result (GTask    *task,
               gboolean  ok,
               GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Exporting */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BundleJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  GError *error = NULL;
  gboolean ok;

  if (store == NULL)
    return;

  ok = fg_bundle_export_full (store, job->actor, job->peer, job->path, &job->report,
                              job->relay != NULL ? progress_relay_report : NULL, job->relay,
                              cancellable, &error);
  return_result (task, ok, error);
}

/**
 * fg_bundle_export_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who writes the bundle
 * @peer: the receiver's node id
 * @path: the file to write
 * @progress: (nullable): told how far the export is, in
 *   the thread-default main context of the caller, never after @callback
 * @progress_data: data for @progress; it must stay valid until @callback
 *   has run
 * @cancellable: (nullable): stops the export; nothing is written then
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * Writes a bundle for @peer in a worker thread, as fg_bundle_export_full()
 * does. Finish with fg_bundle_export_finish().
 */
void
fg_bundle_export_async (FgStore              *store,
                        FgActor              *actor,
                        const char           *peer,
                        const char           *path,
                        FgBundleProgressFunc  progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  BundleJob *job;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (peer != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = bundle_job_new (store, actor, path, progress, progress_data);
  job->peer = g_strdup (peer);
  task = bundle_task_new (job, fg_bundle_export_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, export_thread);
}

/**
 * fg_bundle_export_finish:
 * @result: the result given to the callback
 * @report: (out caller-allocates) (optional): the rows written
 * @error: return location for an error: %G_IO_ERROR_CANCELLED when it was
 *   stopped, %FG_BUNDLE_ERROR_NOTHING_TO_SEND, or what fg_bundle_export_full()
 *   reports
 *
 * Returns: %TRUE if the bundle was written
 */
gboolean
fg_bundle_export_finish (GAsyncResult    *result,
                         FgBundleReport  *report,
                         GError         **error)
{
  return bundle_task_finish (result, fg_bundle_export_async, report, error);
}

/* Importing */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BundleJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  GError *error = NULL;
  gboolean ok;

  if (store == NULL)
    return;

  ok = fg_bundle_import_checked (store, job->actor, job->path, job->dry_run, &job->report, &job->info,
                                 job->relay != NULL ? progress_relay_report : NULL, job->relay,
                                 cancellable, &error);
  return_result (task, ok, error);
}

/**
 * fg_bundle_import_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who imports the bundle
 * @path: the bundle file
 * @dry_run: %TRUE to report what the import would do and write nothing
 * @progress: (nullable): told how far the import is, in
 *   the thread-default main context of the caller, never after @callback
 * @progress_data: data for @progress; it must stay valid until @callback
 *   has run
 * @cancellable: (nullable): stops the import; nothing is written then
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * Checks and applies a bundle in a worker thread, as fg_bundle_import_full()
 * does: all of it in one transaction, or nothing. Finish with
 * fg_bundle_import_finish().
 */
void
fg_bundle_import_async (FgStore              *store,
                        FgActor              *actor,
                        const char           *path,
                        gboolean              dry_run,
                        FgBundleProgressFunc  progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  BundleJob *job;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = bundle_job_new (store, actor, path, progress, progress_data);
  job->dry_run = !!dry_run;
  task = bundle_task_new (job, fg_bundle_import_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, import_thread);
}

/**
 * fg_bundle_import_finish:
 * @result: the result given to the callback
 * @report: (out caller-allocates) (optional): what the import did, or
 *   would do on a dry run
 * @error: return location for an error: %G_IO_ERROR_CANCELLED when it was
 *   stopped, or why the bundle was refused (%FG_BUNDLE_ERROR)
 *
 * Returns: %TRUE if the bundle was imported (or, dry, could be)
 */
gboolean
fg_bundle_import_finish (GAsyncResult    *result,
                         FgBundleReport  *report,
                         GError         **error)
{
  return bundle_task_finish (result, fg_bundle_import_async, report, error);
}

/**
 * fg_bundle_import_dup_info:
 * @result: the result of fg_bundle_import_async(), finished
 *
 * What the bundle said of itself, once its signature was checked against
 * the key of the peer it names: who sent it (by the name that office goes
 * by here), its number and when it was written. A dry run tells the
 * person who sent what before they import it.
 *
 * Returns: (transfer full) (nullable): the bundle's header, or %NULL when
 *   the import failed before its signature was checked
 */
FgBundleInfo *
fg_bundle_import_dup_info (GAsyncResult *result)
{
  BundleJob *job;
  FgBundleInfo *copy;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_bundle_import_async, NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (job->info == NULL)
    return NULL;
  copy = g_new0 (FgBundleInfo, 1);
  copy->sender = g_strdup (job->info->sender);
  copy->sender_name = g_strdup (job->info->sender_name);
  copy->receiver = g_strdup (job->info->receiver);
  copy->sequence = job->info->sequence;
  copy->previous = g_strdup (job->info->previous);
  copy->created_at = g_strdup (job->info->created_at);
  copy->since = g_strdup (job->info->since);
  copy->takes_over = g_strdup (job->info->takes_over);
  copy->digest = g_strdup (job->info->digest);
  return copy;
}
