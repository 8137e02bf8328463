/* test-export.c — Export… on a page: the file chooser, the ledger of the
 * region chosen in the sidebar, written without freezing the window; Print
 * Monthly Report…
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

/* The widget named @name (gtk_widget_set_name) below @widget. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What clicking a dialog's button does: its response, and it closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
}

/* The file chooser's answer: @name in the test's folder. */
static void
accept_file (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir.dir);
  GtkWindow *chooser;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = fg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg_ui_test_spin ();
}

/* The second line of a workbook: "Period: … to …    Made by …" */
static char *
read_subtitle (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "xlsx2csv", path, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", 3);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
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

  /* the period first: every record, unless said otherwise */
  {
    GtkWindow *period = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (period);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (period), "period-all"))));
    respond (period, "continue");
  }

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

    /* and one of totals */
    g_assert_cmpuint (g_strv_length (lines) - 3, ==,
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

/* The period is chosen: two days typed, or last month; the ledger holds
 * those days' records and says which they are. */
static void
test_export_period (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dates_path = g_build_filename (fixture->dir.dir, "dates.xlsx", NULL);
  g_autofree char *month_path = g_build_filename (fixture->dir.dir, "last-month.xlsx", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  GtkWindow *dialog;
  GtkWidget *from_row, *to_row;
  guint n_between, n_all;

  /* the middle third of the days hazards were found on */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->dir.db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT date (julianday (min (found_at)) + (julianday (max (found_at))"
                                             "   - julianday (min (found_at))) / 3),"
                                             " date (julianday (min (found_at)) + 2 * (julianday (max (found_at))"
                                             "   - julianday (min (found_at))) / 3)"
                                             " FROM hazard WHERE deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    from = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    to = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  sql = g_strdup_printf ("SELECT count (*) FROM hazard WHERE deleted = 0 AND substr (found_at, 1, 10) >= '%s'"
                         " AND substr (found_at, 1, 10) <= '%s'", from, to);
  n_between = fg_test_count (fixture->dir.db_path, sql);
  n_all = fg_test_count (fixture->dir.db_path, "SELECT count (*) FROM hazard WHERE deleted = 0");
  g_assert_cmpuint (n_between, >, 0);
  g_assert_cmpuint (n_between, <, n_all);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-ledger", "s", "hazards"));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  from_row = find_named (GTK_WIDGET (dialog), "period-from");
  to_row = find_named (GTK_WIDGET (dialog), "period-to");
  g_assert_nonnull (from_row);
  g_assert_nonnull (to_row);
  /* the dates are for the period given by dates only */
  g_assert_false (gtk_widget_get_sensitive (from_row));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog), "period-dates")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (from_row));

  /* backwards: no going on, and the row says why */
  gtk_editable_set_text (GTK_EDITABLE (from_row), to);
  gtk_editable_set_text (GTK_EDITABLE (to_row), from);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "before the first"));
  /* not a day */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2026-02-30");
  gtk_editable_set_text (GTK_EDITABLE (to_row), to);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));

  gtk_editable_set_text (GTK_EDITABLE (from_row), from);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "before the first"));
  respond (dialog, "continue");
  accept_file (fixture, "dates.xlsx");
  wait_for_file (dates_path);
  g_assert_cmpuint (count_rows (dates_path), ==, n_between);
  subtitle = read_subtitle (dates_path);
  expected = g_strdup_printf ("Period: %s to %s", from, to);
  g_assert_true (g_str_has_prefix (subtitle, expected));
  g_clear_pointer (&subtitle, g_free);
  g_clear_pointer (&expected, g_free);

  /* last month, of the summary by village */
  first = g_date_copy (today);
  g_date_set_day (first, 1);
  g_date_subtract_months (first, 1);
  last = g_date_copy (today);
  g_date_set_day (last, 1);
  g_date_subtract_days (last, 1);
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  from = fg_calendar_format_date (first);
  to = fg_calendar_format_date (last);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-ledger", "s", "villages"));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* a summary always counts a period: this month unless said otherwise */
  g_assert_null (find_named (GTK_WIDGET (dialog), "period-all"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog),
                                                                            "period-this-month"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog), "period-last-month")), TRUE);
  respond (dialog, "continue");
  accept_file (fixture, "last-month.xlsx");
  wait_for_file (month_path);
  subtitle = read_subtitle (month_path);
  expected = g_strdup_printf ("Period: %s to %s", from, to);
  g_assert_true (g_str_has_prefix (subtitle, expected));
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

/* Print Monthly Report…: the month (the previous one unless changed), the
 * file, and the report of the region chosen in the sidebar written by a
 * worker */
static void
test_monthly_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir.dir, "monthly.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  g_autofree char *month = fg_stats_report_dup_previous_month (today);
  g_autofree char *subtitle = NULL;
  const char *argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  GtkWindow *dialog;
  GtkWidget *row;
  int status;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print-monthly-report", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "monthly-report-dialog");
  row = find_named (GTK_WIDGET (dialog), "report-month");
  g_assert_nonnull (row);
  /* this month first, then the one just ended, chosen */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 24);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  respond (dialog, "continue");

  accept_file (fixture, "monthly.xlsx");
  wait_for_file (path);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &sheet, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (sheet, "消防安全工作月报</t>"));
  /* the month is the one before this */
  subtitle = g_strdup_printf ("<t>%u年%u月", (guint) g_ascii_strtoull (month, NULL, 10),
                              (guint) g_ascii_strtoull (month + 5, NULL, 10));
  g_assert_nonnull (strstr (sheet, subtitle));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xlsx2csv = NULL;

  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  xlsx2csv = g_find_program_in_path ("xlsx2csv");
  if (xlsx2csv == NULL)
    {
      g_print ("1..0 # SKIP xlsx2csv is not installed (Debian package xlsx2csv)\n");
      return 0;
    }

  g_test_add ("/export/from-hazards-page", Fixture, NULL, fixture_set_up, test_export_from_hazards_page,
              fixture_tear_down);
  g_test_add ("/export/ledger-direct", Fixture, NULL, fixture_set_up, test_export_ledger_direct,
              fixture_tear_down);
  g_test_add ("/export/period", Fixture, NULL, fixture_set_up, test_export_period, fixture_tear_down);
  g_test_add ("/export/monthly-report", Fixture, NULL, fixture_set_up, test_monthly_report, fixture_tear_down);
  return g_test_run ();
}
