/* bench-report.c — does the township ranking stay quick at county size?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds (once, then reuses from --dir) a county office's database holding
 * --townships townships, straight in SQL (the point is the report, not the
 * registry's checks): --venues venues spread over them, three finished
 * inspections a venue over two years, a hazard for one inspection in five
 * in every state the ledger knows, and each township a peer that sent a
 * bundle. Then times fg_report_townships() for the whole county, this
 * year ranked by each figure and the last 30 days, as the median of five
 * runs, and prints (--plan) the query plans SQLite chose for its statements.
 *
 * With --ledger it times the hazard ledger instead: opening it (the count
 * and the first page of the paged list) and applying a filter, a search and
 * a header sort, in that county database and in one of a single township
 * of --ledger-venues venues (a few hundred hazards), built the same way,
 * and prints the ratio of the two, measured in the same run.
 *
 *   _build/bench/bench-report --townships 20 --venues 100000 --dir /tmp/firegrid-bench
 *   _build/bench/bench-report --townships 20 --venues 100000 --dir /tmp/firegrid-bench --ledger
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "firegrid.h"
#include "fg-store-private.h"
#include "bench-summary.h"

#define REPEATS 5
#define PASSWORD "bench-county-1"

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* time-ordered ids, as the program's own (UUID version 7) */
#define UUID(i, kind) "printf ('%%08x-%%04x-7%%03x-8%%03x-%%012x', 27400000 + " kind ", ((" i ") >> 16) %% 65536," \
                      " ((" i ") >> 4) %% 4096, abs (random ()) %% 4096, (" i "))"

static void
fill (FgStore *store,
      guint    n_townships,
      guint    n_venues)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = fg_store_get_db (store);

  exec_sql (db, "PRAGMA synchronous = OFF; BEGIN");
  sql = g_strdup_printf (
    "CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE c (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < %u * 3) INSERT INTO n SELECT i FROM c;"
    "CREATE TEMP TABLE const AS SELECT (SELECT id FROM region WHERE level = 1) AS county, (SELECT id FROM node) AS node;"
    /* townships 410425101 …, twenty villages each */
    "INSERT INTO region (id, parent_id, level, code, name, origin_node, stamp)"
    "  SELECT " UUID ("i", "1") ", (SELECT county FROM const), 2, printf ('410425%%03d000', 101 + i),"
    "    '测试镇' || (i + 1), (SELECT node FROM const), printf ('%%015d-00000-x', i) FROM n WHERE i < %u;"
    "CREATE TEMP TABLE tw AS SELECT row_number () OVER (ORDER BY code) - 1 AS k, id, code FROM region WHERE level = 2;"
    "INSERT INTO region (id, parent_id, level, code, name, origin_node, stamp)"
    "  SELECT " UUID ("tw.k * 20 + n.i", "2") ", tw.id, 3, substr (tw.code, 1, 9) || printf ('%%03d', 201 + n.i),"
    "    '测试村' || (n.i + 1), (SELECT node FROM const), printf ('%%015d-00001-x', tw.k * 20 + n.i)"
    "  FROM tw JOIN n ON n.i < 20;"
    "CREATE TEMP TABLE vil AS SELECT row_number () OVER (ORDER BY code) - 1 AS k, id, parent_id FROM region WHERE level = 3;"
    /* venues round the townships; one in twenty closed */
    "CREATE TEMP TABLE v AS SELECT n.i, " UUID ("n.i", "3") " AS id,"
    "  (SELECT id FROM vil WHERE k = (n.i %% %u) * 20 + (n.i / %u) %% 20) AS village FROM n WHERE n.i < %u;"
    "INSERT INTO venue (id, region_id, county_id, township_id, village_id, name, address, categories,"
    "  operator_name, status, created_at, origin_node, stamp)"
    "  SELECT v.id, v.village, (SELECT county FROM const), (SELECT parent_id FROM vil WHERE id = v.village),"
    "    v.village, '测试场所' || v.i, '测试路' || v.i || '号', '[\"restaurant\"]', '张三',"
    "    CASE WHEN abs (random ()) %% 20 = 0 THEN 'closed' ELSE 'active' END,"
    "    '2025-01-01T08:00:00+08:00', (SELECT node FROM const), printf ('%%015d-00002-x', v.i) FROM v;"
    /* three inspections a venue over 2025 and 2026; one in a hundred a draft */
    "CREATE TEMP TABLE ins AS SELECT v.i * 3 + k.i AS j, v.id AS venue, v.village, " UUID ("v.i * 3 + k.i", "4") " AS id,"
    "  date ('2025-01-01', '+' || (abs (random ()) %% 700) || ' days') AS day, abs (random ()) %% 100 AS r"
    "  FROM v JOIN n k ON k.i < 3;"
    "INSERT INTO inspection (id, venue_id, kind, inspector, inspector_name, started_at, finished_at,"
    "  township_id, village_id, origin_node, stamp)"
    "  SELECT id, venue, 'routine', 'admin', '张伟', day || 'T09:00:00+08:00',"
    "    CASE WHEN r = 99 THEN NULL ELSE day || 'T09:30:00+08:00' END,"
    "    (SELECT parent_id FROM vil WHERE id = ins.village), village, (SELECT node FROM const),"
    "    printf ('%%015d-00003-x', j) FROM ins;"
    "INSERT INTO checklist_template (template_id, version, category, title_zh, title_en, digest, installed_at)"
    "  VALUES ('bench', 1, 'restaurant', '测试', 'Bench', '', '2025-01-01') ON CONFLICT DO NOTHING;"
    /* a hazard for one inspection in five (r < 20), in every state */
    "INSERT INTO hazard (id, venue_id, inspection_id, item_code, template_id, template_version, grade,"
    "  deadline_days, found_at, township_id, village_id, origin_node, stamp, state, current_deadline, major_confirmed)"
    "  SELECT " UUID ("j", "5") ", venue, id, 'ITEM-1', 'bench', 1,"
    "    CASE WHEN j %% 3 = 0 THEN 'major-proposed' ELSE 'deadline' END, 5, day || 'T09:30:00+08:00',"
    "    (SELECT parent_id FROM vil WHERE id = ins.village), village, (SELECT node FROM const),"
    "    printf ('%%015d-00004-x', j),"
    "    CASE r WHEN 0 THEN 'open' WHEN 1 THEN 'open' WHEN 2 THEN 'rectifying' WHEN 3 THEN 'rectifying'"
    "      WHEN 4 THEN 'rectifying' WHEN 5 THEN 'reported-fixed' WHEN 6 THEN 'escalated' WHEN 7 THEN 'verified'"
    "      WHEN 8 THEN 'transferred' ELSE 'closed' END,"
    "    CASE WHEN r BETWEEN 2 AND 5 THEN date (day, '+10 days') END,"
    "    CASE WHEN r = 6 AND j %% 3 = 0 THEN 1 ELSE 0 END"
    "  FROM ins WHERE r < 20;"
    /* every township a peer that sent a bundle */
    "INSERT INTO peer (id, kind, scope_code, scope_name, public_key, added_at, added_by, last_received_at)"
    "  SELECT " UUID ("k", "6") ", 'township', code, '测试镇', 'key' || k, '2025-01-01T08:00:00+08:00', 'guo',"
    "    '2026-11-2' || (k %% 9) || 'T17:00:00+08:00' FROM tw;"
    "COMMIT;",
    n_venues, n_townships, n_townships, n_townships, n_venues);
  exec_sql (db, sql);
}

static FgStore *
ensure_database (const char *dir,
                 guint       n_townships,
                 guint       n_venues)
{
  g_autofree char *name = g_strdup_printf ("county-%u-%u.db", n_townships, n_venues);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  gint64 start;

  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (fg_store_is_set_up (store))
    return g_steal_pointer (&store);

  g_printerr ("creating %s (%u townships, %u venues)…\n", path, n_townships, n_venues);
  start = g_get_monotonic_time ();
  admin = fg_office_set_up_county_with_admin (store, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  if (admin == NULL)
    g_error ("%s", error->message);
  fill (store, n_townships, n_venues);
  g_printerr ("created in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&store);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The statements of the ranking, the last of each kind run: the figures
 * in one statement, the closed venues, the pass over the inspections. */
static const char * const ranking_prefixes[] = {
  "WITH t AS",
  "SELECT id FROM venue",
  "SELECT township_id, venue_id FROM inspection",
};
static char *last_sql[G_N_ELEMENTS (ranking_prefixes)];

static int
remember_sql (unsigned  type,
              void     *context,
              void     *p,
              void     *x)
{
  char *sql = sqlite3_expanded_sql (p);

  for (guint i = 0; sql != NULL && i < G_N_ELEMENTS (ranking_prefixes); i++)
    {
      if (g_str_has_prefix (sql, ranking_prefixes[i]))
        {
          g_free (last_sql[i]);
          last_sql[i] = g_strdup (sql);
        }
    }
  sqlite3_free (sql);
  return 0;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The median of REPEATS runs, wall clock and processor time: the
 * machines are shared, and the processor time is what the load does
 * not inflate. */
static void
time_report (FgStore      *store,
             FgActor      *actor,
             const char   *from,
             FgReportRank  rank_by,
             guint        *n_rows,
             double       *wall,
             double       *cpu)
{
  double walls[REPEATS];
  double cpus[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FgTownshipReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) today = g_date_new_dmy (29, G_DATE_NOVEMBER, 2026);
      FgReportQuery query = { .from = from, .today = today, .rank_by = rank_by };
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      report = fg_report_townships (store, actor, &query, &error);
      walls[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu_start;
      if (report == NULL)
        g_error ("%s", error->message);
      *n_rows = report->townships->len;
    }

  qsort (walls, REPEATS, sizeof walls[0], compare_doubles);
  qsort (cpus, REPEATS, sizeof cpus[0], compare_doubles);
  *wall = walls[REPEATS / 2];
  *cpu = cpus[REPEATS / 2];
}

/* The baseline of the ranking: this year's inspections counted once, in
 * SQL, as the median of REPEATS runs. */
static void
time_count_year (FgStore *store,
                 double  *wall,
                 double  *cpu)
{
  double walls[REPEATS];
  double cpus[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      stmt = fg_store_prepare (store,
                               "SELECT count (*) FROM inspection"
                               " WHERE finished_at >= '2026-01-01' AND finished_at < '2026-11-30'",
                               &error);
      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("%s", error != NULL ? error->message : sqlite3_errmsg (fg_store_get_db (store)));
      walls[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu_start;
    }

  qsort (walls, REPEATS, sizeof walls[0], compare_doubles);
  qsort (cpus, REPEATS, sizeof cpus[0], compare_doubles);
  *wall = walls[REPEATS / 2];
  *cpu = cpus[REPEATS / 2];
}

static void
print_plan (FgStore *store)
{
  g_print ("\nQuery plan:\n\n```\n");
  for (guint i = 0; i < G_N_ELEMENTS (last_sql); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (last_sql[i] == NULL)
        continue;
      sql = g_strconcat ("EXPLAIN QUERY PLAN ", last_sql[i], NULL);
      if (sqlite3_prepare_v2 (fg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (fg_store_get_db (store)));
      g_print ("%s-- %s …\n", i > 0 ? "\n" : "", ranking_prefixes[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_print ("%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
  g_print ("```\n");
}

typedef enum
{
  LEDGER_OPEN,
  LEDGER_FILTER,
  LEDGER_SEARCH,
  LEDGER_SORT,
  LEDGER_SORT_VENUE,
  LEDGER_VILLAGE,
  LEDGER_N_STEPS
} LedgerStep;

static const char * const ledger_steps[LEDGER_N_STEPS] = {
  "open (count + first page)",
  "filter: being corrected",
  "search: 场所1",
  "sort: by deadline, latest first",
  "sort: by venue",
  "sidebar: one village",
};

/* The median of REPEATS runs of each step, as the ledger does them: a new
 * list counts and reads its first page; a changed query counts again and
 * reads the first page again. */
static void
time_ledger (FgStore *store,
             FgActor *actor,
             double   wall[LEDGER_N_STEPS],
             guint    n_rows[LEDGER_N_STEPS])
{
  double walls[LEDGER_N_STEPS][REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FgPagedList) list = NULL;
      g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();

      query->today = g_strdup ("2026-11-29");
      for (LedgerStep step = 0; step < LEDGER_N_STEPS; step++)
        {
          g_autoptr(GObject) first = NULL;
          gint64 start = g_get_monotonic_time ();

          switch (step)
            {
            case LEDGER_OPEN:
              list = fg_hazard_query_list_new (store, actor, NULL);
              break;
            case LEDGER_FILTER:
              query->state = FG_HAZARD_STATE_RECTIFYING;
              fg_paged_list_set_query (list, query);
              break;
            case LEDGER_SEARCH:
              query->state = FG_HAZARD_QUERY_ALL;
              query->text = g_strdup ("场所1");
              fg_paged_list_set_query (list, query);
              break;
            case LEDGER_SORT:
              g_clear_pointer (&query->text, g_free);
              query->sort = FG_HAZARD_SORT_DEADLINE;
              query->descending = TRUE;
              fg_paged_list_set_query (list, query);
              break;
            case LEDGER_SORT_VENUE:
              query->sort = FG_HAZARD_SORT_VENUE;
              query->descending = FALSE;
              fg_paged_list_set_query (list, query);
              break;
            case LEDGER_VILLAGE:
            case LEDGER_N_STEPS:
            default:
              {
                g_autoptr(FgHazard) hazard = g_list_model_get_item (G_LIST_MODEL (list), 0);

                query->sort = FG_HAZARD_SORT_FOUND;
                query->descending = TRUE;
                query->region_id = g_strdup (fg_hazard_get_village_id (hazard));
                fg_paged_list_set_query (list, query);
              }
              break;
            }
          /* what the view shows first: a screenful of the first page */
          for (guint i = 0; i < 40; i++)
            {
              g_clear_object (&first);
              first = g_list_model_get_item (G_LIST_MODEL (list), i);
            }
          walls[step][r] = (g_get_monotonic_time () - start) / 1000.0;
          n_rows[step] = g_list_model_get_n_items (G_LIST_MODEL (list));
        }
    }

  for (LedgerStep step = 0; step < LEDGER_N_STEPS; step++)
    {
      qsort (walls[step], REPEATS, sizeof walls[step][0], compare_doubles);
      wall[step] = walls[step][REPEATS / 2];
    }
}

static void
run_ledger (const char *dir,
            FgStore    *county_store,
            FgActor    *county,
            guint       n_small_venues)
{
  g_autoptr(FgStore) small_store = ensure_database (dir, 1, n_small_venues);
  g_autoptr(FgActor) small = NULL;
  g_autoptr(GError) error = NULL;
  double county_wall[LEDGER_N_STEPS];
  double small_wall[LEDGER_N_STEPS];
  guint county_rows[LEDGER_N_STEPS];
  guint small_rows[LEDGER_N_STEPS];

  small = fg_account_login (small_store, "guo", PASSWORD, &error);
  if (small == NULL)
    g_error ("%s", error->message);

  /* once each, so that both files are in the system's cache */
  time_ledger (small_store, small, small_wall, small_rows);
  time_ledger (county_store, county, county_wall, county_rows);

  time_ledger (small_store, small, small_wall, small_rows);
  time_ledger (county_store, county, county_wall, county_rows);

  g_print ("| ledger | county: rows | county (ms) | township: rows | township (ms) | ratio |\n"
           "| --- | ---: | ---: | ---: | ---: | ---: |\n");
  for (LedgerStep step = 0; step < LEDGER_N_STEPS; step++)
    g_print ("| %s | %u | %.1f | %u | %.1f | %.1f |\n", ledger_steps[step],
             county_rows[step], county_wall[step], small_rows[step], small_wall[step],
             county_wall[step] / MAX (small_wall[step], 0.001));
  /* what the ledger read before it paged: every hazard at once (the
   * working days of each deadline and the sorting came on top) */
  {
    g_autoptr(GPtrArray) county_all = NULL;
    g_autoptr(GPtrArray) small_all = NULL;
    gint64 start = g_get_monotonic_time ();
    double county_ms, small_ms;

    county_all = fg_hazard_list (county_store, county, NULL, NULL, -1, &error);
    county_ms = (g_get_monotonic_time () - start) / 1000.0;
    start = g_get_monotonic_time ();
    small_all = fg_hazard_list (small_store, small, NULL, NULL, -1, &error);
    small_ms = (g_get_monotonic_time () - start) / 1000.0;
    if (county_all == NULL || small_all == NULL)
      g_error ("%s", error->message);
    g_print ("| before: fg_hazard_list(), every row | %u | %.1f | %u | %.1f | %.1f |\n",
             county_all->len, county_ms, small_all->len, small_ms, county_ms / MAX (small_ms, 0.001));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) county = NULL;
  g_autofree char *dir = NULL;
  int n_townships = 20;
  int n_venues = 100000;
  gboolean plan = FALSE;
  gboolean ledger = FALSE;
  int n_ledger_venues = 500;
  guint n_rows = 0;
  const GOptionEntry entries[] = {
    { "townships", 0, 0, G_OPTION_ARG_INT, &n_townships, "Townships in the county (20)", "N" },
    { "venues", 0, 0, G_OPTION_ARG_INT, &n_venues, "Venues over all of them (100000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to build the database", "DIR" },
    { "plan", 0, 0, G_OPTION_ARG_NONE, &plan, "Print the query plan", NULL },
    { "ledger", 0, 0, G_OPTION_ARG_NONE, &ledger, "Time the hazard ledger against a township's", NULL },
    { "ledger-venues", 0, 0, G_OPTION_ARG_INT, &n_ledger_venues, "Venues of that township (500)", "N" },
    BENCH_SUMMARY_OPTION,
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the township ranking of a county");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (n_townships < 1 || n_townships > 899 || n_venues < 1)
    g_error ("--townships 1…899 and --venues 1 or more");
  if (dir == NULL)
    dir = g_dir_make_tmp ("firegrid-bench-report-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0700);

  store = ensure_database (dir, (guint) n_townships, (guint) n_venues);
  county = fg_account_login (store, "guo", PASSWORD, &error);
  if (county == NULL)
    g_error ("%s", error->message);

  if (ledger)
    {
      run_ledger (dir, store, county, (guint) MAX (n_ledger_venues, 1));
      return EXIT_SUCCESS;
    }

  sqlite3_trace_v2 (fg_store_get_db (store), SQLITE_TRACE_STMT, remember_sql, NULL);

  g_print ("| report | townships | median (ms) | processor (ms) |\n| --- | ---: | ---: | ---: |\n");
  for (FgReportRank r = 0; r < FG_REPORT_N_RANKS; r++)
    {
      double wall, cpu;

      time_report (store, county, NULL, r, &n_rows, &wall, &cpu);
      g_print ("| this year, by %s | %u | %.1f | %.1f |\n", fg_report_rank_to_string (r), n_rows, wall, cpu);
      if (r == 0 && bench_summary_path != NULL)
        {
          double base_wall, base_cpu;

          time_count_year (store, &base_wall, &base_cpu);
          g_print ("| this year's inspections counted once, in SQL (baseline) | | %.1f | %.1f |\n", base_wall, base_cpu);
          bench_summary_add ("ranking", (guint) n_venues, "ms", cpu, wall, base_cpu, base_wall);
        }
    }
  {
    double wall, cpu;

    time_report (store, county, "2026-10-31", FG_REPORT_RANK_RECTIFICATION_RATE, &n_rows, &wall, &cpu);
    g_print ("| last 30 days, by rate | %u | %.1f | %.1f |\n", n_rows, wall, cpu);
  }

  if (plan)
    print_plan (store);

  return EXIT_SUCCESS;
}
