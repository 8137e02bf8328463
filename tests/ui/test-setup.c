/* test-setup.c — the first start
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-setup-window.h"
#include "fg-ui-test-util.h"

#define child(window, name) fg_ui_test_child (window, FG_TYPE_SETUP_WINDOW, name)

typedef struct
{
  guint n_finished;
  FgActor *actor;
} Finished;

static void
count_finished (FgSetupWindow *window,
                FgActor       *actor,
                Finished      *finished)
{
  finished->n_finished++;
  g_clear_pointer (&finished->actor, fg_actor_unref);
  finished->actor = actor != NULL ? fg_actor_ref (actor) : NULL;
}

static void
fill_in_admin (FgSetupWindow *window,
               const char    *password,
               const char    *repeat)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, "name_row")), "张伟");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "login_row")), "zhangwei");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "password_row")), password);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "repeat_row")), repeat);
}

/* The name a drop-down shows chosen, or NULL. */
static const char *
chosen (FgSetupWindow *window,
        const char    *name)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (child (window, name)));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Chooses the item named @item in the drop-down @name. */
static void
choose (FgSetupWindow *window,
        const char    *name,
        const char    *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (window, name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (string), item))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("%s has no %s", name, item);
}

/* The message under a field, when it shows one. */
static const char *
message_of (FgSetupWindow *window,
            const char    *name)
{
  GtkWidget *message = child (window, name);

  if (!gtk_widget_get_visible (message))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message))));
}

static gboolean
marked (FgSetupWindow *window,
        const char    *name)
{
  return gtk_widget_has_css_class (child (window, name), "error");
}

static FgSetupWindow *
open_window (FgStore  *store,
             Finished *finished)
{
  FgSetupWindow *window = g_object_ref (fg_setup_window_new (NULL, store));

  g_signal_connect (window, "finished", G_CALLBACK (count_finished), finished);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  return window;
}

static void
close_window (FgSetupWindow *window,
              Finished      *finished)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
  g_clear_pointer (&finished->actor, fg_actor_unref);
}

/* The home region's name and its county's, as stored. */
static void
assert_home (FgStore    *store,
             FgActor    *actor,
             const char *code,
             const char *name,
             const char *county_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) home = fg_region_lookup (store, actor, fg_store_get_home_region_id (store), &error);
  g_autoptr(FgRegion) county = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_code (home), ==, code);
  g_assert_cmpstr (fg_region_get_name (home), ==, name);
  county = fg_region_lookup (store, actor, fg_region_get_parent_id (home), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (county), ==, county_name);
}

/* City → county → township from the list: the county's name comes with
 * it, and the administrator is logged in. */
static void
test_setup_township (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) again = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_false (fg_store_is_set_up (store));

  window = open_window (store, &finished);
  g_assert_true (gtk_widget_get_visible (child (window, "township_group")));
  g_assert_true (gtk_widget_get_visible (child (window, "city_row")));
  g_assert_false (gtk_widget_get_visible (child (window, "code_row")));
  g_assert_null (chosen (window, "city_row"));
  g_assert_false (gtk_widget_get_sensitive (child (window, "township_pick_row")));
  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");

  /* nothing chosen yet: said under the township, nothing stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (marked (window, "township_pick_row"));
  g_assert_nonnull (message_of (window, "pick_message"));
  g_assert_false (fg_store_is_set_up (store));

  choose (window, "city_row", "平顶山市");
  choose (window, "county_pick_row", "郏县");
  g_assert_true (gtk_widget_get_sensitive (child (window, "township_pick_row")));
  choose (window, "township_pick_row", "冢头镇");
  /* choosing takes the message away */
  g_assert_null (message_of (window, "pick_message"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_nonnull (finished.actor);
  g_assert_cmpstr (fg_actor_get_login (finished.actor), ==, "zhangwei");
  g_assert_cmpstr (fg_actor_get_display_name (finished.actor), ==, "张伟");
  g_assert_cmpint (fg_actor_get_role (finished.actor), ==, FG_ROLE_TOWNSHIP_ADMIN);
  again = fg_account_login (store, "zhangwei", "feng-huo-tai-9", &error);
  g_assert_no_error (error);
  assert_home (store, finished.actor, "410425101000", "冢头镇", "郏县");

  close_window (window, &finished);
}

/* A part of the name or of the code finds the township; choosing it (or
 * Enter in the search field) fills all three drop-downs. */
static void
test_setup_search (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  GtkListBox *results;
  GtkListBoxRow *first;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  window = open_window (store, &finished);
  results = GTK_LIST_BOX (child (window, "results_list"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  /* by the code: the county first, then its townships */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_row")), "411081");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (results)));
  first = gtk_list_box_get_row_at_index (results, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "禹州市");
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 1));

  /* by the name, and Enter takes the only one */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_row")), "神垕");
  first = gtk_list_box_get_row_at_index (results, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "神垕镇");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "许昌市 › 禹州市"));
  g_assert_null (gtk_list_box_get_row_at_index (results, 1));
  g_signal_emit_by_name (child (window, "search_row"), "entry-activated");
  g_assert_cmpstr (chosen (window, "city_row"), ==, "许昌市");
  g_assert_cmpstr (chosen (window, "county_pick_row"), ==, "禹州市");
  g_assert_cmpstr (chosen (window, "township_pick_row"), ==, "神垕镇");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  /* a name nobody has: no results */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_row")), "不存在乡");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  assert_home (store, finished.actor, "411081103000", "神垕镇", "禹州市");

  close_window (window, &finished);
}

/* A township the list lacks is typed by hand; then its county's name is
 * needed, and a code in its place is refused. */
static void
test_setup_by_hand (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  window = open_window (store, &finished);

  gtk_switch_set_active (GTK_SWITCH (child (window, "manual_switch")), TRUE);
  g_assert_true (gtk_widget_get_visible (child (window, "code_row")));
  g_assert_true (gtk_widget_get_visible (child (window, "county_row")));
  g_assert_false (gtk_widget_get_visible (child (window, "city_row")));
  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");

  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "419999101");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), "新设镇");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (marked (window, "county_row"));
  g_assert_nonnull (message_of (window, "county_message"));
  g_assert_false (marked (window, "code_row"));
  g_assert_false (marked (window, "township_row"));
  g_assert_false (fg_store_is_set_up (store));

  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "419999");
  g_assert_null (message_of (window, "county_message"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (marked (window, "county_row"));
  g_assert_nonnull (strstr (message_of (window, "county_message"), "419999"));
  g_assert_false (fg_store_is_set_up (store));

  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "新设县");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  assert_home (store, finished.actor, "419999101000", "新设镇", "新设县");

  close_window (window, &finished);
}

/* Every wrong field is marked at once, each with its message under it;
 * the password's rule is said before anything is typed. */
static void
test_setup_all_errors (void)
{
  static const char * const fields[][2] = {
    { "code_row", "code_message" },
    { "township_row", "township_message" },
    { "county_row", "county_message" },
    { "name_row", "name_message" },
    { "login_row", "login_message" },
    { "password_row", "password_message" },
    { "repeat_row", "repeat_message" },
  };
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };
  g_autofree char *rule = NULL;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  window = open_window (store, &finished);

  rule = g_strdup (message_of (window, "password_message"));
  g_assert_nonnull (rule);
  g_assert_nonnull (strstr (rule, "8"));
  g_assert_false (marked (window, "password_row"));

  gtk_switch_set_active (GTK_SWITCH (child (window, "manual_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "4104");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "login_row")), "王 丽");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "password_row")), "short");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "repeat_row")), "shorter");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (marked (window, fields[i][0]));
      g_assert_nonnull (message_of (window, fields[i][1]));
      g_assert_cmpstr (message_of (window, fields[i][1]), !=, "");
    }
  g_assert_cmpstr (message_of (window, "name_message"), !=, message_of (window, "login_message"));
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpuint (finished.n_finished, ==, 0);

  /* correcting one field takes its message away, not the others' */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "login_row")), "wang.li");
  g_assert_false (marked (window, "login_row"));
  g_assert_null (message_of (window, "login_message"));
  g_assert_true (marked (window, "name_row"));
  g_assert_nonnull (message_of (window, "name_message"));
  /* the password's rule comes back as it was */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "password_row")), "feng-huo-tai-9");
  g_assert_cmpstr (message_of (window, "password_message"), ==, rule);

  close_window (window, &finished);
}

/* Enter moves to the next field shown, and in the last one sets up; the
 * buttons stay in view, outside what scrolls, in a window that fits a
 * 1366×768 screen (and 1100×720). */
static void
test_setup_keyboard (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };
  GtkWidget *focus;
  int width, height;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  window = open_window (store, &finished);

  g_assert_null (gtk_widget_get_ancestor (child (window, "create_button"), GTK_TYPE_SCROLLED_WINDOW));
  g_assert_null (gtk_widget_get_ancestor (child (window, "demo_button"), GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == child (window, "create_button"));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, <=, 1100);
  g_assert_cmpint (height, <=, 720 - 40);

  choose (window, "city_row", "许昌市");
  choose (window, "county_pick_row", "禹州市");
  choose (window, "township_pick_row", "神垕镇");

  gtk_editable_set_text (GTK_EDITABLE (child (window, "name_row")), "张伟");
  g_signal_emit_by_name (child (window, "name_row"), "entry-activated");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == child (window, "login_row") || gtk_widget_is_ancestor (focus, child (window, "login_row")));

  gtk_editable_set_text (GTK_EDITABLE (child (window, "login_row")), "zhangwei");
  g_signal_emit_by_name (child (window, "login_row"), "entry-activated");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (window, "password_row")));

  gtk_editable_set_text (GTK_EDITABLE (child (window, "password_row")), "feng-huo-tai-9");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "repeat_row")), "feng-huo-tai-9");
  g_assert_cmpuint (finished.n_finished, ==, 0);
  g_signal_emit_by_name (child (window, "repeat_row"), "entry-activated");
  g_assert_cmpuint (finished.n_finished, ==, 1);
  assert_home (store, finished.actor, "411081103000", "神垕镇", "禹州市");

  close_window (window, &finished);
}

/* A county office and a grid station are set up in the same window: the
 * kind changes the fields, and the right administrator comes out. */
static void
test_setup_other_offices (void)
{
  struct {
    guint kind;
    const char *code;
    const char *name;
    const char *expected_code;
    FgRole role;
    FgNodeKind node_kind;
  } offices[] = {
    { 1, "410425", "郏县", "410425000000", FG_ROLE_COUNTY_ADMIN, FG_NODE_KIND_COUNTY },
    { 2, "410425101201-3", "", "410425101201-003", FG_ROLE_GRID_ADMIN, FG_NODE_KIND_GRID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      g_auto(FgTestDir) dir = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(FgStore) store = NULL;
      g_autoptr(FgRegion) home = NULL;
      g_autoptr(FgNodeInfo) node = NULL;
      FgSetupWindow *window;
      Finished finished = { 0 };

      fg_test_dir_init (&dir);
      store = fg_office_open (dir.db_path, &error);
      g_assert_no_error (error);
      window = g_object_ref (fg_setup_window_new (NULL, store));
      g_signal_connect (window, "finished", G_CALLBACK (count_finished), &finished);
      gtk_window_present (GTK_WINDOW (window));
      fg_ui_test_spin ();

      adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "kind_row")), offices[i].kind);
      /* a county by hand here; from the list below */
      if (offices[i].kind == 1)
        {
          g_assert_false (gtk_widget_get_visible (child (window, "township_pick_row")));
          gtk_switch_set_active (GTK_SWITCH (child (window, "manual_switch")), TRUE);
        }
      else
        g_assert_false (gtk_widget_get_visible (child (window, "manual_row")));
      g_assert_true (gtk_widget_get_visible (child (window, "code_row")));
      g_assert_false (gtk_widget_get_visible (child (window, "county_row")));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (window, "create_button"))), !=, "_Set Up Township");
      fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");

      /* a township's code is not this kind of office's */
      gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "410425101");
      gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), offices[i].name);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
      g_assert_true (gtk_widget_has_css_class (child (window, "code_row"), "error"));
      g_assert_false (fg_store_is_set_up (store));

      gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), offices[i].code);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
      g_assert_cmpuint (finished.n_finished, ==, 1);
      g_assert_nonnull (finished.actor);
      g_assert_cmpint (fg_actor_get_role (finished.actor), ==, offices[i].role);
      node = fg_node_get_self (store, finished.actor, &error);
      g_assert_no_error (error);
      g_assert_cmpint (node->kind, ==, offices[i].node_kind);
      home = fg_region_lookup (store, finished.actor, fg_store_get_home_region_id (store), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (fg_region_get_code (home), ==, offices[i].expected_code);

      gtk_window_destroy (GTK_WINDOW (window));
      fg_ui_test_spin ();
      g_assert_finalize_object (window);
      g_clear_pointer (&finished.actor, fg_actor_unref);
    }
}

/* A county office picks its county from the list; the search finds
 * counties only. */
static void
test_setup_county_from_list (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) home = NULL;
  GtkListBox *results;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  window = open_window (store, &finished);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "kind_row")), 1);

  results = GTK_LIST_BOX (child (window, "results_list"));
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_row")), "410425");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 0))),
                   ==, "郏县");
  g_assert_null (gtk_list_box_get_row_at_index (results, 1));
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_cmpstr (chosen (window, "city_row"), ==, "平顶山市");
  g_assert_cmpstr (chosen (window, "county_pick_row"), ==, "郏县");

  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_cmpint (fg_actor_get_role (finished.actor), ==, FG_ROLE_COUNTY_ADMIN);
  home = fg_region_lookup (store, finished.actor, fg_store_get_home_region_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_code (home), ==, "410425000000");
  g_assert_cmpstr (fg_region_get_name (home), ==, "郏县");

  close_window (window, &finished);
}

/* A refused administrator leaves nothing stored: the township and its
 * administrator come together or not at all. */
static void
test_setup_both_or_neither (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &finished);
  gtk_window_present (GTK_WINDOW (window));

  gtk_switch_set_active (GTK_SWITCH (child (window, "manual_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "410425101");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), "冢头镇");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "郏县");
  fill_in_admin (window, "short", "short");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));

  /* the core's reason, under the password, and nothing stored */
  g_assert_true (gtk_widget_has_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child (window, "password_message"))),
                                           "error"));
  g_assert_true (gtk_widget_has_css_class (child (window, "password_row"), "error"));
  g_assert_cmpuint (finished.n_finished, ==, 0);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_false (fg_store_has_accounts (store));
  g_assert_true (gtk_widget_get_visible (child (window, "township_group")));

  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_nonnull (finished.actor);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_true (fg_store_has_accounts (store));

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
  g_clear_pointer (&finished.actor, fg_actor_unref);
}

/* A database with its township but no account (set up before accounts
 * existed): only the administrator is asked for. */
static void
test_setup_administrator_only (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (store, installer, "410425101", "冢头镇", "郏县", &error);
  g_assert_no_error (error);

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &finished);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (child (window, "township_group")));

  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_nonnull (finished.actor);
  g_assert_true (fg_store_has_accounts (store));

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
  g_clear_pointer (&finished.actor, fg_actor_unref);
}

static void
test_setup_demo (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) admin = NULL;
  FgSetupWindow *window;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &finished);
  gtk_window_present (GTK_WINDOW (window));

  /* the demo's people log in themselves: no actor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.open-demo", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_null (finished.actor);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_true (fg_store_is_demo (store));
  admin = fg_ui_test_login (store, "admin");
  g_assert_cmpuint (fg_ui_test_count (store, admin, NULL, NULL, NULL), ==, FG_DEMO_DEFAULT_VENUES);

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
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

  g_test_add_func ("/ui/setup/township", test_setup_township);
  g_test_add_func ("/ui/setup/search", test_setup_search);
  g_test_add_func ("/ui/setup/by-hand", test_setup_by_hand);
  g_test_add_func ("/ui/setup/all-errors", test_setup_all_errors);
  g_test_add_func ("/ui/setup/keyboard", test_setup_keyboard);
  g_test_add_func ("/ui/setup/other-offices", test_setup_other_offices);
  g_test_add_func ("/ui/setup/county-from-list", test_setup_county_from_list);
  g_test_add_func ("/ui/setup/both-or-neither", test_setup_both_or_neither);
  g_test_add_func ("/ui/setup/administrator-only", test_setup_administrator_only);
  g_test_add_func ("/ui/setup/demo", test_setup_demo);

  return g_test_run ();
}
