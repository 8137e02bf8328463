/* test-setup.c — the first start
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-setup-window.h"
#include "fg-ui-test-util.h"

#define child(window, name) fg_ui_test_child (window, FG_TYPE_SETUP_WINDOW, name)

static void
count_finished (FgSetupWindow *window,
                guint         *n_finished)
{
  (*n_finished)++;
}

static void
test_setup_township (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) township = NULL;
  FgSetupWindow *window;
  GtkWidget *error_label;
  guint n_finished = 0;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_false (fg_store_is_set_up (store));

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &n_finished);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  error_label = child (window, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* a code that is no township's: refused, with the core's reason */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "4104");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "township_row")), "冢头镇");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "county_row")), "郏县");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (child (window, "code_row"), "error"));
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpuint (n_finished, ==, 0);

  /* correcting it takes the message away, and sets the township up */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "code_row")), "410425101");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.create-township", NULL));
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_true (fg_store_is_set_up (store));

  township = fg_region_lookup (store, fg_store_get_home_region_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (township), ==, "冢头镇");
  g_assert_cmpstr (fg_region_get_code (township), ==, "410425101000");

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_setup_demo (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgSetupWindow *window;
  guint n_finished = 0;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  window = g_object_ref (fg_setup_window_new (NULL, store));
  g_signal_connect (window, "finished", G_CALLBACK (count_finished), &n_finished);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "setup.open-demo", NULL));
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_cmpuint (fg_ui_test_count (store, NULL, NULL, NULL), ==, FG_DEMO_DEFAULT_VENUES);

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
  g_test_add_func ("/ui/setup/demo", test_setup_demo);

  return g_test_run ();
}
