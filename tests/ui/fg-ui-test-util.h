/* fg-ui-test-util.h — helpers of the window tests
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <adwaita.h>

#include "fg-test-util.h"

/* Lets GTK lay out, map and run its idle work. */
static inline void
fg_ui_test_spin (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Sets up GTK and libadwaita, or skips when there is no display. */
static inline gboolean
fg_ui_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    return FALSE;

  adw_init ();
  return TRUE;
}

/* The demo township (冢头镇) with 300 venues and one account per role. */
static inline FgStore *
fg_ui_test_demo_new (FgTestDir *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgStore) store = fg_office_open (dir->db_path, &error);

  g_assert_no_error (error);
  fg_demo_populate (store, actor, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

/* A demo account, logged in: its password is "demo-" and the login. */
static inline FgActor *
fg_ui_test_login (FgStore    *store,
                  const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strconcat ("demo-", login, NULL);
  FgActor *actor = fg_account_login (store, login, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actor);
  return actor;
}

static inline guint
fg_ui_test_count (FgStore    *store,
                  FgActor    *actor,
                  const char *region_id,
                  const char *category,
                  const char *text)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  query->region_id = g_strdup (region_id);
  query->category = g_strdup (category);
  query->text = g_strdup (text);
  fg_venue_query_count (store, actor, query, &n, &error);
  g_assert_no_error (error);
  return n;
}

/* The toplevel of @type, e.g. the dialog an action opened. */
static inline GtkWindow *
fg_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* A named part of a widget's template, as the person sees it. */
#define fg_ui_test_child(widget, type, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name))

/* The window says a coming year's holidays are missing once a day: a test
 * that wants it said again forgets that it was. */
static inline void
fg_ui_test_forget_calendar_warning (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.firegrid.Firegrid");

  g_settings_reset (settings, "calendar-warning-day");
}

/* The key a label's mnemonic takes (a button's label's too), or 0. */
static inline gunichar
fg_ui_test_mnemonic (GtkWidget *widget)
{
  const char *text = NULL;
  const char *underscore;

  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)) &&
      gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL)
    text = gtk_label_get_label (GTK_LABEL (widget));
  if (text == NULL || (underscore = strchr (text, '_')) == NULL || underscore[1] == '\0')
    return 0;
  return g_unichar_tolower (g_utf8_get_char (underscore + 1));
}

static inline void
fg_ui_test_collect_mnemonics (GtkWidget  *widget,
                              GHashTable *seen)
{
  gunichar key;

  if (!gtk_widget_get_visible (widget))
    return;
  key = fg_ui_test_mnemonic (widget);
  if (key != 0)
    {
      GtkWidget *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      if (other != NULL)
        {
          char letter[8] = { 0 };

          g_unichar_to_utf8 (key, letter);
          g_error ("“%s” and “%s” share the mnemonic %s: Alt+%s moves between them instead of acting",
                   gtk_label_get_label (GTK_LABEL (other)), gtk_label_get_label (GTK_LABEL (widget)),
                   letter, letter);
        }
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fg_ui_test_collect_mnemonics (child, seen);
}

/* No two controls shown at once in @window answer to the same Alt key. */
static inline void
fg_ui_test_assert_unique_mnemonics (GtkWidget *window)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  fg_ui_test_collect_mnemonics (window, seen);
}
