/* bench-stats.c — does the statistics page open quickly on a township and
 * on a county?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what the Statistics page counts when it opens: fg_stats_compute()
 * (its cards) and fg_stats_series_compute() (its charts), each and
 * together, as the median of five runs (wall clock and processor time),
 * the figures alone being the baseline the whole is compared with, on:
 *
 *  - the demo township (firegrid-cli demo, built once in --dir);
 *  - the county database of bench-report (--townships, --venues), built by
 *    running bench-report once if --dir does not hold it yet, then copied
 *    and given what its builder leaves out and the page reads: a closing
 *    event for each closed hazard (closed some days after it was found)
 *    and, for one venue in ten, one of the three kinds of the 2026 target
 *    with a smoke alarm for half of them. The copy is kept for the next run.
 *
 * The county is timed as a whole, for one of its townships and one of its
 * villages; a month and a year; at --venues and at a tenth of them (two
 * sizes, the growth between them printed). --plan prints the query plan
 * SQLite chose for each statement of the figures and the series.
 *
 *   _build/bench/bench-stats --townships 20 --venues 100000 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "firegrid.h"
#include "fg-store-private.h"

#define REPEATS 5
#define COUNTY_PASSWORD "bench-county-1"  /* bench-report's */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
run_program (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_printerr ("running %s…\n", argv[0]);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

/* The demo township, made once by firegrid-cli. */
static FgStore *
ensure_township (const char *self_dir,
                 const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "stats-demo.db", NULL);
  g_autofree char *cli = g_build_filename (self_dir, "..", "src", "cli", "firegrid-cli", NULL);
  g_autoptr(GError) error = NULL;
  FgStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { cli, "--db", path, "demo", NULL };

      run_program (argv);
    }
  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* What bench-report's county lacks and the statistics read. */
static void
complete_county (FgStore *store)
{
  sqlite3 *db = fg_store_get_db (store);

  exec_sql (db, "PRAGMA synchronous = OFF; BEGIN;"
                "INSERT INTO hazard_event (id, hazard_id, kind, at, actor, actor_name, origin_node, stamp)"
                "  SELECT printf ('%08x-%04x-7%03x-8%03x-%012x', 27500000, (seq >> 16) % 65536, (seq >> 4) % 4096,"
                "           abs (random ()) % 4096, seq),"
                "    id, 'closed', date (found_at, '+' || (seq % 25) || ' days') || 'T10:00:00+08:00', 'guo', '郭晓东',"
                "    origin_node, printf ('%015d-00009-x', seq)"
                "  FROM hazard WHERE state = 'closed';"
                "UPDATE venue SET categories = CASE seq % 3 WHEN 0 THEN '[\"family-workshop\"]'"
                "                                           WHEN 1 THEN '[\"street-shop\"]'"
                "                                           ELSE '[\"old-residential\"]' END,"
                "  smoke_alarm = (seq / 10) % 2"
                "  WHERE seq % 10 = 0;"
                "COMMIT; ANALYZE;");
}

static FgStore *
ensure_county (const char *self_dir,
               const char *dir,
               guint       n_townships,
               guint       n_venues)
{
  g_autofree char *name = g_strdup_printf ("county-%u-%u.db", n_townships, n_venues);
  g_autofree char *source = g_build_filename (dir, name, NULL);
  g_autofree char *copy_name = g_strdup_printf ("stats-county-%u-%u.db", n_townships, n_venues);
  g_autofree char *path = g_build_filename (dir, copy_name, NULL);
  g_autoptr(GError) error = NULL;
  FgStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) from = g_file_new_for_path (source);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      if (!g_file_test (source, G_FILE_TEST_EXISTS))
        {
          g_autofree char *report = g_build_filename (self_dir, "bench-report", NULL);
          g_autofree char *townships = g_strdup_printf ("%u", n_townships);
          g_autofree char *venues = g_strdup_printf ("%u", n_venues);
          const char *argv[] = { report, "--townships", townships, "--venues", venues, "--dir", dir, NULL };

          run_program (argv);
        }
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      store = fg_office_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      g_printerr ("adding closing events and the target's venues to %s…\n", path);
      complete_county (store);
      return store;
    }

  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The statements of one run, for --plan. */
static GPtrArray *statements;

static int
remember_sql (unsigned  type,
              void     *context,
              void     *p,
              void     *x)
{
  char *sql = sqlite3_expanded_sql (p);

  if (statements != NULL && sql != NULL && g_str_has_prefix (sql, "SELECT") &&
      strstr (sql, "FROM setting") == NULL && strstr (sql, "calendar") == NULL)
    g_ptr_array_add (statements, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

typedef struct
{
  double wall;
  double cpu;
} Timing;

/* The median of REPEATS runs of the figures (what == 0), the series
 * (what == 1) or both, as the page counts them (what == 2). */
static Timing
time_one (FgStore            *store,
          FgActor            *actor,
          const FgStatsQuery *query,
          guint               what,
          guint              *n_venues,
          guint              *n_found)
{
  double walls[REPEATS];
  double cpus[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FgStats) stats = NULL;
      g_autoptr(FgStatsSeries) series = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (what != 1)
        {
          stats = fg_stats_compute (store, actor, query, &error);
          if (stats == NULL)
            g_error ("%s", error->message);
        }
      if (what != 0)
        {
          series = fg_stats_series_compute (store, actor, query, &error);
          if (series == NULL)
            g_error ("%s", error->message);
        }
      walls[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu_start;
      if (stats != NULL)
        {
          *n_venues = stats->n_venues;
          *n_found = stats->n_found;
        }
    }

  qsort (walls, REPEATS, sizeof walls[0], compare_doubles);
  qsort (cpus, REPEATS, sizeof cpus[0], compare_doubles);
  return (Timing) { walls[REPEATS / 2], cpus[REPEATS / 2] };
}

static void
print_plans (FgStore            *store,
             FgActor            *actor,
             const FgStatsQuery *query)
{
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(FgStatsSeries) series = NULL;
  sqlite3 *db = fg_store_get_db (store);

  statements = g_ptr_array_new_with_free_func (g_free);
  stats = fg_stats_compute (store, actor, query, NULL);
  series = fg_stats_series_compute (store, actor, query, NULL);
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      sqlite3_stmt *stmt = NULL;

      g_printerr ("\n%s\n", sql);
      if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_printerr ("  %s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
  g_clear_pointer (&statements, g_ptr_array_unref);
}

/* One line of the table; returns the page's processor time. */
static double
time_stats (FgStore       *store,
            FgActor       *actor,
            const char    *label,
            const char    *region,
            FgStatsPeriod  period,
            gboolean       plan)
{
  g_autoptr(GDate) today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_NOVEMBER, 2026);
  FgStatsQuery query = { .region = region, .period = period, .day = day, .today = today };
  guint n_venues = 0, n_found = 0;
  Timing figures, series, page;

  figures = time_one (store, actor, &query, 0, &n_venues, &n_found);
  series = time_one (store, actor, &query, 1, &n_venues, &n_found);
  page = time_one (store, actor, &query, 2, &n_venues, &n_found);

  /* CPU beside wall; the page against its figures alone, the baseline */
  g_print ("| %s | %s | %u | %u | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f |\n", label,
           period == FG_STATS_PERIOD_MONTH ? "2026-11" : "2026", n_venues, n_found,
           figures.cpu, figures.wall, series.cpu, series.wall, page.cpu, page.wall,
           figures.cpu > 0 ? page.cpu / figures.cpu : 0);

  if (plan)
    print_plans (store, actor, &query);
  return page.cpu;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) township = NULL;
  g_autoptr(FgStore) county = NULL;
  g_autoptr(FgStore) small_county = NULL;
  g_autoptr(FgActor) small_admin = NULL;
  double small_cpu, large_cpu;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgActor) county_admin = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self_dir = NULL;
  int n_townships = 20;
  int n_venues = 100000;
  gboolean plan = FALSE;
  const GOptionEntry entries[] = {
    { "townships", 0, 0, G_OPTION_ARG_INT, &n_townships, "Townships in the county (20)", "N" },
    { "venues", 0, 0, G_OPTION_ARG_INT, &n_venues, "Venues over all of them (100000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to build the databases", "DIR" },
    { "plan", 0, 0, G_OPTION_ARG_NONE, &plan, "Print the query plans", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the statistics page's figures");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (n_townships < 1 || n_townships > 899 || n_venues < 1)
    g_error ("--townships 1…899 and --venues 1 or more");
  if (dir == NULL)
    dir = g_dir_make_tmp ("firegrid-bench-stats-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0700);
  self_dir = g_path_get_dirname (argv[0]);

  township = ensure_township (self_dir, dir);
  admin = fg_account_login (township, "admin", "demo-admin", &error);
  if (admin == NULL)
    g_error ("%s", error->message);
  county = ensure_county (self_dir, dir, (guint) n_townships, (guint) n_venues);
  county_admin = fg_account_login (county, "guo", COUNTY_PASSWORD, &error);
  if (county_admin == NULL)
    g_error ("%s", error->message);
  /* the second size: a tenth of the venues */
  small_county = ensure_county (self_dir, dir, (guint) n_townships, (guint) MAX (n_venues / 10, 1));
  small_admin = fg_account_login (small_county, "guo", COUNTY_PASSWORD, &error);
  if (small_admin == NULL)
    g_error ("%s", error->message);

  if (plan)
    {
      sqlite3_trace_v2 (fg_store_get_db (township), SQLITE_TRACE_STMT, remember_sql, NULL);
      sqlite3_trace_v2 (fg_store_get_db (county), SQLITE_TRACE_STMT, remember_sql, NULL);
    }

  g_print ("Milliseconds, the median of %d runs: processor / wall clock. The page counts its figures "
           "(the cards) and its series (the charts); the ratio is the page's processor time over the "
           "figures' alone, measured in the same run.\n\n", REPEATS);
  g_print ("| region | period | active venues | hazards found | figures | series | page | page / figures |\n"
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  time_stats (township, admin, "demo township", NULL, FG_STATS_PERIOD_MONTH, plan);
  time_stats (township, admin, "demo township", NULL, FG_STATS_PERIOD_YEAR, FALSE);
  small_cpu = time_stats (small_county, small_admin, "county, a tenth", NULL, FG_STATS_PERIOD_MONTH, FALSE);
  large_cpu = time_stats (county, county_admin, "county", NULL, FG_STATS_PERIOD_MONTH, plan);
  time_stats (county, county_admin, "county", NULL, FG_STATS_PERIOD_YEAR, FALSE);
  time_stats (county, county_admin, "one township of the county", "410425101", FG_STATS_PERIOD_MONTH, FALSE);
  time_stats (county, county_admin, "one village of the county", "410425101201", FG_STATS_PERIOD_MONTH, FALSE);

  g_print ("\nThe county's page, month, at %d venues over %d: %.1f times the processor time\n",
           n_venues, MAX (n_venues / 10, 1), small_cpu > 0 ? large_cpu / small_cpu : 0);

  return EXIT_SUCCESS;
}
