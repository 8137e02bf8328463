/* bench-notices.c — are documents small, and is a batch of hundreds fast?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a demo township in a temporary directory, fails two items at each
 * of --notices venues and issues one order to correct for each. Then times,
 * as the median of five runs, one notice rendered alone (the baseline) and
 * all of them as one PDF for printing, and prints the batch's time per
 * notice as a ratio to the baseline: near 1 (or below: the font is
 * prepared once) means a batch costs no more than its notices one by one.
 * It also prints the sizes: one notice with its proof of service, and the
 * batch per notice.
 */
#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "firegrid.h"

#define REPEATS 5

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

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* Fails the first two ordinary items of an inspection of @venue_id. */
static void
inspect (FgStore    *store,
         FgActor    *actor,
         const char *venue_id)
{
  g_autoptr(FgInspection) inspection = NULL;
  GError *error = NULL;
  GListModel *items;
  guint n_failed = 0;

  inspection = fg_inspection_start (store, actor, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  check (inspection != NULL, error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = n_failed < 2 && !fg_checklist_item_get_major (item) && !fg_checklist_item_get_on_spot (item);

      if (fail)
        n_failed++;
      check (fg_inspection_record (store, actor, inspection, fg_checklist_item_get_code (item),
                                   fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? "现场检查发现" : NULL, &error),
             error);
    }
  check (fg_inspection_finish (store, actor, inspection, &error), error);
}

static double
time_render (FgStore   *store,
             FgActor   *actor,
             GPtrArray *notices,
             gsize     *size)
{
  double runs[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      GError *error = NULL;
      double start = now_ms ();
      g_autoptr(GBytes) pdf = fg_notice_render (store, actor, notices, &error);

      check (pdf != NULL, error);
      runs[r] = now_ms () - start;
      *size = g_bytes_get_size (pdf);
    }
  qsort (runs, REPEATS, sizeof (double), compare_doubles);
  return runs[REPEATS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(GPtrArray) venues = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int n_notices = 300;
  double start, issue_ms, single_ms, batch_ms;
  gsize single_size, batch_size;
  const GOptionEntry entries[] = {
    { "notices", 0, 0, G_OPTION_ARG_INT, &n_notices, "How many notices the batch holds (300)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time documents one by one and in a batch");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  n_notices = CLAMP (n_notices, 1, 5000);

  dir = g_dir_make_tmp ("firegrid-bench-notices-XXXXXX", &error);
  check (dir != NULL, error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = fg_office_open (path, &error);
  check (store != NULL, error);
  check (fg_demo_populate (store, installer, MAX (FG_DEMO_DEFAULT_VENUES, (guint) n_notices), NULL, NULL, &error),
         error);
  admin = fg_account_login (store, "admin", "demo-admin", &error);
  check (admin != NULL, error);

  /* venues without hazards yet, so that every notice has two */
  {
    g_autoptr(GPtrArray) found = fg_venue_query_fetch (store, admin, query, 0, G_MAXINT, &error);

    check (found != NULL, error);
    for (guint i = 0; i < found->len && venues->len < (guint) n_notices; i++)
      {
        FgVenue *venue = g_ptr_array_index (found, i);
        g_autoptr(GPtrArray) hazards = fg_hazard_list (store, admin, fg_venue_get_id (venue), NULL, -1, &error);

        check (hazards != NULL, error);
        if (hazards->len == 0)
          g_ptr_array_add (venues, g_strdup (fg_venue_get_id (venue)));
      }
  }
  n_notices = venues->len;
  g_print ("Preparing %d venues with two hazards each…\n", n_notices);
  for (guint i = 0; i < venues->len; i++)
    inspect (store, admin, g_ptr_array_index (venues, i));

  start = now_ms ();
  for (guint i = 0; i < venues->len; i++)
    {
      g_autoptr(GPtrArray) hazards = fg_hazard_list (store, admin, g_ptr_array_index (venues, i), NULL, -1, &error);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) hazard_ids = NULL;
      g_autoptr(GDate) deadline = g_date_new ();
      g_autofree char *deadline_text = NULL;
      FgNoticeRequest request = { FG_NOTICE_KIND_CORRECT_BY_DEADLINE };
      FgNotice *notice;

      check (hazards != NULL, error);
      for (guint h = 0; h < hazards->len; h++)
        g_strv_builder_add (ids, fg_hazard_get_id (g_ptr_array_index (hazards, h)));
      hazard_ids = g_strv_builder_end (ids);
      g_date_set_time_t (deadline, time (NULL));
      g_date_add_days (deadline, 15);
      deadline_text = fg_calendar_format_date (deadline);
      request.hazard_ids = (const char * const *) hazard_ids;
      request.deadline = deadline_text;
      notice = fg_notice_issue (store, admin, &request, &error);
      check (notice != NULL, error);
      g_ptr_array_add (notices, notice);
    }
  issue_ms = now_ms () - start;

  g_ptr_array_add (one, g_ptr_array_index (notices, 0));
  single_ms = time_render (store, admin, one, &single_size);
  batch_ms = time_render (store, admin, notices, &batch_size);

  g_print ("\n| figure | value |\n| --- | ---: |\n");
  g_print ("| notices issued (two hazards each) | %d |\n", n_notices);
  g_print ("| issuing, per notice (ms) | %.2f |\n", issue_ms / n_notices);
  g_print ("| one notice rendered alone (ms) | %.1f |\n", single_ms);
  g_print ("| the batch, one PDF (ms) | %.1f |\n", batch_ms);
  g_print ("| batch per notice (ms) | %.2f |\n", batch_ms / n_notices);
  g_print ("| ratio: batch per notice / one alone | %.2f |\n", batch_ms / n_notices / single_ms);
  g_print ("| one notice + proof of service (KB) | %.1f |\n", single_size / 1024.0);
  g_print ("| the batch (KB) | %.1f |\n", batch_size / 1024.0);
  g_print ("| batch per notice (KB) | %.1f |\n", batch_size / 1024.0 / n_notices);

  g_clear_object (&store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return EXIT_SUCCESS;
}
