/* bench-venue-import.c — does a township's spreadsheet import in seconds?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size in --venues, writes a CSV of that many venues shaped like
 * an office's (序号, 场所名称, 地址, 负责人, 联系电话, 所属村, 网格,
 * 场所类型, 建筑面积, 层数, 是否住人; ten villages of two grids, category
 * words such as 饭店 and 超市), and an .xlsx of the same rows (written with
 * libxlsxwriter, numbers as numbers, as Excel saves them), and for each
 * file, in a fresh township database, times:
 * reading the file (fg_workbook_open, fg_workbook_read_sheet), checking
 * the rows (fg_venue_import_check: the venue rules, the region tree, the
 * duplicates) and storing them (fg_venue_import_run, one transaction).
 *
 * The baseline, in a second fresh database in the same run, is the same
 * venues inserted straight in SQL in one transaction, the statement the
 * registry itself runs with its triggers and sort keys: what storing
 * costs with no reading or checking at all. Prints wall clock and
 * processor time of each step, rows a second, and the ratio of each
 * file's whole import to the baseline. Run by hand only:
 *
 *   _build/bench/bench-venue-import --venues 10000,100000 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "firegrid.h"
#include "fg-store-private.h"

#define N_VILLAGES 10

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

static const char * const village_names[N_VILLAGES] = {
  "李庄村", "王楼村", "小河村", "张庄村", "刘营村", "东街社区", "西街社区", "南关村", "北关村", "马庄村",
};
static const char * const category_words[] = {
  "饭店", "超市", "旅馆", "网吧", "理发", "加工", "诊所", "幼儿园", "出租房", "沿街门店", "餐饮、住宿",
};

/* A township with ten villages of two grids each; the villages' ids. */
static FgStore *
township_new (const char *path,
              GPtrArray  *village_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgStore) store = NULL;

  g_unlink (path);
  store = fg_office_open (path, &error);
  if (store == NULL || !fg_office_set_up_township (store, actor, "410425101", "冢头镇", "郏县", &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_VILLAGES; i++)
    {
      g_autofree char *code = g_strdup_printf ("410425101%03u", 201 + i);
      g_autoptr(FgRegion) village = fg_region_add_village (store, actor, "410425101", code,
                                                           village_names[i], &error);
      g_autoptr(FgRegion) first = NULL;
      g_autoptr(FgRegion) second = NULL;

      if (village == NULL)
        g_error ("%s", error->message);
      first = fg_region_add_grid (store, actor, fg_region_get_id (village), "第一网格", &error);
      second = first != NULL ? fg_region_add_grid (store, actor, fg_region_get_id (village), "第二网格", &error) : NULL;
      if (second == NULL)
        g_error ("%s", error->message);
      if (village_ids != NULL)
        g_ptr_array_add (village_ids, g_strdup (fg_region_get_id (village)));
    }

  return g_steal_pointer (&store);
}

static void
write_csv (const char *path,
           guint       n)
{
  g_autoptr(GString) text = g_string_new ("序号,场所名称,地址,负责人,联系电话,所属村,网格,场所类型,建筑面积,层数,是否住人\r\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *words = category_words[i % G_N_ELEMENTS (category_words)];

      g_string_append_printf (text, "%u,场所%06u,冢头镇%s中街%u号,经营者%u,138%08u,%s,%s,%s%s%s,%u,%u,%s\r\n",
                              i + 1, i, village_names[i % N_VILLAGES], i, i, i,
                              village_names[i % N_VILLAGES], i % 3 == 0 ? "" : (i % 3 == 1 ? "第一网格" : "第二网格"),
                              strchr (words, ',') != NULL ? "\"" : "", words,
                              strchr (words, ',') != NULL ? "\"" : "",
                              40 + i % 500, 1 + i % 4, i % 5 == 0 ? "是" : "否");
    }
  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

/* The same rows as write_csv(), as a workbook: the counts are numbers */
static void
write_xlsx (const char *path,
            guint       n)
{
  static const char * const header[] = {
    "序号", "场所名称", "地址", "负责人", "联系电话", "所属村", "网格", "场所类型", "建筑面积", "层数", "是否住人",
  };
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook != NULL ? workbook_add_worksheet (workbook, "场所台账") : NULL;
  lxw_error result;

  if (sheet == NULL)
    g_error ("libxlsxwriter could not make %s", path);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 0, c, header[c], NULL);
  for (guint i = 0; i < n; i++)
    {
      lxw_row_t row = i + 1;
      g_autofree char *name = g_strdup_printf ("场所%06u", i);
      g_autofree char *address = g_strdup_printf ("冢头镇%s中街%u号", village_names[i % N_VILLAGES], i);
      g_autofree char *operator_name = g_strdup_printf ("经营者%u", i);
      g_autofree char *phone = g_strdup_printf ("138%08u", i);

      worksheet_write_number (sheet, row, 0, i + 1, NULL);
      worksheet_write_string (sheet, row, 1, name, NULL);
      worksheet_write_string (sheet, row, 2, address, NULL);
      worksheet_write_string (sheet, row, 3, operator_name, NULL);
      worksheet_write_string (sheet, row, 4, phone, NULL);
      worksheet_write_string (sheet, row, 5, village_names[i % N_VILLAGES], NULL);
      if (i % 3 != 0)
        worksheet_write_string (sheet, row, 6, i % 3 == 1 ? "第一网格" : "第二网格", NULL);
      worksheet_write_string (sheet, row, 7, category_words[i % G_N_ELEMENTS (category_words)], NULL);
      worksheet_write_number (sheet, row, 8, 40 + i % 500, NULL);
      worksheet_write_number (sheet, row, 9, 1 + i % 4, NULL);
      worksheet_write_string (sheet, row, 10, i % 5 == 0 ? "是" : "否", NULL);
    }
  result = workbook_close (workbook);
  if (result != LXW_NO_ERROR)
    g_error ("%s: %s", path, lxw_strerror (result));
}

/* The baseline: the registry's own INSERT for each venue, in one
 * transaction, nothing read or checked. */
static Timing
insert_straight (FgStore   *store,
                 GPtrArray *village_ids,
                 guint      n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) township = NULL;
  Timing t;

  timing_start (&t);
  if (!fg_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *id = fg_uuid_new ();
      g_autofree char *stamp = fg_store_next_stamp (store);
      g_autofree char *name = g_strdup_printf ("场所%06u", i);
      g_autofree char *address = g_strdup_printf ("冢头镇%s中街%u号", village_names[i % N_VILLAGES], i);
      g_autofree char *operator_name = g_strdup_printf ("经营者%u", i);
      g_autofree char *phone = g_strdup_printf ("138%08u", i);
      const char *village = g_ptr_array_index (village_ids, i % N_VILLAGES);

      stmt = fg_store_prepare (store,
                               "INSERT INTO venue (region_id, county_id, township_id, village_id,"
                               "  grid_id, name, address, categories, operator_name, phone,"
                               "  credit_code, floor_area, floors, sleeping, key_unit, smoke_alarm,"
                               "  status, stamp, id, created_at, origin_node,"
                               "  name_key, address_key, operator_key)"
                               " SELECT ?1, r.parent_id, r.id, ?1, NULL, ?2, ?3, '[\"restaurant\"]', ?4, ?5,"
                               "  '', ?6, ?7, 0, 0, 0, 'active', ?8, ?9, '2026-12-07T09:00:00Z', 'bench',"
                               "  fg_collate_key (?2), fg_collate_key (?3), fg_collate_key (?4)"
                               " FROM region r WHERE r.id = (SELECT parent_id FROM region WHERE id = ?1)",
                               &error);
      if (stmt == NULL)
        g_error ("%s", error->message);
      sqlite3_bind_text (stmt, 1, village, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, address, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, operator_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, phone, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 6, 40 + i % 500);
      sqlite3_bind_int (stmt, 7, 1 + i % 4);
      sqlite3_bind_text (stmt, 8, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, id, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, stmt, &error))
        g_error ("%s", error->message);
    }
  if (!fg_store_commit (store, &error))
    g_error ("%s", error->message);
  timing_stop (&t);
  return t;
}

static void
print_step (const char *what,
            Timing      t,
            guint       n)
{
  g_print ("  %-34s %9.0f %9.0f %10.0f\n", what, t.wall, t.cpu, n / (t.wall / 1000.0));
}

/* Reads, checks and stores @file in a fresh township database @db, and
 * prints each step and the whole against @baseline. */
static void
bench_file (const char *what,
            const char *file,
            const char *db,
            guint       n,
            Timing      baseline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgStore) store = township_new (db, NULL);
  g_autoptr(FgWorkbook) workbook = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  g_autofree char *read_what = g_strdup_printf ("read the %s", what);
  FgVenueImportResult result;
  Timing read, check, run, total;

  timing_start (&read);
  workbook = fg_workbook_open (file, NULL, &error);
  sheet = workbook != NULL ? fg_workbook_read_sheet (workbook, 0, NULL, &error) : NULL;
  import = sheet != NULL ? fg_venue_import_new (workbook, sheet, &error) : NULL;
  if (import == NULL)
    g_error ("%s", error->message);
  timing_stop (&read);

  timing_start (&check);
  if (!fg_venue_import_check (import, store, actor, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  timing_stop (&check);

  timing_start (&run);
  if (!fg_venue_import_run (import, store, actor, NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);
  timing_stop (&run);
  if (result.added != n)
    g_error ("%s: %u of %u venues were added (%u refused)", what, result.added, n, result.refused);

  total.wall = read.wall + check.wall + run.wall;
  total.cpu = read.cpu + check.cpu + run.cpu;

  g_print ("%u venues from %-14s         wall (ms)  cpu (ms)     rows/s\n", n, what);
  print_step (read_what, read, n);
  print_step ("check every row", check, n);
  print_step ("store (one transaction)", run, n);
  print_step ("import in all", total, n);
  print_step ("baseline: INSERT straight in SQL", baseline, n);
  g_print ("  import / baseline: wall %.1f, cpu %.1f\n\n", total.wall / baseline.wall, total.cpu / baseline.cpu);
}

static void
bench_size (const char *dir,
            guint       n)
{
  g_autoptr(GPtrArray) village_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *csv = g_strdup_printf ("%s/import-%u.csv", dir, n);
  g_autofree char *xlsx = g_strdup_printf ("%s/import-%u.xlsx", dir, n);
  g_autofree char *csv_db = g_strdup_printf ("%s/import-%u-csv.db", dir, n);
  g_autofree char *xlsx_db = g_strdup_printf ("%s/import-%u-xlsx.db", dir, n);
  g_autofree char *baseline_db = g_strdup_printf ("%s/import-%u-baseline.db", dir, n);
  g_autoptr(FgStore) baseline_store = NULL;
  Timing baseline;

  write_csv (csv, n);
  write_xlsx (xlsx, n);

  baseline_store = township_new (baseline_db, village_ids);
  baseline = insert_straight (baseline_store, village_ids, n);

  bench_file ("CSV", csv, csv_db, n, baseline);
  bench_file (".xlsx", xlsx, xlsx_db, n, baseline);

  g_unlink (csv);
  g_unlink (xlsx);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_STRING, &sizes, "Sizes, comma-separated (10000,100000)", "N,N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the databases go", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_strdup ("/tmp/firegrid-bench");
  g_mkdir_with_parents (dir, 0700);

  parts = g_strsplit (sizes != NULL ? sizes : "10000,100000", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    bench_size (dir, (guint) g_ascii_strtoull (parts[i], NULL, 10));

  return 0;
}
