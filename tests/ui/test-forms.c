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
#include "fg-date-row.h"
#include "fg-deadline-dialog.h"
#include "fg-event-dialog.h"
#include "fg-form.h"
#include "fg-inspection-row.h"
#include "fg-inspection-window.h"
#include "fg-login-window.h"
#include "fg-major-hazard-dialog.h"
#include "fg-notice-dialog.h"
#include "fg-notice-page.h"
#include "fg-pairing-dialog.h"
#include "fg-password-dialog.h"
#include "fg-region-dialog.h"
#include "fg-venue-dialog.h"
#include "fg-venue-page.h"
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

/* A button activated by the key shows itself pressed for a moment before
 * it is clicked: waits as long. */
static void
wait_for_press (void)
{
  gboolean done = FALSE;

  g_timeout_add (400, on_pressed_long_enough, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fg_ui_test_spin ();
}

/* Presses Enter in @entry (an AdwEntryRow). A button activated by the key
 * shows itself pressed for a moment before it is clicked: the test waits
 * as long. */
static void
press_enter (GtkWidget *entry)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  /* a date row's entry holds the text in turn */
  while (text != NULL && !GTK_IS_TEXT (text))
    text = gtk_editable_get_delegate (text);
  g_assert_true (GTK_IS_TEXT (text));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
  gtk_widget_grab_focus (GTK_WIDGET (text));
  g_signal_emit_by_name (text, "activate");
  wait_for_press ();
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

static GtkWidget *
find_viewport (GtkWidget *widget)
{
  if (GTK_IS_VIEWPORT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *viewport = find_viewport (child);

      if (viewport != NULL)
        return viewport;
    }
  return NULL;
}

/* Presses Tab (or Shift+Tab) in @dialog until the focus is in @stop, or
 * with no @stop until it goes round to the top again: each row the focus reaches
 * is in view, and so is the title of its group above it. Returns how far
 * the page scrolled. */
static double
tab_through (FgVenueDialog    *dialog,
             GtkDirectionType  direction,
             GtkWidget        *stop,
             GHashTable       *groups)
{
  GtkWidget *viewport = find_viewport (venue_child (dialog, "page"));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  double furthest = 0;
  double last_top = 0;

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;
      GtkWidget *row;
      GtkWidget *group;
      graphene_rect_t row_bounds;
      graphene_rect_t group_bounds;
      double value, page;

      if (!gtk_widget_child_focus (GTK_WIDGET (dialog), direction))
        break;
      /* what scrolls by itself scrolls smoothly: its end is waited for */
      wait_for_press ();
      focus = gtk_window_get_focus (GTK_WINDOW (dialog));
      row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
      group = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP);
      if (row == NULL || group == NULL)
        continue;
      g_assert_true (gtk_widget_compute_bounds (row, content, &row_bounds));
      g_assert_true (gtk_widget_compute_bounds (group, content, &group_bounds));
      value = gtk_adjustment_get_value (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      g_test_message ("row %s: %.0f–%.0f, its group from %.0f, seen %.0f–%.0f",
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_bounds.origin.y,
                      row_bounds.origin.y + row_bounds.size.height, group_bounds.origin.y, value, value + page);
      g_assert_cmpfloat (row_bounds.origin.y, >=, value - 1);
      g_assert_cmpfloat (row_bounds.origin.y + row_bounds.size.height, <=, value + page + 1);
      if (row_bounds.origin.y + row_bounds.size.height - group_bounds.origin.y <= page)
        g_assert_cmpfloat (group_bounds.origin.y, >=, value - 1);
      g_hash_table_add (groups, group);
      furthest = MAX (furthest, value);
      if (stop != NULL ? gtk_widget_is_ancestor (focus, stop) : row_bounds.origin.y < last_top)
        return furthest;
      last_top = row_bounds.origin.y;
    }
  g_assert_not_reached ();
}

/* Tab and Shift+Tab through a venue dialog too short for its form. */
static void
test_venue_dialog_scroll (Fixture       *fixture,
                          gconstpointer  data)
{
  FgVenueDialog *dialog = open_venue_dialog (fixture);
  GtkWidget *viewport = find_viewport (venue_child (dialog, "page"));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  GHashTable *groups = g_hash_table_new (NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 420);
  wait_for_press ();
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), <, gtk_adjustment_get_upper (adjustment));

  gtk_widget_grab_focus (venue_child (dialog, "name_row"));
  /* the focus goes through the groups, and the page scrolls */
  g_assert_cmpfloat (tab_through (dialog, GTK_DIR_TAB_FORWARD, NULL, groups), >, 0);
  g_assert_cmpuint (g_hash_table_size (groups), >=, 4);
  /* back to the first field, at the top */
  tab_through (dialog, GTK_DIR_TAB_BACKWARD, venue_child (dialog, "name_row"), groups);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_hash_table_unref (groups);

  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_finalize_object (dialog);
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

/* The first hazard of the demo in @state. */
static FgHazard *
first_hazard (Fixture       *fixture,
              FgHazardState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, (int) state, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 0);
  return g_object_ref (g_ptr_array_index (hazards, 0));
}

static guint
count_notices (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);

  g_assert_no_error (error);
  return notices->len;
}

static guint
count_events (Fixture    *fixture,
              const char *hazard_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = fg_hazard_load (fixture->store, fixture->actor, hazard_id, &error);

  g_assert_no_error (error);
  return fg_hazard_get_events (hazard)->len;
}

static void
on_notice_issued (FgNotice *notice,
                  gpointer  data)
{
  *(guint *) data += 1;
}

/* The row's entry, which the date row marks */
static GtkWidget *
date_entry (GtkWidget *row)
{
  return GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
}

/* Issuing a notice with a deadline in the past and no hazard chosen:
 * Enter in the deadline marks both, each with the core's words, and
 * issues nothing; Escape issues nothing; Enter in a right form issues. */
static void
test_notice_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = first_hazard (fixture, FG_HAZARD_STATE_OPEN);
  guint n_notices = count_notices (fixture);
  guint n_issued = 0;
  g_autoptr(GError) deadline_error = NULL;
  g_autoptr(GError) hazards_error = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE, .deadline = "2000-01-01" };
  GtkWindow *dialog;
  GtkWidget *deadline;
  GtkWidget *hazards;
  GtkWidget *label;
  GPtrArray *checks;

  g_assert_cmpuint (fg_notice_check_order_fields (fixture->store, &request, &deadline_error, &hazards_error), ==, 2);

  fg_notice_dialog_present_for_hazard (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                                       on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  deadline = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  hazards = g_object_get_data (G_OBJECT (dialog), "fg-hazards");
  label = g_object_get_data (G_OBJECT (dialog), "fg-hazards-error");
  checks = g_object_get_data (G_OBJECT (dialog), "fg-checks");
  g_assert_nonnull (hazards);
  gtk_editable_set_text (GTK_EDITABLE (deadline), "2000-01-01");
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);

  press_enter (deadline);
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_cmpuint (n_issued, ==, 0);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices);
  g_assert_true (gtk_widget_has_css_class (date_entry (deadline), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (deadline)), ==, deadline_error->message);
  g_assert_true (gtk_widget_has_css_class (hazards, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, hazards_error->message);

  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_issued, ==, 0);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices);

  /* the deadline proposed and the hazard chosen: Enter issues */
  fg_notice_dialog_present_for_hazard (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                                       on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  press_enter (g_object_get_data (G_OBJECT (dialog), "fg-deadline"));
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_issued, ==, 1);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices + 1);
}

static void
on_event_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GString          *responses)
{
  g_string_append_printf (responses, "%s;", response);
}

#define event_child(dialog, name) fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, name)

/* One event dialog: @deadline and @note both wrong, Enter in the note
 * marks both with the core's words and gives no response; Escape
 * cancels; right, Enter records. */
static void
check_event_dialog (Fixture           *fixture,
                    FgHazard          *hazard,
                    FgHazardEventKind  kind,
                    const char        *wrong_deadline,
                    const char        *right_deadline,
                    const char        *right_note)
{
  g_autoptr(GString) responses = g_string_new (NULL);
  FgHazardEventDetails wrong = { .deadline = wrong_deadline, .note = "" };
  g_autoptr(GError) deadline_error = NULL;
  g_autoptr(GError) note_error = NULL;
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  FgEventDialog *dialog;
  GtkWidget *problem;

  g_assert_cmpuint (fg_hazard_check_event_fields (fixture->store, hazard, kind, &wrong, &deadline_error, &note_error),
                    ==, 2);

  dialog = g_object_ref (fg_event_dialog_new (GTK_WINDOW (fixture->window), fixture->store, hazard, kind,
                                              wrong_deadline, FALSE, NULL, NULL));
  fg_event_dialog_count_workdays (dialog, fixture->store, today);
  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();

  press_enter (event_child (dialog, "note_row"));
  g_assert_cmpstr (responses->str, ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_has_css_class (date_entry (event_child (dialog, "deadline_row")), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (event_child (dialog, "deadline_row"))), ==,
                   deadline_error->message);
  g_assert_true (gtk_widget_has_css_class (event_child (dialog, "note_row"), "error"));
  problem = event_child (dialog, "problem_label");
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), deadline_error->message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), note_error->message));

  press_escape (GTK_WINDOW (dialog));
  g_assert_cmpstr (responses->str, ==, "cancel;");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  /* right: Enter in the deadline records */
  g_string_truncate (responses, 0);
  dialog = g_object_ref (fg_event_dialog_new (GTK_WINDOW (fixture->window), fixture->store, hazard, kind,
                                              right_deadline, FALSE, NULL, NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (event_child (dialog, "note_row")), right_note);
  press_enter (event_child (dialog, "deadline_row"));
  g_assert_cmpstr (responses->str, ==, "record;");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);
}

/* Extending a deadline (a reason, a later date) and the county's
 * supervision (挂牌督办: an instruction, a day to act by). */
static void
test_event_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FgHazard) rectifying = first_hazard (fixture, FG_HAZARD_STATE_RECTIFYING);
  g_autoptr(FgHazard) open = first_hazard (fixture, FG_HAZARD_STATE_OPEN);
  g_autoptr(GDate) later = fg_calendar_parse_date (fg_hazard_get_deadline (rectifying), NULL);
  g_autoptr(GDate) act_by = fg_store_today (fixture->store);
  g_autofree char *later_text = NULL;
  g_autofree char *act_by_text = NULL;
  guint n_events = count_events (fixture, fg_hazard_get_id (rectifying));

  g_date_add_days (later, 1);
  later_text = fg_calendar_format_date (later);
  g_date_add_days (act_by, 10);
  act_by_text = fg_calendar_format_date (act_by);

  check_event_dialog (fixture, rectifying, FG_HAZARD_EVENT_DEADLINE_EXTENDED,
                      fg_hazard_get_deadline (rectifying), later_text, "材料未到");
  check_event_dialog (fixture, open, FG_HAZARD_EVENT_SUPERVISED, "2000-01-01", act_by_text, "请于十日内整改到位");
  /* the dialog only asks; nothing was recorded by it */
  g_assert_cmpuint (count_events (fixture, fg_hazard_get_id (rectifying)), ==, n_events);
}

/* The brigade's decision with its number, date and author all wrong:
 * Enter in the note marks the three, in the core's words, and records
 * nothing; Escape cancels; right, Enter records. */
static void
test_decision_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = first_hazard (fixture, FG_HAZARD_STATE_OPEN);
  g_autoptr(GString) responses = g_string_new (NULL);
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  g_autofree char *today_text = fg_calendar_format_date (today);
  FgHazardEventDetails wrong = { .decision_number = " ", .decision_date = "2999-01-01", .decision_authority = "1" };
  GError *errors[3] = { NULL, };
  const char *names[] = { "fg-number", "fg-date", "fg-authority" };
  AdwMessageDialog *dialog;
  GtkWidget *problem;

  g_assert_cmpuint (fg_hazard_check_decision_fields (fixture->store, hazard, &wrong, &errors[0], &errors[1], &errors[2]),
                    ==, 3);

  dialog = g_object_ref (fg_decision_dialog_new (GTK_WINDOW (fixture->window), fixture->store, hazard,
                                                 FG_HAZARD_EVENT_CONFIRMED_MAJOR, &wrong, "", today_text, NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  press_enter (g_object_get_data (G_OBJECT (dialog), "fg-note"));
  g_assert_cmpstr (responses->str, ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  problem = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  g_assert_true (gtk_widget_get_visible (problem));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *field = g_object_get_data (G_OBJECT (dialog), names[i]);

      g_test_message ("field %s", names[i]);
      g_assert_true (gtk_widget_has_css_class (FG_IS_DATE_ROW (field) ? date_entry (field) : field, "error"));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), errors[i]->message));
      g_clear_error (&errors[i]);
    }

  press_escape (GTK_WINDOW (dialog));
  g_assert_cmpstr (responses->str, ==, "cancel;");
  g_assert_finalize_object (dialog);

  g_string_truncate (responses, 0);
  dialog = g_object_ref (fg_decision_dialog_new (GTK_WINDOW (fixture->window), fixture->store, hazard,
                                                 FG_HAZARD_EVENT_CONFIRMED_MAJOR, NULL, "郏县消防救援大队", today_text,
                                                 NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "fg-number"), "郏消重认字〔2026〕第1号");
  press_enter (g_object_get_data (G_OBJECT (dialog), "fg-number"));
  g_assert_cmpstr (responses->str, ==, "record;");
  g_assert_finalize_object (dialog);
}

/* A transfer (移送书) to a name no document could print: Enter marks it
 * and issues nothing; Escape issues nothing; a right name, Enter issues. */
static void
test_transfer_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = first_hazard (fixture, FG_HAZARD_STATE_OPEN);
  g_autoptr(GError) expected = NULL;
  guint n_notices = count_notices (fixture);
  guint n_issued = 0;
  GtkWindow *dialog;
  GtkWidget *recipient;
  GtkWidget *label;

  g_assert_false (fg_notice_check_recipient ("1号", &expected));
  fg_transfer_present (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                       on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  recipient = g_object_get_data (G_OBJECT (dialog), "fg-recipient");
  label = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  gtk_editable_set_text (GTK_EDITABLE (recipient), "1号");
  press_enter (recipient);
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (recipient, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices);

  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_issued, ==, 0);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices);

  fg_transfer_present (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                       on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  recipient = g_object_get_data (G_OBJECT (dialog), "fg-recipient");
  gtk_editable_set_text (GTK_EDITABLE (recipient), "冢头派出所");
  press_enter (recipient);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_issued, ==, 1);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices + 1);
}

static gboolean
notice_voided (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = fg_notice_load (fixture->store, fixture->actor, id, &error);

  g_assert_no_error (error);
  return fg_notice_get_voided (notice);
}

/* Voiding a document: Enter without a reason marks the reason and voids
 * nothing; Escape voids nothing; Enter after a reason voids it. */
static void
test_void_dialog (Fixture       *fixture,
                  gconstpointer  data)
{
  FgNoticePage *page = fg_window_get_notice_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);
  g_autoptr(GError) expected = NULL;
  g_autofree char *id = NULL;
  GtkWindow *dialog;
  GtkWidget *reason;
  GtkWidget *label;

  g_assert_no_error (error);
  for (guint i = 0; id == NULL && i < notices->len; i++)
    if (!fg_notice_get_voided (g_ptr_array_index (notices, i)))
      id = g_strdup (fg_notice_get_id (g_ptr_array_index (notices, i)));
  g_assert_nonnull (id);
  g_assert_false (fg_notice_check_void_reason ("  ", &expected));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "notices");
  fg_ui_test_spin ();
  g_assert_true (fg_notice_page_show_notice (page, id));
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice.void", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  reason = g_object_get_data (G_OBJECT (dialog), "fg-reason");
  label = g_object_get_data (G_OBJECT (dialog), "fg-reason-error");
  gtk_editable_set_text (GTK_EDITABLE (reason), "  ");
  press_enter (reason);
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);
  g_assert_false (notice_voided (fixture, id));

  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_false (notice_voided (fixture, id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice.void", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  reason = g_object_get_data (G_OBJECT (dialog), "fg-reason");
  gtk_editable_set_text (GTK_EDITABLE (reason), "送达对象有误，重新制作");
  press_enter (reason);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (notice_voided (fixture, id));
}

static FgNoticeService
notice_service (Fixture    *fixture,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = fg_notice_load (fixture->store, fixture->actor, id, &error);

  g_assert_no_error (error);
  return fg_notice_get_service (notice);
}

/* Recording a notice's service with no recipient and a day still to
 * come: Enter marks both and records nothing; Escape records nothing;
 * right, Enter records it. */
static void
test_service_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  FgNoticePage *page = fg_window_get_notice_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);
  GError *expected[3] = { NULL, };
  const char *names[] = { "fg-recipient", "fg-day" };
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  g_autofree char *today_text = fg_calendar_format_date (today);
  FgNoticeService before;
  FgNotice *notice = NULL;
  GtkWindow *dialog;
  GtkWidget *label;

  g_assert_no_error (error);
  /* a notice just issued, not served yet */
  {
    g_autoptr(FgHazard) hazard = first_hazard (fixture, FG_HAZARD_STATE_OPEN);
    const char *ids[] = { fg_hazard_get_id (hazard), NULL };
    g_autofree char *deadline = fg_hazard_propose_deadline (fixture->store, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED,
                                                            today);
    FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE, .hazard_ids = ids, .deadline = deadline };

    notice = fg_notice_issue (fixture->store, fixture->actor, &request, &error);
    g_assert_no_error (error);
    g_ptr_array_add (notices, notice);
    fg_notice_page_reload (page);
  }
  g_assert_nonnull (notice);
  before = notice_service (fixture, fg_notice_get_id (notice));
  g_assert_cmpint (before, ==, FG_NOTICE_SERVICE_NONE);
  g_assert_cmpuint (fg_notice_check_service_fields (fixture->store, notice, FG_NOTICE_SERVICE_SERVED, " ",
                                                    "2999-01-01", NULL, &expected[0], &expected[1], &expected[2]),
                    ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "notices");
  fg_ui_test_spin ();
  g_assert_true (fg_notice_page_show_notice (page, fg_notice_get_id (notice)));
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice.serve", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "fg-recipient"), " ");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "fg-day"), "2999-01-01");
  press_enter (g_object_get_data (G_OBJECT (dialog), "fg-note"));
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  label = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  g_assert_true (gtk_widget_get_visible (label));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *field = g_object_get_data (G_OBJECT (dialog), names[i]);

      g_test_message ("field %s", names[i]);
      g_assert_true (gtk_widget_has_css_class (FG_IS_DATE_ROW (field) ? date_entry (field) : field, "error"));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), expected[i]->message));
      g_clear_error (&expected[i]);
    }
  g_assert_false (gtk_widget_has_css_class (g_object_get_data (G_OBJECT (dialog), "fg-note"), "error"));
  g_assert_cmpint (notice_service (fixture, fg_notice_get_id (notice)), ==, before);

  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpint (notice_service (fixture, fg_notice_get_id (notice)), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice.serve", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "fg-recipient"), "张三");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "fg-day"), today_text);
  press_enter (g_object_get_data (G_OBJECT (dialog), "fg-recipient"));
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (notice_service (fixture, fg_notice_get_id (fg_notice_page_get_shown_notice (page))), ==,
                   FG_NOTICE_SERVICE_SERVED);
}

/* A deadline to confirm: Enter and Escape both go back to the date. */
static void
test_deadline_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *warnings[] = { "这是一个提醒。", NULL };
  g_autoptr(GString) responses = g_string_new (NULL);
  GtkWindow *dialog = g_object_ref (fg_deadline_dialog_new (GTK_WINDOW (fixture->window), warnings));

  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (dialog);
  fg_ui_test_spin ();
  /* Enter with nothing to type: the window's default */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  wait_for_press ();
  g_assert_cmpstr (responses->str, ==, "change;");
  g_assert_finalize_object (dialog);

  g_string_truncate (responses, 0);
  dialog = g_object_ref (fg_deadline_dialog_new (GTK_WINDOW (fixture->window), warnings));
  g_signal_connect (dialog, "response", G_CALLBACK (on_event_response), responses);
  gtk_window_present (dialog);
  fg_ui_test_spin ();
  press_escape (dialog);
  g_assert_cmpstr (responses->str, ==, "change;");
  g_assert_finalize_object (dialog);
}

/* Enter in a dialog whose focus takes no key: what the window does with
 * it, activating its default button; then the button's moment pressed. */
static void
press_enter_in (GtkWindow *window)
{
  g_signal_emit_by_name (window, "activate-default");
  wait_for_press ();
}

/* A possibly major hazard that may still go to the brigade. */
static FgHazard *
possibly_major_hazard (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, -1, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);

      if (fg_hazard_is_possibly_major (hazard) &&
          fg_hazard_event_allowed (fg_hazard_get_state (hazard), FG_HAZARD_EVENT_ESCALATED))
        return g_object_ref (hazard);
    }
  g_assert_not_reached ();
  return NULL;
}

/* The letter to the brigade (重大火灾隐患报告（移送）函) has nothing to fill
 * in: Escape issues none; Enter issues it. */
static void
test_major_letter_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = possibly_major_hazard (fixture);
  guint n_notices = count_notices (fixture);
  guint n_issued = 0;
  GtkWindow *dialog;

  fg_major_letter_present (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                           on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_issued, ==, 0);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices);

  fg_major_letter_present (GTK_WINDOW (fixture->window), fixture->store, fixture->actor, hazard,
                           on_notice_issued, &n_issued);
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  press_enter_in (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_issued, ==, 1);
  g_assert_cmpuint (count_notices (fixture), ==, n_notices + 1);
}

/* The button of @dialog labelled @label that is shown (a message dialog
 * holds its buttons twice, side by side and stacked, and shows one set). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* Clicks the button of @dialog labelled @label, as the mouse does. */
static void
click_button (GtkWindow  *dialog,
              const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
}

/* Closes the one message dialog shown, the answer to a verification. */
static const char *
close_answer (void)
{
  GtkWindow *answer = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  static char heading[256];

  g_assert_nonnull (answer);
  g_strlcpy (heading, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (answer)), sizeof heading);
  gtk_window_destroy (answer);
  fg_ui_test_spin ();
  return heading;
}

/* Verifying a document: Enter with something that is no document code
 * marks the field with the core's words and keeps the dialog; Escape
 * answers nothing; Enter with a document's number and check code says
 * it is genuine. */
static void
test_verify_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  FgNoticePage *page = fg_window_get_notice_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);
  g_autofree char *check_code = NULL;
  g_autofree char *code = NULL;
  FgNotice *notice = NULL;
  GtkWindow *dialog;
  GtkWidget *field;
  GtkWidget *label;

  g_assert_no_error (error);
  for (guint i = 0; notice == NULL && i < notices->len; i++)
    if (!fg_notice_get_voided (g_ptr_array_index (notices, i)))
      notice = g_ptr_array_index (notices, i);
  g_assert_nonnull (notice);
  check_code = fg_notice_dup_check_code (notice);
  code = g_strdup_printf ("%s %s", fg_notice_get_number (notice), check_code);
  g_assert_cmpint (fg_notice_verify (fixture->store, fixture->actor, "  ", NULL, &expected), ==, FG_NOTICE_UNKNOWN);
  g_assert_nonnull (expected);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "notices");
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice-page.verify", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (dialog), "fg-code");
  gtk_editable_set_text (GTK_EDITABLE (field), "  ");
  press_enter (field);
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  label = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);

  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);

  /* a click on Verify does as Enter does: the dialog stays, marked */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice-page.verify", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (dialog), "fg-code");
  label = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  gtk_editable_set_text (GTK_EDITABLE (field), "  ");
  click_button (dialog, "_Verify");
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected->message);
  /* and again, still there */
  click_button (dialog, "_Verify");
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Cancel, with the field still wrong, closes it and answers nothing */
  click_button (dialog, "_Cancel");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);

  /* put right, a click verifies */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice-page.verify", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (dialog), "fg-code");
  gtk_editable_set_text (GTK_EDITABLE (field), "  ");
  click_button (dialog, "_Verify");
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  gtk_editable_set_text (GTK_EDITABLE (field), code);
  click_button (dialog, "_Verify");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (close_answer (), ==, "Genuine Document");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notice-page.verify", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (dialog), "fg-code");
  gtk_editable_set_text (GTK_EDITABLE (field), code);
  press_enter (field);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (close_answer (), ==, "Genuine Document");
}

static FgAccount *
find_account (FgAccountsDialog *dialog,
              const char       *login)
{
  GListModel *accounts = fg_accounts_dialog_get_accounts (dialog);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FgAccount) account = g_list_model_get_item (accounts, i);

      if (g_str_equal (fg_account_get_login (account), login))
        return account;
    }
  g_assert_not_reached ();
  return NULL;
}

/* An officer's enforcement certificate: a number with a space marks the
 * field with the core's words and keeps the dialog; Escape saves nothing;
 * a right number, Enter saves it. */
static void
test_certificate_dialog (Fixture       *fixture,
                         gconstpointer  data)
{
  FgAccountsDialog *dialog;
  g_autofree char *before = NULL;
  GtkWindow *question;
  GtkWidget *field;
  GtkWidget *label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-accounts", NULL));
  fg_ui_test_spin ();
  dialog = FG_ACCOUNTS_DIALOG (fg_ui_test_find_window (FG_TYPE_ACCOUNTS_DIALOG));
  g_assert_nonnull (dialog);
  before = g_strdup (fg_account_get_certificate (find_account (dialog, "staff")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.certificate", "s", "staff"));
  fg_ui_test_spin ();
  question = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (question), "fg-entry");
  gtk_editable_set_text (GTK_EDITABLE (field), "豫 0412");
  press_enter (field);
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (question)));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  label = g_object_get_data (G_OBJECT (question), "fg-problem");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "32"));
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, before);

  /* a click on Save does the same: the dialog stays, marked, and nothing
   * is saved */
  gtk_label_set_label (GTK_LABEL (label), "");
  gtk_widget_set_visible (label, FALSE);
  fg_form_mark_field (field, FALSE);
  click_button (question, "_Save");
  g_assert_true (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (question)));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "32"));
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (field), "豫0412999");
  press_escape (question);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (question);
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.certificate", "s", "staff"));
  fg_ui_test_spin ();
  question = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (question), "fg-entry");
  gtk_editable_set_text (GTK_EDITABLE (field), "豫0412999");
  press_enter (field);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (question)));
  g_assert_finalize_object (question);
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, "豫0412999");

  /* a wrong number, then Cancel: the dialog closes and nothing is saved;
   * a right one clicked saves it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.certificate", "s", "staff"));
  fg_ui_test_spin ();
  question = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (question), "fg-entry");
  gtk_editable_set_text (GTK_EDITABLE (field), "豫 0412");
  click_button (question, "_Save");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (question)));
  click_button (question, "_Cancel");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (question);
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, "豫0412999");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "accounts.certificate", "s", "staff"));
  fg_ui_test_spin ();
  question = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  field = g_object_get_data (G_OBJECT (question), "fg-entry");
  gtk_editable_set_text (GTK_EDITABLE (field), "豫0412777");
  click_button (question, "_Save");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (question);
  g_assert_cmpstr (fg_account_get_certificate (find_account (dialog, "staff")), ==, "豫0412777");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
}

static void
on_paired (FgPairingDialog *dialog,
           gpointer         arg,
           gpointer         data)
{
  *(guint *) data += 1;
}

static guint
count_peers (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = fg_node_list_peers (fixture->store, fixture->actor, &error);

  g_assert_no_error (error);
  return peers->len;
}

/* Pairing: Enter goes on to the next step; Escape, at any step, closes
 * the dialog and pairs nothing. */
static void
test_pairing_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  FgPairingDialog *dialog = fg_pairing_dialog_new (GTK_WINDOW (fixture->window), fixture->store, fixture->actor);
  guint n_peers = count_peers (fixture);
  guint n_paired = 0;

  g_object_ref (dialog);
  g_signal_connect (dialog, "paired", G_CALLBACK (on_paired), &n_paired);
  gtk_window_present (GTK_WINDOW (dialog));
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "intro");
  press_enter_in (GTK_WINDOW (dialog));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "give");
  press_enter_in (GTK_WINDOW (dialog));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");
  /* no file opened yet: Next is off, and Enter stays */
  press_enter_in (GTK_WINDOW (dialog));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");

  press_escape (GTK_WINDOW (dialog));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_PAIRING_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_paired, ==, 0);
  g_assert_cmpuint (count_peers (fixture), ==, n_peers);
}

static void
on_logged_in (FgLoginWindow *window,
              FgActor       *actor,
              char         **login)
{
  g_free (*login);
  *login = g_strdup (fg_actor_get_login (actor));
}

#define login_child(window, name) fg_ui_test_child (window, FG_TYPE_LOGIN_WINDOW, name)

/* Logging in: Enter in the password with a wrong one marks the password
 * and keeps the window; with the right one, logs in. */
static void
test_login_window (Fixture       *fixture,
                   gconstpointer  data)
{
  FgLoginWindow *window = fg_login_window_new (NULL, fixture->store);
  g_autofree char *login = NULL;
  GtkWidget *password;

  g_object_ref (window);
  g_signal_connect (window, "logged-in", G_CALLBACK (on_logged_in), &login);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  password = login_child (window, "password_row");

  gtk_editable_set_text (GTK_EDITABLE (login_child (window, "login_row")), "admin");
  gtk_editable_set_text (GTK_EDITABLE (password), "not-the-password");
  press_enter (password);
  g_assert_null (login);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_has_css_class (password, "error"));
  g_assert_true (gtk_widget_get_visible (login_child (window, "error_label")));

  gtk_editable_set_text (GTK_EDITABLE (password), "demo-admin");
  g_assert_false (gtk_widget_has_css_class (password, "error"));
  press_enter (password);
  g_assert_cmpstr (login, ==, "admin");

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

/* A venue of the list with no unfinished inspection, shown. */
static FgVenue *
show_venue_without_draft (Fixture *fixture)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GListModel *venues = G_LIST_MODEL (fg_venue_page_get_venue_list (page));

  for (guint i = 0; i < g_list_model_get_n_items (venues); i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (venues, i);
      g_autoptr(FgInspection) draft = fg_inspection_find_draft (fixture->store, fixture->actor,
                                                                fg_venue_get_id (venue), NULL);

      if (draft == NULL)
        {
          fg_venue_page_show_venue (page, venue);
          fg_ui_test_spin ();
          return g_steal_pointer (&venue);
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
has_draft (Fixture *fixture,
           FgVenue *venue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) draft = fg_inspection_find_draft (fixture->store, fixture->actor,
                                                            fg_venue_get_id (venue), &error);

  g_assert_no_error (error);
  return draft != NULL;
}

/* Ctrl+I asks, while the demo's campaign runs, whether the inspection is
 * a routine one: Escape starts none; Enter starts the routine one, and
 * returns its window. */
static FgInspectionWindow *
start_inspection_by_keys (Fixture *fixture,
                          FgVenue *venue)
{
  GtkWindow *dialog;
  FgInspectionWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.inspect-venue", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "start"));
  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_false (has_draft (fixture, venue));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.inspect-venue", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "start"));
  press_enter_in (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  window = FG_INSPECTION_WINDOW (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (fg_inspection_get_kind (fg_inspection_window_get_inspection (window)), ==,
                   FG_INSPECTION_KIND_ROUTINE);
  return g_object_ref (window);
}

static void
close_inspection (FgInspectionWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

/* The kind of a new inspection: Escape starts none, Enter the routine one. */
static void
test_inspection_kind_dialog (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FgVenue) venue = show_venue_without_draft (fixture);

  close_inspection (start_inspection_by_keys (fixture, venue));
}

static void
click_row_button (FgInspectionWindow *window,
                  guint               position,
                  const char         *name)
{
  FgInspectionRow *row = fg_inspection_window_get_row (window, position);

  g_signal_emit_by_name (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, name), "clicked");
  fg_ui_test_spin ();
}

/* Finishing with a pass that carries a note asks first: Enter, like
 * Escape, goes back to that item, and the inspection stays unfinished. */
static void
test_pass_question_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FgVenue) venue = show_venue_without_draft (fixture);
  FgInspectionWindow *window = start_inspection_by_keys (fixture, venue);
  guint n = fg_inspection_window_get_n_rows (window);
  FgInspectionRow *row;
  GtkWidget *note;
  GtkWindow *dialog;

  g_assert_cmpuint (n, >, 2);
  click_row_button (window, 1, "fail_button");
  row = fg_inspection_window_get_row (window, 1);
  note = fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "note_entry");
  gtk_editable_set_text (GTK_EDITABLE (note), "灭火器压力偏低");
  fg_ui_test_spin ();
  click_row_button (window, 1, "pass_button");
  for (guint i = 0; i < n; i++)
    if (i != 1)
      click_row_button (window, i, "pass_button");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "inspection.finish", NULL));
  fg_ui_test_spin ();
  dialog = g_object_ref (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Did This Item Pass?");
  press_escape (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 1);
  g_assert_true (has_draft (fixture, venue));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "inspection.finish", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Did This Item Pass?");
  press_enter_in (dialog);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 1);
  g_assert_true (has_draft (fixture, venue));

  close_inspection (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/ui/forms/venue-dialog", Fixture, NULL, fixture_set_up, test_venue_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/venue-dialog-scroll", Fixture, NULL, fixture_set_up, test_venue_dialog_scroll, fixture_tear_down);
  g_test_add ("/ui/forms/accounts-dialog", Fixture, NULL, fixture_set_up, test_accounts_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/password-dialog", Fixture, NULL, fixture_set_up, test_password_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/notice-dialog", Fixture, NULL, fixture_set_up, test_notice_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/event-dialog", Fixture, NULL, fixture_set_up, test_event_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/decision-dialog", Fixture, NULL, fixture_set_up, test_decision_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/transfer-dialog", Fixture, NULL, fixture_set_up, test_transfer_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/void-dialog", Fixture, NULL, fixture_set_up, test_void_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/service-dialog", Fixture, NULL, fixture_set_up, test_service_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/deadline-dialog", Fixture, NULL, fixture_set_up, test_deadline_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/region-dialog", Fixture, NULL, fixture_set_up, test_region_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/major-letter-dialog", Fixture, NULL, fixture_set_up, test_major_letter_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/verify-dialog", Fixture, NULL, fixture_set_up, test_verify_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/certificate-dialog", Fixture, NULL, fixture_set_up, test_certificate_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/pairing-dialog", Fixture, NULL, fixture_set_up, test_pairing_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/login-window", Fixture, NULL, fixture_set_up, test_login_window, fixture_tear_down);
  g_test_add ("/ui/forms/inspection-kind-dialog", Fixture, NULL, fixture_set_up, test_inspection_kind_dialog, fixture_tear_down);
  g_test_add ("/ui/forms/pass-question-dialog", Fixture, NULL, fixture_set_up, test_pass_question_dialog, fixture_tear_down);

  return g_test_run ();
}
