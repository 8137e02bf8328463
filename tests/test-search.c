/* test-search.c — finding venues by Chinese substrings, filters and pages
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"
#include "fg-collate-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue-private.h"

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


/* A township large enough for two pages (FgPagedList reads 200 rows at a
 * time): 店 in about two thirds of the venues, 烧烤 in a tenth, 诊 in a
 * few; a third of them in a second village. */
#define MANY_VENUES 450

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *village;
  FgRegion *grid;
  FgRegion *village2;
} Many;

static void
many_set_up (Many          *f,
             gconstpointer  data)
{
  static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何",
  };
  static const char *const kinds[] = {
    "烧烤店", "五金店", "百货店", "饭店", "花店", "书店", "诊所", "网吧", "超市", "旅社",
  };
  g_autoptr(GError) error = NULL;
  FgActor *actor = fg_test_installer ();

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->village, &f->grid);
  f->village2 = fg_region_add_village (f->store, actor, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);

  g_assert_true (fg_store_begin (f->store, NULL));
  for (guint i = 0; i < MANY_VENUES; i++)
    {
      g_autoptr(FgVenue) venue = NULL;
      g_autofree char *name = g_strdup_printf ("%s记%s", surnames[i % G_N_ELEMENTS (surnames)],
                                               kinds[(i / 3) % G_N_ELEMENTS (kinds)]);
      /* a few find 店 by the address alone */
      g_autofree char *address = g_strdup_printf ("%s%s%u号", i % 3 == 0 ? "王楼村" : "李庄村",
                                                  i % 11 == 0 ? "店后街" : "人民路", i);

      /* categories: most venues shops, a quarter internet cafés, a few clinics */
      venue = fg_test_venue_new (i % 3 == 0 ? fg_region_get_id (f->village2) : fg_region_get_id (f->grid),
                                 name, address,
                                 i % 41 == 0 ? "clinic" : i % 4 == 0 ? "internet-cafe" : "shop",
                                 surnames[(i * 7) % G_N_ELEMENTS (surnames)]);
      fg_venue_save (f->store, actor, venue, &error);
      g_assert_no_error (error);
    }
  g_assert_true (fg_store_commit (f->store, NULL));
}

static void
many_tear_down (Many          *f,
                gconstpointer  data)
{
  fg_venue_query_force_search_plan (FG_SEARCH_PLAN_CHOSEN);
  g_clear_object (&f->village);
  g_clear_object (&f->village2);
  g_clear_object (&f->grid);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static gboolean
venue_holds (FgVenue    *venue,
             const char *term)
{
  return strstr (fg_venue_get_name (venue), term) != NULL ||
         strstr (fg_venue_get_address (venue), term) != NULL ||
         strstr (fg_venue_get_operator_name (venue), term) != NULL;
}

/* The ids a search should find, in the order asked for: every venue of
 * the query without its text, in that order, kept when it holds @term
 * (one term of Chinese characters: no folding to do). */
static GPtrArray *
expected_ids (FgStore            *store,
              FgActor            *actor,
              const FgVenueQuery *query,
              const char         *term)
{
  g_autoptr(FgVenueQuery) all = fg_venue_query_copy (query);
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&all->text, g_free);
  venues = fg_venue_query_fetch (store, actor, all, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < venues->len; i++)
    if (venue_holds (g_ptr_array_index (venues, i), term))
      g_ptr_array_add (ids, g_strdup (fg_venue_get_id (g_ptr_array_index (venues, i))));
  return ids;
}

/* Reads @query page by page (200 rows, as the list does) and checks the
 * rows and the count against what it should find. */
static void
assert_search_pages (FgStore            *store,
                     FgActor            *actor,
                     const FgVenueQuery *query,
                     GPtrArray          *expected)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;
  guint offset = 0;

  g_assert_true (fg_venue_query_count (store, actor, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected->len);

  do
    {
      g_autoptr(GPtrArray) page = fg_venue_query_fetch (store, actor, query, offset, 200, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (200, expected->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (fg_venue_get_id (g_ptr_array_index (page, i)), ==,
                         g_ptr_array_index (expected, offset + i));
      offset += 200;
    }
  while (offset < expected->len);
}

static const FgSearchPlan all_plans[] = {
  FG_SEARCH_PLAN_CHOSEN,
  FG_SEARCH_PLAN_FROM_INDEX,
  FG_SEARCH_PLAN_WALK_SET,
  FG_SEARCH_PLAN_WALK_TEXT,
};

/* Every way a search can read its venues finds the same ones in the same
 * order, page after page, and counts them: one and two characters, the
 * township and a village, by name either way and by address. */
static void
test_search_plans_agree (Many          *f,
                         gconstpointer  data)
{
  static const char *const terms[] = { "店", "烧烤", "诊", "后街" };
  const char *regions[] = { NULL, fg_region_get_id (f->village2), fg_region_get_id (f->grid) };
  static const struct { FgVenueSort sort; gboolean descending; } orders[] = {
    { FG_VENUE_SORT_NAME, FALSE },
    { FG_VENUE_SORT_NAME, TRUE },
    { FG_VENUE_SORT_ADDRESS, FALSE },
  };
  FgActor *actor = fg_test_installer ();

  for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
    for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
      for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
        {
          g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
          g_autoptr(GPtrArray) expected = NULL;

          query->text = g_strdup (terms[t]);
          query->region_id = g_strdup (regions[r]);
          query->sort = orders[o].sort;
          query->descending = orders[o].descending;
          expected = expected_ids (f->store, actor, query, terms[t]);
          g_assert_cmpuint (expected->len, >, 0);

          for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
            {
              fg_venue_query_force_search_plan (all_plans[p]);
              assert_search_pages (f->store, actor, query, expected);
            }
          fg_venue_query_force_search_plan (FG_SEARCH_PLAN_CHOSEN);
        }

  /* 店 fills more than one page in the township; the first page and
   * the next hold the first 400 in name order */
  {
    g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
    g_autoptr(GPtrArray) expected = NULL;

    query->text = g_strdup ("店");
    expected = expected_ids (f->store, actor, query, "店");
    g_assert_cmpuint (expected->len, >, 200);
    g_assert_cmpuint (expected->len, <, MANY_VENUES);
  }
}

static void
set_deleted (Many       *f,
             const char *id,
             gboolean    deleted)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE venue SET deleted = %d WHERE id = '%s'", deleted ? 1 : 0, id);

  /* as a bundle writes another office's removal (a tombstone) */
  g_assert_true (fg_store_exec (f->store, sql, NULL));
}

/* The ids of @query's category, in the order asked for: every venue of
 * the query without its category, in that order, kept when it is of
 * @category. */
static GPtrArray *
category_ids (FgStore            *store,
              FgActor            *actor,
              const FgVenueQuery *query)
{
  g_autoptr(FgVenueQuery) all = fg_venue_query_copy (query);
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&all->category, g_free);
  venues = fg_venue_query_fetch (store, actor, all, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < venues->len; i++)
    {
      FgVenue *venue = g_ptr_array_index (venues, i);

      if (g_strv_contains ((const char * const *) fg_venue_get_categories (venue), query->category))
        g_ptr_array_add (ids, g_strdup (fg_venue_get_id (venue)));
    }
  return ids;
}

/* A category is read either way (each venue of the category looked up,
 * or the list's index walked) and counted alike: the same venues in the
 * same order, page after page, in the township, a village and a grid,
 * also once a venue of each category is removed. */
static void
test_search_category_plans_agree (Many          *f,
                                  gconstpointer  data)
{
  static const char *const categories[] = { "shop", "internet-cafe", "clinic" };
  const char *regions[] = { NULL, fg_region_get_id (f->village2), fg_region_get_id (f->grid) };
  static const struct { FgVenueSort sort; gboolean descending; } orders[] = {
    { FG_VENUE_SORT_NAME, FALSE },
    { FG_VENUE_SORT_NAME, TRUE },
    { FG_VENUE_SORT_ADDRESS, FALSE },
    { FG_VENUE_SORT_VILLAGE, FALSE },
  };
  FgActor *actor = fg_test_installer ();

  for (guint removed = 0; removed < 2; removed++)
    {
      if (removed == 1)
        for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
          {
            g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
            g_autoptr(GPtrArray) ids = NULL;

            query->category = g_strdup (categories[c]);
            ids = category_ids (f->store, actor, query);
            set_deleted (f, g_ptr_array_index (ids, ids->len / 2), TRUE);
          }

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
          for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
            {
              g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
              g_autoptr(GPtrArray) expected = NULL;

              query->category = g_strdup (categories[c]);
              query->region_id = g_strdup (regions[r]);
              query->sort = orders[o].sort;
              query->descending = orders[o].descending;
              expected = category_ids (f->store, actor, query);
              g_assert_cmpuint (expected->len, >, 0);

              for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
                {
                  fg_venue_query_force_search_plan (all_plans[p]);
                  assert_search_pages (f->store, actor, query, expected);
                }
              fg_venue_query_force_search_plan (FG_SEARCH_PLAN_CHOSEN);
            }
    }
}

static int
collect_sql (unsigned  type,
             void     *context,
             void     *p,
             void     *x)
{
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && strstr (sql, "venue_category") != NULL && g_str_has_prefix (sql, "SELECT"))
    g_ptr_array_add (context, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* The plans SQLite runs for what @fetch_first (or the count) reads of
 * @query, one line of EXPLAIN QUERY PLAN after another. */
static char *
category_plan (FgStore            *store,
               FgActor            *actor,
               const FgVenueQuery *query,
               gboolean            count)
{
  sqlite3 *db = fg_store_get_db (store);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GString *plan = g_string_new (NULL);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, collect_sql, statements);
  if (count)
    {
      guint n = 0;

      g_assert_true (fg_venue_query_count (store, actor, query, &n, &error));
    }
  else
    {
      g_autoptr(GPtrArray) page = fg_venue_query_fetch (store, actor, query, 0, 201, &error);

      g_assert_nonnull (page);
    }
  g_assert_no_error (error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", g_ptr_array_index (statements, i), NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
  g_test_message ("%s", plan->str);
  return g_string_free (plan, FALSE);
}

static guint
count_lines (const char *plan,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (plan, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_strcmp0 (lines[i], line) == 0;
  return n;
}

/* A category that many venues are of shows its first screen without
 * reading all of them: the list's index is walked in its order, each
 * venue looked for in venue_category, and nothing is sorted. It is
 * counted on venue_category alone, no venue looked up. A category that
 * few are of is read through its venues, which costs less than a walk. */
static void
test_search_category_first_screen (Many          *f,
                                   gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autofree char *first = NULL;
  g_autofree char *count = NULL;
  g_autofree char *rare = NULL;
  g_autofree char *unordered = NULL;

  /* the page's 201 venues are read and sorted once chosen; choosing
   * them sorts nothing more */
  query->category = g_strdup ("shop");
  first = category_plan (f->store, actor, query, FALSE);
  g_assert_cmpuint (count_lines (first, "USE TEMP B-TREE FOR ORDER BY"), ==, 1);
  g_assert_nonnull (strstr (first, "SEARCH v USING COVERING INDEX venue_township_name"));

  count = category_plan (f->store, actor, query, TRUE);
  g_assert_null (strstr (count, "SEARCH v USING INTEGER PRIMARY KEY"));
  g_assert_null (strstr (count, "SCAN v"));
  g_assert_null (strstr (count, "SCAN d"));

  /* an order that no index follows in a village: SQLite chooses, by
   * its statistics, where the category's venues are found */
  query->region_id = g_strdup (fg_region_get_id (f->village2));
  query->sort = FG_VENUE_SORT_ADDRESS;
  unordered = category_plan (f->store, actor, query, FALSE);
  g_assert_nonnull (strstr (unordered, "SEARCH v USING INDEX venue_village_name (village_id=? AND deleted=?)"));
  g_clear_pointer (&query->region_id, g_free);
  query->sort = FG_VENUE_SORT_NAME;

  g_free (query->category);
  query->category = g_strdup ("clinic");
  rare = category_plan (f->store, actor, query, FALSE);
  g_assert_cmpuint (count_lines (rare, "USE TEMP B-TREE FOR ORDER BY"), ==, 2);
  g_assert_null (strstr (rare, "SEARCH v USING COVERING INDEX venue_township_name"));
}

/* A removed venue is found by no plan and counted by none; brought back
 * (as a bundle that restores it does), it is found again. */
static void
test_search_leaves_out_deleted (Many          *f,
                                gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *gone_too = NULL;

  query->text = g_strdup ("烧烤");
  before = expected_ids (f->store, actor, query, "烧烤");
  g_assert_cmpuint (before->len, >, 2);
  gone = g_strdup (g_ptr_array_index (before, 0));
  gone_too = g_strdup (g_ptr_array_index (before, before->len - 1));

  set_deleted (f, gone, TRUE);
  set_deleted (f, gone_too, TRUE);
  after = expected_ids (f->store, actor, query, "烧烤");
  g_assert_cmpuint (after->len, ==, before->len - 2);
  for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
    {
      fg_venue_query_force_search_plan (all_plans[p]);
      assert_search_pages (f->store, actor, query, after);
    }
  /* the index itself no longer holds it */
  g_assert_cmpint (fg_test_count (f->dir.db_path,
                                  "SELECT count(*) FROM venue_fts_docsize"), ==,
                   MANY_VENUES - 2);

  set_deleted (f, gone, FALSE);
  set_deleted (f, gone_too, FALSE);
  restored = expected_ids (f->store, actor, query, "烧烤");
  g_assert_cmpuint (restored->len, ==, before->len);
  for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
    {
      fg_venue_query_force_search_plan (all_plans[p]);
      assert_search_pages (f->store, actor, query, restored);
    }
}

/* A venue of another township of the county (as a county's bundle
 * brings) is not the township's: its search neither lists nor counts it,
 * and the county's does. */
static void
test_search_scope_township (Many          *f,
                            gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgVenueQuery) county = fg_venue_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) township = NULL;
  g_autoptr(FgRegion) home = fg_region_find (f->store, fg_store_get_home_region_id (f->store), NULL);
  g_autofree char *moved = NULL;
  g_autofree char *sql = NULL;
  guint n = 0;

  query->text = g_strdup ("店");
  all = expected_ids (f->store, actor, query, "店");
  moved = g_strdup (g_ptr_array_index (all, 3));

  sql = g_strdup_printf ("INSERT INTO region (id, parent_id, level, code, name, origin_node, stamp)"
                         "  SELECT 'other-township', parent_id, 2, '410425102', '安良镇', origin_node, stamp"
                         "  FROM region WHERE id = '%s';"
                         "INSERT INTO region (id, parent_id, level, code, name, origin_node, stamp)"
                         "  SELECT 'other-village', 'other-township', 3, '410425102201', '安良村', origin_node, stamp"
                         "  FROM region WHERE id = '%s';"
                         "UPDATE venue SET region_id = 'other-village', township_id = 'other-township',"
                         "  village_id = 'other-village', grid_id = NULL WHERE id = '%s'",
                         fg_region_get_id (home), fg_region_get_id (home), moved);
  g_assert_true (fg_store_exec (f->store, sql, NULL));

  township = expected_ids (f->store, actor, query, "店");
  g_assert_cmpuint (township->len, ==, all->len - 1);
  for (guint i = 0; i < township->len; i++)
    g_assert_cmpstr (g_ptr_array_index (township, i), !=, moved);
  for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
    {
      fg_venue_query_force_search_plan (all_plans[p]);
      assert_search_pages (f->store, actor, query, township);
    }

  /* the county holds every venue: counted by the search index alone */
  fg_venue_query_force_search_plan (FG_SEARCH_PLAN_CHOSEN);
  county->text = g_strdup ("店");
  county->region_id = g_strdup (fg_region_get_parent_id (home));
  g_assert_true (fg_venue_query_count (f->store, actor, county, &n, NULL));
  g_assert_cmpuint (n, ==, all->len);
}

/* A village committee sees its village alone, searching or not. */
static void
test_search_scope_actor (Many          *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) admin_account = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgActor) member = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgVenueQuery) village = fg_venue_query_new ();
  g_autoptr(GPtrArray) expected = NULL;

  village->text = g_strdup ("店");
  village->region_id = g_strdup (fg_region_get_id (f->village2));
  expected = expected_ids (f->store, fg_test_installer (), village, "店");

  admin_account = fg_account_create (f->store, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                                     fg_store_get_home_region_id (f->store), "long-password", &error);
  g_assert_no_error (error);
  admin = fg_account_login (f->store, "admin", "long-password", &error);
  g_assert_no_error (error);
  account = fg_account_create (f->store, admin, "wanglou", "王楼村委会", FG_ROLE_VILLAGE_COMMITTEE,
                               fg_region_get_id (f->village2), "long-password", &error);
  g_assert_no_error (error);
  member = fg_account_login (f->store, "wanglou", "long-password", &error);
  g_assert_no_error (error);

  query->text = g_strdup ("店");
  for (guint p = 0; p < G_N_ELEMENTS (all_plans); p++)
    {
      fg_venue_query_force_search_plan (all_plans[p]);
      assert_search_pages (f->store, member, query, expected);
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static void
on_counting (FgPagedList *list,
             GParamSpec  *pspec,
             guint       *n_notified)
{
  (*n_notified)++;
}

/* A list that counts later shows the first page of a search that fills
 * more, says it is counting, and adds the rest at the end once counted;
 * the rows at every position are the search's, in its order. */
static void
test_search_list_counts_later (Many          *f,
                               gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgPagedList) list = fg_venue_query_list_new (f->store, actor, NULL);
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgVenueQuery) rare = fg_venue_query_new ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) rare_expected = NULL;
  Changes changes = { 0 };
  guint n_notified = 0;

  fg_paged_list_set_count_later (list, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (list, "notify::counting", G_CALLBACK (on_counting), &n_notified);

  query->text = g_strdup ("店");
  expected = expected_ids (f->store, actor, query, "店");
  g_assert_cmpuint (expected->len, >, 200);

  fg_paged_list_set_query (list, query);
  g_assert_true (fg_paged_list_get_counting (list));
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 200);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (fg_venue_get_id (venue), ==, g_ptr_array_index (expected, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 200));

  /* the count comes when the main loop is idle, and adds the rest */
  while (fg_paged_list_get_counting (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  g_assert_cmpuint (changes.position, ==, 200);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, expected->len - 200);
  for (guint i = 0; i < expected->len; i++)
    {
      /* from the end, as a view dragged there reads */
      guint k = expected->len - 1 - i;
      g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), k);
      g_assert_cmpstr (fg_venue_get_id (venue), ==, g_ptr_array_index (expected, k));
    }

  /* a search within one page is counted by its page at once */
  changes.n_signals = 0;
  rare->text = g_strdup ("烧烤");
  rare_expected = expected_ids (f->store, actor, rare, "烧烤");
  g_assert_cmpuint (rare_expected->len, <, 200);
  fg_paged_list_set_query (list, rare);
  g_assert_false (fg_paged_list_get_counting (list));
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, rare_expected->len);
  for (guint i = 0; i < rare_expected->len; i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (fg_venue_get_id (venue), ==, g_ptr_array_index (rare_expected, i));
    }
}

/* A list that does not count later (the command line's, a test's)
 * counts at once; and so does any list reloaded after the rows changed,
 * so that a view keeps its place past the first page. */
static void
test_search_list_counts_now (Many          *f,
                             gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgPagedList) list = fg_venue_query_list_new (f->store, actor, NULL);
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) expected = NULL;

  query->text = g_strdup ("店");
  expected = expected_ids (f->store, actor, query, "店");

  fg_paged_list_set_query (list, query);
  g_assert_false (fg_paged_list_get_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);

  fg_paged_list_set_count_later (list, TRUE);
  fg_paged_list_reload (list);
  g_assert_false (fg_paged_list_get_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
}

/* A database from before schema 36 held removed venues in its search
 * index; the migration makes the index again from the venues not
 * removed. */
static void
test_search_migration (Many          *f,
                       gconstpointer  data)
{
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint n = 0;

  query->text = g_strdup ("烧烤");
  before = expected_ids (f->store, actor, query, "烧烤");

  /* removed, and left in the index as the old triggers did */
  set_deleted (f, g_ptr_array_index (before, 0), TRUE);
  sql = g_strdup_printf ("INSERT INTO venue_fts (rowid, name, address, operator_name)"
                         "  SELECT seq, name, address, operator_name FROM venue WHERE id = '%s'",
                         (const char *) g_ptr_array_index (before, 0));
  g_assert_true (fg_store_exec (f->store, sql, NULL));
  g_assert_true (fg_venue_query_count (f->store, actor, query, &n, NULL));
  g_assert_cmpuint (n, ==, before->len);

  g_assert_true (fg_store_rerun_migration (f->store, 36, &error));
  g_assert_no_error (error);
  g_assert_true (fg_venue_query_count (f->store, actor, query, &n, NULL));
  g_assert_cmpuint (n, ==, before->len - 1);
  problems = fg_integrity_check (f->store, actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
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
  g_test_add ("/search/plans-agree", Many, NULL, many_set_up, test_search_plans_agree, many_tear_down);
  g_test_add ("/search/category-plans-agree", Many, NULL, many_set_up, test_search_category_plans_agree, many_tear_down);
  g_test_add ("/search/category-first-screen", Many, NULL, many_set_up, test_search_category_first_screen, many_tear_down);
  g_test_add ("/search/leaves-out-deleted", Many, NULL, many_set_up, test_search_leaves_out_deleted, many_tear_down);
  g_test_add ("/search/scope-township", Many, NULL, many_set_up, test_search_scope_township, many_tear_down);
  g_test_add ("/search/scope-actor", Many, NULL, many_set_up, test_search_scope_actor, many_tear_down);
  g_test_add ("/search/list-counts-later", Many, NULL, many_set_up, test_search_list_counts_later, many_tear_down);
  g_test_add ("/search/list-counts-now", Many, NULL, many_set_up, test_search_list_counts_now, many_tear_down);
  g_test_add ("/search/migration", Many, NULL, many_set_up, test_search_migration, many_tear_down);

  return g_test_run ();
}
