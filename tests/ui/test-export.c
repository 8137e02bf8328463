/* test-export.c — Export… on a page: the file chooser, the ledger of the
 * region chosen in the sidebar, written without freezing the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->actor = fg_ui_test_login (fixture->store, "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* The rows of a workbook below its title, period and header. */
static guint
count_rows (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "xlsx2csv", path, NULL };
  int status;
  guint n = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  for (const char *p = out; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  g_assert_cmpuint (n, >=, 3);
  return n - 3;
}

/* Waits for the worker to put the file in place. */
static void
wait_for_file (const char *path)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  fg_ui_test_spin ();
}

static void
test_export_from_hazards_page (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_build_filename (fixture->dir.dir, "village-hazards.xlsx", NULL);
  g_autoptr(FgRegion) village = NULL;
  g_autofree char *sql = NULL;
  GtkWindow *chooser;
  GtkFileFilter *filter;
  FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);

  /* the village with the most hazards */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->dir.db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT r.code FROM hazard h JOIN region r ON r.id = h.village_id"
                                             " WHERE h.deleted = 0 GROUP BY r.id ORDER BY count (*) DESC LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    village = fg_region_lookup (fixture->store, fixture->actor, (const char *) sqlite3_column_text (stmt, 0), &error);
    g_assert_no_error (error);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_true (fg_region_sidebar_select_region (sidebar, fg_region_get_id (village)));
  fg_ui_test_spin ();

  /* no ledger on the sync page */
  fg_window_set_page (fixture->window, "sync");
  fg_ui_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-page", NULL);
  fg_ui_test_spin ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_null (fg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  G_GNUC_END_IGNORE_DEPRECATIONS

  fg_window_set_page (fixture->window, "hazards");
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-page", NULL));
  fg_ui_test_spin ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = fg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  /* it offers the ledger's name, of the village, as a workbook */
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_str_has_prefix (name, fg_region_get_name (village)));
    g_assert_true (g_str_has_suffix (name, ".xlsx"));
  }
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  /* a name typed without an extension takes the filter's */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "village-hazards");
  {
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir.dir);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
    g_assert_no_error (error);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  wait_for_file (written);
  g_assert_cmpuint (count_rows (written), ==,
                    fg_test_count (fixture->dir.db_path,
                                   sql = g_strdup_printf ("SELECT count (*) FROM hazard h JOIN region r"
                                                          " ON r.id = h.village_id WHERE h.deleted = 0"
                                                          " AND r.code = '%s'", fg_region_get_code (village))));
  g_assert_cmpuint (count_rows (written), >, 0);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

/* A ledger without a page, and an error the person is told of. */
static void
test_export_ledger_direct (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir.dir, "villages.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir.dir, "gone", "x.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  fg_window_export_ledger (fixture->window, FG_LEDGER_VILLAGES, file);
  wait_for_file (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  /* a line for each village, after the header */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines) - 2, ==,
                      fg_test_count (fixture->dir.db_path, "SELECT count (*) FROM region WHERE level = 3 AND deleted = 0"));
  }

  fg_window_export_ledger (fixture->window, FG_LEDGER_VENUES, nowhere);
  {
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while ((dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) == NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "gone"));
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  if (!g_find_program_in_path ("xlsx2csv"))
    {
      g_print ("1..0 # SKIP xlsx2csv is not installed (Debian package xlsx2csv)\n");
      return 0;
    }

  g_test_add ("/export/from-hazards-page", Fixture, NULL, fixture_set_up, test_export_from_hazards_page,
              fixture_tear_down);
  g_test_add ("/export/ledger-direct", Fixture, NULL, fixture_set_up, test_export_ledger_direct,
              fixture_tear_down);
  return g_test_run ();
}
