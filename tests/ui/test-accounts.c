/* test-accounts.c — logging in, what each role may do, locking, accounts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-accounts-dialog.h"
#include "fg-lock-page.h"
#include "fg-login-window.h"
#include "fg-region-item.h"
#include "fg-venue-dialog.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static FgWindow *
open_window (Fixture *fixture,
             FgActor *actor)
{
  FgWindow *window = g_object_ref (fg_window_new (NULL, fixture->store, actor));

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
remember_actor (FgLoginWindow  *window,
                FgActor        *actor,
                FgActor       **out)
{
  g_clear_pointer (out, fg_actor_unref);
  *out = fg_actor_ref (actor);
}

static void
test_login_refuses_then_logs_in (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgActor) none = NULL;
  g_autoptr(GError) expected = NULL;
  FgLoginWindow *window;
  GtkWidget *error_label;

  window = g_object_ref (fg_login_window_new (NULL, fixture->store));
  g_signal_connect (window, "logged-in", G_CALLBACK (remember_actor), &actor);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();

  /* a demo database names its logins */
  error_label = fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, "error_label");
  g_assert_true (gtk_widget_get_visible (fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, "demo_label")));
  g_assert_false (gtk_widget_get_visible (error_label));

  /* what the core says to a wrong password */
  none = fg_account_login (fixture->store, "admin", "not-the-password", &expected);
  g_assert_null (none);
  g_assert_error (expected, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);

  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, "login_row")), "admin");
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, "password_row")), "not-the-password");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.log-in", NULL));
  g_assert_null (actor);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected->message);

  /* typing again takes the message away; the right password logs in */
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, "password_row")), "demo-admin");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.log-in", NULL));
  g_assert_nonnull (actor);
  g_assert_cmpstr (fg_actor_get_login (actor), ==, "admin");
  g_assert_cmpint (fg_actor_get_role (actor), ==, FG_ROLE_TOWNSHIP_ADMIN);

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_grid_worker_sees_own_grid (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "grid");
  FgWindow *window = open_window (fixture, actor);
  GListModel *list = G_LIST_MODEL (fg_venue_page_get_venue_list (fg_window_get_venue_page (window)));
  GtkSelectionModel *rows = fg_region_sidebar_get_selection (fg_window_get_region_sidebar (window));
  g_autoptr(GtkTreeListRow) top_row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_autoptr(FgRegionItem) top = gtk_tree_list_row_get_item (top_row);
  guint expected = fg_ui_test_count (fixture->store, actor, NULL, NULL, NULL);

  /* only the grid's venues, as the core counts them for this person */
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 300);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected);

  /* the tree starts at the grid */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 1);
  g_assert_cmpint (fg_region_get_level (fg_region_item_get_region (top)), ==, FG_REGION_LEVEL_GRID);
  g_assert_cmpstr (fg_region_item_get_id (top), ==, fg_actor_get_scope_region_id (actor));

  /* a grid worker may add venues in the grid, but has no accounts to manage */
  g_assert_true (gtk_widget_get_visible (fg_ui_test_child (window, FG_TYPE_WINDOW, "add_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-venue", NULL));
  fg_ui_test_spin ();
  g_assert_nonnull (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  gtk_window_destroy (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-accounts", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG));

  close_window (window);
}

static void
test_village_committee_cannot_edit (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "village");
  FgWindow *window = open_window (fixture, actor);
  FgVenuePage *page = fg_window_get_venue_page (window);
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  GListModel *list = G_LIST_MODEL (fg_venue_page_get_venue_list (page));

  g_assert_false (fg_actor_can (actor, FG_ACTION_VENUE_EDIT));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, fg_ui_test_count (fixture->store, actor, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), <, 300);

  /* no button, and the action (Ctrl+N) does nothing */
  g_assert_false (gtk_widget_get_visible (fg_ui_test_child (window, FG_TYPE_WINDOW, "add_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-venue", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));

  /* nor editing the venue shown */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  g_assert_nonnull (fg_venue_page_get_shown_venue (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-venue", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));

  close_window (window);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Without input for the idle time, the window locks by itself. */
static void
test_idle_lock (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "admin");
  FgWindow *window = open_window (fixture, actor);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_assert_false (fg_window_get_locked (window));

  /* the settings give minutes; one second here, then no input for two */
  fg_window_set_idle_lock_seconds (window, 1);
  g_timeout_add (2500, quit_loop, loop);
  g_main_loop_run (loop);
  fg_ui_test_spin ();
  g_assert_true (fg_window_get_locked (window));

  close_window (window);
}

/* With idle locking off (0), nothing locks. */
static void
test_idle_lock_off (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "admin");
  FgWindow *window = open_window (fixture, actor);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  fg_window_set_idle_lock_seconds (window, 1);
  fg_window_set_idle_lock_seconds (window, 0);
  g_timeout_add (2000, quit_loop, loop);
  g_main_loop_run (loop);
  fg_ui_test_spin ();
  g_assert_false (fg_window_get_locked (window));

  close_window (window);
}

static void
test_lock_and_unlock (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "admin");
  FgWindow *window = open_window (fixture, actor);
  GtkStack *stack = GTK_STACK (fg_ui_test_child (window, FG_TYPE_WINDOW, "lock_stack"));
  GtkWidget *lock_page = fg_ui_test_child (window, FG_TYPE_WINDOW, "lock_page");
  GtkEditable *password = GTK_EDITABLE (fg_ui_test_child (lock_page, FG_TYPE_LOCK_PAGE, "password_row"));
  GtkWidget *error_label = fg_ui_test_child (lock_page, FG_TYPE_LOCK_PAGE, "error_label");
  g_autoptr(FgVenueDialog) dialog = NULL;

  /* something half typed in a dialog */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-venue", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (FG_VENUE_DIALOG (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_VENUE_DIALOG, "name_row")), "半途的场所");

  /* Ctrl+L: the window is covered, the dialog hidden, not closed */
  g_assert_false (fg_window_get_locked (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  fg_ui_test_spin ();
  g_assert_true (fg_window_get_locked (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "lock");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-venue", NULL);
  fg_ui_test_spin ();
  g_assert_true (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG) == GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* a wrong password: still locked, with the core's message */
  gtk_editable_set_text (password, "not-the-password");
  g_assert_true (gtk_widget_activate_action (lock_page, "lock.unlock", NULL));
  g_assert_true (fg_window_get_locked (window));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");

  /* the right one: everything back as it was */
  gtk_editable_set_text (password, "demo-admin");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (lock_page, "lock.unlock", NULL));
  fg_ui_test_spin ();
  g_assert_false (fg_window_get_locked (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_VENUE_DIALOG, "name_row"))),
                   ==, "半途的场所");

  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&dialog));
  close_window (window);
}

static void
test_admin_adds_account (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "admin");
  FgWindow *window = open_window (fixture, actor);
  g_autoptr(FgAccountsDialog) dialog = NULL;
  g_autoptr(FgActor) added = NULL;
  g_autoptr(FgActor) refused = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label;
  GListModel *accounts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-accounts", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (FG_ACCOUNTS_DIALOG (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG)));
  g_assert_nonnull (dialog);
  accounts = fg_accounts_dialog_get_accounts (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 5);
  error_label = fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, "add_error_label");

#define set_text(name, text) \
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, name)), text)

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.add", NULL));
  set_text ("name_row", "孙丽");
  set_text ("login_row", "grid");  /* taken */
  adw_combo_row_set_selected (ADW_COMBO_ROW (fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, "role_row")),
                              FG_ROLE_GRID_WORKER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, "area_row")), 1);
  set_text ("password_row", "sun-li-2026");
  set_text ("repeat_row", "sun-li-2026");

  /* the core refuses a login that is taken, next to the login */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.create", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, "login_row"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 5);

  set_text ("login_row", "sunli");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.create", NULL));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 6);

#undef set_text

  /* the new person can log in, as a grid worker */
  added = fg_account_login (fixture->store, "sunli", "sun-li-2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_actor_get_role (added), ==, FG_ROLE_GRID_WORKER);
  g_assert_nonnull (fg_actor_get_scope_region_id (added));

  /* switched off, they cannot */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.set-active", "(sb)", "sunli", FALSE));
  refused = fg_account_login (fixture->store, "sunli", "sun-li-2026", &error);
  g_assert_null (refused);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INACTIVE);

  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&dialog));
  close_window (window);
}

/* The administrator enters an officer's certificate number in a dialog
 * of the officer's row; the account holds it, and the row shows it. */
static void
test_admin_sets_certificate (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, "admin");
  FgWindow *window = open_window (fixture, actor);
  g_autoptr(FgAccountsDialog) dialog = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *asked;
  const char *number = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-accounts", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (FG_ACCOUNTS_DIALOG (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.certificate", "s", "staff"));
  fg_ui_test_spin ();
  asked = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (asked);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (asked), "fg-entry")), " 41042526009999 ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (asked), "save");
  fg_ui_test_spin ();

  accounts = fg_account_list (fixture->store, actor, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    if (g_str_equal (fg_account_get_login (g_ptr_array_index (accounts, i)), "staff"))
      number = fg_account_get_certificate (g_ptr_array_index (accounts, i));
  g_assert_cmpstr (number, ==, "41042526009999");

  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&dialog));
  close_window (window);
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

  g_test_add ("/ui/accounts/login", Fixture, NULL,
              fixture_set_up, test_login_refuses_then_logs_in, fixture_tear_down);
  g_test_add ("/ui/accounts/grid-worker", Fixture, NULL,
              fixture_set_up, test_grid_worker_sees_own_grid, fixture_tear_down);
  g_test_add ("/ui/accounts/village-committee", Fixture, NULL,
              fixture_set_up, test_village_committee_cannot_edit, fixture_tear_down);
  g_test_add ("/ui/accounts/idle-lock", Fixture, NULL,
              fixture_set_up, test_idle_lock, fixture_tear_down);
  g_test_add ("/ui/accounts/idle-lock-off", Fixture, NULL,
              fixture_set_up, test_idle_lock_off, fixture_tear_down);
  g_test_add ("/ui/accounts/lock", Fixture, NULL,
              fixture_set_up, test_lock_and_unlock, fixture_tear_down);
  g_test_add ("/ui/accounts/admin-adds-account", Fixture, NULL,
              fixture_set_up, test_admin_adds_account, fixture_tear_down);
  g_test_add ("/ui/accounts/certificate", Fixture, NULL,
              fixture_set_up, test_admin_sets_certificate, fixture_tear_down);

  return g_test_run ();
}
