/* bench-cli.c — does a command cost more at county size before its work?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds (or reuses, from --dir, the same files bench-venue-list makes) the
 * demo township and a demo of --venues venues, then runs firegrid-cli as a
 * process of its own on each, logged in as the demo's administrator with
 * FIREGRID_PASSWORD, the way a script or an office's clerk does: a command
 * that reads one row (venue show), one that reads the region tree (region
 * list). Each is the median of --repeats runs after one to warm the
 * system's cache, wall clock and processor time (user + system, from
 * wait4), with the large database's extra processor time and its ratio to
 * the demo's. The login's password hashing (Argon2id) is the same at any
 * size; its cost is timed alone, in this process, for comparison.
 *
 * The last lines run the same command on the large database with the
 * statistics of its empty partial indexes taken out before each run, as
 * SQLite 3.40's ANALYZE leaves them: PRAGMA optimize then analysed the
 * venue table and the audit log again at every close (fg-store.c).
 *
 *   _build/bench/bench-cli --venues 100000 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include <sqlite3.h>

#include "firegrid.h"
#include "bench-summary.h"

#define PASSWORD "demo-admin"

typedef struct
{
  double wall;
  double cpu;
} Cost;

static char *cli_path;
static guint repeats = 5;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

static char *
ensure_database (const char *dir,
                 guint       n_venues)
{
  g_autofree char *name = g_strdup_printf ("demo-%u.db", n_venues);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  gint64 start;

  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (fg_store_is_set_up (store))
    return path;

  g_printerr ("creating %s (%u venues)…\n", path, n_venues);
  start = g_get_monotonic_time ();
  if (!fg_demo_populate (store, actor, n_venues, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_printerr ("  created in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return path;
}

/* A row of @sql's first column, read past the store: the venue to show. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (text == NULL)
    g_error ("%s: nothing for %s", path, sql);
  return text;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* The statistics SQLite 3.40 leaves out for empty partial indexes. */
#define FORGET_EMPTY_PARTIAL_SQL \
  "DELETE FROM sqlite_stat1 WHERE stat GLOB '0 *'" \
  " AND idx IN (SELECT i.name FROM (SELECT DISTINCT tbl FROM sqlite_stat1) s, pragma_index_list (s.tbl) i" \
  "             WHERE i.partial)"

static Cost
run_once (const char * const *argv,
          char              **envp)
{
  GPid pid;
  int status = 0;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  Cost cost;

  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4 failed");
  cost.wall = (g_get_monotonic_time () - start) / 1000.0;
  cost.cpu = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0
             + usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s %s failed", argv[0], argv[5], argv[6]);
  return cost;
}

/* The median of the runs of `firegrid-cli --db @db --user admin @args`,
 * after one to warm the cache; @forget runs before each. */
static Cost
time_command (const char         *db,
              const char * const *args,
              gboolean            forget)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "FIREGRID_PASSWORD", PASSWORD, TRUE);
  g_autofree double *walls = g_new (double, repeats);
  g_autofree double *cpus = g_new (double, repeats);

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "--user");
  g_ptr_array_add (argv, (char *) "admin");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  for (guint r = 0; r <= repeats; r++)
    {
      Cost cost;

      if (forget)
        exec_sql (db, FORGET_EMPTY_PARTIAL_SQL);
      cost = run_once ((const char * const *) argv->pdata, envp);
      if (r == 0)
        continue;
      walls[r - 1] = cost.wall;
      cpus[r - 1] = cost.cpu;
    }

  qsort (walls, repeats, sizeof walls[0], compare_doubles);
  qsort (cpus, repeats, sizeof cpus[0], compare_doubles);
  return (Cost) { walls[repeats / 2], cpus[repeats / 2] };
}

/* The login alone, in this process: Argon2id, the same at any size. */
static Cost
time_login (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = fg_office_open (db, &error);
  g_autofree double *walls = g_new (double, repeats);
  g_autofree double *cpus = g_new (double, repeats);

  if (store == NULL)
    g_error ("%s", error->message);
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(FgActor) actor = NULL;
      struct timespec cpu_start, cpu_end;
      gint64 start = g_get_monotonic_time ();

      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_start);
      actor = fg_account_login (store, "admin", PASSWORD, &error);
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_end);
      if (actor == NULL)
        g_error ("%s", error->message);
      walls[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = (cpu_end.tv_sec - cpu_start.tv_sec) * 1000.0 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6;
    }

  qsort (walls, repeats, sizeof walls[0], compare_doubles);
  qsort (cpus, repeats, sizeof cpus[0], compare_doubles);
  return (Cost) { walls[repeats / 2], cpus[repeats / 2] };
}

static void
print_row (const char *what,
           Cost        small,
           Cost        large)
{
  g_print ("| %s | %.0f / %.0f | %.0f / %.0f | %+.0f | %.2f |\n", what, small.wall, small.cpu,
           large.wall, large.cpu, large.cpu - small.cpu, large.cpu / MAX (small.cpu, 0.001));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *small_venue = NULL;
  g_autofree char *large_venue = NULL;
  g_autofree char *large_label = NULL;
  int n_venues = 100000;
  int n_repeats = 5;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_INT, &n_venues, "Venues in the large database (100000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the databases are kept (/tmp/firegrid-bench)", "DIR" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &n_repeats, "Runs of each command (5)", "N" },
    BENCH_SUMMARY_OPTION,
    { NULL }
  };
  const char *region_list[] = { "region", "list", NULL };
  const char *venue_show[] = { "venue", "show", NULL, NULL };
  Cost small_cost, large_cost;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time firegrid-cli commands at two sizes");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_venues < 1 || n_repeats < 1)
    {
      g_printerr ("--venues and --repeats take a positive number\n");
      return 2;
    }
  repeats = (guint) n_repeats;
  if (dir == NULL)
    dir = g_strdup ("/tmp/firegrid-bench");
  g_mkdir_with_parents (dir, 0700);
  cli_path = g_build_filename (g_path_get_dirname (argv[0]), "..", "src", "cli", "firegrid-cli", NULL);

  small = ensure_database (dir, 300);
  large = ensure_database (dir, (guint) n_venues);
  /* a venue from the middle of each list */
  small_venue = query_text (small, "SELECT id FROM venue WHERE deleted = 0 LIMIT 1 OFFSET (SELECT count (*) / 2 FROM venue)");
  large_venue = query_text (large, "SELECT id FROM venue WHERE deleted = 0 LIMIT 1 OFFSET (SELECT count (*) / 2 FROM venue)");
  large_label = g_strdup_printf ("%d venues", n_venues);

  g_print ("| command | demo (300 venues): wall / CPU (ms) | %s: wall / CPU (ms) | CPU beyond the demo (ms) | ratio (CPU) |\n"
           "| --- | ---: | ---: | ---: | ---: |\n", large_label);

  small_cost = time_login (small);
  large_cost = time_login (large);
  print_row ("the login alone (Argon2id), in process", small_cost, large_cost);
  bench_summary_add ("cli-login", (guint) n_venues, "ms", large_cost.cpu, large_cost.wall,
                     small_cost.cpu, small_cost.wall);

  venue_show[2] = small_venue;
  small_cost = time_command (small, venue_show, FALSE);
  venue_show[2] = large_venue;
  large_cost = time_command (large, venue_show, FALSE);
  print_row ("venue show ID", small_cost, large_cost);
  bench_summary_add ("cli-venue-show", (guint) n_venues, "ms", large_cost.cpu, large_cost.wall,
                     small_cost.cpu, small_cost.wall);

  small_cost = time_command (small, region_list, FALSE);
  large_cost = time_command (large, region_list, FALSE);
  print_row ("region list", small_cost, large_cost);
  bench_summary_add ("cli-region-list", (guint) n_venues, "ms", large_cost.cpu, large_cost.wall,
                     small_cost.cpu, small_cost.wall);

  /* as before: the statistics of empty partial indexes missing at every start */
  small_cost = time_command (small, region_list, TRUE);
  large_cost = time_command (large, region_list, TRUE);
  print_row ("region list, empty partial indexes without statistics (before)", small_cost, large_cost);

  /* what the runs above take out, the last close put back */
  return 0;
}
