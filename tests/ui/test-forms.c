/* test-forms.c — Enter and Escape in the window's dialogs, and every wrong
 * field of a form marked at once
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enter is what an entry does when activated: its "activate" signal, as
 * GTK emits it for the key. Escape is the key's shortcut on the dialog,
 * run as GTK runs it when the key reaches the window.
 */
#include "config.h"

#include "fg-accounts-dialog.h"
#include "fg-password-dialog.h"
#include "fg-region-dialog.h"
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

static gboolean
on_pressed_long_enough (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Presses Enter in @entry (an AdwEntryRow). A button activated by the key
 * shows itself pressed for a moment before it is clicked: the test waits
 * as long. */
static void
press_enter (GtkWidget *entry)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  gboolean done = FALSE;

  g_assert_true (GTK_IS_TEXT (text));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
  gtk_widget_grab_focus (GTK_WIDGET (text));
  g_signal_emit_by_name (text, "activate");
  g_timeout_add (400, on_pressed_long_enough, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fg_ui_test_spin ();
}

/* Presses Escape in @window: runs what the window's shortcut for the key
 * does. Fails when the window has none. */
static void
press_escape (GtkWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != GDK_KEY_Escape ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != 0)
            continue;

          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (window),
                                                       gtk_shortcut_get_arguments (shortcut)));
          fg_ui_test_spin ();
          return;
        }
    }

  g_assert_not_reached ();
}

static guint
count_venues (Fixture *fixture)
{
  return fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, NULL);
}

#define venue_child(dialog, name) fg_ui_test_child (dialog, FG_TYPE_VENUE_DIALOG, name)

static FgVenueDialog *
open_venue_dialog (Fixture *fixture)
{
  FgVenueDialog *dialog;

  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-venue", NULL));
  fg_ui_test_spin ();
  dialog = FG_VENUE_DIALOG (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_nonnull (dialog);
  return g_object_ref (dialog);
}

/* A venue with its name, address, village, category, phone and credit
 * code all wrong: Enter tries to save it, every one of them is marked and
 * its message shown, nothing is stored; Escape leaves. */
static void
test_venue_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  FgVenueDialog *dialog = open_venue_dialog (fixture);
  g_autoptr(FgVenue) draft = fg_venue_new ();
  g_autoptr(GPtrArray) expected = NULL;
  static const char * const rows[] = {
    "name_row", "address_row", "region_row", "category_row", "phone_row", "credit_code_row",
  };
  static const char * const labels[] = {
    "place_error_label", "place_error_label", "place_error_label", "use_error_label",
    "operator_error_label", "operator_error_label",
  };

  gtk_editable_set_text (GTK_EDITABLE (venue_child (dialog, "name_row")), "   ");
  gtk_editable_set_text (GTK_EDITABLE (venue_child (dialog, "phone_row")), "1381234");
  gtk_editable_set_text (GTK_EDITABLE (venue_child (dialog, "credit_code_row")), "91350100M000100Y44");

  /* the core's words for the same draft */
  fg_venue_set_name (draft, "   ");
  fg_venue_set_phone (draft, "1381234");
  fg_venue_set_credit_code (draft, "91350100M000100Y44");
  expected = fg_venue_check_fields (draft);
  g_assert_cmpuint (expected->len, ==, G_N_ELEMENTS (rows));

  press_enter (venue_child (dialog, "phone_row"));

  g_assert_true (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpuint (count_venues (fixture), ==, 300);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *label = venue_child (dialog, labels[i]);
      const GError *error = g_ptr_array_index (expected, i);

      g_test_message ("field %s", rows[i]);
      g_assert_true (gtk_widget_has_css_class (venue_child (dialog, rows[i]), "error"));
      g_assert_true (gtk_widget_get_visible (label));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), error->message));
    }
  /* the right fields are not marked, and the first wrong one has the focus */
  g_assert_false (gtk_widget_has_css_class (venue_child (dialog, "operator_row"), "error"));
  g_assert_false (gtk_widget_get_visible (venue_child (dialog, "building_error_label")));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         venue_child (dialog, "name_row")));

  /* Escape: gone, nothing stored */
  press_escape (GTK_WINDOW (dialog));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_venues (fixture), ==, 300);

  /* Enter in any field of a right form saves it */
  dialog = open_venue_dialog (fixture);
  gtk_editable_set_text (GTK_EDITABLE (venue_child (dialog, "name_row")), "回车测试便利店");
  gtk_editable_set_text (GTK_EDITABLE (venue_child (dialog, "address_row")), "冢头镇人民路 90 号");
  adw_combo_row_set_selected (ADW_COMBO_ROW (venue_child (dialog, "region_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (venue_child (dialog, "category_row")), 0);
  press_enter (venue_child (dialog, "address_row"));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_VENUE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_venues (fixture), ==, 301);
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "回车测试便利店"), ==, 1);
}

#define accounts_child(dialog, name) fg_ui_test_child (dialog, FG_TYPE_ACCOUNTS_DIALOG, name)

static guint
count_accounts (FgAccountsDialog *dialog)
{
  return g_list_model_get_n_items (fg_accounts_dialog_get_accounts (dialog));
}

/* A new account with its name, login, password and repetition wrong:
 * Enter marks them all; right, Enter adds it. Escape leaves the new
 * account's page, then the dialog. */
static void
test_accounts_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  FgAccountsDialog *dialog;
  GtkWidget *label;
  guint n_accounts;
  GError *expected[FG_ACCOUNT_N_FIELDS] = { NULL, };
  static const char * const wrong_rows[] = { "name_row", "login_row", "password_row", "repeat_row" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-accounts", NULL));
  fg_ui_test_spin ();
  dialog = FG_ACCOUNTS_DIALOG (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  n_accounts = count_accounts (dialog);
  label = accounts_child (dialog, "add_error_label");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.add", NULL));
  fg_ui_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "name_row")), " ");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "login_row")), "王 芳");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "password_row")), "short");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "repeat_row")), "shorter");
  press_enter (accounts_child (dialog, "repeat_row"));

  g_assert_cmpuint (count_accounts (dialog), ==, n_accounts);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (accounts_child (dialog, "stack"))), ==, "add");
  for (guint i = 0; i < G_N_ELEMENTS (wrong_rows); i++)
    g_assert_true (gtk_widget_has_css_class (accounts_child (dialog, wrong_rows[i]), "error"));
  g_assert_cmpuint (fg_account_check_fields ("王 芳", " ", "short", expected), ==, 3);
  g_assert_true (gtk_widget_get_visible (label));
  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    {
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), expected[i]->message));
      g_clear_error (&expected[i]);
    }

  /* right, Enter in the last field adds it */
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "name_row")), "王芳");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "login_row")), "wang.fang");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "password_row")), "long-enough");
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "repeat_row")), "long-enough");
  /* a grid worker, of the first village's first grid */
  adw_combo_row_set_selected (ADW_COMBO_ROW (accounts_child (dialog, "area_row")), 1);
  press_enter (accounts_child (dialog, "repeat_row"));
  g_assert_cmpuint (count_accounts (dialog), ==, n_accounts + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (accounts_child (dialog, "stack"))), ==, "list");

  /* Escape on the new account's page goes back without adding one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.add", NULL));
  fg_ui_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (accounts_child (dialog, "name_row")), "李明");
  press_escape (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (accounts_child (dialog, "stack"))), ==, "list");
  g_assert_cmpuint (count_accounts (dialog), ==, n_accounts + 1);

  press_escape (GTK_WINDOW (dialog));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG));
  g_assert_finalize_object (dialog);
}

#define password_child(dialog, name) fg_ui_test_child (dialog, FG_TYPE_PASSWORD_DIALOG, name)

/* Changing one's own password with every field wrong marks them all;
 * Escape leaves the password as it was. */
static void
test_password_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  FgPasswordDialog *dialog = fg_password_dialog_new (GTK_WINDOW (fixture->window), fixture->store,
                                                     fixture->actor, NULL);
  g_autoptr(FgActor) again = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *label = password_child (dialog, "error_label");
  g_auto(GStrv) lines = NULL;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();

  gtk_editable_set_text (GTK_EDITABLE (password_child (dialog, "new_row")), "short");
  gtk_editable_set_text (GTK_EDITABLE (password_child (dialog, "repeat_row")), "shirt");
  press_enter (password_child (dialog, "repeat_row"));

  g_assert_true (fg_ui_test_find_window (FG_TYPE_PASSWORD_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_has_css_class (password_child (dialog, "current_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (password_child (dialog, "new_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (password_child (dialog, "repeat_row"), "error"));
  g_assert_true (gtk_widget_get_visible (label));
  /* three messages, one a line */
  lines = g_strsplit (gtk_label_get_text (GTK_LABEL (label)), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  /* a wrong current password, the rest right: Enter asks the store, which refuses */
  gtk_editable_set_text (GTK_EDITABLE (password_child (dialog, "current_row")), "not-the-password");
  gtk_editable_set_text (GTK_EDITABLE (password_child (dialog, "new_row")), "a-new-password");
  gtk_editable_set_text (GTK_EDITABLE (password_child (dialog, "repeat_row")), "a-new-password");
  press_enter (password_child (dialog, "new_row"));
  g_assert_true (gtk_widget_has_css_class (password_child (dialog, "current_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (password_child (dialog, "new_row"), "error"));

  press_escape (GTK_WINDOW (dialog));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_PASSWORD_DIALOG));
  g_assert_finalize_object (dialog);

  again = fg_account_login (fixture->store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* A village added by Enter in its name; Escape adds none. */
static void
test_region_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *sidebar = GTK_WIDGET (fg_window_get_region_sidebar (fixture->window));
  const char *home = fg_store_get_home_region_id (fixture->store);
  g_autoptr(GPtrArray) before = fg_region_list_children (fixture->store, fixture->actor, home, FALSE, NULL);
  g_autoptr(GPtrArray) after_escape = NULL;
  g_autoptr(GPtrArray) after_enter = NULL;
  g_autofree char *code = NULL;
  GtkWindow *dialog;
  GtkWidget *name_row;
  GtkWidget *code_row;

  g_assert_true (gtk_widget_activate_action (sidebar, "region.add-village", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (FG_TYPE_REGION_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "name_row")), "回车村");
  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (FG_TYPE_REGION_DIALOG));
  after_escape = fg_region_list_children (fixture->store, fixture->actor, home, FALSE, NULL);
  g_assert_cmpuint (after_escape->len, ==, before->len);

  g_assert_true (gtk_widget_activate_action (sidebar, "region.add-village", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (FG_TYPE_REGION_DIALOG);
  g_assert_nonnull (dialog);
  name_row = fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "name_row");
  code_row = fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "code_row");
  /* the township's code is filled in; the village's three digits follow */
  code = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (code_row)), "299", NULL);
  gtk_editable_set_text (GTK_EDITABLE (code_row), code);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "回车村");
  press_enter (name_row);
  g_assert_null (fg_ui_test_find_window (FG_TYPE_REGION_DIALOG));
  after_enter = fg_region_list_children (fixture->store, fixture->actor, home, FALSE, NULL);
  g_assert_cmpuint (after_enter->len, ==, before->len + 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/ui/forms/venue-dialog", Fixture, NULL, fixture_set_up, test_venue_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/accounts-dialog", Fixture, NULL, fixture_set_up, test_accounts_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/password-dialog", Fixture, NULL, fixture_set_up, test_password_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/region-dialog", Fixture, NULL, fixture_set_up, test_region_dialog, fixture_tear_down);

  return g_test_run ();
}
