/* bench-venue-list.c — does a county database open and scroll as quickly
 * as a township's?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds (or reuses) two demo databases, the demo township and one of
 * --venues venues, and times on each what the window does: open the store
 * (alone, as every command-line call does first), open it and count the list, read the sidebar, scroll page by page, jump to the
 * middle and the end, filter by category and search.
 * Prints each figure for both, as wall and CPU time, and the ratios
 * large/small; a ratio near 1 means the size of the database does not
 * show.
 *
 * A search is timed as the window runs it: what the person waits for is
 * the first screen (the list counts later, fg_paged_list_set_count_later()),
 * and the count that follows is timed apart. Beside them, in the same run,
 * the baseline: a scan of every venue with LIKE '%term%' over name,
 * address and operator, which is what a search without its index costs.
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "firegrid.h"
#include "bench-summary.h"

#define REPEATS 5

/* runs of each step, at most REPEATS (--repeats) */
static guint repeats = REPEATS;

/* A step's cost: the time on the wall and the CPU time this process took */
typedef struct
{
  double wall;
  double cpu;
} Cost;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The demo's administrator; a database from before accounts has none, and
 * then the installer reads it. */
static FgActor *
log_in (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  if (!fg_store_has_accounts (store))
    return fg_actor_new_local ();

  actor = fg_account_login (store, "admin", "demo-admin", &error);
  if (actor == NULL)
    g_error ("%s", error->message);
  return actor;
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
  double start;

  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (fg_store_is_set_up (store))
    return path;

  g_printerr ("creating %s (%u venues)…\n", path, n_venues);
  start = now_ms ();
  if (!fg_demo_populate (store, actor, n_venues, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_printerr ("  created in %.1f s\n", (now_ms () - start) / 1000.0);

  return path;
}

/* The whole sidebar as the window shows it first: the township and its
 * villages with counts, and each village's grids. */
static void
read_sidebar (FgStore *store,
              FgActor *actor)
{
  g_autoptr(GPtrArray) villages = NULL;

  villages = fg_region_list_children (store, actor, fg_store_get_home_region_id (store), FALSE, NULL);
  for (guint i = 0; i < villages->len; i++)
    {
      g_autoptr(GPtrArray) grids = fg_region_list_children (store, actor,
                                                             fg_region_get_id (g_ptr_array_index (villages, i)),
                                                             FALSE, NULL);
      g_assert (grids != NULL);
    }
}

static void
read_rows (FgPagedList *list,
           guint        first,
           guint        n)
{
  for (guint i = first; i < first + n && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert (venue != NULL);
    }
}

typedef enum
{
  STEP_STORE_OPEN,
  STEP_OPEN,
  STEP_SIDEBAR,
  STEP_SCROLL,
  STEP_JUMP,
  STEP_CATEGORY,
  STEP_COUNT_CATEGORY,
  STEP_SEARCH_TWO,
  STEP_COUNT_TWO,
  STEP_SCAN_TWO,
  STEP_SEARCH_ONE,
  STEP_COUNT_ONE,
  STEP_SCAN_ONE,
  STEP_SORT_ADDRESS,
  N_STEPS
} Step;

/* a term people type (two characters, a few per cent of venues) and one
 * character that a third of them hold */
#define TERM_TWO "烧烤"
#define TERM_ONE "店"

static const char * const step_names[N_STEPS] = {
  "open the store",
  "open + count + first screen",
  "sidebar (township, villages, grids)",
  "scroll 20 screens (1,000 rows)",
  "jump to middle and end",
  "filter by category, first screen",
  "filter by category, count (after)",
  "search 烧烤, first screen",
  "search 烧烤, count (after)",
  "LIKE scan for 烧烤 (baseline)",
  "search 店, first screen",
  "search 店, count (after)",
  "LIKE scan for 店 (baseline)",
  "sort by address, first screen",
};

/* The baseline of a search: every venue read, its name, address and
 * operator compared with LIKE, on a connection of its own (LIKE needs
 * nothing of the program's). */
static Cost
scan_like (const char *path,
           const char *term)
{
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", term);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double start;
  double start_cpu;
  Cost cost;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT count(*) FROM venue WHERE deleted = 0"
                          " AND (name LIKE ?1 OR address LIKE ?1 OR operator_name LIKE ?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);

  start = now_ms ();
  start_cpu = cpu_ms ();
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (db));
  cost = (Cost) { now_ms () - start, cpu_ms () - start_cpu };

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return cost;
}

static Cost
run_step (const char *path,
          Step        step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgPagedList) list = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgActor) actor = NULL;
  double start;
  double start_cpu;
  guint n;

  if (step == STEP_SCAN_TWO || step == STEP_SCAN_ONE)
    return scan_like (path, step == STEP_SCAN_TWO ? TERM_TWO : TERM_ONE);

  if (step == STEP_STORE_OPEN)
    {
      start = now_ms ();
      start_cpu = cpu_ms ();
      store = fg_office_open (path, &error);
      g_assert (store != NULL);
      return (Cost) { now_ms () - start, cpu_ms () - start_cpu };
    }

  if (step == STEP_OPEN)
    {
      start = now_ms ();
      start_cpu = cpu_ms ();
      store = fg_office_open (path, &error);
      g_assert (store != NULL);
      actor = log_in (store);
      list = fg_venue_query_list_new (store, actor, NULL);
      read_rows (list, 0, 50);
      return (Cost) { now_ms () - start, cpu_ms () - start_cpu };
    }

  store = fg_office_open (path, &error);
  g_assert (store != NULL);
  actor = log_in (store);
  list = fg_venue_query_list_new (store, actor, NULL);
  read_rows (list, 0, 50);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  start = now_ms ();
  start_cpu = cpu_ms ();
  switch (step)
    {
    case STEP_SIDEBAR:
      read_sidebar (store, actor);
      break;

    case STEP_SCROLL:
      read_rows (list, 0, 1000);
      break;

    case STEP_JUMP:
      read_rows (list, n / 2, 50);
      read_rows (list, n > 50 ? n - 50 : 0, 50);
      break;

    case STEP_CATEGORY:
      /* as the window does: the first screen, the count when idle */
      fg_paged_list_set_count_later (list, TRUE);
      query->category = g_strdup ("internet-cafe");
      fg_paged_list_set_query (list, query);
      read_rows (list, 0, 50);
      break;

    case STEP_COUNT_CATEGORY:
      query->category = g_strdup ("internet-cafe");
      if (!fg_venue_query_count (store, actor, query, &n, &error))
        g_error ("%s", error->message);
      break;

    case STEP_SEARCH_TWO:
    case STEP_SEARCH_ONE:
      /* as the window does: the first screen, the count when idle */
      fg_paged_list_set_count_later (list, TRUE);
      query->text = g_strdup (step == STEP_SEARCH_TWO ? TERM_TWO : TERM_ONE);
      fg_paged_list_set_query (list, query);
      read_rows (list, 0, 50);
      break;

    case STEP_COUNT_TWO:
    case STEP_COUNT_ONE:
      query->text = g_strdup (step == STEP_COUNT_TWO ? TERM_TWO : TERM_ONE);
      if (!fg_venue_query_count (store, actor, query, &n, &error))
        g_error ("%s", error->message);
      break;

    case STEP_SORT_ADDRESS:
      query->sort = FG_VENUE_SORT_ADDRESS;
      fg_paged_list_set_query (list, query);
      read_rows (list, 0, 50);
      break;

    case STEP_STORE_OPEN:
    case STEP_OPEN:
    case STEP_SCAN_TWO:
    case STEP_SCAN_ONE:
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }

  return (Cost) { now_ms () - start, cpu_ms () - start_cpu };
}

/* The median wall time and the median CPU time of a few runs */
static Cost
median_of_runs (const char *path,
                Step        step)
{
  double walls[REPEATS];
  double cpus[REPEATS];

  for (guint i = 0; i < repeats; i++)
    {
      Cost cost = run_step (path, step);

      walls[i] = cost.wall;
      cpus[i] = cost.cpu;
    }
  qsort (walls, repeats, sizeof (double), compare_doubles);
  qsort (cpus, repeats, sizeof (double), compare_doubles);
  return (Cost) { walls[repeats / 2], cpus[repeats / 2] };
}

/* The figures of ./dev bench's table (bench-summary.h): opening against
 * the demo's, the first screen of each search against the LIKE scan, and
 * the file's size a venue against the demo's. */
static void
write_summary (const char *small_path,
               const char *large_path,
               guint       n_venues,
               const Cost *small,
               const Cost *large)
{
  GStatBuf small_file, large_file;

  bench_summary_add ("open", n_venues, "ms", large[STEP_STORE_OPEN].cpu, large[STEP_STORE_OPEN].wall,
                     small[STEP_STORE_OPEN].cpu, small[STEP_STORE_OPEN].wall);
  bench_summary_add ("search-two", n_venues, "ms", large[STEP_SEARCH_TWO].cpu, large[STEP_SEARCH_TWO].wall,
                     large[STEP_SCAN_TWO].cpu, large[STEP_SCAN_TWO].wall);
  bench_summary_add ("search-one", n_venues, "ms", large[STEP_SEARCH_ONE].cpu, large[STEP_SEARCH_ONE].wall,
                     large[STEP_SCAN_ONE].cpu, large[STEP_SCAN_ONE].wall);
  if (g_stat (small_path, &small_file) == 0 && g_stat (large_path, &large_file) == 0)
    bench_summary_add ("db-size", n_venues, "KB", large_file.st_size / 1024.0 / n_venues, BENCH_NONE,
                       small_file.st_size / 1024.0 / FG_DEMO_DEFAULT_VENUES, BENCH_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *large_path = NULL;
  int n_venues = 1000000;
  int n_repeats = REPEATS;
  Cost costs[N_STEPS];
  Cost small_costs[N_STEPS];
  GOptionEntry entries[] = {
    { "venues", 'n', 0, G_OPTION_ARG_INT, &n_venues, "Venues in the large database (default 1000000)", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Where to keep the databases between runs", "DIR" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &n_repeats, "Runs of each step, 1 to 5 (5)", "N" },
    BENCH_SUMMARY_OPTION,
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the venue list on a township and a county database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "firegrid-bench", NULL);
  g_mkdir_with_parents (dir, 0700);
  repeats = (guint) CLAMP (n_repeats, 1, REPEATS);

  small_path = ensure_database (dir, FG_DEMO_DEFAULT_VENUES);
  large_path = ensure_database (dir, (guint) n_venues);

  g_print ("median of %d runs, milliseconds (wall, then CPU); %u venues against %d\n\n",
           repeats, FG_DEMO_DEFAULT_VENUES, n_venues);
  g_print ("%-38s %10s %10s %8s %10s %10s %8s\n", "step", "township", "county", "ratio",
           "cpu town", "cpu county", "ratio");

  for (Step step = 0; step < N_STEPS; step++)
    {
      Cost small = median_of_runs (small_path, step);
      Cost large = median_of_runs (large_path, step);

      costs[step] = large;
      small_costs[step] = small;
      g_print ("%-38s %10.2f %10.2f %8.1f %10.2f %10.2f %8.1f\n", step_names[step],
               small.wall, large.wall, large.wall / MAX (small.wall, 0.01),
               small.cpu, large.cpu, large.cpu / MAX (small.cpu, 0.01));
    }

  /* What a search costs against the scan, on the large database */
  g_print ("\nsearch at %d venues against the LIKE scan of the same run (CPU, then wall):\n", n_venues);
  for (guint i = 0; i < 2; i++)
    {
      Step first = i == 0 ? STEP_SEARCH_TWO : STEP_SEARCH_ONE;
      Step count = i == 0 ? STEP_COUNT_TWO : STEP_COUNT_ONE;
      Step scan = i == 0 ? STEP_SCAN_TWO : STEP_SCAN_ONE;

      g_print ("  %s: first screen %.2f / %.2f ms, %.0f× / %.0f× faster; count %.2f / %.2f ms; scan %.2f / %.2f ms\n",
               i == 0 ? TERM_TWO : TERM_ONE,
               costs[first].cpu, costs[first].wall,
               costs[scan].cpu / MAX (costs[first].cpu, 0.01), costs[scan].wall / MAX (costs[first].wall, 0.01),
               costs[count].cpu, costs[count].wall,
               costs[scan].cpu, costs[scan].wall);
    }

  write_summary (small_path, large_path, (guint) n_venues, small_costs, costs);
  return 0;
}
