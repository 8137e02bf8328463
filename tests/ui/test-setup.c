/* test-setup.c — the first start
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

static void
test_setup_township (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgActor) again = NULL;
  FgSetupWindow *window;
  GtkWidget *error_label;
  GtkWidget *admin_error_label;
  Finished finished = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_false (fg_store_is_set_up (store));

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &finished);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  error_label = child (window, "error_label");
  admin_error_label = child (window, "admin_error_label");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_visible (child (window, "township_group")));
  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");

  /* a code that is no township's: refused, with the core's reason */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "4104");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), "冢头镇");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "郏县");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (child (window, "code_row"), "error"));
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpuint (finished.n_finished, ==, 0);

  /* correcting it takes the message away */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "410425101");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* two different passwords: refused before anything is stored */
  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-8");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (gtk_widget_get_visible (admin_error_label));
  g_assert_true (gtk_widget_has_css_class (child (window, "repeat_row"), "error"));
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpuint (finished.n_finished, ==, 0);

  /* and now the township and its administrator, logged in */
  fill_in_admin (window, "feng-huo-tai-9", "feng-huo-tai-9");
  g_assert_false (gtk_widget_get_visible (admin_error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_true (fg_store_has_accounts (store));
  g_assert_nonnull (finished.actor);
  g_assert_cmpstr (fg_actor_get_login (finished.actor), ==, "zhangwei");
  g_assert_cmpstr (fg_actor_get_display_name (finished.actor), ==, "张伟");
  g_assert_cmpint (fg_actor_get_role (finished.actor), ==, FG_ROLE_TOWNSHIP_ADMIN);
  again = fg_account_login (store, "zhangwei", "feng-huo-tai-9", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  township = fg_region_lookup (store, finished.actor, fg_store_get_home_region_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (township), ==, "冢头镇");
  g_assert_cmpstr (fg_region_get_code (township), ==, "410425101000");

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
  g_clear_pointer (&finished.actor, fg_actor_unref);
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

  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "410425101");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), "冢头镇");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "郏县");
  fill_in_admin (window, "short", "short");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));

  /* the core's reason, next to the password, and nothing stored */
  g_assert_true (gtk_widget_get_visible (child (window, "admin_error_label")));
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
  g_test_add_func ("/ui/setup/other-offices", test_setup_other_offices);
  g_test_add_func ("/ui/setup/both-or-neither", test_setup_both_or_neither);
  g_test_add_func ("/ui/setup/administrator-only", test_setup_administrator_only);
  g_test_add_func ("/ui/setup/demo", test_setup_demo);

  return g_test_run ();
}
