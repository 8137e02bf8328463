/* test-accessible.c — what a screen reader is told: names and roles
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "src/app/fg-accessible.h"
#include "src/app/fg-window.h"
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
open_window (Fixture    *fixture,
             const char *login)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, login);
  FgWindow *window = g_object_ref (fg_window_new (NULL, fixture->store, actor));

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  return window;
}

static void
close_all (FgWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (other);
    }
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static const char *
role_name (GtkAccessibleRole role)
{
  GEnumClass *roles = g_type_class_ref (GTK_TYPE_ACCESSIBLE_ROLE);
  const char *nick = g_enum_get_value (roles, role)->value_nick;

  g_type_class_unref (roles);
  return nick;
}

static void
check (const char *label,
       const char *expected)
{
  g_autofree char *plain = fg_accessible_strip_mnemonic (label);

  g_assert_cmpstr (plain, ==, expected);
}

/* A name is read once, without the mnemonic: "登录(_L)" is read "登录". */
static void
test_strip_mnemonic (void)
{
  check ("登录(_L)", "登录");
  check ("添加村（社区）(_V)…", "添加村（社区）…");
  check ("_Log In", "Log In");
  check ("Save _As…", "Save As…");
  check ("snake__case", "snake_case");
  check ("no mnemonic", "no mnemonic");
  check ("(_A)", "");
  check ("trailing_", "trailing");
}

/* Each dialog the window opens says it is a dialog, the window that it is
 * a window — as it is opened from the window, taking the focus for its
 * first field before it is shown. Without fg_accessible_keep_class_role()
 * GTK 4.8 reads a dialog as "widget" on the accessibility bus and, without
 * one, as "window". */
static void
test_dialog_roles (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *type;
  } dialogs[] = {
    { "win.change-password", "FgPasswordDialog" },
    { "win.show-accounts", "FgAccountsDialog" },
    { "win.add-village", "FgRegionDialog" },
    { "win.add-venue", "FgVenueDialog" },
  };
  FgWindow *window = open_window (fixture, "admin");
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_cmpstr (role_name (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (window))), ==,
                   role_name (GTK_ACCESSIBLE_ROLE_WINDOW));

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWidget *dialog = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].action, NULL));
      fg_ui_test_spin ();
      for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
        {
          g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, j);

          if (g_strcmp0 (G_OBJECT_TYPE_NAME (top), dialogs[i].type) == 0)
            dialog = top;
        }
      g_assert_nonnull (dialog);
      g_assert_true (gtk_widget_get_mapped (dialog));
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)) != GTK_ACCESSIBLE_ROLE_DIALOG)
        g_error ("%s is announced as a %s", dialogs[i].type,
                 role_name (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog))));
      gtk_window_destroy (GTK_WINDOW (dialog));
      fg_ui_test_spin ();
    }

  close_all (window);
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

  g_test_add_func ("/accessible/strip-mnemonic", test_strip_mnemonic);
  g_test_add ("/accessible/dialog-roles", Fixture, NULL,
              fixture_set_up, test_dialog_roles, fixture_tear_down);
  return g_test_run ();
}
