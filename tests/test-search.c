/* test-search.c — finding venues by Chinese substrings, filters and pages
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"
#include "fg-collate-private.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *village;
  FgRegion *grid;
  FgRegion *village2;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *address;
    const char *category;
    const char *operator_name;
    gboolean second_village;
  } venues[] = {
    { "星空网吧", "李庄村人民路18号", "internet-cafe", "王建国", FALSE },
    { "极速网咖", "李庄村建设路6号", "internet-cafe", "李娜", FALSE },
    { "老王烧烤", "李庄村人民路20号", "restaurant", "王卫东", FALSE },
    { "张记烧烤城", "王楼村解放路3号", "restaurant", "张伟", TRUE },
    { "如家旅社", "王楼村车站路1号", "hotel", "赵赟", TRUE },
    { "幸福超市", "王楼村文化路88号", "shop", "濮阳淇", TRUE },
    { "Happy KTV", "李庄村工业路9号", "entertainment", "郏喆", FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->village, &f->grid);
  f->village2 = fg_region_add_village (f->store, actor, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    {
      g_autoptr(FgVenue) venue = NULL;

      venue = fg_test_venue_new (venues[i].second_village ? fg_region_get_id (f->village2)
                                                          : fg_region_get_id (f->grid),
                                 venues[i].name, venues[i].address, venues[i].category,
                                 venues[i].operator_name);
      fg_venue_save (f->store, actor, venue, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->village);
  g_clear_object (&f->village2);
  g_clear_object (&f->grid);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static char *
search (Fixture    *f,
        const char *text,
        const char *region_id,
        const char *category)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  query->text = g_strdup (text);
  query->region_id = g_strdup (region_id);
  query->category = g_strdup (category);

  venues = fg_venue_query_fetch (f->store, fg_test_installer (), query, 0, 100, &error);
  g_assert_no_error (error);
  fg_venue_query_count (f->store, fg_test_installer (), query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, venues->len);

  for (guint i = 0; i < venues->len; i++)
    g_ptr_array_add (names, (gpointer) fg_venue_get_name (g_ptr_array_index (venues, i)));
  g_ptr_array_add (names, NULL);

  /* by name, in pinyin order (Latin letters after the Chinese) */
  return g_strjoinv ("|", (char **) names->pdata);
}

#define assert_search(f, text, region, category, expected) \
  G_STMT_START { \
    g_autofree char *found = search (f, text, region, category); \
    g_assert_cmpstr (found, ==, expected); \
  } G_STMT_END

static void
test_search_short_terms (Fixture       *f,
                         gconstpointer  data)
{
  /* two characters: what people type */
  assert_search (f, "网吧", NULL, NULL, "星空网吧");
  assert_search (f, "烧烤", NULL, NULL, "老王烧烤|张记烧烤城");
  /* one character: a surname in the operator, a word in the name */
  assert_search (f, "赵", NULL, NULL, "如家旅社");
  assert_search (f, "网", NULL, NULL, "极速网咖|星空网吧");
  /* rare characters of names and places */
  assert_search (f, "濮", NULL, NULL, "幸福超市");
  assert_search (f, "喆", NULL, NULL, "Happy KTV");
  /* the middle of a word, three and more characters */
  assert_search (f, "家旅", NULL, NULL, "如家旅社");
  assert_search (f, "人民路", NULL, NULL, "老王烧烤|星空网吧");
  assert_search (f, "人民路18", NULL, NULL, "星空网吧");
  /* several terms must all match */
  assert_search (f, "王 烧烤", NULL, NULL, "老王烧烤|张记烧烤城");
  assert_search (f, "王楼 烧烤", NULL, NULL, "张记烧烤城");
  /* Latin letters fold case; full-width digits match */
  assert_search (f, "ktv", NULL, NULL, "Happy KTV");
  assert_search (f, "８８号", NULL, NULL, "幸福超市");
  /* no match, and characters that are query syntax elsewhere */
  assert_search (f, "酒吧", NULL, NULL, "");
  assert_search (f, "\"网吧\"* -", NULL, NULL, "星空网吧");
  assert_search (f, "网吧 OR 烧烤", NULL, NULL, "");
  /* nothing searchable means no text filter */
  assert_search (f, " ,。", NULL, NULL, "极速网咖|老王烧烤|如家旅社|星空网吧|幸福超市|张记烧烤城|Happy KTV");
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  assert_search (f, NULL, fg_region_get_id (f->village2), NULL, "如家旅社|幸福超市|张记烧烤城");
  assert_search (f, NULL, fg_region_get_id (f->grid), NULL, "极速网咖|老王烧烤|星空网吧|Happy KTV");
  assert_search (f, NULL, NULL, "restaurant", "老王烧烤|张记烧烤城");
  assert_search (f, "烧烤", fg_region_get_id (f->village), "restaurant", "老王烧烤");
  assert_search (f, NULL, "410425101", "internet-cafe", "极速网咖|星空网吧");
}

static void
test_search_follows_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = NULL;
  FgVenue *venue;

  query->text = g_strdup ("旅社");
  venues = fg_venue_query_fetch (f->store, fg_test_installer (), query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  venue = g_ptr_array_index (venues, 0);

  fg_venue_set_name (venue, "如家快捷酒店");
  fg_venue_save (f->store, actor, venue, &error);
  g_assert_no_error (error);

  assert_search (f, "旅社", NULL, NULL, "");
  assert_search (f, "快捷", NULL, NULL, "如家快捷酒店");
}

static void
test_search_list_model_pages (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgPagedList) list = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(FgActor) admin = NULL;
  guint n;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  fg_demo_populate (store, actor, 700, NULL, NULL, &error);
  g_assert_no_error (error);

  /* the demo has accounts: from now on, only a login reads */
  admin = fg_account_login (store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
  list = fg_venue_query_list_new (store, admin, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 700);

  /* every row, across page boundaries and from both ends of the list, is
   * the row the query gives at that position */
  all = fg_venue_query_fetch (store, admin, query, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  for (guint k = 0; k < n; k++)
    {
      /* jump around: last, first, second last, second … */
      guint i = k % 2 == 0 ? n - 1 - k / 2 : k / 2;
      g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (venue);
      g_assert_cmpstr (fg_venue_get_id (venue), ==, fg_venue_get_id (g_ptr_array_index (all, i)));
      if (i > 0)
        g_assert_cmpint (fg_collate_compare (fg_venue_get_name (g_ptr_array_index (all, i - 1)),
                                             fg_venue_get_name (venue)), <=, 0);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  query->category = g_strdup ("internet-cafe");
  fg_paged_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 700);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/short-terms", Fixture, NULL, fixture_set_up, test_search_short_terms, fixture_tear_down);
  g_test_add ("/search/filters", Fixture, NULL, fixture_set_up, test_search_filters, fixture_tear_down);
  g_test_add ("/search/follows-edits", Fixture, NULL, fixture_set_up, test_search_follows_edits, fixture_tear_down);
  g_test_add_func ("/search/list-model-pages", test_search_list_model_pages);

  return g_test_run ();
}
