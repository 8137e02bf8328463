/* test-regions.c — villages, communities and grids managed in the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-region-dialog.h"
#include "fg-region-item.h"
#include "fg-region-sidebar.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define PASSWORD "long-password"

/* A township just set up, as the set-up assistant leaves it: no village
 * yet, one administrator. */
typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgWindow *window;
  FgRegionSidebar *sidebar;
} Fixture;

static FgActor *
add_account (FgStore     *store,
             FgActor     *by,
             const char  *login,
             FgRole       role,
             const char  *area_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = fg_account_create (store, by, login, "某人", role, area_id, PASSWORD, &error);
  FgActor *actor;

  g_assert_no_error (error);
  actor = fg_account_login (store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

static FgWindow *
open_window (FgStore *store,
             FgActor *actor)
{
  FgWindow *window = g_object_ref (fg_window_new (NULL, store, actor));

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  return window;
}

static void
close_window (FgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_office_open (fixture->dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (fixture->store, installer, "410425101", "冢头镇", "郏县", &error);
  g_assert_no_error (error);
  fixture->admin = add_account (fixture->store, installer, "admin", FG_ROLE_TOWNSHIP_ADMIN,
                                fg_store_get_home_region_id (fixture->store));
  fixture->window = open_window (fixture->store, fixture->admin);
  fixture->sidebar = fg_window_get_region_sidebar (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  g_clear_pointer (&fixture->admin, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static GtkWidget *
sidebar_child (Fixture    *fixture,
               const char *name)
{
  return fg_ui_test_child (fixture->sidebar, FG_TYPE_REGION_SIDEBAR, name);
}

static GtkWidget *
dialog_child (FgRegionDialog *dialog,
              const char     *name)
{
  return fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, name);
}

static FgRegionDialog *
find_dialog (void)
{
  return (FgRegionDialog *) fg_ui_test_find_window (FG_TYPE_REGION_DIALOG);
}

/* Opens a change from the sidebar, as its button or a row's menu does. */
static FgRegionDialog *
open_dialog (Fixture    *fixture,
             const char *action,
             const char *region_id)
{
  FgRegionDialog *dialog;

  g_assert_null (find_dialog ());
  if (region_id != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), action, "s", region_id));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), action, NULL));
  fg_ui_test_spin ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* it presents itself as a dialog, its fields are named */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_true (gtk_test_accessible_has_property (
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (dialog_child (dialog, "name_row")))),
    GTK_ACCESSIBLE_PROPERTY_LABEL));
  return dialog;
}

static void
set_text (FgRegionDialog *dialog,
          const char     *row,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, row)), text);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A button activated by a key shows itself pressed for a moment (250 ms)
 * before it acts. */
static void
wait_for_button (void)
{
  gboolean done = FALSE;

  g_timeout_add (400, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fg_ui_test_spin ();
}

/* Enter in a field: the dialog's default button. */
static void
press_enter_in (FgRegionDialog *dialog,
                const char     *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (dialog_child (dialog, row)));

  g_signal_emit_by_name (text, "activate");
  wait_for_button ();
}

static void
press_apply (FgRegionDialog *dialog)
{
  gtk_widget_activate (dialog_child (dialog, "apply_button"));
  wait_for_button ();
}

static FgRegion *
selected (Fixture *fixture)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (fixture->sidebar);

  g_assert_nonnull (region);
  return region;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return fg_test_count (fixture->dir.db_path, sql);
}

/* The first village, its grid, a rename, a move and retiring, all in
 * the window: the core numbers, the sidebar follows. */
static void
test_regions_add_rename_move_retire (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) other = NULL;
  g_autofree char *township_id = g_strdup (fg_store_get_home_region_id (fixture->store));
  FgRegionDialog *dialog;
  GtkWidget *error_label;

  /* no village yet: the sidebar says how to begin */
  g_assert_true (gtk_widget_get_visible (sidebar_child (fixture, "empty_box")));
  g_assert_true (gtk_widget_get_visible (sidebar_child (fixture, "empty_add_button")));
  g_assert_false (gtk_widget_get_visible (sidebar_child (fixture, "add_button")));
  /* both buttons are named for screen readers, not by their widget type */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (sidebar_child (fixture, "empty_add_button")),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (sidebar_child (fixture, "add_button")),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* add the first village: the code starts as the township's nine digits */
  dialog = open_dialog (fixture, "region.add-village", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "code_row"))), ==, "410425101");
  set_text (dialog, "name_row", "李庄村");
  set_text (dialog, "code_row", "410425101201");
  press_enter_in (dialog, "name_row");
  g_assert_null (find_dialog ());
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM region WHERE level = 3 AND name = '李庄村'"
                                   " AND code = '410425101201'"), ==, 1);
  g_assert_cmpstr (fg_region_get_name (selected (fixture)), ==, "李庄村");
  village = g_object_ref (selected (fixture));
  /* the keyboard is on its row, for its menu */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         sidebar_child (fixture, "list_view")));
  g_assert_false (gtk_widget_get_visible (sidebar_child (fixture, "empty_box")));
  g_assert_true (gtk_widget_get_visible (sidebar_child (fixture, "add_button")));

  /* its first grid, numbered by the core */
  dialog = open_dialog (fixture, "region.add-grid", fg_region_get_id (village));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "code_row")));
  set_text (dialog, "name_row", "第一网格");
  press_apply (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (fg_region_get_name (selected (fixture)), ==, "第一网格");
  g_assert_cmpstr (fg_region_get_code (selected (fixture)), ==, "410425101201-001");
  grid = g_object_ref (selected (fixture));

  /* a second village, from the footer's button this time */
  g_assert_true (gtk_widget_is_sensitive (sidebar_child (fixture, "add_button")));
  gtk_widget_activate (sidebar_child (fixture, "add_button"));
  wait_for_button ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  set_text (dialog, "name_row", "王楼村");
  set_text (dialog, "code_row", "410425101202");
  press_apply (dialog);
  other = g_object_ref (selected (fixture));
  g_assert_cmpstr (fg_region_get_name (other), ==, "王楼村");

  /* rename the grid: the name changes, the code stays */
  dialog = open_dialog (fixture, "region.rename", fg_region_get_id (grid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "name_row"))), ==, "第一网格");
  set_text (dialog, "name_row", "一号网格");
  press_apply (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (fg_region_get_id (selected (fixture)), ==, fg_region_get_id (grid));
  g_assert_cmpstr (fg_region_get_name (selected (fixture)), ==, "一号网格");
  g_assert_cmpstr (fg_region_get_code (selected (fixture)), ==, "410425101201-001");

  /* move it: the only other village is offered, the grid takes its number */
  dialog = open_dialog (fixture, "region.move-grid", fg_region_get_id (grid));
  {
    GListModel *villages = adw_combo_row_get_model (ADW_COMBO_ROW (dialog_child (dialog, "village_row")));

    g_assert_cmpuint (g_list_model_get_n_items (villages), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (villages), 0), ==, "王楼村");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "village_row")), 0);
  press_apply (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (fg_region_get_id (selected (fixture)), ==, fg_region_get_id (grid));
  g_assert_cmpstr (fg_region_get_parent_id (selected (fixture)), ==, fg_region_get_id (other));
  g_assert_cmpstr (fg_region_get_code (selected (fixture)), ==, "410425101202-001");

  /* 王楼村 keeps a grid in use: retiring it is refused before anyone confirms */
  dialog = open_dialog (fixture, "region.retire", fg_region_get_id (other));
  error_label = dialog_child (dialog, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "1 grid in use"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "apply_button")));
  gtk_window_close (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_null (find_dialog ());

  /* the grid is retired; the sidebar shows its village */
  dialog = open_dialog (fixture, "region.retire", fg_region_get_id (grid));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "apply_button")));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "apply_button"), "destructive-action"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "body_label"))), "王楼村 › 一号网格"));
  press_apply (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpint (count (fixture, "SELECT retired FROM region WHERE code = '410425101202-001'"), ==, 1);
  g_assert_cmpstr (fg_region_get_id (selected (fixture)), ==, fg_region_get_id (other));

  /* 李庄村 has nothing left: retired, and the township is shown */
  dialog = open_dialog (fixture, "region.retire", fg_region_get_id (village));
  press_apply (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpint (count (fixture, "SELECT retired FROM region WHERE code = '410425101201'"), ==, 1);
  g_assert_cmpstr (fg_region_get_id (selected (fixture)), ==, township_id);
  g_assert_false (fg_region_sidebar_select_region (fixture->sidebar, fg_region_get_id (village)));
}

/* A refusal stays in the dialog, beside its field, and nothing is added. */
static void
test_regions_refusal_inline (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) village = NULL;
  FgRegionDialog *dialog;
  GtkWidget *error_label;

  village = fg_region_add_village (fixture->store, fixture->admin, "410425101", "410425101201", "李庄村", &error);
  g_assert_no_error (error);
  fg_region_sidebar_reload (fixture->sidebar, NULL);

  /* a second 李庄村 */
  dialog = open_dialog (fixture, "region.add-village", NULL);
  error_label = dialog_child (dialog, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));
  set_text (dialog, "name_row", "李庄村");
  set_text (dialog, "code_row", "410425101202");
  press_apply (dialog);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "李庄村"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "name_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "code_row"), "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dialog_child (dialog, "name_row")),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM region WHERE level = 3"), ==, 1);

  /* typing in the field takes its mark away */
  set_text (dialog, "name_row", "李庄新村");
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "name_row"), "error"));
  g_assert_false (gtk_widget_get_visible (error_label));

  /* a code of another township and no name: both fields marked at once */
  set_text (dialog, "name_row", "");
  set_text (dialog, "code_row", "410425102201");
  press_apply (dialog);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "name_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "code_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "410425102201"));

  /* a code already used */
  set_text (dialog, "name_row", "李庄新村");
  set_text (dialog, "code_row", "410425101201");
  press_apply (dialog);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "code_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "李庄村"));

  /* Escape cancels; nothing was added */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  fg_ui_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM region WHERE level = 3"), ==, 1);
}

static char *
menu_labels (GMenuModel *menu)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (section != NULL)
        {
          g_autofree char *inner = menu_labels (section);

          g_string_append (text, inner);
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (text, "%s;", label);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The menu of the row that has the focus (the Menu key, Shift+F10). */
static char *
open_row_menu (Fixture    *fixture,
               const char *region_id)
{
  GtkWidget *menu = sidebar_child (fixture, "context_menu");

  g_assert_true (fg_region_sidebar_select_region (fixture->sidebar, region_id));
  fg_ui_test_spin ();
  gtk_popover_popdown (GTK_POPOVER (menu));
  fg_ui_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "region.show-menu", NULL);
  fg_ui_test_spin ();
  if (!gtk_widget_get_visible (menu))
    return NULL;
  return menu_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)));
}

/* Only the township's administrator and staff are offered the changes. */
static void
test_regions_roles (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *login;
    FgRole role;
    int area;  /* 0: township, 1: village, 2: grid */
    gboolean may;
  } people[] = {
    { "staff", FG_ROLE_TOWNSHIP_STAFF, 0, TRUE },
    { "grid", FG_ROLE_GRID_WORKER, 2, FALSE },
    { "village", FG_ROLE_VILLAGE_COMMITTEE, 1, FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autofree char *labels = NULL;

  village = fg_region_add_village (fixture->store, fixture->admin, "410425101", "410425101201", "李庄村", &error);
  g_assert_no_error (error);
  grid = fg_region_add_grid (fixture->store, fixture->admin, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);
  fg_region_sidebar_reload (fixture->sidebar, NULL);

  /* the administrator: the button, and each row's menu */
  g_assert_true (gtk_widget_get_visible (sidebar_child (fixture, "add_button")));
  labels = open_row_menu (fixture, fg_region_get_id (village));
  g_assert_cmpstr (labels, ==, "Add _Grid…;_Rename…;Re_tire…;");
  g_clear_pointer (&labels, g_free);
  labels = open_row_menu (fixture, fg_region_get_id (grid));
  g_assert_cmpstr (labels, ==, "_Rename…;_Move to Another Village…;Re_tire…;");
  g_clear_pointer (&labels, g_free);
  labels = open_row_menu (fixture, fg_store_get_home_region_id (fixture->store));
  g_assert_cmpstr (labels, ==, "Add _Village or Community…;");
  g_clear_pointer (&labels, g_free);
  gtk_popover_popdown (GTK_POPOVER (sidebar_child (fixture, "context_menu")));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *areas[] = { fg_store_get_home_region_id (fixture->store),
                              fg_region_get_id (village), fg_region_get_id (grid) };
      g_autoptr(FgActor) actor = add_account (fixture->store, fixture->admin, people[i].login,
                                              people[i].role, areas[people[i].area]);
      FgWindow *window = open_window (fixture->store, actor);
      FgRegionSidebar *sidebar = fg_window_get_region_sidebar (window);
      GtkWidget *add_button = fg_ui_test_child (sidebar, FG_TYPE_REGION_SIDEBAR, "add_button");
      GtkWidget *menu = fg_ui_test_child (sidebar, FG_TYPE_REGION_SIDEBAR, "context_menu");

      g_test_message ("%s", people[i].login);
      g_assert_cmpint (gtk_widget_get_visible (add_button), ==, people[i].may && people[i].area == 0);

      /* the row's menu, and the actions behind it */
      g_assert_true (fg_region_sidebar_select_region (sidebar, fg_region_get_id (grid)));
      fg_ui_test_spin ();
      gtk_widget_activate_action (GTK_WIDGET (sidebar), "region.show-menu", NULL);
      fg_ui_test_spin ();
      g_assert_cmpint (gtk_widget_get_visible (menu), ==, people[i].may);
      gtk_popover_popdown (GTK_POPOVER (menu));
      gtk_widget_activate_action (GTK_WIDGET (sidebar), "region.rename", "s", fg_region_get_id (grid));
      fg_ui_test_spin ();
      g_assert_cmpint (find_dialog () != NULL, ==, people[i].may);
      if (find_dialog () != NULL)
        gtk_window_destroy (GTK_WINDOW (find_dialog ()));

      close_window (window);
    }
}

static gboolean
tree_has_label (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_has_label (child, text))
      return TRUE;
  return FALSE;
}

/* A grid worker's area is named with its village in the user menu. */
static void
test_regions_scope_label (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgActor) worker = NULL;
  FgWindow *window;
  GtkWidget *user_button;

  village = fg_region_add_village (fixture->store, fixture->admin, "410425101", "410425101201", "神垕村", &error);
  g_assert_no_error (error);
  grid = fg_region_add_grid (fixture->store, fixture->admin, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);
  worker = add_account (fixture->store, fixture->admin, "grid", FG_ROLE_GRID_WORKER, fg_region_get_id (grid));

  window = open_window (fixture->store, worker);
  user_button = fg_ui_test_child (window, FG_TYPE_WINDOW, "user_button");
  g_assert_true (tree_has_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (user_button))),
                                 "神垕村 › 第一网格"));
  /* and so is the grid at the top of the sidebar */
  g_assert_true (tree_has_label (GTK_WIDGET (fg_window_get_region_sidebar (window)), "神垕村 › 第一网格"));
  close_window (window);
}

/* A township with no village yet shows the first one another program
 * (firegrid-cli region add) adds, while the window is open. */
static void
test_regions_first_village_elsewhere (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) other = NULL;
  g_autoptr(FgActor) other_admin = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) selected = NULL;

  other = fg_store_open (fixture->dir.db_path, &error);
  g_assert_no_error (error);
  other_admin = fg_account_login (other, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  fg_store_watch_check (fg_window_get_store_watch (fixture->window));
  fg_ui_test_spin ();

  village = fg_region_add_village (other, other_admin, fg_store_get_home_region_id (other),
                                   "410425101201", "李庄村", &error);
  g_assert_no_error (error);

  fg_store_watch_check (fg_window_get_store_watch (fixture->window));
  fg_ui_test_spin ();
  g_assert_true (fg_region_sidebar_select_region (fixture->sidebar, fg_region_get_id (village)));
  g_assert_cmpstr (fg_region_get_name (fg_region_sidebar_get_selected_region (fixture->sidebar)), ==, "李庄村");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps the accessible names and states, which
   * these tests read; it needs no accessibility bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add ("/ui/regions/add-rename-move-retire", Fixture, NULL,
              fixture_set_up, test_regions_add_rename_move_retire, fixture_tear_down);
  g_test_add ("/ui/regions/refusal-inline", Fixture, NULL,
              fixture_set_up, test_regions_refusal_inline, fixture_tear_down);
  g_test_add ("/ui/regions/roles", Fixture, NULL,
              fixture_set_up, test_regions_roles, fixture_tear_down);
  g_test_add ("/ui/regions/first-village-elsewhere", Fixture, NULL,
              fixture_set_up, test_regions_first_village_elsewhere, fixture_tear_down);
  g_test_add ("/ui/regions/scope-label", Fixture, NULL,
              fixture_set_up, test_regions_scope_label, fixture_tear_down);

  return g_test_run ();
}
