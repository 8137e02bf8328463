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

/* The names the venue list shows, from its first row on, joined by "|". */
static char *
shown_names (GtkColumnView *view)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (rows, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", fg_venue_get_name (venue));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The venue list in pinyin order, as people read it: 老 (lǎo), 王 (wáng),
 * 星 (xīng), not by code point (丁 东 中 于 人 …); the name and operator
 * headers sort the same way. */
static void
test_chinese_venue_order (void)
{
  /* in code point order */
  static const char * const names[] = { "丁", "东", "中", "于", "人", "张", "星", "李", "王", "老", "赵" };
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  FgWindow *window;
  FgVenuePage *page;
  GtkColumnView *view;
  g_autofree char *by_name = NULL;
  g_autofree char *by_name_descending = NULL;
  g_autofree char *by_operator = NULL;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* each run by the one whose surname is the next venue's name */
      g_autofree char *operator_name = g_strconcat (names[(i + 1) % G_N_ELEMENTS (names)], "卫东", NULL);
      g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (grid), names[i], "李庄村人民路1号",
                                                    "restaurant", operator_name);
      g_autoptr(GError) error = NULL;

      g_assert_true (fg_venue_save (store, fg_test_installer (), venue, &error));
      g_assert_no_error (error);
    }

  window = g_object_ref (fg_window_new (NULL, store, fg_test_installer ()));
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();

  page = fg_window_get_venue_page (window);
  view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  by_name = shown_names (view);
  g_assert_cmpstr (by_name, ==, "丁|东|老|李|人|王|星|于|张|赵|中");

  /* a click on the name header: the other way round */
  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                                FG_TYPE_VENUE_PAGE,
                                                                                                "name_column")),
                                  GTK_SORT_DESCENDING);
  fg_ui_test_spin ();
  by_name_descending = shown_names (view);
  g_assert_cmpstr (by_name_descending, ==, "中|赵|张|于|星|王|人|李|老|东|丁");

  /* by operator: 丁卫东 runs 赵, 东卫东 runs 丁 … 中卫东 runs 东 */
  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                                FG_TYPE_VENUE_PAGE,
                                                                                                "operator_column")),
                                  GTK_SORT_ASCENDING);
  fg_ui_test_spin ();
  by_operator = shown_names (view);
  g_assert_cmpstr (by_operator, ==, "赵|丁|王|星|于|李|张|中|人|老|东");

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
  g_test_add_func ("/chinese/venue-order", test_chinese_venue_order);

  return g_test_run ();
}
