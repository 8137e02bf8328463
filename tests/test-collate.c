/* test-collate.c — lists in pinyin order, on the keys kept with the rows
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-bundle-test-util.h"
#include "fg-collate-private.h"
#include "fg-search-private.h"

/* In code point order: 丁 U+4E01, 东 U+4E1C, 中 U+4E2D, 于 U+4E8E, 人 U+4EBA,
 * 张 U+5F20, 星 U+661F, 李 U+674E, 王 U+738B, 老 U+8001, 赵 U+8D75. */
static const char * const surnames[] = { "丁", "东", "中", "于", "人", "张", "星", "李", "王", "老", "赵", NULL };
/* ding dong lao li ren wang xing yu zhang zhao zhong */
static const char * const in_pinyin = "丁|东|老|李|人|王|星|于|张|赵|中";
static const char * const in_pinyin_descending = "中|赵|张|于|星|王|人|李|老|东|丁";

typedef struct
{
  Office    office;
  GPtrArray *venue_ids;
} Fixture;

/* Venue i is named surnames[i] and lies at 人民路 number 2 × (11 - i), so
 * that the addresses sort the other way round and by their numbers (2号
 * before 10号, which their bytes would not say), run by the surnames the
 * other way round too. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n = g_strv_length ((char **) surnames);

  office_init (&f->office);
  f->venue_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *address = g_strdup_printf ("李庄村人民路%u号", 2 * (n - i));
      g_autofree char *operator_name = g_strconcat (surnames[n - 1 - i], "卫东", NULL);
      g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->office.grid), surnames[i], address,
                                                    "restaurant", operator_name);
      g_autoptr(GError) error = NULL;

      g_assert_true (fg_venue_save (f->office.store, actor_of (&f->office), venue, &error));
      g_assert_no_error (error);
      g_ptr_array_add (f->venue_ids, g_strdup (fg_venue_get_id (venue)));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->venue_ids, g_ptr_array_unref);
  office_clear (&f->office);
}

/* The names (or addresses, or operators) of the venues @actor sees in
 * @store in @sort, read @page_size at a time, joined by "|". */
static char *
list_venues (FgStore     *store,
             FgActor     *actor,
             FgVenueSort  sort,
             gboolean     descending,
             guint        page_size)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  query->sort = sort;
  query->descending = descending;
  for (guint offset = 0;; offset += page_size)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = fg_venue_query_fetch (store, actor, query, offset, page_size, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++, n++)
        {
          FgVenue *venue = g_ptr_array_index (page, i);
          const char *shown = sort == FG_VENUE_SORT_ADDRESS ? fg_venue_get_address (venue)
                            : sort == FG_VENUE_SORT_OPERATOR ? fg_venue_get_operator_name (venue)
                            : fg_venue_get_name (venue);

          g_string_append_printf (text, "%s%s", n > 0 ? "|" : "", shown);
        }
      if (page->len < page_size)
        break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_list(store, actor, sort, descending, expected) \
  G_STMT_START { \
    for (guint page_size = 1; page_size <= 12; page_size += 4) \
      { \
        g_autofree char *listed = list_venues (store, actor, sort, descending, page_size); \
        g_assert_cmpstr (listed, ==, expected); \
      } \
  } G_STMT_END

static void
test_collate_compare (void)
{
  /* the collation the keys are made with */
  g_assert_cmpint (fg_collate_compare ("老", "王"), <, 0);
  g_assert_cmpint (fg_collate_compare ("王", "星"), <, 0);
  g_assert_cmpint (fg_collate_compare ("李", "人"), <, 0);
  g_assert_cmpint (fg_collate_compare ("张", "中"), <, 0);
  g_assert_cmpint (fg_collate_compare ("中", "丁"), >, 0);
  g_assert_cmpint (fg_collate_compare ("老王烧烤", "老王烧烤"), ==, 0);
  /* numbers inside a text compare as numbers */
  g_assert_cmpint (fg_collate_compare ("人民路3号", "人民路20号"), <, 0);
  g_assert_cmpint (fg_collate_compare ("第2网格", "第10网格"), <, 0);
  /* and a key's bytes compare as the texts do */
  {
    g_autoptr(GBytes) lao = fg_collate_key ("老王烧烤");
    g_autoptr(GBytes) zhang = fg_collate_key ("张记烧烤城");

    g_assert_cmpint (g_bytes_compare (lao, zhang), <, 0);
    g_assert_cmpint (strcmp ("老王烧烤", "张记烧烤城"), >, 0);
  }
  g_assert_nonnull (strstr (fg_collate_version (), "zh"));
}

/* 李庄村人民路2号|…|李庄村人民路22号, after @first (or NULL) */
static char *
addresses_in_order (const char *first)
{
  g_autoptr(GString) text = g_string_new (first);

  for (guint number = 2; number <= 22; number += 2)
    g_string_append_printf (text, "%s李庄村人民路%u号", text->len > 0 ? "|" : "", number);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_collate_venue_list (Fixture       *f,
                         gconstpointer  data)
{
  FgStore *store = f->office.store;
  FgActor *actor = actor_of (&f->office);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *addresses = addresses_in_order (NULL);
  g_autofree char *with_first = addresses_in_order ("李庄村人民路1号");

  assert_list (store, actor, FG_VENUE_SORT_NAME, FALSE, in_pinyin);
  assert_list (store, actor, FG_VENUE_SORT_NAME, TRUE, in_pinyin_descending);
  /* 2号 … 22号: the numbers as numbers */
  assert_list (store, actor, FG_VENUE_SORT_ADDRESS, FALSE, addresses);
  assert_list (store, actor, FG_VENUE_SORT_OPERATOR, FALSE,
               "丁卫东|东卫东|老卫东|李卫东|人卫东|王卫东|星卫东|于卫东|张卫东|赵卫东|中卫东");
  /* by status or category, the names in pinyin within each */
  assert_list (store, actor, FG_VENUE_SORT_STATUS, FALSE, in_pinyin);
  assert_list (store, actor, FG_VENUE_SORT_CATEGORY, FALSE, in_pinyin);

  /* an edited name takes its place: 中 (zhong) renamed 阿 (a) comes first */
  venue = fg_venue_load (store, actor, g_ptr_array_index (f->venue_ids, 2), &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, "阿");
  g_assert_true (fg_venue_save (store, actor, venue, &error));
  g_assert_no_error (error);
  assert_list (store, actor, FG_VENUE_SORT_NAME, FALSE, "阿|丁|东|老|李|人|王|星|于|张|赵");

  /* two of a name: in the order they were added, the same on every page */
  g_clear_object (&venue);
  venue = fg_test_venue_new (fg_region_get_id (f->office.grid), "王", "李庄村人民路1号", "shop", "王芳");
  g_assert_true (fg_venue_save (store, actor, venue, &error));
  g_assert_no_error (error);
  assert_list (store, actor, FG_VENUE_SORT_ADDRESS, FALSE, with_first);
  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) both = g_ptr_array_new ();

      query->descending = descending;
      all = fg_venue_query_fetch (store, actor, query, 0, 100, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (g_str_equal (fg_venue_get_name (g_ptr_array_index (all, i)), "王"))
          g_ptr_array_add (both, (gpointer) fg_venue_get_id (g_ptr_array_index (all, i)));
      g_assert_cmpuint (both->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (both, descending ? 1 : 0), ==, g_ptr_array_index (f->venue_ids, 8));
      g_assert_cmpstr (g_ptr_array_index (both, descending ? 0 : 1), ==, fg_venue_get_id (venue));
    }

  /* the keys stay home: none of them in the audit log */
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM audit WHERE audit_after (after, images) IS NOT NULL",
                          NULL), >, 0);
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM audit WHERE instr (audit_after (after, images), 'name_key') > 0"
                                      " OR instr (audit_after (after, images), 'address_key') > 0"
                                      " OR instr (audit_after (after, images), 'operator_key') > 0", NULL), ==, 0);
}

/* The officers an inspector may choose as the second: by name in pinyin
 * order (李 lǐ, 王 wáng, 张 zhāng, 赵 zhào), not by code point (张 李 王 赵). */
static void
test_collate_officers (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const officers[][2] = {
    { "zhang", "张三" }, { "li", "李四" }, { "wang", "王五" }, { "zhao", "赵六" },
  };
  const char *township = fg_store_get_home_region_id (f->office.store);
  g_autoptr(FgAccount) first = NULL;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  first = fg_account_create (f->office.store, actor_of (&f->office), "admin", "丁一", FG_ROLE_TOWNSHIP_ADMIN,
                             township, PASSWORD, &error);
  g_assert_no_error (error);
  admin = fg_account_login (f->office.store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (officers); i++)
    {
      g_autoptr(FgAccount) account = fg_account_create (f->office.store, admin, officers[i][0], officers[i][1],
                                                        FG_ROLE_TOWNSHIP_STAFF, township, PASSWORD, &error);
      g_assert_no_error (error);
    }

  listed = fg_account_list_officers (f->office.store, admin, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", fg_account_get_display_name (g_ptr_array_index (listed, i)));
  g_assert_cmpstr (names->str, ==, "李四|王五|张三|赵六");
}

/* The page is read through an index on the keys: no sort of every venue.
 * (A county's orders, which a township's database keeps no index of:
 * /county/list-indexes.) */
static void
test_collate_indexed (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    const char *where_order;
    const char *index;
  } orders[] = {
    { "v.township_id = ?1 ORDER BY v.name_key, v.seq", "venue_township_name" },
    { "v.township_id = ?1 ORDER BY v.name_key DESC, v.seq DESC", "venue_township_name" },
    { "v.township_id = ?1 ORDER BY v.address_key, v.seq", "venue_township_address" },
    { "v.township_id = ?1 ORDER BY v.operator_key DESC, v.seq DESC", "venue_township_operator" },
    { "v.township_id = ?1 ORDER BY v.status, v.name_key, v.seq", "venue_township_status" },
    { "v.village_id = ?1 ORDER BY v.name_key, v.seq", "venue_village_name" },
    { "v.grid_id = ?1 ORDER BY v.name_key DESC, v.seq DESC", "venue_grid_name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT v.seq FROM venue v"
                                              " WHERE v.deleted = 0 AND %s LIMIT 50", orders[i].where_order);
      g_autofree char *plan = rows (&f->office, sql, "x");
      g_autofree char *index = g_strdup_printf ("INDEX %s ", orders[i].index);

      g_test_message ("%s: %s", orders[i].where_order, plan);
      g_assert_null (strstr (plan, "TEMP B-TREE"));
      g_assert_nonnull (strstr (plan, index));
    }
}

/* An older database, as migration 29 leaves it: keys empty, no collation
 * noted. Opening it writes every key. So it does when the collation
 * changed (another ICU), and for a name changed behind the program's back. */
static void
test_collate_filled_at_open (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 changes;
  const char *unkeyed = "SELECT count(*) FROM venue WHERE name_key IS NULL OR address_key IS NULL"
                        " OR operator_key IS NULL";

  g_assert_cmpint (count (&f->office, unkeyed, NULL), ==, 0);
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM region WHERE name_key IS NULL", NULL), ==, 0);

  g_clear_object (&f->office.store);
  changes = count (&f->office, "SELECT count(*) FROM change_log", NULL);
  execute (&f->office, "UPDATE venue SET name_key = NULL, address_key = NULL, operator_key = NULL;"
                       "UPDATE region SET name_key = NULL;"
                       "DELETE FROM setting WHERE key = 'collation'");
  g_assert_cmpint (count (&f->office, unkeyed, NULL), ==, 11);
  f->office.store = fg_office_open (f->office.dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (&f->office, unkeyed, NULL), ==, 0);
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM region WHERE name_key IS NULL", NULL), ==, 0);
  assert_list (f->office.store, actor_of (&f->office), FG_VENUE_SORT_NAME, FALSE, in_pinyin);
  /* writing the keys is no change to sync or search: no bundle to send */
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM change_log", NULL), ==, changes);

  /* keys of another collation (or none that sorts) are all written again */
  g_clear_object (&f->office.store);
  execute (&f->office, "UPDATE venue SET name_key = x'01';"
                       "UPDATE setting SET value = 'icu zh numeric 0.0.0.0' WHERE key = 'collation'");
  f->office.store = fg_office_open (f->office.dir.db_path, &error);
  g_assert_no_error (error);
  assert_list (f->office.store, actor_of (&f->office), FG_VENUE_SORT_NAME, FALSE, in_pinyin);

  /* a name changed without its key loses the key, written again at the
   * next opening: by a statement that forgot it (with the search index's
   * tokenizer, which every change of a venue's name needs) … */
  g_clear_object (&f->office.store);
  {
    sqlite3 *db = open_db (&f->office);

    g_assert_cmpint (fg_search_register_tokenizer (db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE venue SET name = '阿' WHERE name = '中'", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (count (&f->office, unkeyed, NULL), ==, 1);
  /* … or by another tool, renaming a village */
  execute (&f->office, "UPDATE region SET name = '阿庄村' WHERE name = '李庄村'");
  g_assert_cmpint (count (&f->office, "SELECT count(*) FROM region WHERE name_key IS NULL", NULL), ==, 1);

  f->office.store = fg_office_open (f->office.dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (&f->office, unkeyed, NULL), ==, 0);
  assert_list (f->office.store, actor_of (&f->office), FG_VENUE_SORT_NAME, FALSE, "阿|丁|东|老|李|人|王|星|于|张|赵");
  {
    g_autoptr(GBytes) key = fg_collate_key ("阿庄村");
    g_autofree char *hex = g_malloc0 (2 * g_bytes_get_size (key) + 1);
    g_autofree char *stored = query_text (&f->office, "SELECT hex (name_key) FROM region WHERE name = ?1", "阿庄村");
    const guint8 *bytes = g_bytes_get_data (key, NULL);

    for (gsize i = 0; i < g_bytes_get_size (key); i++)
      g_snprintf (hex + 2 * i, 3, "%02X", bytes[i]);
    g_assert_cmpstr (stored, ==, hex);
  }
}

/* Venues that arrive by bundle are sorted as those entered here, and the
 * keys never travel (each office makes its own). */
static void
test_collate_bundle (Fixture       *f,
                     gconstpointer  data)
{
  Office county = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *bundle = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  county_init (&county);
  introduce (&f->office, &county);
  first = g_build_filename (f->office.dir.dir, "first.fgbundle", NULL);
  export_ok (&f->office, &county, first);
  g_file_get_contents (first, &bundle, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (bundle, "_key"));

  import_ok (&county, first);
  g_assert_cmpint (count (&county, "SELECT count(*) FROM venue WHERE name_key IS NULL OR address_key IS NULL"
                                   " OR operator_key IS NULL", NULL), ==, 0);
  g_assert_cmpint (count (&county, "SELECT count(*) FROM region WHERE name_key IS NULL", NULL), ==, 0);
  assert_list (county.store, actor_of (&county), FG_VENUE_SORT_NAME, FALSE, in_pinyin);
  assert_list (county.store, actor_of (&county), FG_VENUE_SORT_OPERATOR, TRUE,
               "中卫东|赵卫东|张卫东|于卫东|星卫东|王卫东|人卫东|李卫东|老卫东|东卫东|丁卫东");

  /* a renamed venue moves at the county too */
  venue = fg_venue_load (f->office.store, actor_of (&f->office), g_ptr_array_index (f->venue_ids, 2), &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, "阿");
  g_assert_true (fg_venue_save (f->office.store, actor_of (&f->office), venue, &error));
  g_assert_no_error (error);
  second = g_build_filename (f->office.dir.dir, "second.fgbundle", NULL);
  export_ok (&f->office, &county, second);
  import_ok (&county, second);
  assert_list (county.store, actor_of (&county), FG_VENUE_SORT_NAME, FALSE, "阿|丁|东|老|李|人|王|星|于|张|赵");

  office_clear (&county);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collate/compare", test_collate_compare);
  g_test_add ("/collate/venue-list", Fixture, NULL, fixture_set_up, test_collate_venue_list, fixture_tear_down);
  g_test_add ("/collate/officers", Fixture, NULL, fixture_set_up, test_collate_officers, fixture_tear_down);
  g_test_add ("/collate/indexed", Fixture, NULL, fixture_set_up, test_collate_indexed, fixture_tear_down);
  g_test_add ("/collate/filled-at-open", Fixture, NULL, fixture_set_up, test_collate_filled_at_open,
              fixture_tear_down);
  g_test_add ("/collate/bundle", Fixture, NULL, fixture_set_up, test_collate_bundle, fixture_tear_down);

  return g_test_run ();
}
