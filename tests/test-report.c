/* test-report.c — the county's ranking of townships
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two townships record venues, inspections and hazards in every state
 * and send them to a county office; the county's report counts each
 * township's figures and ranks them by each key.
 */
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-store-private.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgRegion *grid;
} Township;

typedef struct
{
  FgTestDir county_dir;
  FgStore *county;
  FgActor *county_admin;
  Township a;  /* 冢头镇: 4 open venues (2 inspected), a closed one, 4 hazards */
  Township b;  /* 薛店镇: 2 open venues (1 inspected), 3 hazards */
  char *today;     /* the day the records are made */
  char *tomorrow;  /* the deadline that runs out */
  GDate *later;    /* a fortnight on: that deadline is past */
  char *later_text;
} Fixture;

static char *
day_text (const GDate *date)
{
  return fg_calendar_format_date (date);
}

static GDate *
today_plus (int days)
{
  GDate *date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return date;
}

static FgActor *
add_account (FgStore    *store,
             FgActor    *admin,
             const char *login,
             FgRole      role,
             const char *scope_region_id)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (store, admin, login, "某人", role, scope_region_id, PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

static void
township_set_up (Township   *township,
                 const char *code,
                 const char *name,
                 const char *village_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) village = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&township->dir);
  township->store = fg_office_open (township->dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (township->store, installer, code, name, "郏县", &error);
  g_assert_no_error (error);
  village = fg_region_add_village (township->store, installer, code, village_code, "李庄村", &error);
  g_assert_no_error (error);
  township->grid = fg_region_add_grid (township->store, installer, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);
  township->admin = add_account (township->store, installer, "admin", FG_ROLE_TOWNSHIP_ADMIN,
                                 fg_store_get_home_region_id (township->store));
}

static void
township_tear_down (Township *township)
{
  g_clear_pointer (&township->admin, fg_actor_unref);
  g_clear_object (&township->grid);
  g_clear_object (&township->store);
  fg_test_dir_clear (&township->dir);
}

static char *
add_venue (Township   *township,
           const char *name)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (township->grid), name, "李庄村人民路18号",
                                                "restaurant", "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_save (township->store, township->admin, venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

/* A finished inspection whose first @n_fail ordinary items fail: its hazards. */
static GPtrArray *
inspect (Township   *township,
         const char *venue_id,
         guint       n_fail)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hazards;
  GListModel *items;
  guint failed = 0;

  inspection = fg_inspection_start (township->store, township->admin, venue_id, FG_INSPECTION_KIND_ROUTINE,
                                    NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = failed < n_fail && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

      failed += fail;
      fg_inspection_record (township->store, township->admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (failed, ==, n_fail);
  fg_inspection_finish (township->store, township->admin, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (township->store, township->admin, fg_inspection_get_id (inspection),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, n_fail);
  return hazards;
}

static void
event (Township          *township,
       FgHazard          *hazard,
       FgHazardEventKind  kind,
       const char        *deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = fg_store_today (township->store);
  g_autofree char *day = fg_calendar_format_date (today);
  FgHazardEventDetails details = { .deadline = deadline };

  /* the brigade's written decision, on a hazard the township sent it */
  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR)
    {
      const FgHazardEventDetails sent = { .level = "county-brigade", .note = "移送县消防救援大队" };

      fg_hazard_add_event (township->store, township->admin, hazard, FG_HAZARD_EVENT_ESCALATED, &sent, &error);
      g_assert_no_error (error);
      details.decision_number = "郏消隐判字〔2026〕第1号";
      details.decision_date = day;
      details.decision_authority = "郏县消防救援大队";
    }
  fg_hazard_add_event (township->store, township->admin, hazard, kind, &details, &error);
  g_assert_no_error (error);
}

/* found, a notice, re-inspected and closed (销号) */
static void
close_hazard (Township *township,
              FgHazard *hazard,
              Fixture  *f)
{
  event (township, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, f->tomorrow);
  event (township, hazard, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL);
  event (township, hazard, FG_HAZARD_EVENT_CLOSED, NULL);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_CLOSED);
}

static void
trust (FgStore *store,
       FgActor *actor,
       FgStore *peer_store,
       FgActor *peer_actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = fg_node_write_peer_file (peer_store, peer_actor, &error);
  g_autoptr(FgNodeInfo) peer = NULL;

  g_assert_no_error (error);
  peer = fg_node_read_peer_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (fg_node_add_peer (store, actor, peer, &error));
  g_assert_no_error (error);
}

/* The township's records up to the county, in a bundle. */
static void
send_to_county (Fixture  *f,
                Township *township)
{
  g_autoptr(FgNodeInfo) county = fg_node_get_self (f->county, f->county_admin, NULL);
  g_autofree char *path = g_build_filename (township->dir.dir, "up.fgbundle", NULL);
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  trust (f->county, f->county_admin, township->store, township->admin);
  trust (township->store, township->admin, f->county, f->county_admin);
  g_assert_true (fg_bundle_export (township->store, township->admin, county->id, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (f->county, f->county_admin, path, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) county_admin = NULL;
  g_autoptr(GDate) today = today_plus (0);
  g_autoptr(GDate) tomorrow = today_plus (1);
  g_autoptr(GPtrArray) a1_first = NULL;
  g_autoptr(GPtrArray) a1_second = NULL;
  g_autoptr(GPtrArray) a2 = NULL;
  g_autoptr(GPtrArray) a5 = NULL;
  g_autoptr(GPtrArray) b1 = NULL;
  g_autofree char *a1_id = NULL;
  g_autofree char *a2_id = NULL;
  g_autofree char *a5_id = NULL;
  g_autofree char *b1_id = NULL;
  g_autoptr(FgVenue) a5_venue = NULL;

  f->today = day_text (today);
  f->tomorrow = day_text (tomorrow);
  /* a fortnight has working days in it, whatever the holidays */
  f->later = today_plus (15);
  f->later_text = day_text (f->later);

  fg_test_dir_init (&f->county_dir);
  f->county = fg_office_open (f->county_dir.db_path, &error);
  g_assert_no_error (error);
  county_admin = fg_office_set_up_county_with_admin (f->county, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  f->county_admin = fg_account_login (f->county, "guo", PASSWORD, &error);
  g_assert_no_error (error);

  /* 冢头镇 */
  township_set_up (&f->a, "410425101", "冢头镇", "410425101201");
  a1_id = add_venue (&f->a, "老王烧烤");
  a2_id = add_venue (&f->a, "李记面馆");
  g_free (add_venue (&f->a, "张家饭店"));
  g_free (add_venue (&f->a, "刘家小吃"));
  a5_id = add_venue (&f->a, "已停业餐馆");

  a1_first = inspect (&f->a, a1_id, 2);
  a1_second = inspect (&f->a, a1_id, 0);
  a2 = inspect (&f->a, a2_id, 2);
  a5 = inspect (&f->a, a5_id, 0);

  /* one closed, one past its deadline soon, one major (and so escalated), one open */
  close_hazard (&f->a, g_ptr_array_index (a1_first, 0), f);
  event (&f->a, g_ptr_array_index (a1_first, 1), FG_HAZARD_EVENT_NOTICE_ISSUED, f->tomorrow);
  event (&f->a, g_ptr_array_index (a2, 0), FG_HAZARD_EVENT_CONFIRMED_MAJOR, NULL);
  g_assert_cmpint (fg_hazard_get_state (g_ptr_array_index (a2, 0)), ==, FG_HAZARD_STATE_ESCALATED);

  /* inspected, then closed down: no longer an open venue */
  a5_venue = fg_venue_load (f->a.store, f->a.admin, a5_id, &error);
  g_assert_no_error (error);
  fg_venue_set_status (a5_venue, FG_VENUE_STATUS_CLOSED);
  fg_venue_save (f->a.store, f->a.admin, a5_venue, &error);
  g_assert_no_error (error);

  /* 薛店镇 */
  township_set_up (&f->b, "410425102", "薛店镇", "410425102201");
  b1_id = add_venue (&f->b, "薛店超市");
  g_free (add_venue (&f->b, "薛店旅馆"));
  b1 = inspect (&f->b, b1_id, 3);
  close_hazard (&f->b, g_ptr_array_index (b1, 0), f);
  event (&f->b, g_ptr_array_index (b1, 1), FG_HAZARD_EVENT_NOTICE_ISSUED, fg_test_deadline ());
  /* a major hazard, corrected and closed: no longer counted as major */
  event (&f->b, g_ptr_array_index (b1, 2), FG_HAZARD_EVENT_CONFIRMED_MAJOR, NULL);
  close_hazard (&f->b, g_ptr_array_index (b1, 2), f);

  send_to_county (f, &f->a);
  send_to_county (f, &f->b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  township_tear_down (&f->a);
  township_tear_down (&f->b);
  g_clear_pointer (&f->county_admin, fg_actor_unref);
  g_clear_object (&f->county);
  fg_test_dir_clear (&f->county_dir);
  g_free (f->today);
  g_free (f->tomorrow);
  g_free (f->later_text);
  g_date_free (f->later);
}

static FgTownshipReport *
report (FgStore      *store,
        FgActor      *actor,
        const char   *from,
        const char   *to,
        const GDate  *today,
        FgReportRank  rank_by)
{
  g_autoptr(GError) error = NULL;
  FgReportQuery query = { .from = from, .to = to, .today = today, .rank_by = rank_by };
  FgTownshipReport *result = fg_report_townships (store, actor, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static FgTownshipFigures *
find (FgTownshipReport *result,
      const char       *code)
{
  for (guint i = 0; i < result->townships->len; i++)
    {
      FgTownshipFigures *figures = g_ptr_array_index (result->townships, i);

      if (g_str_equal (figures->code, code))
        return figures;
    }

  g_assert_not_reached ();
}

static void
assert_figures (FgTownshipFigures *figures,
                guint              n_venues,
                guint              n_venues_inspected,
                guint              n_inspections,
                guint              n_found,
                guint              n_closed,
                guint              n_open,
                guint              n_overdue,
                guint              n_major,
                guint              n_escalated)
{
  g_assert_cmpuint (figures->n_venues, ==, n_venues);
  g_assert_cmpuint (figures->n_venues_inspected, ==, n_venues_inspected);
  g_assert_cmpuint (figures->n_inspections, ==, n_inspections);
  g_assert_cmpuint (figures->n_found, ==, n_found);
  g_assert_cmpuint (figures->n_closed, ==, n_closed);
  g_assert_cmpuint (figures->n_open, ==, n_open);
  g_assert_cmpuint (figures->n_overdue, ==, n_overdue);
  g_assert_cmpuint (figures->n_major, ==, n_major);
  g_assert_cmpuint (figures->n_escalated, ==, n_escalated);
}

/* What the county sees of each township, a fortnight on. */
static void
test_report_figures (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FgTownshipReport) result = report (f->county, f->county_admin, f->today, f->later_text, f->later,
                                               FG_REPORT_RANK_RECTIFICATION_RATE);
  g_autoptr(FgNodeInfo) peer_a = NULL;
  g_autoptr(GError) error = NULL;
  FgTownshipFigures *a, *b;

  g_assert_cmpstr (result->from, ==, f->today);
  g_assert_cmpstr (result->to, ==, f->later_text);
  g_assert_cmpstr (result->today, ==, f->later_text);
  g_assert_cmpuint (result->townships->len, ==, 2);

  a = find (result, "410425101000");
  b = find (result, "410425102000");
  g_assert_cmpstr (a->name, ==, "冢头镇");
  g_assert_cmpstr (b->name, ==, "薛店镇");

  /*              venues inspected inspections found closed open overdue major escalated */
  assert_figures (a, 4,     2,        4,          4,    1,     3,   1,      1,    1);
  assert_figures (b, 2,     1,        1,          3,    2,     1,   0,      0,    0);
  g_assert_cmpfloat_with_epsilon (fg_township_figures_get_coverage (a), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (fg_township_figures_get_rectification_rate (a), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (fg_township_figures_get_rectification_rate (b), 2.0 / 3.0, 1e-9);

  /* when each township's last bundle came in */
  peer_a = fg_node_find_peer (f->county, f->county_admin, "410425101000", &error);
  g_assert_no_error (error);
  g_assert_nonnull (a->last_bundle_at);
  g_assert_cmpstr (a->last_bundle_at, ==, peer_a->last_received_at);
  g_assert_nonnull (b->last_bundle_at);

  /* overdue on the same days as the hazard ledger says, weekends and
   * holidays included: once a working day has passed after the deadline */
  {
    g_autoptr(GPtrArray) running = fg_hazard_list (f->county, f->county_admin, NULL, NULL,
                                                   FG_HAZARD_STATE_RECTIFYING, &error);
    FgHazard *hazard = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < running->len; i++)
      if (g_strcmp0 (fg_hazard_get_deadline (g_ptr_array_index (running, i)), f->tomorrow) == 0)
        hazard = g_ptr_array_index (running, i);
    g_assert_nonnull (hazard);

    for (int days = 0; days <= 15; days++)
      {
        g_autoptr(GDate) day = today_plus (days);
        g_autoptr(FgTownshipReport) then = report (f->county, f->county_admin, f->today, f->later_text, day,
                                                   FG_REPORT_RANK_OVERDUE);
        guint expected = fg_hazard_count_overdue (f->county, hazard, day) > 0 ? 1 : 0;

        g_assert_cmpuint (find (then, "410425101000")->n_overdue, ==, expected);
      }
  }

  /* today the deadline has not passed: nothing is overdue */
  {
    g_autoptr(FgTownshipReport) now = report (f->county, f->county_admin, NULL, NULL, NULL,
                                              FG_REPORT_RANK_OVERDUE);

    g_assert_cmpuint (find (now, "410425101000")->n_overdue, ==, 0);
    g_assert_cmpuint (find (now, "410425101000")->rank, ==, 1);
    g_assert_cmpuint (find (now, "410425102000")->rank, ==, 1);
  }
}

static void
assert_order (FgTownshipReport *result,
              const char       *first_code,
              guint             first_rank,
              const char       *second_code,
              guint             second_rank)
{
  FgTownshipFigures *first = g_ptr_array_index (result->townships, 0);
  FgTownshipFigures *second = g_ptr_array_index (result->townships, 1);

  g_assert_cmpuint (result->townships->len, ==, 2);
  g_assert_cmpstr (first->code, ==, first_code);
  g_assert_cmpuint (first->rank, ==, first_rank);
  g_assert_cmpstr (second->code, ==, second_code);
  g_assert_cmpuint (second->rank, ==, second_rank);
}

/* Best first by each key; equal figures share a rank, in code order. */
static void
test_report_ranking (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    FgReportRank rank_by;
    const char *first;
    guint first_rank;
    const char *second;
    guint second_rank;
  } cases[] = {
    /* 薛店 closed 2 of 3, 冢头 1 of 4 */
    { FG_REPORT_RANK_RECTIFICATION_RATE, "410425102000", 1, "410425101000", 2 },
    /* 薛店 none overdue, 冢头 one */
    { FG_REPORT_RANK_OVERDUE, "410425102000", 1, "410425101000", 2 },
    /* 2 of 4 and 1 of 2 open venues inspected: a tie */
    { FG_REPORT_RANK_COVERAGE, "410425101000", 1, "410425102000", 1 },
    /* 1 open hazard against 3 */
    { FG_REPORT_RANK_OPEN_HAZARDS, "410425102000", 1, "410425101000", 2 },
    /* 4 inspections against 1 */
    { FG_REPORT_RANK_INSPECTIONS, "410425101000", 1, "410425102000", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FgTownshipReport) result = report (f->county, f->county_admin, f->today, f->later_text, f->later,
                                                   cases[i].rank_by);

      g_test_message ("ranked by %s", fg_report_rank_to_string (cases[i].rank_by));
      g_assert_cmpint (result->rank_by, ==, cases[i].rank_by);
      assert_order (result, cases[i].first, cases[i].first_rank, cases[i].second, cases[i].second_rank);

      /* re-ranking what was read gives the same */
      fg_report_rank (result->townships, FG_REPORT_RANK_INSPECTIONS);
      assert_order (result, "410425101000", 1, "410425102000", 2);
    }
}

static FgTownshipFigures *
figures_new (const char *code,
             guint       n_inspections,
             guint       n_found,
             guint       n_closed)
{
  FgTownshipFigures *figures = g_new0 (FgTownshipFigures, 1);

  figures->code = g_strdup (code);
  figures->n_inspections = n_inspections;
  figures->n_found = n_found;
  figures->n_closed = n_closed;
  return figures;
}

/* Competition ranks (1, 2, 2, 4), ties by code whatever the order they
 * came in, and a township with nothing found after every rate. */
static void
test_report_ties (void)
{
  g_autoptr(GPtrArray) townships = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_township_figures_free);
  static const char * const by_inspections[] = { "410425104000", "410425102000", "410425103000", "410425101000" };
  static const guint inspection_ranks[] = { 1, 2, 2, 4 };
  static const char * const by_rate[] = { "410425102000", "410425104000", "410425103000", "410425101000" };
  static const guint rate_ranks[] = { 1, 1, 3, 4 };

  g_ptr_array_add (townships, figures_new ("410425103000", 3, 4, 1));
  g_ptr_array_add (townships, figures_new ("410425101000", 1, 0, 0));
  g_ptr_array_add (townships, figures_new ("410425104000", 5, 4, 2));
  g_ptr_array_add (townships, figures_new ("410425102000", 3, 2, 1));

  fg_report_rank (townships, FG_REPORT_RANK_INSPECTIONS);
  for (guint i = 0; i < townships->len; i++)
    {
      FgTownshipFigures *figures = g_ptr_array_index (townships, i);

      g_assert_cmpstr (figures->code, ==, by_inspections[i]);
      g_assert_cmpuint (figures->rank, ==, inspection_ranks[i]);
    }

  /* 2 of 4 and 1 of 2 are the same rate; 1 of 4 next; none found last */
  fg_report_rank (townships, FG_REPORT_RANK_RECTIFICATION_RATE);
  for (guint i = 0; i < townships->len; i++)
    {
      FgTownshipFigures *figures = g_ptr_array_index (townships, i);

      g_assert_cmpstr (figures->code, ==, by_rate[i]);
      g_assert_cmpuint (figures->rank, ==, rate_ranks[i]);
    }
  g_assert_cmpfloat (fg_township_figures_get_rectification_rate (g_ptr_array_index (townships, 3)), ==, -1);
}

/* The period counts what happened in it; "now" stays now. */
static void
test_report_period (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FgTownshipReport) defaults = report (f->county, f->county_admin, NULL, NULL, NULL,
                                                 FG_REPORT_RANK_RECTIFICATION_RATE);
  g_autoptr(FgTownshipReport) ahead = report (f->county, f->county_admin, f->tomorrow, f->later_text, f->later,
                                              FG_REPORT_RANK_RECTIFICATION_RATE);
  g_autoptr(FgTownshipReport) past = report (f->county, f->county_admin, "2020-01-01", "2020-12-31", f->later,
                                             FG_REPORT_RANK_RECTIFICATION_RATE);
  g_autoptr(FgTownshipReport) to_only = report (f->county, f->county_admin, NULL, "2021-06-30", NULL,
                                                FG_REPORT_RANK_RECTIFICATION_RATE);
  g_autofree char *new_year = g_strdup_printf ("%.4s-01-01", f->today);

  /* by default, this year up to today */
  g_assert_cmpstr (defaults->from, ==, new_year);
  g_assert_cmpstr (defaults->to, ==, f->today);
  g_assert_cmpstr (defaults->today, ==, f->today);
  assert_figures (find (defaults, "410425101000"), 4, 2, 4, 4, 1, 3, 0, 1, 1);

  /* from tomorrow: nothing inspected or found yet, but the hazards are open */
  assert_figures (find (ahead, "410425101000"), 4, 0, 0, 0, 0, 3, 1, 1, 1);
  assert_figures (find (ahead, "410425102000"), 2, 0, 0, 0, 0, 1, 0, 0, 0);
  g_assert_cmpfloat (fg_township_figures_get_rectification_rate (find (ahead, "410425101000")), ==, -1);
  g_assert_cmpfloat (fg_township_figures_get_coverage (find (ahead, "410425101000")), ==, 0);
  assert_figures (find (past, "410425102000"), 2, 0, 0, 0, 0, 1, 0, 0, 0);

  /* an end alone: from the start of its year */
  g_assert_cmpstr (to_only->from, ==, "2021-01-01");
  g_assert_cmpstr (to_only->to, ==, "2021-06-30");
}

/* Writes @sql into the county's database past the core's checks:
 * rows with the times and states a test needs. */
static void
county_exec (Fixture    *f,
             const char *sql)
{
  char *message = NULL;

  /* the store's own connection: the search index's tokenizer is there */
  if (sqlite3_exec (fg_store_get_db (f->county), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A venue of 冢头镇 beside 老王烧烤, in the same village and grid. */
static void
add_venue_row (Fixture    *f,
               const char *id,
               const char *status,
               gboolean    deleted,
               gboolean    smoke_alarm)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO venue (id, region_id, county_id, township_id, village_id, grid_id,"
                                          "  name, address, categories, status, smoke_alarm, created_at, origin_node,"
                                          "  stamp, deleted)"
                                          " SELECT '%s', region_id, county_id, township_id, village_id, grid_id,"
                                          "  '%s', address, categories, '%s', %d, created_at, origin_node, stamp, %d"
                                          " FROM venue WHERE name = '老王烧烤'",
                                          id, id, status, smoke_alarm, deleted);

  county_exec (f, sql);
}

/* An inspection of @venue_id finished at @finished_at (NULL: a draft). */
static void
add_inspection_row (Fixture    *f,
                    const char *id,
                    const char *venue_id,
                    const char *finished_at,
                    gboolean    deleted)
{
  g_autofree char *finished = finished_at != NULL ? g_strdup_printf ("'%s'", finished_at) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO inspection (id, venue_id, kind, inspector, inspector_name,"
                                          "  started_at, finished_at, township_id, village_id, grid_id, origin_node,"
                                          "  stamp, deleted)"
                                          " SELECT '%s', '%s', kind, inspector, inspector_name,"
                                          "  '2024-12-31T08:00:00+08:00', %s, township_id, village_id, grid_id,"
                                          "  origin_node, stamp, %d"
                                          " FROM inspection LIMIT 1",
                                          id, venue_id, finished, deleted);

  county_exec (f, sql);
}

/* Which inspections and venues a year counts, at its first and last
 * moments: finished ones, not drafts or removed ones; every inspection of
 * a venue closed since, moved away or removed, but not the venue among
 * those inspected; a venue inspected twice once. The villages' figures
 * (the monthly table) count the same way. */
static void
test_report_year_edges (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FgTownshipReport) before = NULL;
  g_autoptr(FgTownshipReport) after = NULL;
  g_autoptr(FgTownshipReport) villages = NULL;
  g_autoptr(FgTownshipReport) next_year = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(GError) error = NULL;
  FgReportQuery year = { .from = "2025-01-01", .to = "2025-12-31", .rank_by = FG_REPORT_RANK_COVERAGE };
  FgTownshipFigures *a0, *a, *b;

  before = fg_report_townships (f->county, f->county_admin, &year, &error);
  g_assert_no_error (error);
  a0 = find (before, "410425101000");
  /* the fixture's records are of today, not of 2025 */
  g_assert_cmpuint (a0->n_inspections, ==, 0);

  /* open venues: twice in the year, at its first and last moments; just
   * before and just after it; a draft; an inspection removed */
  add_venue_row (f, "v-twice", "active", FALSE, TRUE);
  add_inspection_row (f, "i-first", "v-twice", "2025-01-01T00:00:00+08:00", FALSE);
  add_inspection_row (f, "i-last", "v-twice", "2025-12-31T23:59:59+08:00", FALSE);
  add_venue_row (f, "v-outside", "active", FALSE, FALSE);
  add_inspection_row (f, "i-before", "v-outside", "2024-12-31T23:59:59+08:00", FALSE);
  add_inspection_row (f, "i-after", "v-outside", "2026-01-01T00:00:00+08:00", FALSE);
  add_venue_row (f, "v-draft", "active", FALSE, TRUE);
  add_inspection_row (f, "i-draft", "v-draft", NULL, FALSE);
  add_venue_row (f, "v-removed-inspection", "active", FALSE, FALSE);
  add_inspection_row (f, "i-removed", "v-removed-inspection", "2025-06-01T10:00:00+08:00", TRUE);
  /* venues no longer open, each inspected on the year's last day */
  add_venue_row (f, "v-closed", "closed", FALSE, TRUE);
  add_inspection_row (f, "i-closed", "v-closed", "2025-12-31T18:00:00+08:00", FALSE);
  add_venue_row (f, "v-moved", "moved", FALSE, FALSE);
  add_inspection_row (f, "i-moved", "v-moved", "2025-12-31T18:00:00+08:00", FALSE);
  add_venue_row (f, "v-removed", "active", TRUE, TRUE);
  add_inspection_row (f, "i-removed-venue", "v-removed", "2025-12-31T18:00:00+08:00", FALSE);
  /* a closed venue inspected only the next year */
  add_venue_row (f, "v-closed-later", "closed", FALSE, FALSE);
  add_inspection_row (f, "i-closed-later", "v-closed-later", "2026-01-01T00:00:00+08:00", FALSE);

  after = fg_report_townships (f->county, f->county_admin, &year, &error);
  g_assert_no_error (error);
  a = find (after, "410425101000");
  /* four open venues more, two of them with a smoke alarm */
  g_assert_cmpuint (a->n_venues, ==, a0->n_venues + 4);
  g_assert_cmpuint (a->n_smoke_alarms, ==, a0->n_smoke_alarms + 2);
  /* i-first, i-last, i-closed, i-moved, i-removed-venue */
  g_assert_cmpuint (a->n_inspections, ==, 5);
  /* v-twice alone */
  g_assert_cmpuint (a->n_venues_inspected, ==, 1);
  b = find (after, "410425102000");
  g_assert_cmpuint (b->n_inspections, ==, 0);
  g_assert_cmpuint (b->n_venues_inspected, ==, 0);

  /* the same in the township's villages (it has one) */
  township = fg_region_lookup (f->county, f->county_admin, a->township_id, &error);
  g_assert_no_error (error);
  villages = fg_report_villages (f->county, f->county_admin, township, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->townships->len, ==, 1);
  g_assert_cmpuint (((FgTownshipFigures *) g_ptr_array_index (villages->townships, 0))->n_inspections, ==, 5);
  g_assert_cmpuint (((FgTownshipFigures *) g_ptr_array_index (villages->townships, 0))->n_venues_inspected, ==, 1);

  /* the next year's first moment: i-after and i-closed-later, v-outside */
  {
    FgReportQuery query = { .from = "2026-01-01", .to = "2026-01-01", .rank_by = FG_REPORT_RANK_COVERAGE };

    next_year = fg_report_townships (f->county, f->county_admin, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (find (next_year, "410425101000")->n_inspections, ==, 2);
    g_assert_cmpuint (find (next_year, "410425101000")->n_venues_inspected, ==, 1);
  }
}

static int
collect_sql (unsigned  type,
             void     *context,
             void     *p,
             void     *x)
{
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && strstr (sql, "EXPLAIN") == NULL)
    g_ptr_array_add (context, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* How the ranking reads a county's records: each township's open venues
 * and their smoke alarms from one index alone, its hazards in one pass of
 * another index alone, the period's inspections once from a third alone,
 * and no B-tree of every venue inspected. */
static void
test_report_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FgTownshipReport) result = NULL;
  sqlite3 *db = fg_store_get_db (f->county);
  guint n_inspection_reads = 0;
  guint n_open_venue_reads = 0;
  guint n_hazard_reads = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, collect_sql, statements);
  result = report (f->county, f->county_admin, NULL, NULL, NULL, FG_REPORT_RANK_COVERAGE);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", g_ptr_array_index (statements, i), NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 3);

          g_test_message ("%s", line);
          g_assert_null (strstr (line, "count(DISTINCT)"));
          g_assert_false (g_str_has_prefix (line, "SCAN venue"));
          if (g_str_has_prefix (line, "SEARCH venue") && strstr (line, "status=?") != NULL)
            {
              g_assert_nonnull (strstr (line, "COVERING INDEX venue_township_status"));
              n_open_venue_reads++;
            }
          if (g_str_has_prefix (line, "SEARCH hazard "))
            {
              g_assert_nonnull (strstr (line, "COVERING INDEX hazard_township_report"));
              n_hazard_reads++;
            }
          g_assert_false (g_str_has_prefix (line, "SCAN hazard "));
          if (g_str_has_prefix (line, "SEARCH inspection") || g_str_has_prefix (line, "SEARCH i "))
            {
              g_assert_nonnull (strstr (line, "COVERING INDEX inspection_township_finished"));
              n_inspection_reads++;
            }
        }
      sqlite3_finalize (stmt);
    }

  g_assert_cmpuint (n_open_venue_reads, ==, 1);
  g_assert_cmpuint (n_hazard_reads, ==, 1);
  g_assert_cmpuint (n_inspection_reads, ==, 1);
}

static void
assert_refused (FgStore      *store,
                FgActor      *actor,
                const char   *from,
                const char   *to,
                GQuark        domain,
                int           code)
{
  g_autoptr(GError) error = NULL;
  FgReportQuery query = { .from = from, .to = to, .rank_by = FG_REPORT_RANK_OVERDUE };

  g_assert_null (fg_report_townships (store, actor, &query, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
}

/* Days that do not exist, a period backwards. */
static void
test_report_dates (Fixture       *f,
                   gconstpointer  data)
{
  assert_refused (f->county, f->county_admin, "2026-02-30", NULL, FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_DATE);
  assert_refused (f->county, f->county_admin, NULL, "2026-13-01", FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_DATE);
  assert_refused (f->county, f->county_admin, "yesterday", "2026-01-31", FG_REPORT_ERROR,
                  FG_REPORT_ERROR_INVALID_DATE);
  assert_refused (f->county, f->county_admin, "2026-1-5", "2026-01-31", FG_REPORT_ERROR, FG_REPORT_ERROR_INVALID_DATE);
  assert_refused (f->county, f->county_admin, "2026-03-01", "2026-02-28", FG_REPORT_ERROR,
                  FG_REPORT_ERROR_INVALID_PERIOD);

  /* a single day is a period */
  {
    g_autoptr(FgTownshipReport) one_day = report (f->county, f->county_admin, "2026-03-01", "2026-03-01", NULL,
                                                  FG_REPORT_RANK_OVERDUE);

    g_assert_cmpstr (one_day->from, ==, one_day->to);
  }
}

/* Who may read it, and what each sees. */
static void
test_report_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FgTownshipReport) own = NULL;
  g_autoptr(FgTownshipReport) by_county = NULL;
  g_autoptr(FgActor) grid_worker = NULL;
  g_autoptr(FgActor) county_staff = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  FgTownshipFigures *mine;
  sqlite3 *db;

  /* at the county: a county account reads, the installer no longer may */
  county_staff = add_account (f->county, f->county_admin, "county.staff", FG_ROLE_COUNTY,
                              fg_store_get_home_region_id (f->county));
  g_clear_pointer (&by_county, fg_township_report_free);
  by_county = report (f->county, county_staff, NULL, NULL, NULL, FG_REPORT_RANK_OVERDUE);
  g_assert_cmpuint (by_county->townships->len, ==, 2);
  assert_refused (f->county, fg_test_installer (), NULL, NULL, FG_PERMISSION_ERROR,
                  FG_PERMISSION_ERROR_LOGIN_NEEDED);

  /* a township's own installation: its one row, the same figures as the
   * county has, and no bundle (it is not its own peer) */
  own = report (f->a.store, f->a.admin, f->today, f->later_text, f->later, FG_REPORT_RANK_OVERDUE);
  g_assert_cmpuint (own->townships->len, ==, 1);
  mine = g_ptr_array_index (own->townships, 0);
  g_assert_cmpstr (mine->code, ==, "410425101000");
  g_assert_cmpuint (mine->rank, ==, 1);
  assert_figures (mine, 4, 2, 4, 4, 1, 3, 1, 1, 1);
  g_assert_null (mine->last_bundle_at);

  /* a township's database that holds a second township too (written in
   * SQL: no bundle brings one): its staff see theirs, a county account both */
  db = NULL;
  g_assert_cmpint (sqlite3_open (f->a.dir.db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("INSERT INTO region (id, parent_id, level, code, name, origin_node, stamp)"
                         " SELECT 'other-township', parent_id, 2, '410425103000', '安良镇', origin_node, stamp"
                         " FROM region WHERE code = '410425101000'");
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_clear_pointer (&own, fg_township_report_free);
  own = report (f->a.store, f->a.admin, NULL, NULL, NULL, FG_REPORT_RANK_OVERDUE);
  g_assert_cmpuint (own->townships->len, ==, 1);
  g_assert_cmpstr (((FgTownshipFigures *) g_ptr_array_index (own->townships, 0))->code, ==, "410425101000");

  township = fg_region_lookup (f->a.store, f->a.admin, fg_store_get_home_region_id (f->a.store), &error);
  g_assert_no_error (error);
  g_clear_pointer (&county_staff, fg_actor_unref);
  county_staff = add_account (f->a.store, f->a.admin, "county", FG_ROLE_COUNTY, fg_region_get_parent_id (township));
  g_clear_pointer (&by_county, fg_township_report_free);
  by_county = report (f->a.store, county_staff, NULL, NULL, NULL, FG_REPORT_RANK_OPEN_HAZARDS);
  g_assert_cmpuint (by_county->townships->len, ==, 2);
  /* nothing there yet: no open hazard, the best */
  g_assert_cmpstr (((FgTownshipFigures *) g_ptr_array_index (by_county->townships, 0))->name, ==, "安良镇");
  assert_figures (g_ptr_array_index (by_county->townships, 0), 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /* a grid worker sees a grid, not a township: refused */
  grid_worker = add_account (f->a.store, f->a.admin, "grid", FG_ROLE_GRID_WORKER, fg_region_get_id (f->a.grid));
  assert_refused (f->a.store, grid_worker, NULL, NULL, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);

  /* the refusal is on record, with its reason */
  {
    g_autoptr(GPtrArray) entries = fg_audit_list (f->a.store, f->a.admin, NULL, 1, &error);
    FgAuditEntry *entry;

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (entry->actor_login, ==, "grid");
    g_assert_cmpstr (entry->action, ==, "venue-read");
    g_assert_true (entry->refused);
    g_assert_nonnull (strstr (entry->detail, "第一网格"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/figures", Fixture, NULL, fixture_set_up, test_report_figures, fixture_tear_down);
  g_test_add ("/report/ranking", Fixture, NULL, fixture_set_up, test_report_ranking, fixture_tear_down);
  g_test_add_func ("/report/ties", test_report_ties);
  g_test_add ("/report/period", Fixture, NULL, fixture_set_up, test_report_period, fixture_tear_down);
  g_test_add ("/report/plan", Fixture, NULL, fixture_set_up, test_report_plan, fixture_tear_down);
  g_test_add ("/report/year-edges", Fixture, NULL, fixture_set_up, test_report_year_edges, fixture_tear_down);
  g_test_add ("/report/dates", Fixture, NULL, fixture_set_up, test_report_dates, fixture_tear_down);
  g_test_add ("/report/scope", Fixture, NULL, fixture_set_up, test_report_scope, fixture_tear_down);

  return g_test_run ();
}
