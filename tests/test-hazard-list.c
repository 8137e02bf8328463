/* test-hazard-list.c — the hazard ledger's query and its paged list
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each filter, order and scope of FgHazardQuery is held against
 * fg_hazard_list(), which reads every hazard an actor may see, and the
 * overdue ones against fg_hazard_count_overdue().
 */
#include <string.h>

#include "fg-test-util.h"
#include "fg-collate-private.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  GPtrArray *all;      /* fg_hazard_list() for the administrator */
  char *today;         /* the day overdue is counted for, YYYY-MM-DD */
  GDate today_date;
} Fixture;

static FgActor *
login (FgStore    *store,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strconcat ("demo-", name, NULL);
  FgActor *actor = fg_account_login (store, name, password, &error);

  g_assert_no_error (error);
  return actor;
}

/* An inspection of the @n-th venue in which every item fails. */
static void
fail_everything (Fixture *f,
                 guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = fg_venue_query_fetch (f->store, f->admin, query, n, 1, &error);
  g_autoptr(FgInspection) inspection = NULL;
  GListModel *items;

  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  inspection = fg_inspection_start (f->store, f->admin, fg_venue_get_id (g_ptr_array_index (venues, 0)),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            FG_OUTCOME_FAIL, "现场检查发现", &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) local = fg_actor_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean many = GPOINTER_TO_INT (data);

  fg_test_dir_init (&f->dir);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
  fg_demo_populate (f->store, local, 120, NULL, NULL, &error);
  g_assert_no_error (error);
  f->admin = login (f->store, "admin");

  /* hazards of every grade; with @many, more than two pages of them */
  for (guint i = 0; i < (many ? 12 : 2); i++)
    fail_everything (f, 60 + i);

  f->all = fg_hazard_list (f->store, f->admin, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->all->len, >, 10);

  /* notices with deadlines from tomorrow on, one more day each: some
   * are overdue on the day counted for, one falls due on it, others later */
  g_date_clear (&f->today_date, 1);
  g_date_set_dmy (&f->today_date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (guint i = 0; i < 10; i++)
    {
      FgHazard *hazard = g_ptr_array_index (f->all, i * 2);
      g_autoptr(FgHazard) loaded = fg_hazard_load (f->store, f->admin, fg_hazard_get_id (hazard), &error);
      GDate deadline = f->today_date;
      g_autofree char *text = NULL;
      FgHazardEventDetails details = { NULL, };

      g_assert_no_error (error);
      g_date_add_days (&deadline, 1 + i);
      text = fg_calendar_format_date (&deadline);
      details.deadline = text;
      fg_hazard_add_event (f->store, f->admin, loaded, FG_HAZARD_EVENT_NOTICE_ISSUED, &details, &error);
      g_assert_no_error (error);
      if (i == 3)
        {
          fg_hazard_add_event (f->store, f->admin, loaded, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, &error);
          g_assert_no_error (error);
        }
    }
  /* and a few closed on the spot, or escalated */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FgHazard) loaded = fg_hazard_load (f->store, f->admin,
                                                   fg_hazard_get_id (g_ptr_array_index (f->all, 1 + i * 2)), &error);
      FgHazardEventDetails escalation = { .level = "township-enforcement" };

      g_assert_no_error (error);
      if (i < 2)
        fg_hazard_add_event (f->store, f->admin, loaded, FG_HAZARD_EVENT_RECTIFIED_ON_SPOT, NULL, &error);
      else
        fg_hazard_add_event (f->store, f->admin, loaded, FG_HAZARD_EVENT_ESCALATED, &escalation, &error);
      g_assert_no_error (error);
    }

  g_ptr_array_unref (f->all);
  f->all = fg_hazard_list (f->store, f->admin, NULL, NULL, -1, &error);
  g_assert_no_error (error);

  g_date_add_days (&f->today_date, 6);
  f->today = fg_calendar_format_date (&f->today_date);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->all, g_ptr_array_unref);
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_free (f->today);
  g_assert_finalize_object (f->store);
  fg_test_dir_clear (&f->dir);
}

static GPtrArray *
fetch_all (Fixture             *f,
           FgActor             *actor,
           const FgHazardQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hazards;
  guint n = 0;

  g_assert_true (fg_hazard_query_count (f->store, actor, query, &n, &error));
  g_assert_no_error (error);
  hazards = fg_hazard_query_fetch (f->store, actor, query, 0, G_MAXINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, n);
  return hazards;
}

typedef gboolean (*Predicate) (Fixture *f, FgHazard *hazard, gconstpointer data);

/* The query finds exactly the hazards of @all that @matches, each once. */
static guint
assert_matches (Fixture             *f,
                FgActor             *actor,
                GPtrArray           *all,
                const FgHazardQuery *query,
                Predicate            matches,
                gconstpointer        data)
{
  g_autoptr(GPtrArray) found = fetch_all (f, actor, query);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_expected = 0;

  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_hash_table_add (ids, (gpointer) fg_hazard_get_id (g_ptr_array_index (found, i))));

  for (guint i = 0; i < all->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (all, i);
      gboolean expected = matches (f, hazard, data);

      n_expected += expected;
      if (expected != g_hash_table_contains (ids, fg_hazard_get_id (hazard)))
        g_error ("hazard %s: expected %s", fg_hazard_get_id (hazard), expected ? "in" : "out");
    }
  g_assert_cmpuint (found->len, ==, n_expected);
  return n_expected;
}

/* A hazard reported fixed stopped the venue's clock: its deadline is
 * neither due nor overdue. */
static gboolean
is_running (FgHazard *hazard)
{
  return fg_hazard_get_deadline (hazard) != NULL &&
         fg_hazard_get_state (hazard) == FG_HAZARD_STATE_RECTIFYING;
}

static gboolean
match_state (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  int state = GPOINTER_TO_INT (data);
  GDate week_end = f->today_date;

  switch (state)
    {
    case FG_HAZARD_QUERY_ALL:
      return TRUE;
    case FG_HAZARD_QUERY_NOT_CLOSED:
      return fg_hazard_get_state (hazard) != FG_HAZARD_STATE_CLOSED;
    case FG_HAZARD_QUERY_OVERDUE:
      return fg_hazard_count_overdue (f->store, hazard, &f->today_date) > 0;
    case FG_HAZARD_QUERY_REINSPECTION_LATE:
      return fg_escalation_count_reinspection_late (f->store, hazard, &f->today_date) > 0;
    case FG_HAZARD_QUERY_DUE:
      {
        g_autofree char *end = NULL;

        g_date_add_days (&week_end, G_DATE_SUNDAY - g_date_get_weekday (&week_end));
        end = fg_calendar_format_date (&week_end);
        return is_running (hazard) && strcmp (fg_hazard_get_deadline (hazard), end) <= 0;
      }
    default:
      return (int) fg_hazard_get_state (hazard) == state;
    }
}

static gboolean
match_grade (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  return (int) fg_hazard_get_grade (hazard) == GPOINTER_TO_INT (data);
}

static gboolean
match_campaign (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  if (*(const char *) data == '\0')
    return fg_hazard_get_campaign_id (hazard) == NULL;
  return g_strcmp0 (fg_hazard_get_campaign_id (hazard), data) == 0;
}

static gboolean
match_village (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  return g_strcmp0 (fg_hazard_get_village_id (hazard), data) == 0;
}

static gboolean
match_grid (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  return g_strcmp0 (fg_hazard_get_grid_id (hazard), data) == 0;
}

static gboolean
match_text (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  return strstr (fg_hazard_get_venue_name (hazard), data) != NULL ||
         strstr (fg_hazard_get_finding (hazard), data) != NULL ||
         strstr (fg_hazard_get_item_text (hazard), data) != NULL;
}

static gboolean
match_any (Fixture *f, FgHazard *hazard, gconstpointer data)
{
  return TRUE;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  FgHazard *first = g_ptr_array_index (f->all, 0);
  g_autofree char *venue_part = NULL;
  g_autofree char *item_part = NULL;
  guint n;

  query->today = g_strdup (f->today);

  /* everything, as fg_hazard_list() has it */
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_any, NULL), ==, f->all->len);

  /* each state, and the filters made of states */
  for (int state = FG_HAZARD_QUERY_REINSPECTION_LATE; state < FG_HAZARD_N_STATES; state++)
    {
      query->state = state;
      n = assert_matches (f, f->admin, f->all, query, match_state, GINT_TO_POINTER (state));
      if (state == FG_HAZARD_STATE_RECTIFYING || state == FG_HAZARD_STATE_CLOSED ||
          state == FG_HAZARD_STATE_ESCALATED || state == FG_HAZARD_QUERY_OVERDUE ||
          state == FG_HAZARD_QUERY_DUE || state == FG_HAZARD_STATE_REPORTED_FIXED ||
          state == FG_HAZARD_QUERY_REINSPECTION_LATE)
        g_assert_cmpuint (n, >, 0);
    }
  /* overdue: some of the ten deadlines, not all */
  query->state = FG_HAZARD_QUERY_OVERDUE;
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_state,
                                    GINT_TO_POINTER (FG_HAZARD_QUERY_OVERDUE)), <, 10);
  query->state = FG_HAZARD_QUERY_ALL;

  for (int grade = FG_HAZARD_GRADE_ON_SPOT; grade <= FG_HAZARD_GRADE_MAJOR_PROPOSED; grade++)
    {
      query->grade = grade;
      assert_matches (f, f->admin, f->all, query, match_grade, GINT_TO_POINTER (grade));
    }
  query->grade = -1;

  campaigns = fg_campaign_list (f->store, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, >, 0);
  for (guint i = 0; i < campaigns->len; i++)
    {
      const char *id = fg_campaign_get_id (g_ptr_array_index (campaigns, i));

      g_free (query->campaign_id);
      query->campaign_id = g_strdup (id);
      g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_campaign, id), >, 0);
    }
  g_free (query->campaign_id);
  query->campaign_id = g_strdup ("");
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_campaign, ""), >, 0);
  g_clear_pointer (&query->campaign_id, g_free);

  /* a village, a grid, the township */
  query->region_id = g_strdup (fg_hazard_get_village_id (first));
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_village, query->region_id), >, 0);
  if (fg_hazard_get_grid_id (first) != NULL)
    {
      g_free (query->region_id);
      query->region_id = g_strdup (fg_hazard_get_grid_id (first));
      g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_grid, query->region_id), >, 0);
    }
  g_free (query->region_id);
  query->region_id = g_strdup (fg_store_get_home_region_id (f->store));
  assert_matches (f, f->admin, f->all, query, match_any, NULL);
  g_clear_pointer (&query->region_id, g_free);

  /* words of a venue's name, of an item's text, of what was found */
  venue_part = g_utf8_substring (fg_hazard_get_venue_name (first), 0, 2);
  query->text = g_strdup (venue_part);
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_text, venue_part), >, 0);
  item_part = g_utf8_substring (fg_hazard_get_item_text (first), 1, 4);
  g_free (query->text);
  query->text = g_strdup (item_part);
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_text, item_part), >, 0);
  g_free (item_part);
  item_part = g_utf8_substring (fg_hazard_get_finding (first), 1, 4);
  g_free (query->text);
  query->text = g_strdup (item_part);
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_text, item_part), >, 0);
  g_free (query->text);
  query->text = g_strdup ("没有这样的场所");
  g_assert_cmpuint (assert_matches (f, f->admin, f->all, query, match_text, query->text), ==, 0);
}

/* How two hazards compare in the order of @sort, ascending; 0 for a tie
 * the query breaks as it likes. */
static int
compare_by (Fixture      *f,
            FgHazardSort  sort,
            FgHazard     *a,
            FgHazard     *b)
{
  switch (sort)
    {
    case FG_HAZARD_SORT_FOUND:
      return strcmp (fg_hazard_get_found_at (a), fg_hazard_get_found_at (b));
    case FG_HAZARD_SORT_VENUE:
      return fg_collate_compare (fg_hazard_get_venue_name (a), fg_hazard_get_venue_name (b));
    case FG_HAZARD_SORT_VILLAGE:
      return fg_collate_compare (fg_hazard_get_village_name (a), fg_hazard_get_village_name (b));
    case FG_HAZARD_SORT_GRID:
      return fg_collate_compare (fg_hazard_get_grid_name (a), fg_hazard_get_grid_name (b));
    case FG_HAZARD_SORT_ITEM:
      /* the ledger names a hazard by what was found */
      return fg_collate_compare (fg_hazard_get_finding (a), fg_hazard_get_finding (b));
    case FG_HAZARD_SORT_GRADE:
      return (int) fg_hazard_get_grade (a) - (int) fg_hazard_get_grade (b);
    case FG_HAZARD_SORT_STATE:
      return (int) fg_hazard_get_state (a) - (int) fg_hazard_get_state (b);
    case FG_HAZARD_SORT_DEADLINE:
      /* running deadlines first, the most overdue first */
      if (is_running (a) != is_running (b))
        return is_running (a) ? -1 : 1;
      return g_strcmp0 (fg_hazard_get_deadline (a), fg_hazard_get_deadline (b));
    case FG_HAZARD_SORT_TOWNSHIP:
      return fg_collate_compare (fg_hazard_get_township_name (a), fg_hazard_get_township_name (b));
    default:
      g_assert_not_reached ();
    }
}

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();

  query->today = g_strdup (f->today);

  for (FgHazardSort sort = FG_HAZARD_SORT_FOUND; sort <= FG_HAZARD_SORT_TOWNSHIP; sort++)
    {
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GPtrArray) hazards = NULL;
          guint n_steps = 0;

          query->sort = sort;
          query->descending = descending;
          hazards = fetch_all (f, f->admin, query);
          g_assert_cmpuint (hazards->len, ==, f->all->len);

          for (guint i = 1; i < hazards->len; i++)
            {
              int order = compare_by (f, sort, g_ptr_array_index (hazards, i - 1), g_ptr_array_index (hazards, i));

              if (descending)
                order = -order;
              if (order > 0)
                g_error ("sort %d%s: rows %u and %u out of order", sort, descending ? " descending" : "", i - 1, i);
              n_steps += order < 0;
            }
          /* the order is not all ties, unless the hazards are */
          if (n_steps == 0)
            for (guint i = 1; i < hazards->len; i++)
              g_assert_cmpint (compare_by (f, sort, g_ptr_array_index (hazards, 0), g_ptr_array_index (hazards, i)), ==, 0);
        }
    }
}

/* A grid worker and a village committee see what fg_hazard_list() gives
 * them, whatever region they ask for. */
static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  const char *logins[] = { "grid", "village", "county" };

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(FgActor) actor = login (f->store, logins[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) theirs = fg_hazard_list (f->store, actor, NULL, NULL, -1, &error);
      g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();

      g_assert_no_error (error);
      query->today = g_strdup (f->today);
      g_assert_cmpuint (assert_matches (f, actor, theirs, query, match_any, NULL), ==, theirs->len);
    }
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FgPagedList) list = fg_hazard_query_list_new (f->store, f->admin, NULL);
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) reread = NULL;
  g_autoptr(FgHazard) again = NULL;
  g_autoptr(FgHazard) loaded = NULL;
  g_autoptr(GPtrArray) escalated = NULL;
  guint n;

  g_assert_cmpuint (f->all->len, >, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, f->all->len);

  query->sort = FG_HAZARD_SORT_VENUE;
  query->today = g_strdup (f->today);
  fg_paged_list_set_query (list, query);
  whole = fetch_all (f, f->admin, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, whole->len);

  /* every row once, in order, over the page boundaries and through the
   * pages read from the end */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgHazard) hazard = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (fg_hazard_get_id (hazard), ==, fg_hazard_get_id (g_ptr_array_index (whole, i)));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* a row read again after an event shows the event, in its place */
  loaded = fg_hazard_load (f->store, f->admin, fg_hazard_get_id (g_ptr_array_index (whole, 201)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_OPEN);
  fg_hazard_add_event (f->store, f->admin, loaded, FG_HAZARD_EVENT_ESCALATED,
                       &(FgHazardEventDetails) { .level = "township-enforcement" }, &error);
  g_assert_no_error (error);
  reread = fg_hazard_query_list_reread (list, 201, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (reread), ==, FG_HAZARD_STATE_ESCALATED);
  again = g_list_model_get_item (G_LIST_MODEL (list), 201);
  g_assert_true (again == reread);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  /* a filter counts again: as many as the whole list has, the one just
   * escalated among them */
  escalated = fg_hazard_list (f->store, f->admin, NULL, NULL, FG_HAZARD_STATE_ESCALATED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escalated->len, >=, 1);
  query->state = FG_HAZARD_STATE_ESCALATED;
  fg_paged_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, escalated->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazard-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/hazard-list/sorts", Fixture, NULL, fixture_set_up, test_sorts, fixture_tear_down);
  g_test_add ("/hazard-list/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/hazard-list/paging", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_paging, fixture_tear_down);

  return g_test_run ();
}
