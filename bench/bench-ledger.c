/* bench-ledger.c — how fast are the ledgers written?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds (once, then reuses from --dir) a demo township of each size in
 * --venues, and times at each size, as the median of --repeats runs:
 *
 *   read     reading the registry through the venue list's query, page by
 *            page, writing nothing: the baseline
 *   xlsx     fg_ledger_export() of the venue registry as a workbook
 *   csv      the same as CSV
 *   hazards  the hazard ledger as a workbook
 *
 * For each it prints the rows, wall and CPU time, rows per second, and
 * the ratio of its wall time to the baseline's at the same size; then the
 * ratio of each step's rows per second at the largest size to that at the
 * smallest (1.0: the cost per row does not grow with the registry).
 *
 *   _build/bench/bench-ledger --venues 10000,100000 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "firegrid.h"

#define PAGE 2000

typedef struct
{
  double wall;  /* seconds */
  double cpu;   /* seconds */
  guint  rows;
} Timing;

typedef guint (*Step) (FgStore *store, FgActor *actor, const char *dir);

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static guint
step_read (FgStore    *store,
           FgActor    *actor,
           const char *dir)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  query->sort = FG_VENUE_SORT_NAME;
  for (guint offset = 0;; offset += PAGE)
    {
      g_autoptr(GPtrArray) page = fg_venue_query_fetch (store, actor, query, offset, PAGE, &error);

      if (page == NULL)
        g_error ("%s", error->message);
      /* touch what a row of the ledger reads */
      for (guint i = 0; i < page->len; i++)
        n += fg_venue_get_name (g_ptr_array_index (page, i))[0] != '\0';
      if (page->len < PAGE)
        return n;
    }
}

static guint
export (FgStore        *store,
        FgActor        *actor,
        const char     *dir,
        FgLedgerKind    kind,
        FgLedgerFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("ledger", fg_ledger_format_get_extension (format), NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  FgLedgerQuery query = { .kind = kind };
  guint n_rows = 0;

  if (!fg_ledger_export (store, actor, &query, format, path, &n_rows, &error))
    g_error ("%s", error->message);
  g_unlink (path);
  return n_rows;
}

static guint
step_xlsx (FgStore    *store,
           FgActor    *actor,
           const char *dir)
{
  return export (store, actor, dir, FG_LEDGER_VENUES, FG_LEDGER_FORMAT_XLSX);
}

static guint
step_csv (FgStore    *store,
          FgActor    *actor,
          const char *dir)
{
  return export (store, actor, dir, FG_LEDGER_VENUES, FG_LEDGER_FORMAT_CSV);
}

static guint
step_hazards (FgStore    *store,
              FgActor    *actor,
              const char *dir)
{
  return export (store, actor, dir, FG_LEDGER_HAZARDS, FG_LEDGER_FORMAT_XLSX);
}

static const struct
{
  const char *name;
  Step        step;
} steps[] = {
  { "read (baseline)", step_read },
  { "venues xlsx", step_xlsx },
  { "venues csv", step_csv },
  { "hazards xlsx", step_hazards },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static Timing
measure (Step        step,
         FgStore    *store,
         FgActor    *actor,
         const char *dir,
         guint       repeats)
{
  g_autofree double *walls = g_new (double, repeats);
  g_autofree double *cpus = g_new (double, repeats);
  Timing timing = { 0, };

  for (guint r = 0; r < repeats; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();

      timing.rows = step (store, actor, dir);
      walls[r] = (g_get_monotonic_time () - start) / 1e6;
      cpus[r] = cpu_seconds () - cpu;
    }
  qsort (walls, repeats, sizeof (double), compare_doubles);
  qsort (cpus, repeats, sizeof (double), compare_doubles);
  timing.wall = walls[repeats / 2];
  timing.cpu = cpus[repeats / 2];
  return timing;
}

static FgStore *
open_demo (const char *dir,
           guint       n_venues)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("ledger-%u.db", n_venues);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(FgStore) store = fg_office_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  if (fresh)
    {
      g_autoptr(FgActor) installer = fg_actor_new_local ();
      gint64 start = g_get_monotonic_time ();

      g_printerr ("Making a demo township of %u venues in %s …\n", n_venues, path);
      if (!fg_demo_populate (store, installer, n_venues, NULL, NULL, &error))
        {
          g_unlink (path);
          g_error ("%s", error->message);
        }
      g_printerr ("  %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  return g_steal_pointer (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sizes_text = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Timing));
  int repeats = 3;
  guint n_sizes;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Sizes of the registry, comma-separated", "N,N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the databases are kept", "DIR" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &repeats, "Runs of each step; the median is shown", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the ledger exports");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (dir == NULL)
    dir = g_strdup ("/tmp/firegrid-bench");
  g_mkdir_with_parents (dir, 0755);
  sizes = g_strsplit (sizes_text != NULL ? sizes_text : "10000,100000", ",", -1);
  n_sizes = g_strv_length (sizes);
  repeats = MAX (repeats, 1);

  g_print ("%-8s %-16s %8s %9s %9s %10s %9s\n", "venues", "step", "rows", "wall s", "CPU s", "rows/s", "×baseline");
  for (guint s = 0; s < n_sizes; s++)
    {
      guint n_venues = (guint) g_ascii_strtoull (sizes[s], NULL, 10);
      g_autoptr(FgStore) store = open_demo (dir, n_venues);
      g_autoptr(FgActor) admin = fg_account_login (store, "admin", "demo-admin", &error);
      Timing baseline = { 0, };

      if (admin == NULL)
        g_error ("%s", error->message);

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          Timing t = measure (steps[i].step, store, admin, dir, repeats);

          if (i == 0)
            baseline = t;
          g_array_append_val (results, t);
          g_print ("%-8u %-16s %8u %9.3f %9.3f %10.0f %9.2f\n", n_venues, steps[i].name, t.rows, t.wall, t.cpu,
                   t.wall > 0 ? t.rows / t.wall : 0, baseline.wall > 0 ? t.wall / baseline.wall : 0);
        }
    }

  if (n_sizes > 1)
    {
      g_print ("\nrows/s at %s venues ÷ rows/s at %s venues:\n", sizes[n_sizes - 1], sizes[0]);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          Timing *small = &g_array_index (results, Timing, i);
          Timing *large = &g_array_index (results, Timing, (n_sizes - 1) * G_N_ELEMENTS (steps) + i);

          g_print ("  %-16s %.2f\n", steps[i].name,
                   (large->rows / large->wall) / (small->rows / small->wall));
        }
    }
  return 0;
}
