/* test-sync-folder.c — sync folders: what is pending goes out, what arrived comes in
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "fg-test-util.h"

static void
trust (FgStore *store,
       FgStore *peer_store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = fg_node_write_peer_file (peer_store, fg_test_installer (), &error);
  g_autoptr(FgNodeInfo) peer = NULL;

  g_assert_no_error (error);
  peer = fg_node_read_peer_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (fg_node_add_peer (store, fg_test_installer (), peer, &error));
  g_assert_no_error (error);
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_sync_folder (void)
{
  g_auto(FgTestDir) here_dir = { 0 };
  g_auto(FgTestDir) there_dir = { 0 };
  g_autoptr(FgStore) here = NULL;
  g_autoptr(FgStore) there = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) arrived = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *inbox = NULL;
  g_autofree char *done = NULL;
  g_auto(FgSyncReport) report = { 0 };

  fg_test_dir_init (&here_dir);
  fg_test_dir_init (&there_dir);
  here = fg_test_township_new (&here_dir, NULL, &grid);
  there = fg_test_township_new (&there_dir, NULL, NULL);
  /* a second installation of the township is a workstation of it */
  g_assert_true (fg_node_set_role (there, fg_test_installer (), FG_NODE_ROLE_WORKSTATION, &error));
  g_assert_no_error (error);
  trust (here, there);
  trust (there, here);
  shared = g_build_filename (here_dir.dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);

  /* a folder that is not one is refused */
  g_assert_false (fg_sync_set_folder (here, fg_test_installer (), fg_store_get_node_id (there), "relative/path", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);
  g_assert_true (fg_sync_set_folder (here, fg_test_installer (), fg_store_get_node_id (there), shared, &error));
  g_assert_no_error (error);
  g_assert_true (fg_sync_set_folder (there, fg_test_installer (), fg_store_get_node_id (here), shared, &error));
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (here, fg_test_installer (), venue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (here, fg_store_get_node_id (there)), >, 0);

  /* out: one bundle in the other office's inbox; pending is then nothing */
  g_assert_true (fg_sync_run (here, fg_test_installer (), &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.folders, ==, 1);
  g_assert_cmpuint (report.sent, ==, 1);
  g_assert_cmpuint (report.received, ==, 0);
  inbox = g_build_filename (shared, fg_store_get_node_id (there), NULL);
  g_assert_cmpuint (count_files (inbox), ==, 1);
  g_assert_cmpuint (fg_sync_count_pending (here, fg_store_get_node_id (there)), ==, 0);
  fg_sync_report_clear (&report);

  /* in: imported, and moved to done */
  g_assert_true (fg_sync_run (there, fg_test_installer (), &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.received, ==, 1);
  g_assert_null (report.problems);
  arrived = fg_venue_load (there, fg_test_installer (), fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (arrived), ==, "老王烧烤");
  done = g_build_filename (inbox, "done", NULL);
  g_assert_cmpuint (count_files (done), ==, 1);
  g_assert_cmpuint (count_files (inbox), ==, 1);  /* done/ alone */
  fg_sync_report_clear (&report);

  /* again: nothing sent back, nothing more imported */
  g_assert_true (fg_sync_run (there, fg_test_installer (), &report, NULL, &error));
  g_assert_cmpuint (report.received, ==, 0);
  fg_sync_report_clear (&report);

  /* the folder gone (a USB stick pulled out): skipped, not an error */
  remove_tree (shared);
  g_assert_true (fg_sync_run (here, fg_test_installer (), &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.folders, ==, 0);
  g_assert_cmpuint (report.unreachable, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/folder", test_sync_folder);

  return g_test_run ();
}
