/* test-venue-import.c — Import Venues…: the assistant, step by step, as a
 * person goes through it, and what it stores
 *
 * The CSV files are written here, for the demo township's villages; the
 * hostile workbooks come from make-venue-sheets.py when python3-openpyxl
 * is there.
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "src/app/fg-import-dialog.h"
#include "fg-window.h"
#include "fg-test-files.h"
#include "fg-test-sql.h"
#include "fg-ui-test-util.h"

#define UNKNOWN_CATEGORY "杂货铺"
#define UNKNOWN_VILLAGE "东河湾"
#define NEW_OPERATOR "新负责人"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
  char *village_id;     /* the first village of the township */
  char *village_name;
  char *other_id;       /* the second, which 东河湾 is said to mean */
  char *other_name;
  char *dup_id;         /* a registered venue the file has again */
  char *dup_name;
  char *dup_address;
  char *dup_village;
} Fixture;

static char *
query_text (const char *db_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
open_window (Fixture    *fixture,
             const char *login)
{
  fixture->actor = fg_ui_test_login (fixture->store, login);
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) local = NULL;
  g_autofree char *sql = NULL;

  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  open_window (fixture, data != NULL ? data : "admin");
  local = fg_ui_test_login (fixture->store, "admin");

  villages = fg_region_list_children (fixture->store, local, fg_store_get_home_region_id (fixture->store),
                                      FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, >=, 2);
  fixture->village_id = g_strdup (fg_region_get_id (g_ptr_array_index (villages, 0)));
  fixture->village_name = g_strdup (fg_region_get_name (g_ptr_array_index (villages, 0)));
  fixture->other_id = g_strdup (fg_region_get_id (g_ptr_array_index (villages, 1)));
  fixture->other_name = g_strdup (fg_region_get_name (g_ptr_array_index (villages, 1)));

  fixture->dup_id = query_text (fixture->dir.db_path, "SELECT id FROM venue WHERE deleted = 0 AND credit_code = ''"
                                                      " ORDER BY seq LIMIT 1");
  sql = g_strdup_printf ("SELECT name FROM venue WHERE id = '%s'", fixture->dup_id);
  fixture->dup_name = query_text (fixture->dir.db_path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT address FROM venue WHERE id = '%s'", fixture->dup_id);
  fixture->dup_address = query_text (fixture->dir.db_path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT r.name FROM venue v JOIN region r ON r.id = v.village_id WHERE v.id = '%s'",
                         fixture->dup_id);
  fixture->dup_village = query_text (fixture->dir.db_path, sql);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
      fg_ui_test_spin ();
    }
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->village_id);
  g_free (fixture->village_name);
  g_free (fixture->other_id);
  g_free (fixture->other_name);
  g_free (fixture->dup_id);
  g_free (fixture->dup_name);
  g_free (fixture->dup_address);
  g_free (fixture->dup_village);
  fg_test_dir_clear (&fixture->dir);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return fg_test_count (fixture->dir.db_path, sql);
}

/* --- driving the assistant ------------------------------------------------ */

static FgImportDialog *
open_assistant (Fixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-venues", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (FG_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (fg_import_dialog_get_step (FG_IMPORT_DIALOG (dialog)), ==, "file");
  return FG_IMPORT_DIALOG (dialog);
}

/* Waits for the worker the assistant started. */
static void
wait_for_worker (FgImportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (fg_import_dialog_is_busy (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (fg_import_dialog_is_busy (dialog));
  fg_ui_test_spin ();
}

static void
choose_file (FgImportDialog *dialog,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fg_import_dialog_open_file (dialog, file);
  wait_for_worker (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "file");
}

static void
next (FgImportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  wait_for_worker (dialog);
}

/* The row of a preferences group the person sees with this title, or
 * whose title starts with it. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title,
          gboolean    prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    {
      const char *text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      if (prefix ? g_str_has_prefix (text, title) : g_str_equal (text, title))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwComboRow *
combo_row (FgImportDialog *dialog,
           const char     *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, title, FALSE);

  if (row == NULL)
    g_error ("no drop-down “%s” in the assistant", title);
  return ADW_COMBO_ROW (row);
}

/* Picks the choice shown as @label. */
static void
choose (AdwComboRow *row,
        const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        fg_ui_test_spin ();
        return;
      }
  g_error ("no choice “%s” in “%s”", label, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static const char *
chosen (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);

  return gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (row));
}

static const char *
label_text (FgImportDialog *dialog,
            const char     *name)
{
  return gtk_label_get_text (GTK_LABEL (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, name)));
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir.dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Line 2 new (its operator under a header the core does not guess), line
 * 3 with a category word of its own, line 4 without a name, line 5 a
 * venue registered already, line 6 in a village under another name. */
static char *
write_csv (Fixture *fixture)
{
  g_autofree char *text = g_strdup_printf (
    "场所名称,地址,掌柜,联系电话,所属村,场所类型\n"
    "测试烧烤店,冢头镇%s东街1号,王建国,13812345678,%s,饭店\n"
    "测试杂货,冢头镇%s西街2号,李红,13800000000,%s," UNKNOWN_CATEGORY "\n"
    ",冢头镇%s南街3号,吴,13700003333,%s,超市\n"
    "%s,%s," NEW_OPERATOR ",13900000000,%s,超市\n"
    "测试理发店,冢头镇" UNKNOWN_VILLAGE "1号,孙丽,13700001111," UNKNOWN_VILLAGE ",理发\n",
    fixture->village_name, fixture->village_name, fixture->village_name, fixture->village_name,
    fixture->village_name, fixture->village_name,
    fixture->dup_name, fixture->dup_address, fixture->dup_village);

  return write_file (fixture, "venues.csv", text);
}

/* --- the tests ------------------------------------------------------------ */

static void
test_import_walk (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_csv (fixture);
  g_autofree char *sql = NULL;
  FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);
  FgVenuePage *venue_page = fg_window_get_venue_page (fixture->window);
  GListModel *venues;
  FgImportDialog *dialog;
  FgVenueImport *import;
  GtkWidget *row;
  gint64 n_before = count (fixture, "SELECT count(*) FROM venue WHERE deleted = 0");
  guint n_listed;

  /* the village's list, to see it read again after the import */
  g_assert_true (fg_region_sidebar_select_region (sidebar, fixture->village_id));
  fg_ui_test_spin ();
  venues = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (
             fg_ui_test_child (venue_page, FG_TYPE_VENUE_PAGE, "column_view"))));
  n_listed = g_list_model_get_n_items (venues);

  /* 1: the file, its header row guessed, its first rows shown */
  dialog = open_assistant (fixture);
  /* Alt+F chooses the file; Alt+C cancels */
  fg_ui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "rows_group")));
  choose_file (dialog, path);
  import = fg_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "file_error_label")));
  g_assert_true (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "rows_group")));
  /* a CSV has one sheet: nothing to choose */
  g_assert_false (gtk_widget_get_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "sheet_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
                      fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "header_row"))), ==, 0);

  /* 2: the columns, as guessed; the operator's said by the person */
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "columns");
  g_assert_cmpstr (chosen (combo_row (dialog, "A · 场所名称")), ==, fg_import_field_get_label (FG_IMPORT_FIELD_NAME));
  g_assert_cmpstr (chosen (combo_row (dialog, "B · 地址")), ==, fg_import_field_get_label (FG_IMPORT_FIELD_ADDRESS));
  g_assert_cmpstr (chosen (combo_row (dialog, "C · 掌柜")), ==, "Not imported");
  g_assert_cmpstr (chosen (combo_row (dialog, "E · 所属村")), ==, fg_import_field_get_label (FG_IMPORT_FIELD_VILLAGE));
  g_assert_cmpstr (chosen (combo_row (dialog, "F · 场所类型")), ==,
                   fg_import_field_get_label (FG_IMPORT_FIELD_CATEGORY));
  choose (combo_row (dialog, "C · 掌柜"), fg_import_field_get_label (FG_IMPORT_FIELD_OPERATOR));
  g_assert_cmpint (fg_venue_import_get_field (import, 2), ==, FG_IMPORT_FIELD_OPERATOR);

  /* a mapping without the name: the core's words, on the page */
  choose (combo_row (dialog, "A · 场所名称"), "Not imported");
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "columns");
  g_assert_true (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "mapping_error_label")));
  g_assert_nonnull (strstr (label_text (dialog, "mapping_error_label"),
                            fg_import_field_get_label (FG_IMPORT_FIELD_NAME)));
  /* the name given to another column takes it from there */
  choose (combo_row (dialog, "D · 联系电话"), fg_import_field_get_label (FG_IMPORT_FIELD_NAME));
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "mapping_error_label")));
  choose (combo_row (dialog, "A · 场所名称"), fg_import_field_get_label (FG_IMPORT_FIELD_NAME));
  g_assert_cmpstr (chosen (combo_row (dialog, "D · 联系电话")), ==, "Not imported");
  choose (combo_row (dialog, "D · 联系电话"), fg_import_field_get_label (FG_IMPORT_FIELD_PHONE));

  /* 3: the words the office does not know */
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "words");
  choose (combo_row (dialog, UNKNOWN_CATEGORY), fg_category_get_name (fg_category_lookup ("shop")));
  choose (combo_row (dialog, UNKNOWN_VILLAGE), fixture->other_name);

  /* 4: what the check found */
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "preview");
  g_assert_cmpstr (label_text (dialog, "new_count_label"), ==, "3");
  g_assert_cmpstr (label_text (dialog, "refused_count_label"), ==, "1");
  g_assert_cmpstr (label_text (dialog, "duplicate_count_label"), ==, "1");
  /* the refused row, with its line and the core's reason */
  row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Line 4 · ", TRUE);
  g_assert_nonnull (row);
  for (guint i = 0; i < fg_venue_import_get_n_rows (import); i++)
    if (fg_venue_import_get_row_line (import, i) == 4)
      {
        g_assert_cmpint (fg_venue_import_get_row_state (import, i), ==, FG_IMPORT_ROW_REFUSED);
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                         fg_venue_import_get_row_message (import, i));
        g_assert_cmpstr (fg_venue_import_get_row_message (import, i), !=, "");
      }
  /* the duplicate: the registered venue is updated */
  {
    g_autofree char *title = g_strdup_printf ("Line 5 · %s", fixture->dup_name);
    AdwComboRow *duplicate = combo_row (dialog, title);

    g_assert_cmpstr (chosen (duplicate), ==, "Skip");
    /* it says which venue it matches */
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (duplicate)), fixture->dup_address));
    choose (duplicate, "Update the registered venue");
  }

  /* 5: stored, and said */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_worker (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "done");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (
                              fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "done_page"))),
                            "Added: 3 · Updated: 1 · Skipped: 0 · Refused: 1"));

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue WHERE deleted = 0"), ==, n_before + 3);
  sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE name = '测试烧烤店' AND operator_name = '王建国'"
                         " AND phone = '13812345678' AND village_id = '%s' AND categories = '[\"restaurant\"]'",
                         fixture->village_id);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE name = '测试杂货' AND categories = '[\"shop\"]'"
                         " AND village_id = '%s'", fixture->village_id);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE name = '测试理发店' AND village_id = '%s'",
                         fixture->other_id);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE id = '%s' AND operator_name = '" NEW_OPERATOR "'",
                         fixture->dup_id);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE name = '%s' AND deleted = 0", fixture->dup_name);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue WHERE address LIKE '%南街3号'"), ==, 0);

  /* the window reads the list again: two more in the village */
  g_assert_cmpuint (g_list_model_get_n_items (venues), ==, n_listed + 2);

  /* the words are remembered for the next file */
  gtk_window_close (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  dialog = open_assistant (fixture);
  choose_file (dialog, path);
  next (dialog);
  choose (combo_row (dialog, "C · 掌柜"), fg_import_field_get_label (FG_IMPORT_FIELD_OPERATOR));
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "preview");
  /* all of it is registered now, but the row without a name */
  g_assert_cmpstr (label_text (dialog, "new_count_label"), ==, "0");
  g_assert_cmpstr (label_text (dialog, "duplicate_count_label"), ==, "4");
  /* "for all" sets every duplicate's choice */
  choose (ADW_COMBO_ROW (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "all_duplicates_row")), "Add anyway");
  g_assert_cmpstr (chosen (combo_row (dialog, "Line 2 · 测试烧烤店")), ==, "Add anyway");
  g_assert_cmpstr (chosen (combo_row (dialog, "Line 6 · 测试理发店")), ==, "Add anyway");
}

/* Stopped while the rows are checked: back on the columns, nothing
 * stored, and the assistant goes on from there; stopped while they are
 * stored, the same. */
static void
test_stop_check (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_csv (fixture);
  g_autofree char *duplicate = NULL;
  gint64 n_venues = count (fixture, "SELECT count(*) FROM venue");
  gint64 n_audit = count (fixture, "SELECT count(*) FROM audit");
  FgImportDialog *dialog = open_assistant (fixture);

  choose_file (dialog, path);
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "columns");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  g_assert_true (fg_import_dialog_is_busy (dialog));
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "busy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stop", NULL));
  wait_for_worker (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "columns");
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "mapping_error_label")));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue"), ==, n_venues);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, n_audit);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue WHERE name LIKE '测试%'"), ==, 0);

  /* checked again, it goes on */
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "words");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue"), ==, n_venues);
  next (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "preview");
  duplicate = g_strdup_printf ("Line 5 · %s", fixture->dup_name);
  choose (combo_row (dialog, duplicate), "Update the registered venue");

  /* the import stopped at once: nothing stored, the rows checked again
   * with the choices made, and it can be run once more. Another writer
   * holds the database meanwhile, so that the worker cannot be done
   * before Stop, however the threads take turns. */
  {
    sqlite3 *writer = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->dir.db_path, &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stop", NULL));
    g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (writer);
  }
  wait_for_worker (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "preview");
  g_assert_true (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "preview_note_label")));
  g_assert_cmpstr (label_text (dialog, "preview_note_label"), ==, "The import was stopped. Nothing was stored.");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue"), ==, n_venues);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, n_audit);
  g_assert_cmpstr (chosen (combo_row (dialog, duplicate)), ==, "Update the registered venue");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_worker (dialog);
  g_assert_cmpstr (fg_import_dialog_get_step (dialog), ==, "done");
  /* the one new row; the others' words were not said, so they are refused */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue"), ==, n_venues + 1);
  {
    /* its phone; its operator's column was left out here */
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE id = '%s'"
                                            " AND phone = '13900000000'", fixture->dup_id);

    g_assert_cmpint (count (fixture, sql), ==, 1);
  }
}

/* Files the core will not read: its words on the first page, no way on,
 * nothing stored. */
static void
assert_refused_file (Fixture        *fixture,
                     FgImportDialog *dialog,
                     const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgWorkbook) workbook = fg_workbook_open (path, NULL, &error);
  g_autoptr(FgSheet) sheet = NULL;
  gint64 n_venues = count (fixture, "SELECT count(*) FROM venue");

  if (workbook != NULL)
    sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
  g_assert_nonnull (error);

  choose_file (dialog, path);
  g_assert_null (fg_import_dialog_get_import (dialog));
  g_assert_true (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "file_error_label")));
  g_assert_nonnull (strstr (label_text (dialog, "file_error_label"), error->message));
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "rows_group")));
  g_assert_false (gtk_widget_is_sensitive (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "next_button")));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM venue"), ==, n_venues);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *damaged = write_file (fixture, "damaged.xlsx", "PK\003\004 this is no workbook at all");
  g_autofree char *good = write_csv (fixture);
  g_autofree char *sheets = g_dir_make_tmp ("firegrid-sheets-XXXXXX", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "make-venue-sheets.py", NULL);
  const char *python = g_getenv ("FG_TEST_PYTHON");
  const char *argv[] = { python != NULL ? python : "python3", script, sheets, NULL };
  FgImportDialog *dialog = open_assistant (fixture);
  int status = 0;

  assert_refused_file (fixture, dialog, damaged);

  /* a good file after a bad one goes on as usual, and a bad one after it
   * leaves nothing of it */
  choose_file (dialog, good);
  g_assert_nonnull (fg_import_dialog_get_import (dialog));
  g_assert_false (gtk_widget_is_visible (fg_ui_test_child (dialog, FG_TYPE_IMPORT_DIALOG, "file_error_label")));
  assert_refused_file (fixture, dialog, damaged);

  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    {
      static const char * const names[] = { "bomb.xlsx", "protected.xlsx", "wrong-encoding.csv" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (sheets, names[i], NULL);

          assert_refused_file (fixture, dialog, path);
        }
    }
  else
    g_test_message ("the hostile workbooks were not written (python3-openpyxl): only a damaged file tried");
  fg_test_remove_tree (sheets);
}

/* A village committee reads its village: it imports nothing. */
static void
test_village_committee (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_false (fg_actor_can (fixture->actor, FG_ACTION_VENUE_EDIT));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-venues", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_IMPORT_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add ("/venue-import/walk", Fixture, NULL, fixture_set_up, test_import_walk, fixture_tear_down);
  g_test_add ("/venue-import/stop-check", Fixture, NULL, fixture_set_up, test_stop_check, fixture_tear_down);
  g_test_add ("/venue-import/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/venue-import/village-committee", Fixture, "village", fixture_set_up, test_village_committee,
              fixture_tear_down);

  return g_test_run ();
}
