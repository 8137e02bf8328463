/* test-deadline.c — the warnings an officer confirms before setting a deadline
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"

#define PASSWORD "long-password"
#define FAR "more than twice the longest"
#define NO_HOLIDAYS "are not installed"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  GPtrArray *hazards;   /* FgHazard, of one inspection of a restaurant */
  guint longest;        /* the longest default period among them, in working days */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &village, &grid);
  account = fg_account_create (f->store, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (f->store), PASSWORD, &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", PASSWORD, &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);

  /* every ordinary item fails: hazards of several default periods */
  inspection = fg_inspection_start (f->store, f->admin, fg_venue_get_id (venue), FG_INSPECTION_KIND_ROUTINE, NULL,
                                    &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            fg_checklist_item_get_major (item) ? FG_OUTCOME_PASS : FG_OUTCOME_FAIL, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);
  f->hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->hazards->len, >=, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->hazards, g_ptr_array_unref);
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static guint
default_days (FgHazard *hazard)
{
  guint days = fg_hazard_get_deadline_days (hazard);

  return days > 0 ? days : 5;
}

/* The hazard with the shortest default period and the one with the
 * longest, which must differ. */
static void
shortest_and_longest (Fixture   *f,
                      FgHazard **shortest,
                      FgHazard **longest)
{
  *shortest = *longest = g_ptr_array_index (f->hazards, 0);
  for (guint i = 1; i < f->hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (f->hazards, i);

      if (default_days (hazard) < default_days (*shortest))
        *shortest = hazard;
      if (default_days (hazard) > default_days (*longest))
        *longest = hazard;
    }
  g_assert_cmpuint (default_days (*shortest), <, default_days (*longest));
}

static GStrv
warnings (Fixture            *f,
          const char * const *ids,
          FgHazardEventKind   kind,
          const GDate        *today,
          const GDate        *deadline)
{
  g_autofree char *text = fg_calendar_format_date (deadline);
  GStrv list = fg_deadline_dup_warnings (f->store, f->admin, ids, kind, today, text);

  g_assert_nonnull (list);
  for (guint i = 0; list[i] != NULL; i++)
    g_test_message ("%s: %s", text, list[i]);
  return list;
}

static gboolean
says (GStrv       list,
      const char *fragment)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (list[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

/* Far means more than 20 working days and more than twice the longest
 * default of the order's items: the longest item sets the limit for all. */
static void
test_deadline_far (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  FgHazard *shortest, *longest;
  const char *one[2] = { NULL, NULL };
  const char *both[3] = { NULL, NULL, NULL };
  guint limit_one, limit_both;

  g_assert_true (fg_calendar_knows_year (f->store, 2026));
  shortest_and_longest (f, &shortest, &longest);
  one[0] = both[0] = fg_hazard_get_id (shortest);
  both[1] = fg_hazard_get_id (longest);
  limit_one = MAX (2 * default_days (shortest), FG_DEADLINE_FAR_MIN_WORKDAYS);
  limit_both = MAX (2 * default_days (longest), FG_DEADLINE_FAR_MIN_WORKDAYS);
  g_test_message ("defaults %u and %u working days", default_days (shortest), default_days (longest));

  /* at the limit: nothing to confirm; one working day beyond: far */
  for (int step = 0; step < 2; step++)
    {
      g_autoptr(GDate) at_limit = fg_calendar_add_workdays (f->store, today, limit_one + step);
      g_auto(GStrv) list = warnings (f, one, FG_HAZARD_EVENT_NOTICE_ISSUED, today, at_limit);

      g_assert_cmpuint (g_strv_length (list), ==, step);
      g_assert_true (step == 0 || says (list, FAR));
    }

  /* with the longer item, the same deadline is no longer far */
  if (limit_both > limit_one)
    {
      g_autoptr(GDate) beyond_one = fg_calendar_add_workdays (f->store, today, limit_one + 1);
      g_autoptr(GDate) beyond_both = fg_calendar_add_workdays (f->store, today, limit_both + 1);
      g_auto(GStrv) near = warnings (f, both, FG_HAZARD_EVENT_NOTICE_ISSUED, today, beyond_one);
      g_auto(GStrv) far = warnings (f, both, FG_HAZARD_EVENT_NOTICE_ISSUED, today, beyond_both);

      g_assert_cmpuint (g_strv_length (near), ==, 0);
      g_assert_true (says (far, FAR));
    }
}

/* A deadline in a year whose holidays are not installed is counted with
 * weekends only: said once, even for a date many years on. */
static void
test_deadline_unknown_year (Fixture       *f,
                            gconstpointer  data)
{
  const char *ids[] = { fg_hazard_get_id (g_ptr_array_index (f->hazards, 0)), NULL };
  int year = 2026;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) deadline = NULL;
  g_autoptr(GDate) typo = NULL;
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) typo_list = NULL;
  g_autofree char *year_text = NULL;

  while (fg_calendar_knows_year (f->store, year + 1))
    year++;
  g_assert_true (fg_calendar_knows_year (f->store, year));
  today = g_date_new_dmy (21, G_DATE_DECEMBER, year);
  deadline = g_date_new_dmy (8, G_DATE_JANUARY, year + 1);
  list = warnings (f, ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today, deadline);
  g_assert_cmpuint (g_strv_length (list), ==, 1);
  year_text = g_strdup_printf ("The holidays of %d " NO_HOLIDAYS, year + 1);
  g_assert_true (says (list, year_text));

  /* within a known year: nothing */
  g_clear_pointer (&list, g_strfreev);
  g_date_set_dmy (deadline, 30, G_DATE_DECEMBER, year);
  list = warnings (f, ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today, deadline);
  g_assert_cmpuint (g_strv_length (list), ==, 0);

  /* 2062 for 2026: far, and one year without holidays */
  typo = g_date_new_dmy (8, G_DATE_JANUARY, year + 36);
  typo_list = warnings (f, ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today, typo);
  g_assert_cmpuint (g_strv_length (typo_list), ==, 2);
  g_assert_true (says (typo_list, FAR));
  g_assert_true (says (typo_list, year_text));
}

/* An extension runs on from the deadline it extends: a few working days
 * beyond a running deadline are not far, though far from today. */
static void
test_deadline_extension (Fixture       *f,
                         gconstpointer  data)
{
  FgHazard *hazard = g_ptr_array_index (f->hazards, 0);
  const char *ids[] = { fg_hazard_get_id (hazard), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = fg_store_today (f->store);
  guint limit = MAX (2 * default_days (hazard), FG_DEADLINE_FAR_MIN_WORKDAYS);
  g_autoptr(GDate) running = fg_calendar_add_workdays (f->store, today, limit);
  g_autoptr(GDate) extended = fg_calendar_add_workdays (f->store, running, 5);
  g_autofree char *running_text = fg_calendar_format_date (running);
  FgHazardEventDetails notice = { .deadline = running_text };
  g_auto(GStrv) as_extension = NULL;
  g_auto(GStrv) as_order = NULL;

  g_assert_true (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, &notice, &error));
  g_assert_no_error (error);

  as_extension = warnings (f, ids, FG_HAZARD_EVENT_DEADLINE_EXTENDED, today, extended);
  g_assert_false (says (as_extension, FAR));
  as_order = warnings (f, ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today, extended);
  g_assert_true (says (as_order, FAR));
}

/* What is not a deadline ahead gives no warning: setting it is refused
 * with its own error. */
static void
test_deadline_not_ahead (Fixture       *f,
                         gconstpointer  data)
{
  const char *ids[] = { fg_hazard_get_id (g_ptr_array_index (f->hazards, 0)), NULL };
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  const char *texts[] = { "2026-02-30", "not a date", "2026-03-02", "2020-01-01", NULL };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_auto(GStrv) list = fg_deadline_dup_warnings (f->store, f->admin, ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today,
                                                     texts[i]);

      g_assert_nonnull (list);
      g_assert_cmpuint (g_strv_length (list), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/deadline/far", test_deadline_far);
  ADD ("/deadline/unknown-year", test_deadline_unknown_year);
  ADD ("/deadline/extension", test_deadline_extension);
  ADD ("/deadline/not-ahead", test_deadline_not_ahead);

#undef ADD

  return g_test_run ();
}
