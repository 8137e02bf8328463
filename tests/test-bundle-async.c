/* test-bundle-async.c — exports, imports and sync passes in a worker thread
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window runs these, and its count of what waits for each peer,
 * while it stays responsive: the results come back
 * in the caller's main loop, with the progress before them, and a job
 * stopped before it began writes nothing.
 */
#include <glib/gstdio.h>

#include "fg-bundle-test-util.h"

typedef struct
{
  Office a;
  Office b;
  char *files;  /* where bundles are written */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  office_init (&f->a);
  workstation_init (&f->b);
  introduce (&f->a, &f->b);
  f->files = g_dir_make_tmp ("firegrid-bundles-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->a);
  office_clear (&f->b);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

/* What came back to the main loop */
typedef struct
{
  GMainLoop *loop;
  GArray *fractions;   /* every fraction delivered, in order */
  gboolean done;
  gboolean progress_after_done;
  GThread *main_thread;
  GAsyncResult *result;
} Waiting;

static void
waiting_init (Waiting *w)
{
  w->loop = g_main_loop_new (NULL, FALSE);
  w->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  w->main_thread = g_thread_self ();
}

static void
waiting_clear (Waiting *w)
{
  g_main_loop_unref (w->loop);
  g_array_unref (w->fractions);
  g_clear_object (&w->result);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Waiting *w = user_data;

  /* in the caller's thread, never once the result is in */
  g_assert_true (g_thread_self () == w->main_thread);
  if (w->done)
    w->progress_after_done = TRUE;
  g_array_append_val (w->fractions, fraction);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiting *w = user_data;

  g_assert_true (g_thread_self () == w->main_thread);
  w->done = TRUE;
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* An export and its import, each through its async pair, in a main loop:
 * the bundle goes in, and the counts say what it held. */
static void
test_bundle_async_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->files, "a-to-b.xml", NULL);
  g_autoptr(GError) error = NULL;
  FgBundleReport sent = { 0 };
  FgBundleReport dry = { 0 };
  FgBundleReport done = { 0 };
  Waiting w = { 0 };

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u家小超市", i + 1);
      g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), name);
    }

  waiting_init (&w);
  fg_bundle_export_async (f->a.store, fg_test_installer (), node_id (&f->b), path, on_progress, &w, NULL,
                          on_done, &w);
  /* nothing is handed back before the loop runs */
  g_assert_false (w.done);
  g_main_loop_run (w.loop);
  g_assert_true (fg_bundle_export_finish (w.result, &sent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent.added, >=, 60);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count (&f->a, "SELECT last_sent_seq FROM peer", NULL), ==, 1);
  g_assert_cmpuint (w.fractions->len, >, 0);
  g_assert_false (w.progress_after_done);
  for (guint i = 1; i < w.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (w.fractions, double, i), >=, g_array_index (w.fractions, double, i - 1));
  waiting_clear (&w);

  /* dry: what it would do, nothing written */
  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_bundle_import_async (f->b.store, fg_test_installer (), path, TRUE, NULL, NULL, NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_true (fg_bundle_import_finish (w.result, &dry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry.added, ==, 60);
  g_assert_cmpuint (dry.added + dry.changed + dry.unchanged, ==, sent.added);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 0);
  waiting_clear (&w);

  /* and for real */
  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_bundle_import_async (f->b.store, fg_test_installer (), path, FALSE, on_progress, &w, NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_true (fg_bundle_import_finish (w.result, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, dry.added);
  g_assert_cmpuint (done.changed, ==, dry.changed);
  g_assert_cmpuint (done.unchanged, ==, dry.unchanged);
  g_assert_false (w.progress_after_done);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 60);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 1);
  waiting_clear (&w);

  /* the same bundle again is refused, and says why */
  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_bundle_import_async (f->b.store, fg_test_installer (), path, FALSE, NULL, NULL, NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_false (fg_bundle_import_finish (w.result, &done, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  waiting_clear (&w);
}

/* Cancelled before the worker begins: G_IO_ERROR_CANCELLED, and neither
 * office has anything new. */
static void
test_bundle_async_cancelled (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->files, "a-to-b.xml", NULL);
  g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *before_a = NULL;
  g_autofree char *before_b = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FgBundleReport report;
  Waiting w = { 0 };

  before_a = dump (&f->a);
  g_cancellable_cancel (cancellable);
  waiting_init (&w);
  fg_bundle_export_async (f->a.store, fg_test_installer (), node_id (&f->b), path, on_progress, &w, cancellable,
                          on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_false (fg_bundle_export_finish (w.result, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->files), ==, 0);
  after = dump (&f->a);
  g_assert_cmpstr (after, ==, before_a);
  g_clear_pointer (&after, g_free);
  waiting_clear (&w);

  /* a bundle written the ordinary way, then an import stopped before it began */
  export_ok (&f->a, &f->b, path);
  before_b = dump (&f->b);
  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_bundle_import_async (f->b.store, fg_test_installer (), path, FALSE, on_progress, &w, cancellable,
                          on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_false (fg_bundle_import_finish (w.result, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before_b);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  waiting_clear (&w);
}

/* A sync pass through its async pair: what A has goes out through the
 * shared folder, and B's pass brings it in. */
static void
test_sync_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (f->files, "shared", NULL);
  g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(FgSyncReport) report = { 0 };
  Waiting w = { 0 };

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_assert_true (fg_sync_set_folder (f->a.store, actor_of (&f->a), node_id (&f->b), shared, &error));
  g_assert_no_error (error);
  g_assert_true (fg_sync_set_folder (f->b.store, actor_of (&f->b), node_id (&f->a), shared, &error));
  g_assert_no_error (error);

  /* stopped before it began: nothing goes out */
  g_cancellable_cancel (cancellable);
  waiting_init (&w);
  fg_sync_run_async (f->a.store, actor_of (&f->a), cancellable, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_false (fg_sync_run_finish (w.result, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (shared), ==, 0);
  waiting_clear (&w);

  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_sync_run_async (f->a.store, actor_of (&f->a), NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_true (fg_sync_run_finish (w.result, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.folders, ==, 1);
  g_assert_cmpuint (report.sent, ==, 1);
  g_assert_cmpuint (report.received, ==, 0);
  fg_sync_report_clear (&report);
  waiting_clear (&w);

  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_sync_run_async (f->b.store, actor_of (&f->b), NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_true (fg_sync_run_finish (w.result, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.received, ==, 1);
  g_assert_cmpuint (report.imported.added, >=, 1);
  g_assert_true (report.problems == NULL || report.problems->len == 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue WHERE id = ?1", id), ==, 1);
  waiting_clear (&w);
}

/* What waits for each peer, counted in a worker: the same as counted here. */
static void
test_count_pending_async (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  gpointer pending;
  Waiting w = { 0 };

  waiting_init (&w);
  fg_sync_count_pending_all_async (f->a.store, actor_of (&f->a), NULL, on_done, &w);
  g_main_loop_run (w.loop);
  counts = fg_sync_count_pending_all_finish (w.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (counts);
  g_assert_true (g_hash_table_lookup_extended (counts, node_id (&f->b), NULL, &pending));
  g_assert_cmpuint (GPOINTER_TO_UINT (pending), >, 0);
  g_assert_cmpuint (GPOINTER_TO_UINT (pending), ==, fg_sync_count_pending (f->a.store, node_id (&f->b)));
  waiting_clear (&w);

  g_clear_pointer (&counts, g_hash_table_unref);
  g_cancellable_cancel (cancellable);
  memset (&w, 0, sizeof w);
  waiting_init (&w);
  fg_sync_count_pending_all_async (f->a.store, actor_of (&f->a), cancellable, on_done, &w);
  g_main_loop_run (w.loop);
  counts = fg_sync_count_pending_all_finish (w.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (counts);
  waiting_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-async/round-trip", Fixture, NULL, fixture_set_up, test_bundle_async_round_trip,
              fixture_tear_down);
  g_test_add ("/bundle-async/cancelled", Fixture, NULL, fixture_set_up, test_bundle_async_cancelled,
              fixture_tear_down);
  g_test_add ("/bundle-async/sync", Fixture, NULL, fixture_set_up, test_sync_async, fixture_tear_down);
  g_test_add ("/bundle-async/count-pending", Fixture, NULL, fixture_set_up, test_count_pending_async,
              fixture_tear_down);

  return g_test_run ();
}
