/* test-chinese.c — the interface in Chinese under a zh_CN locale
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "fg-window.h"
#include "fg-ui-test-util.h"

static void
test_chinese_core_texts (void)
{
  g_autoptr(FgVenue) venue = fg_venue_new ();
  g_autoptr(GError) error = NULL;

  /* data files carry both languages; the locale picks */
  g_assert_true (fg_locale_prefers_chinese ());
  g_assert_cmpstr (fg_category_get_name (fg_category_lookup ("restaurant")), ==, "小餐饮");
  g_assert_cmpstr (fg_category_get_name (fg_category_lookup ("internet-cafe")), ==, "小网吧");

  /* the core's messages come from the translation */
  g_assert_false (fg_venue_validate (venue, &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_NAME);
  g_assert_cmpstr (error->message, ==, "请输入场所名称，与招牌或营业执照上的一致。");
}

static void
test_chinese_window (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = NULL;
  FgWindow *window;
  FgVenuePage *page;
  GtkLabel *count;
  GtkDropDown *categories;
  g_autoptr(GtkStringObject) first = NULL;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);
  actor = fg_ui_test_login (store, "admin");
  window = g_object_ref (fg_window_new (NULL, store, actor));
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();

  page = fg_window_get_venue_page (window);
  count = GTK_LABEL (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "count_label"));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "300 个场所");

  categories = GTK_DROP_DOWN (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "category_dropdown"));
  first = g_list_model_get_item (gtk_drop_down_get_model (categories), 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "全部类别");

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The Chinese interface, as on a township office's laptop. ./dev test
   * generates the locale; without it this test cannot show anything. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("The zh_CN.UTF-8 locale is not generated; ./dev test generates it (locale-gen).");

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FIREGRID_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/chinese/core-texts", test_chinese_core_texts);
  g_test_add_func ("/chinese/window", test_chinese_window);

  return g_test_run ();
}
