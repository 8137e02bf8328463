/* bench-window.c — does the window open and scroll as quickly on a county
 * database as on the demo township?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (run it under xvfb-run). Uses the databases that
 * bench-venue-list made in the same --dir. For each, as the median of five
 * runs: open the store and show the window until it is drawn and idle;
 * scroll the venue list down twenty screens; drag to the middle and to the
 * end. Prints both figures and the ratio county / township.
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "firegrid.h"
#include "fg-venue-page.h"
#include "fg-window.h"
#include "bench-summary.h"

#define REPEATS 5

/* runs of each database, at most REPEATS (--repeats); --open-only times the
 * first frame alone */
static guint repeats = REPEATS;
static gboolean open_only = FALSE;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Runs the main loop until GTK has nothing left to do: laid out, drawn. */
static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static GtkAdjustment *
list_adjustment (FgWindow *window)
{
  FgVenuePage *page = fg_window_get_venue_page (window);
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), FG_TYPE_VENUE_PAGE, "column_view");

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
}

typedef struct
{
  double open;
  double scroll;
  double jump;
  double open_cpu;  /* the CPU time of this process until drawn */
} Times;

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static Times
run_once (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = NULL;
  GtkAdjustment *adjustment;
  FgWindow *window;
  Times times;
  double start;
  double start_cpu = cpu_ms ();

  start = now_ms ();
  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* the demo's administrator; a database from before accounts has none */
  if (fg_store_has_accounts (store))
    actor = fg_account_login (store, "admin", "demo-admin", &error);
  else
    actor = fg_actor_new_local ();
  if (actor == NULL)
    g_error ("%s", error->message);
  window = fg_window_new (NULL, store, actor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  times.open = now_ms () - start;
  times.open_cpu = cpu_ms () - start_cpu;

  if (open_only)
    {
      times.scroll = times.jump = 0;
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
      return times;
    }

  adjustment = list_adjustment (window);

  start = now_ms ();
  for (guint i = 1; i <= 20; i++)
    {
      gtk_adjustment_set_value (adjustment, i * gtk_adjustment_get_page_size (adjustment));
      settle ();
    }
  times.scroll = now_ms () - start;

  start = now_ms ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  settle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle ();
  times.jump = now_ms () - start;

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  return times;
}

static double
median (double *values)
{
  qsort (values, repeats, sizeof (double), compare_doubles);
  return values[repeats / 2];
}

static Times
run (const char *path)
{
  double open[REPEATS], scroll[REPEATS], jump[REPEATS], open_cpu[REPEATS];
  Times result;

  for (guint i = 0; i < repeats; i++)
    {
      Times t = run_once (path);
      open[i] = t.open;
      scroll[i] = t.scroll;
      jump[i] = t.jump;
      open_cpu[i] = t.open_cpu;
    }

  result.open = median (open);
  result.scroll = median (scroll);
  result.jump = median (jump);
  result.open_cpu = median (open_cpu);
  return result;
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
  g_autofree char *small_name = NULL;
  g_autofree char *large_name = NULL;
  int n_venues = 1000000;
  int n_repeats = REPEATS;
  GOptionEntry entries[] = {
    { "venues", 'n', 0, G_OPTION_ARG_INT, &n_venues, "Venues in the large database (default 1000000)", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Where bench-venue-list keeps its databases", "DIR" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &n_repeats, "Runs on each database, 1 to 5 (5)", "N" },
    { "open-only", 0, 0, G_OPTION_ARG_NONE, &open_only, "Time the first frame only, not scrolling", NULL },
    BENCH_SUMMARY_OPTION,
    { NULL }
  };
  Times small;
  Times large;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the window on a township and a county database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "firegrid-bench", NULL);
  repeats = (guint) CLAMP (n_repeats, 1, REPEATS);

  small_name = g_strdup_printf ("demo-%u.db", FG_DEMO_DEFAULT_VENUES);
  large_name = g_strdup_printf ("demo-%d.db", n_venues);
  small_path = g_build_filename (dir, small_name, NULL);
  large_path = g_build_filename (dir, large_name, NULL);
  if (!g_file_test (small_path, G_FILE_TEST_EXISTS) || !g_file_test (large_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("Run bench-venue-list --venues %d --dir %s first: it makes the databases.\n",
                  n_venues, dir);
      return 1;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run this under xvfb-run.\n");
      return 1;
    }
  adw_init ();

  small = run (small_path);
  large = run (large_path);

  g_print ("median of %u runs, milliseconds; %u venues against %d\n\n",
           repeats, FG_DEMO_DEFAULT_VENUES, n_venues);
  g_print ("%-38s %10s %10s %8s\n", "step", "township", "county", "ratio");
  g_print ("%-38s %10.1f %10.1f %8.1f\n", "open the window until drawn", small.open, large.open, large.open / small.open);
  g_print ("%-38s %10.1f %10.1f %8.1f\n", "scroll down 20 screens", small.scroll, large.scroll, large.scroll / small.scroll);
  g_print ("%-38s %10.1f %10.1f %8.1f\n", "drag to the middle and the end", small.jump, large.jump, large.jump / small.jump);
  g_print ("%-38s %10.1f %10.1f %8.1f\n", "the same open, CPU time", small.open_cpu, large.open_cpu,
           large.open_cpu / small.open_cpu);
  bench_summary_add ("window-open", (guint) n_venues, "ms", large.open_cpu, large.open, small.open_cpu, small.open);

  return 0;
}
