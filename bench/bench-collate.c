/* bench-collate.c — does the venue list in pinyin order stay quick?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size in --venues, in a fresh township database (one village,
 * one grid), inserts that many venues with Chinese names, addresses and
 * operators, the way the registry writes them (one statement a venue,
 * with the triggers of the search index, the categories and the counts):
 * once with their sort keys (fg_collate_key(), fg-collate.c) and once in a
 * second database without, which is then opened so that the store writes
 * the missing keys, as it does for a database from before schema 29. On a
 * shared machine an insert's wall clock is mostly the disk and the others'
 * load: the processor time says more of what the keys cost.
 *
 * Then times, as the median of five runs, the first page of 50 venues by
 * name ascending and descending, from the middle (offset N/2) and by
 * address and operator, in the SQL fg_venue_query_fetch() runs, against
 * the same page chosen by the venues' row numbers (v.seq, the table's own
 * order: the baseline), wall clock and processor time; and the same pages
 * through fg_venue_query_fetch() itself (its checks, its SQL text, the
 * venues made objects). Run by hand only:
 *
 *   _build/bench/bench-collate --venues 10000,100000 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "firegrid.h"
#include "fg-collate-private.h"
#include "fg-store-private.h"

#define REPEATS 5
#define PAGE 50

typedef struct
{
  double wall;  /* ms */
  double cpu;   /* ms */
} Timing;

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
timing_start (Timing *t)
{
  t->wall = g_get_monotonic_time () / 1000.0;
  t->cpu = cpu_ms ();
}

static void
timing_stop (Timing *t)
{
  t->wall = g_get_monotonic_time () / 1000.0 - t->wall;
  t->cpu = cpu_ms () - t->cpu;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Texts like those of a township's registry: shop names of a surname and
 * a trade, addresses on a village's roads, operators' names. */
static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
  "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅",
};
static const char * const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
  "霞", "平", "刚", "桂英", "卫东", "建国", "红梅", "志强",
};
static const char * const trades[] = {
  "烧烤", "小吃", "饭店", "超市", "便利店", "网吧", "旅社", "宾馆", "理发店", "五金店", "药店", "棋牌室",
  "KTV", "汽修", "电动车行", "服装店", "面馆", "包子铺", "副食店", "家电维修",
};
static const char * const roads[] = {
  "人民路", "建设路", "解放路", "中山路", "新华街", "东大街", "西大街", "南关街", "北关街", "文化路", "工业路",
  "幸福路", "学府路", "车站路", "滨河路",
};
static const char * const villages[] = { "李庄村", "王楼村", "冢头村", "东街社区", "西街社区", "张湾村" };

typedef struct
{
  char *county_id;
  char *township_id;
  char *village_id;
  char *grid_id;
} Place;

static void
place_clear (Place *place)
{
  g_free (place->county_id);
  g_free (place->township_id);
  g_free (place->village_id);
  g_free (place->grid_id);
}

/* A fresh township database at @path, with one village and one grid. */
static FgStore *
township_new (const char *path,
              Place      *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  store = fg_office_open (path, &error);
  if (store == NULL ||
      !fg_office_set_up_township (store, actor, "410425101", "冢头镇", "郏县", &error) ||
      (village = fg_region_add_village (store, actor, "410425101", "410425101201", "李庄村", &error)) == NULL ||
      (grid = fg_region_add_grid (store, actor, fg_region_get_id (village), "第一网格", &error)) == NULL)
    g_error ("%s", error->message);

  place->township_id = g_strdup (fg_store_get_home_region_id (store));
  township = fg_region_lookup (store, actor, place->township_id, &error);
  if (township == NULL)
    g_error ("%s", error->message);
  place->county_id = g_strdup (fg_region_get_parent_id (township));
  place->village_id = g_strdup (fg_region_get_id (village));
  place->grid_id = g_strdup (fg_region_get_id (grid));
  return g_steal_pointer (&store);
}

#define PICK(list, rand) (list[g_rand_int_range (rand, 0, G_N_ELEMENTS (list))])

/* Inserts @n venues in one transaction, one statement each as the
 * registry writes them, with their sort keys or (!@keys) without. */
static Timing
insert_venues (FgStore     *store,
               const Place *place,
               guint        n,
               gboolean     keys)
{
  sqlite3 *db = fg_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (29);
  g_autofree char *node_id = g_strdup (fg_store_get_node_id (store));
  const char *sql = keys
    ? "INSERT INTO venue (region_id, county_id, township_id, village_id, grid_id, name, address, categories,"
      " operator_name, stamp, id, created_at, origin_node, name_key, address_key, operator_key)"
      " VALUES (?1, ?2, ?3, ?4, ?1, ?5, ?6, '[\"restaurant\"]', ?7, ?8, ?9, ?10, ?11,"
      " fg_collate_key (?5), fg_collate_key (?6), fg_collate_key (?7))"
    : "INSERT INTO venue (region_id, county_id, township_id, village_id, grid_id, name, address, categories,"
      " operator_name, stamp, id, created_at, origin_node)"
      " VALUES (?1, ?2, ?3, ?4, ?1, ?5, ?6, '[\"restaurant\"]', ?7, ?8, ?9, ?10, ?11)";
  sqlite3_stmt *stmt = NULL;
  Timing t;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  timing_start (&t);
  if (!fg_store_begin (store, NULL))
    g_error ("no transaction");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s记%s%s", PICK (surnames, rand), PICK (trades, rand),
                                               i % 7 == 0 ? "(分店)" : "");
      g_autofree char *address = g_strdup_printf ("%s%s%u号", PICK (villages, rand), PICK (roads, rand),
                                                  g_rand_int_range (rand, 1, 300));
      g_autofree char *operator_name = g_strconcat (PICK (surnames, rand), PICK (given, rand), NULL);
      g_autofree char *stamp = fg_store_next_stamp (store);
      g_autofree char *id = fg_uuid_new ();

      sqlite3_bind_text (stmt, 1, place->grid_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, place->county_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, place->township_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, place->village_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, address, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, operator_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, "2026-12-01T08:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, node_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  if (!fg_store_commit (store, NULL))
    g_error ("not committed");
  timing_stop (&t);
  sqlite3_finalize (stmt);
  return t;
}

/* A page of PAGE venues in the shape fg_venue_query_fetch() gives SQLite
 * (the page chosen on the table and its indexes, then its rows read), in
 * @order, with @where. Its text is prepared once (the store keeps it). */
static void
fetch_page (FgStore     *store,
            const Place *place,
            const char  *where,
            const char  *order,
            guint        offset)
{
  g_autofree char *sql = g_strdup_printf ("SELECT v.id, v.name, v.address, v.operator_name, rv.name"
                                          " FROM venue v JOIN region rv ON rv.id = v.village_id"
                                          " WHERE v.seq IN (SELECT v.seq FROM venue v"
                                          "   WHERE v.deleted = 0 AND %s"
                                          "   ORDER BY %s LIMIT ?2 OFFSET ?3)"
                                          " ORDER BY %s", where, order, order);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, NULL);
  guint n = 0;

  g_assert (stmt != NULL);
  sqlite3_bind_text (stmt, 1, place->township_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, PAGE);
  sqlite3_bind_int (stmt, 3, offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  g_assert (n == PAGE);
}

/* the installer: every right, as the database has no account */
static FgActor *installer;

static void
fetch_sorted (FgStore     *store,
              FgVenueSort  sort,
              gboolean     descending,
              guint        offset)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  query->sort = sort;
  query->descending = descending;
  page = fg_venue_query_fetch (store, installer, query, offset, PAGE, &error);
  if (page == NULL)
    g_error ("%s", error->message);
  g_assert (page->len == PAGE);
}

typedef struct
{
  const char *what;
  FgVenueSort sort;
  gboolean    descending;
  gboolean    middle;
  const char *order;  /* the ORDER BY fg-venue-query.c writes for it */
} Step;

static const Step steps[] = {
  { "name, ascending", FG_VENUE_SORT_NAME, FALSE, FALSE, "v.name_key, v.seq" },
  { "name, descending", FG_VENUE_SORT_NAME, TRUE, FALSE, "v.name_key DESC, v.seq DESC" },
  { "name, from the middle", FG_VENUE_SORT_NAME, FALSE, TRUE, "v.name_key, v.seq" },
  { "address, ascending", FG_VENUE_SORT_ADDRESS, FALSE, FALSE, "v.address_key, v.seq" },
  { "operator, ascending", FG_VENUE_SORT_OPERATOR, FALSE, FALSE, "v.operator_key, v.seq" },
};

typedef enum
{
  BY_ROW_NUMBER,  /* the baseline */
  BY_KEY,         /* the step's order, in the same SQL */
  BY_CORE,        /* the step through fg_venue_query_fetch(): objects and all */
} Way;

/* The median of REPEATS runs of a step, one way. */
static Timing
time_page (FgStore     *store,
           const Place *place,
           const Step  *step,
           Way          way,
           guint        offset)
{
  double walls[REPEATS];
  double cpus[REPEATS];
  Timing median;

  for (guint r = 0; r < REPEATS; r++)
    {
      Timing t;

      timing_start (&t);
      /* The baseline walks the table's own B-tree in its own order
       * (v.seq), with no filter (every venue is in the township): the
       * cheapest order there is. With the township's filter SQLite reads
       * it through an index and sorts every venue by seq. */
      if (way == BY_ROW_NUMBER)
        fetch_page (store, place, "?1 IS NOT NULL", step->descending ? "v.seq DESC" : "v.seq", offset);
      else if (way == BY_KEY)
        fetch_page (store, place, "v.township_id = ?1", step->order, offset);
      else
        fetch_sorted (store, step->sort, step->descending, offset);
      timing_stop (&t);
      walls[r] = t.wall;
      cpus[r] = t.cpu;
    }
  qsort (walls, REPEATS, sizeof walls[0], compare_doubles);
  qsort (cpus, REPEATS, sizeof cpus[0], compare_doubles);
  median.wall = walls[REPEATS / 2];
  median.cpu = cpus[REPEATS / 2];
  return median;
}

static void
run_size (const char *dir,
          guint       n)
{
  g_autofree char *name_keyed = g_strdup_printf ("collate-%u.db", n);
  g_autofree char *name_plain = g_strdup_printf ("collate-%u-without-keys.db", n);
  g_autofree char *keyed_path = g_build_filename (dir, name_keyed, NULL);
  g_autofree char *plain_path = g_build_filename (dir, name_plain, NULL);
  g_autoptr(FgStore) keyed = NULL;
  g_autoptr(FgStore) plain = NULL;
  g_autoptr(GError) error = NULL;
  Place keyed_place = { 0 };
  Place plain_place = { 0 };
  Timing with_keys, without_keys, fill;

  keyed = township_new (keyed_path, &keyed_place);
  plain = township_new (plain_path, &plain_place);
  without_keys = insert_venues (plain, &plain_place, n, FALSE);
  with_keys = insert_venues (keyed, &keyed_place, n, TRUE);
  g_clear_object (&plain);

  /* a database whose venues have no keys yet: the store writes them */
  timing_start (&fill);
  plain = fg_office_open (plain_path, &error);
  timing_stop (&fill);
  if (plain == NULL)
    g_error ("%s", error->message);

  g_print ("\n### %u venues\n\n", n);
  g_print ("| insert | wall (ms) | processor (ms) | µs a venue (wall) | ratio (wall) |\n"
           "| --- | ---: | ---: | ---: | ---: |\n");
  g_print ("| without keys (baseline) | %.0f | %.0f | %.1f | 1.00 |\n",
           without_keys.wall, without_keys.cpu, without_keys.wall * 1000 / n);
  g_print ("| with the three keys | %.0f | %.0f | %.1f | %.2f |\n",
           with_keys.wall, with_keys.cpu, with_keys.wall * 1000 / n, with_keys.wall / without_keys.wall);
  g_print ("| keys written at opening (older database) | %.0f | %.0f | %.1f | %.2f |\n\n",
           fill.wall, fill.cpu, fill.wall * 1000 / n, fill.wall / without_keys.wall);

  g_print ("| page of %u | offset | by key: wall / processor (ms) | by row number (ms) | ratio |"
           " fg_venue_query_fetch (ms) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n", PAGE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint offset = steps[i].middle ? n / 2 : 0;
      Timing base = time_page (keyed, &keyed_place, &steps[i], BY_ROW_NUMBER, offset);
      Timing sorted = time_page (keyed, &keyed_place, &steps[i], BY_KEY, offset);
      Timing core = time_page (keyed, &keyed_place, &steps[i], BY_CORE, offset);

      g_print ("| %s | %u | %.3f / %.3f | %.3f / %.3f | %.1f / %.1f | %.3f / %.3f |\n", steps[i].what, offset,
               sorted.wall, sorted.cpu, base.wall, base.cpu, sorted.wall / base.wall, sorted.cpu / base.cpu,
               core.wall, core.cpu);
    }

  place_clear (&keyed_place);
  place_clear (&plain_place);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sizes_text = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) sizes = NULL;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Sizes to measure, comma-separated", "N,N…" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to make the databases (replaced each run)", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— the venue list in pinyin order, at size");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "firegrid-bench", NULL);
  g_mkdir_with_parents (dir, 0700);
  sizes = g_strsplit (sizes_text != NULL ? sizes_text : "10000,100000", ",", -1);

  installer = fg_actor_new_local ();
  g_print ("ICU collation: %s; SQLite %s\n", fg_collate_version (), sqlite3_libversion ());
  for (guint i = 0; sizes[i] != NULL; i++)
    run_size (dir, (guint) g_ascii_strtoull (sizes[i], NULL, 10));
  return 0;
}
