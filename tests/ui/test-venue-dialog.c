/* test-venue-dialog.c — adding venues through the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-region-item.h"
#include "fg-venue-dialog.h"
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
  fixture->actor = fg_ui_test_login (fixture->store, data != NULL ? data : "admin");
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

#define child(dialog, name) fg_ui_test_child (dialog, FG_TYPE_VENUE_DIALOG, name)

static FgVenueDialog *
open_add_dialog (Fixture *fixture)
{
  FgVenueDialog *dialog;

  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-venue", NULL));
  fg_ui_test_spin ();

  dialog = FG_VENUE_DIALOG (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_null (fg_venue_dialog_get_venue (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  return g_object_ref (dialog);
}

static void
fill_in (FgVenueDialog *dialog,
         const char    *name)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "address_row")), "冢头镇人民路 88 号");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "region_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "category_row")), 0);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "operator_row")), "王建国");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "phone_row")), "138 1234 5678");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "floors_row")), "3");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "sleeping_row")), "2");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "floor_area_row")), "120.5");
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "smoke_alarm_switch")), TRUE);
}

static FgVenue *
find_venue (FgStore    *store,
            FgActor    *actor,
            const char *name)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GError) error = NULL;

  query->text = g_strdup (name);
  venues = fg_venue_query_fetch (store, actor, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  return g_object_ref (g_ptr_array_index (venues, 0));
}

static void
test_dialog_adds_venue (Fixture       *fixture,
                        gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GListModel *list = G_LIST_MODEL (fg_venue_page_get_venue_list (page));
  GtkSelectionModel *rows = fg_region_sidebar_get_selection (fg_window_get_region_sidebar (fixture->window));
  g_autoptr(GtkTreeListRow) township_row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_autoptr(FgRegionItem) township = gtk_tree_list_row_get_item (township_row);
  g_autoptr(FgVenueDialog) dialog = open_add_dialog (fixture);
  g_autoptr(FgVenue) stored = NULL;
  GtkWidget *mixed_use;
  guint count;

  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);

  fill_in (dialog, "新开测试便利店");

  /* a shop where the family also sleeps: a second category */
  mixed_use = gtk_widget_get_first_child (GTK_WIDGET (child (dialog, "other_categories_row")));
  g_assert_nonnull (mixed_use);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child (dialog, "other_categories_row")), TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  fg_ui_test_spin ();

  /* stored, in its stored form */
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 301);
  stored = find_venue (fixture->store, fixture->actor, "新开测试便利店");
  g_assert_cmpstr (fg_venue_get_address (stored), ==, "冢头镇人民路 88 号");
  g_assert_cmpstr (fg_venue_get_operator_name (stored), ==, "王建国");
  g_assert_cmpstr (fg_venue_get_phone (stored), ==, "13812345678");
  g_assert_cmpint (fg_venue_get_floors (stored), ==, 3);
  g_assert_cmpint (fg_venue_get_sleeping (stored), ==, 2);
  g_assert_cmpfloat (fg_venue_get_floor_area (stored), ==, 120.5);
  g_assert_true (fg_venue_get_smoke_alarm (stored));
  g_assert_false (fg_venue_get_key_unit (stored));
  g_assert_cmpstr (fg_venue_get_categories (stored)[0], ==,
                   fg_category_get_id (fg_category_get_nth (0)));

  /* The dialog is gone, and the window shows what changed. */
  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 301);
  g_object_get (township, "venue-count", &count, NULL);
  g_assert_cmpuint (count, ==, 301);
  g_assert_nonnull (fg_venue_page_get_shown_venue (page));
  g_assert_cmpstr (fg_venue_get_id (fg_venue_page_get_shown_venue (page)), ==, fg_venue_get_id (stored));
  g_assert_cmpstr (fg_venue_get_village_name (fg_venue_page_get_shown_venue (page)), !=, NULL);
}

static void
test_dialog_refuses_empty_name (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(FgVenueDialog) dialog = open_add_dialog (fixture);
  g_autoptr(FgVenue) nameless = fg_venue_new ();
  g_autoptr(GError) expected = NULL;
  GtkWidget *label = child (dialog, "place_error_label");
  GtkWidget *name_row = child (dialog, "name_row");

  /* the core's words, not the dialog's */
  g_assert_false (fg_venue_validate (nameless, &expected));
  g_assert_error (expected, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_NAME);

  fill_in (dialog, "   ");
  /* once the name was touched, its problem shows as the person types */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  fg_ui_test_spin ();

  /* refused: the message is next to the field, nothing is stored */
  g_assert_nonnull (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fg_venue_page_get_venue_list (fg_window_get_venue_page (fixture->window)))), ==, 300);

  /* Typing a name takes the message away. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "老王烩面馆");
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* A bad phone number is shown with the operator's fields. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "phone_row")), "12ab");
  g_assert_true (gtk_widget_get_visible (child (dialog, "operator_error_label")));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "phone_row"), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);

  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&dialog));
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);
}

static void
test_dialog_edits_venue (Fixture       *fixture,
                         gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  g_autoptr(FgVenue) first = g_list_model_get_item (G_LIST_MODEL (fg_venue_page_get_venue_list (page)), 0);
  g_autofree char *id = g_strdup (fg_venue_get_id (first));
  g_autoptr(FgVenue) stored = NULL;
  FgVenueDialog *dialog;

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-venue", NULL));
  fg_ui_test_spin ();

  dialog = FG_VENUE_DIALOG (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))), ==,
                   fg_venue_get_name (first));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "改名后的测试场所");
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "key_unit_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  fg_ui_test_spin ();

  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);
  stored = fg_venue_load (fixture->store, fixture->actor, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (fg_venue_get_name (stored), ==, "改名后的测试场所");
  g_assert_true (fg_venue_get_key_unit (stored));
  /* the list's own copy is a snapshot and was not changed behind its back */
  g_assert_cmpstr (fg_venue_get_name (first), !=, "改名后的测试场所");
}

/* The rows of the 2026 target: the count of alarms and the switch keep in
 * step, a count without its day is refused next to it with the core's
 * words, and what was typed is stored. */
static void
test_dialog_equipment (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FgVenueDialog) dialog = open_add_dialog (fixture);
  g_autoptr(FgVenue) stored = NULL;
  g_autoptr(GError) expected = NULL;
  GtkSwitch *alarm = GTK_SWITCH (child (dialog, "smoke_alarm_switch"));
  GtkEditable *count = GTK_EDITABLE (child (dialog, "smoke_alarm_count_row"));
  GtkWidget *label = child (dialog, "equipment_error_label");

  /* the core's words for a count with no day */
  g_assert_false (fg_venue_check_equipment (3, TRUE, NULL, NULL, &expected));

  fill_in (dialog, "李家服装加工点");
  g_assert_true (gtk_switch_get_active (alarm));
  gtk_editable_set_text (count, "0");
  g_assert_false (gtk_switch_get_active (alarm));
  gtk_switch_set_active (alarm, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (count), ==, "");
  gtk_editable_set_text (count, "3");
  g_assert_true (gtk_switch_get_active (alarm));

  /* a count, and no day it was made */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  fg_ui_test_spin ();
  g_assert_nonnull (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (count), "error"));
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL), ==, 300);

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "smoke_alarm_checked_row")), "2026-11-30");
  g_assert_false (gtk_widget_get_visible (label));
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "simple_extinguishing_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "simple_extinguishing_checked_row")), "2026-11-29");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "venue.save", NULL));
  fg_ui_test_spin ();

  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  stored = find_venue (fixture->store, fixture->actor, "李家服装加工点");
  g_assert_true (fg_venue_get_smoke_alarm (stored));
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (stored), ==, 3);
  g_assert_cmpstr (fg_venue_get_smoke_alarm_checked_on (stored), ==, "2026-11-30");
  g_assert_true (fg_venue_get_simple_extinguishing (stored));
  g_assert_cmpstr (fg_venue_get_simple_extinguishing_checked_on (stored), ==, "2026-11-29");
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

  g_test_add ("/ui/venue-dialog/adds-venue", Fixture, NULL,
              fixture_set_up, test_dialog_adds_venue, fixture_tear_down);
  g_test_add ("/ui/venue-dialog/refuses-empty-name", Fixture, NULL,
              fixture_set_up, test_dialog_refuses_empty_name, fixture_tear_down);
  g_test_add ("/ui/venue-dialog/edits-venue", Fixture, NULL,
              fixture_set_up, test_dialog_edits_venue, fixture_tear_down);
  g_test_add ("/ui/venue-dialog/equipment", Fixture, NULL,
              fixture_set_up, test_dialog_equipment, fixture_tear_down);

  return g_test_run ();
}
