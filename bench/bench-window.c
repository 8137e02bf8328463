/* bench-window.c — does the window open and scroll as quickly on a county
 * database as on the demo township?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (run it under xvfb-run). Uses the databases that
 * bench-venue-list made in the same --dir. For each, as the median of five
 * runs: open the store and show the login window until it is drawn (what
 * the program shows first); open the store, log in and show the window
 * until it is drawn and idle; scroll the venue list down twenty screens;
 * drag to the middle and to the end. Prints both figures, wall clock and
 * this process's CPU time, and the ratio county / township.
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "firegrid.h"
#include "fg-login-window.h"
#include "fg-venue-page.h"
#include "fg-window.h"
#include "bench-summary.h"

#define REPEATS 5

/* runs of each database, at most REPEATS (--repeats); --open-only times the
 * login window and the first frame alone */
static guint repeats = REPEATS;
static gboolean open_only = FALSE;

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

enum { STEP_LOGIN, STEP_OPEN, STEP_SCROLL, STEP_JUMP, N_STEPS };

static const char * const step_names[N_STEPS] = {
  "open the store, login window drawn",
  "open the window until drawn",
  "scroll down 20 screens",
  "drag to the middle and the end",
};

/* each step's wall clock and CPU time, in milliseconds */
typedef struct
{
  double wall[N_STEPS];
  double cpu[N_STEPS];
} Times;

/* What the program shows first: the store opened, the login window
 * drawn. */
static void
run_login (const char *path,
           Times      *times)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgLoginWindow *login;
  double start = now_ms ();
  double start_cpu = cpu_ms ();

  store = fg_office_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  login = fg_login_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (login));
  while (!gtk_widget_get_mapped (GTK_WIDGET (login)))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  times->wall[STEP_LOGIN] = now_ms () - start;
  times->cpu[STEP_LOGIN] = cpu_ms () - start_cpu;

  gtk_window_destroy (GTK_WINDOW (login));
  settle ();
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
  double start, start_cpu;

  run_login (path, &times);

  start = now_ms ();
  start_cpu = cpu_ms ();
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
  times.wall[STEP_OPEN] = now_ms () - start;
  times.cpu[STEP_OPEN] = cpu_ms () - start_cpu;

  if (open_only)
    {
      for (guint s = STEP_SCROLL; s < N_STEPS; s++)
        times.wall[s] = times.cpu[s] = 0;
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
      return times;
    }

  adjustment = list_adjustment (window);

  start = now_ms ();
  start_cpu = cpu_ms ();
  for (guint i = 1; i <= 20; i++)
    {
      gtk_adjustment_set_value (adjustment, i * gtk_adjustment_get_page_size (adjustment));
      settle ();
    }
  times.wall[STEP_SCROLL] = now_ms () - start;
  times.cpu[STEP_SCROLL] = cpu_ms () - start_cpu;

  start = now_ms ();
  start_cpu = cpu_ms ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  settle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle ();
  times.wall[STEP_JUMP] = now_ms () - start;
  times.cpu[STEP_JUMP] = cpu_ms () - start_cpu;

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
  double wall[N_STEPS][REPEATS], cpu[N_STEPS][REPEATS];
  Times result;

  for (guint i = 0; i < repeats; i++)
    {
      Times t = run_once (path);

      for (guint s = 0; s < N_STEPS; s++)
        {
          wall[s][i] = t.wall[s];
          cpu[s][i] = t.cpu[s];
        }
    }

  for (guint s = 0; s < N_STEPS; s++)
    {
      result.wall[s] = median (wall[s]);
      result.cpu[s] = median (cpu[s]);
    }
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
    { "open-only", 0, 0, G_OPTION_ARG_NONE, &open_only, "Time the login window and the first frame only, not scrolling", NULL },
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

  g_print ("median of %u runs, milliseconds (wall, then CPU); %u venues against %d\n\n",
           repeats, FG_DEMO_DEFAULT_VENUES, n_venues);
  g_print ("%-38s %10s %10s %8s %10s %10s %8s\n",
           "step", "township", "county", "ratio", "cpu town", "cpu county", "ratio");
  for (guint s = 0; s < N_STEPS; s++)
    g_print ("%-38s %10.1f %10.1f %8.2f %10.1f %10.1f %8.2f\n", step_names[s],
             small.wall[s], large.wall[s], large.wall[s] / small.wall[s],
             small.cpu[s], large.cpu[s], large.cpu[s] / small.cpu[s]);
  bench_summary_add ("window-login", (guint) n_venues, "ms", large.cpu[STEP_LOGIN], large.wall[STEP_LOGIN],
                     small.cpu[STEP_LOGIN], small.wall[STEP_LOGIN]);
  bench_summary_add ("window-open", (guint) n_venues, "ms", large.cpu[STEP_OPEN], large.wall[STEP_OPEN],
                     small.cpu[STEP_OPEN], small.wall[STEP_OPEN]);

  return 0;
}
