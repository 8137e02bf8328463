/* test-stats.c — a region's figures at a glance, and the 2026 target
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One township, 冢头镇, with two villages, whose records are made on the
 * days they would have been (the store's clock is set back): venues of
 * several kinds, a closed one, a removed one, one that moved from one
 * village to the other; inspections from September to November 2026;
 * hazards found in one month and closed in the next, one across the
 * Mid-Autumn and National Day holidays; notices served and not. Each
 * figure is checked against what these records make it.
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-store-private.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgRegion *village_a;  /* 李庄村 410425101201 */
  FgRegion *grid_a;
  FgRegion *village_b;  /* 王庄村 410425101202 */
  FgRegion *grid_b;
  GDate *today;         /* 2026-12-07, the day the figures are counted */
} Fixture;

/* The store's clock on @day, at the time of day it is. */
static void
set_day (FgStore    *store,
         const char *day)
{
  g_autoptr(GDate) target = fg_calendar_parse_date (day, NULL);
  g_autoptr(GDate) clock_day = NULL;

  fg_store_set_clock_offset (store, 0);
  clock_day = fg_store_today (store);
  fg_store_set_clock_offset (store, g_date_days_between (clock_day, target) * G_TIME_SPAN_DAY);
}

static char *
add_venue (Fixture    *f,
           FgRegion   *grid,
           const char *name,
           const char *category,
           gboolean    key_unit,
           gboolean    smoke_alarm)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (grid), name, "人民路18号", category, "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_set_key_unit (venue, key_unit);
  fg_venue_set_smoke_alarm (venue, smoke_alarm);
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

/* A finished inspection whose first @n_fail ordinary items fail: its hazards. */
static GPtrArray *
inspect (Fixture    *f,
         const char *venue_id,
         guint       n_fail)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hazards;
  GListModel *items;
  guint failed = 0;

  inspection = fg_inspection_start (f->store, f->admin, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = failed < n_fail && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

      failed += fail;
      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (failed, ==, n_fail);
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, n_fail);
  return hazards;
}

/* A correction notice with a deadline for @hazard, issued on the clock's day. */
static FgNotice *
issue_notice (Fixture    *f,
              FgHazard   *hazard,
              const char *deadline)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { fg_hazard_get_id (hazard), NULL };
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
    .hazard_ids = ids,
    .deadline = deadline,
  };
  FgNotice *notice = fg_notice_issue (f->store, f->admin, &request, &error);

  g_assert_no_error (error);
  return notice;
}

static void
serve (Fixture    *f,
       FgNotice   *notice,
       const char *day)
{
  g_autoptr(GError) error = NULL;

  fg_notice_record_service (f->store, f->admin, notice, FG_NOTICE_SERVICE_SERVED, "王建国", day, NULL, &error);
  g_assert_no_error (error);
}

static FgHazard *
reload (Fixture  *f,
        FgHazard *hazard)
{
  g_autoptr(GError) error = NULL;
  FgHazard *fresh = fg_hazard_load (f->store, f->admin, fg_hazard_get_id (hazard), &error);

  g_assert_no_error (error);
  return fresh;
}

static void
event (Fixture           *f,
       FgHazard          *hazard,
       FgHazardEventKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) fresh = reload (f, hazard);
  FgHazardEventDetails details = { 0, };

  fg_hazard_add_event (f->store, f->admin, fresh, kind, &details, &error);
  g_assert_no_error (error);
}

/* re-inspected, found corrected, and closed (销号) on the clock's day */
static void
close_hazard (Fixture  *f,
              FgHazard *hazard)
{
  g_autoptr(FgHazard) fresh = NULL;

  event (f, hazard, FG_HAZARD_EVENT_REINSPECTED_PASS);
  event (f, hazard, FG_HAZARD_EVENT_CLOSED);
  fresh = reload (f, hazard);
  g_assert_cmpint (fg_hazard_get_state (fresh), ==, FG_HAZARD_STATE_CLOSED);
}

static FgActor *
add_account (Fixture    *f,
             const char *login,
             FgRole      role,
             const char *scope_id)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (f->store, f->admin, login, "某人", role, scope_id, PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) h_fw1 = NULL;
  g_autoptr(GPtrArray) h_r2 = NULL;
  g_autoptr(GPtrArray) h_r1 = NULL;
  g_autoptr(GPtrArray) h_c1 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(FgNotice) n_fw1 = NULL;
  g_autoptr(FgNotice) n_r2 = NULL;
  g_autoptr(FgNotice) n_r1 = NULL;
  g_autoptr(FgNotice) n_c1a = NULL;
  g_autoptr(FgNotice) n_c1b = NULL;
  g_autoptr(FgVenue) moved = NULL;
  g_autoptr(FgVenue) closed = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *fw1 = NULL, *fw2 = NULL, *ss1 = NULL, *or1 = NULL;
  g_autofree char *c1 = NULL, *d1 = NULL, *m1 = NULL;
  g_autofree char *sql = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->village_a, &f->grid_a);
  f->village_b = fg_region_add_village (f->store, installer, "410425101", "410425101202", "王庄村", &error);
  g_assert_no_error (error);
  f->grid_b = fg_region_add_grid (f->store, installer, fg_region_get_id (f->village_b), "第二网格", &error);
  g_assert_no_error (error);
  {
    g_autoptr(FgAccount) account = fg_account_create (f->store, installer, "admin", "管理员",
                                                      FG_ROLE_TOWNSHIP_ADMIN,
                                                      fg_store_get_home_region_id (f->store), PASSWORD, &error);

    g_assert_no_error (error);
    f->admin = fg_account_login (f->store, "admin", PASSWORD, &error);
    g_assert_no_error (error);
  }
  f->today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  set_day (f->store, "2026-09-01");
  r1 = add_venue (f, f->grid_a, "老王饭店", "restaurant", FALSE, FALSE);   /* quarterly */
  r2 = add_venue (f, f->grid_a, "聚福楼", "restaurant", TRUE, FALSE);      /* a key unit: monthly */
  fw1 = add_venue (f, f->grid_a, "李家作坊", "family-workshop", FALSE, TRUE);
  fw2 = add_venue (f, f->grid_a, "张家作坊", "family-workshop", FALSE, FALSE);
  ss1 = add_venue (f, f->grid_b, "王庄门面", "street-shop", FALSE, FALSE);
  or1 = add_venue (f, f->grid_b, "王庄小区", "old-residential", FALSE, TRUE);
  c1 = add_venue (f, f->grid_a, "停业饭店", "restaurant", FALSE, FALSE);
  d1 = add_venue (f, f->grid_a, "删除作坊", "family-workshop", FALSE, FALSE);
  m1 = add_venue (f, f->grid_a, "搬家小卖部", "shop", FALSE, FALSE);

  /* Thursday 24 September: found; closed Friday 9 October, after the
   * Mid-Autumn (25–27 Sep) and National Day (1–7 Oct) holidays: 5
   * working days (28, 29, 30 Sep, 8, 9 Oct) */
  set_day (f->store, "2026-09-24");
  h_fw1 = inspect (f, fw1, 1);
  n_fw1 = issue_notice (f, g_ptr_array_index (h_fw1, 0), "2026-10-09");
  serve (f, n_fw1, "2026-09-24");
  set_day (f->store, "2026-10-09");
  close_hazard (f, g_ptr_array_index (h_fw1, 0));

  /* Thursday 15 October: found; closed Tuesday 3 November: 13 working days */
  set_day (f->store, "2026-10-15");
  h_r2 = inspect (f, r2, 1);
  n_r2 = issue_notice (f, g_ptr_array_index (h_r2, 0), "2026-10-23");
  serve (f, n_r2, "2026-10-15");
  set_day (f->store, "2026-11-03");
  close_hazard (f, g_ptr_array_index (h_r2, 0));

  /* 5 November: the shop is inspected in 李庄村, then moves to 王庄村 */
  set_day (f->store, "2026-11-05");
  none = inspect (f, m1, 0);
  set_day (f->store, "2026-11-06");
  moved = fg_venue_load (f->store, f->admin, m1, &error);
  g_assert_no_error (error);
  fg_venue_set_region_id (moved, fg_region_get_id (f->grid_b));
  fg_venue_save (f->store, f->admin, moved, &error);
  g_assert_no_error (error);

  /* 10 November: a hazard whose deadline (20 November) runs out; its
   * notice is never served */
  set_day (f->store, "2026-11-10");
  h_r1 = inspect (f, r1, 1);
  n_r1 = issue_notice (f, g_ptr_array_index (h_r1, 0), "2026-11-20");

  /* Thursday 12 November: two hazards at a venue that closes the next day:
   * one closed Wednesday 18 November (4 working days), one reported fixed
   * on 1 December and not re-inspected since (the office had 3 working
   * days, to 4 December) */
  set_day (f->store, "2026-11-12");
  h_c1 = inspect (f, c1, 2);
  set_day (f->store, "2026-11-13");
  n_c1a = issue_notice (f, g_ptr_array_index (h_c1, 0), "2026-11-30");
  n_c1b = issue_notice (f, g_ptr_array_index (h_c1, 1), "2026-11-17");
  serve (f, n_c1a, "2026-11-13");
  serve (f, n_c1b, "2026-11-13");
  closed = fg_venue_load (f->store, f->admin, c1, &error);
  g_assert_no_error (error);
  fg_venue_set_status (closed, FG_VENUE_STATUS_CLOSED);
  fg_venue_save (f->store, f->admin, closed, &error);
  g_assert_no_error (error);
  set_day (f->store, "2026-11-18");
  close_hazard (f, g_ptr_array_index (h_c1, 1));
  set_day (f->store, "2026-12-01");
  event (f, g_ptr_array_index (h_c1, 0), FG_HAZARD_EVENT_REPORTED_FIXED);

  /* a venue removed (a tombstone, as a bundle leaves one) */
  sql = g_strdup_printf ("UPDATE venue SET deleted = 1 WHERE id = '%s'", d1);
  g_assert_true (fg_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  fg_store_set_clock_offset (f->store, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_free);
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->village_a);
  g_clear_object (&f->grid_a);
  g_clear_object (&f->village_b);
  g_clear_object (&f->grid_b);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static FgStats *
compute (Fixture       *f,
         FgActor       *actor,
         const char    *region,
         FgStatsPeriod  period,
         const char    *day_text,
         GError       **error)
{
  g_autoptr(GDate) day = fg_calendar_parse_date (day_text, NULL);
  FgStatsQuery query = {
    .region = region,
    .period = period,
    .day = day,
    .today = f->today,
  };

  return fg_stats_compute (f->store, actor, &query, error);
}

static const FgStatsCategory *
find_category (FgStats    *stats,
               const char *id)
{
  for (guint i = 0; i < stats->categories->len; i++)
    {
      const FgStatsCategory *category = g_ptr_array_index (stats->categories, i);

      if (strcmp (category->category, id) == 0)
        return category;
    }
  return NULL;
}

/* November in the township: every figure */
static void
test_township_month (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  const FgStatsCategory *restaurants, *workshops;
  const FgStatsVillageTarget *li, *wang;

  g_assert_no_error (error);
  g_assert_cmpstr (stats->region_code, ==, "410425101000");
  g_assert_cmpint (stats->level, ==, FG_REGION_LEVEL_TOWNSHIP);
  g_assert_cmpstr (stats->from, ==, "2026-11-01");
  g_assert_cmpstr (stats->to, ==, "2026-11-30");
  g_assert_cmpstr (stats->today, ==, "2026-12-07");

  /* active: R1, R2, FW1, FW2, SS1, OR1, M1; not C1 (closed), D1 (removed) */
  g_assert_cmpuint (stats->n_venues, ==, 7);
  g_assert_cmpuint (stats->categories->len, ==, 5);
  restaurants = find_category (stats, "restaurant");
  g_assert_nonnull (restaurants);
  g_assert_cmpuint (restaurants->n_venues, ==, 2);
  g_assert_cmpuint (restaurants->n_key_units, ==, 1);
  g_assert_cmpint (restaurants->frequency, ==, FG_STATS_FREQUENCY_QUARTERLY);
  /* R1 (quarterly) in November: on target; R2 (key unit, monthly) last in October: not */
  g_assert_cmpuint (restaurants->n_on_target, ==, 1);
  workshops = find_category (stats, "family-workshop");
  g_assert_cmpuint (workshops->n_venues, ==, 2);
  g_assert_cmpint (workshops->frequency, ==, FG_STATS_FREQUENCY_YEARLY);
  g_assert_cmpuint (workshops->n_on_target, ==, 1);
  /* most venues first, then by id */
  g_assert_cmpstr (((FgStatsCategory *) g_ptr_array_index (stats->categories, 0))->category, ==, "family-workshop");
  g_assert_cmpstr (((FgStatsCategory *) g_ptr_array_index (stats->categories, 1))->category, ==, "restaurant");
  g_assert_cmpuint (find_category (stats, "shop")->n_on_target, ==, 1);
  g_assert_cmpuint (find_category (stats, "street-shop")->n_on_target, ==, 0);

  /* month: R1, M1; quarter: + R2; year: + FW1 */
  g_assert_cmpuint (stats->n_inspected_month, ==, 2);
  g_assert_cmpuint (stats->n_inspected_quarter, ==, 3);
  g_assert_cmpuint (stats->n_inspected_year, ==, 4);
  g_assert_cmpuint (stats->n_on_target, ==, 3);  /* R1, FW1, M1 */
  g_assert_cmpuint (stats->n_never_inspected, ==, 3);  /* FW2, SS1, OR1 */
  g_assert_cmpuint (stats->n_inspections, ==, 3);  /* M1, R1, C1 (closed since, but inspected) */

  /* found in November: R1's, C1's two; closed of them: one */
  g_assert_cmpuint (stats->n_found, ==, 3);
  g_assert_cmpuint (stats->n_found_closed, ==, 1);
  g_assert_cmpfloat_with_epsilon (fg_stats_get_closure_rate (stats), 1.0 / 3, 1e-9);
  /* closed in November: R2's (found in October) and C1's second */
  g_assert_cmpuint (stats->n_closed, ==, 2);
  /* 13 and 4 working days */
  g_assert_cmpfloat_with_epsilon (stats->median_days_to_close, 8.5, 1e-9);

  /* now: R1's (running, overdue since 20 November) and C1's first (reported fixed) */
  g_assert_cmpuint (stats->n_open, ==, 2);
  g_assert_cmpuint (stats->n_open_deadline, ==, 2);
  g_assert_cmpuint (stats->n_open_on_spot, ==, 0);
  g_assert_cmpuint (stats->n_open_major_proposed, ==, 0);
  g_assert_cmpuint (stats->n_open_major, ==, 0);
  g_assert_cmpuint (stats->n_overdue, ==, 1);
  g_assert_cmpuint (stats->n_reinspection_late, ==, 1);

  /* November's notices: R1's, C1's two; R1's is not served */
  g_assert_cmpuint (stats->n_notices, ==, 3);
  g_assert_cmpuint (stats->n_unserved, ==, 1);

  /* the target: FW1 (alarm), FW2, SS1, OR1 (alarm); D1 is removed */
  g_assert_cmpuint (stats->n_target_venues, ==, 4);
  g_assert_cmpuint (stats->n_target_smoke_alarms, ==, 2);
  g_assert_cmpuint (stats->villages->len, ==, 2);
  li = g_ptr_array_index (stats->villages, 0);
  wang = g_ptr_array_index (stats->villages, 1);
  g_assert_cmpstr (li->code, ==, "410425101201");
  g_assert_cmpstr (li->name, ==, "李庄村");
  g_assert_cmpuint (li->n_venues, ==, 2);
  g_assert_cmpuint (li->n_smoke_alarms, ==, 1);
  g_assert_cmpstr (wang->name, ==, "王庄村");
  g_assert_cmpuint (wang->n_venues, ==, 2);
  g_assert_cmpuint (wang->n_smoke_alarms, ==, 1);
}

/* October: the hazard closed across the holidays, and the one found then
 * and closed in November */
static void
test_holidays_in_median (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = compute (f, f->admin, "410425101", FG_STATS_PERIOD_MONTH, "2026-10-01", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (stats->from, ==, "2026-10-01");
  g_assert_cmpstr (stats->to, ==, "2026-10-31");
  g_assert_cmpuint (stats->n_found, ==, 1);
  g_assert_cmpuint (stats->n_found_closed, ==, 1);  /* closed in November, closed now */
  g_assert_cmpuint (stats->n_closed, ==, 1);
  /* 24 September to 9 October: 15 days, 5 of them working days */
  g_assert_cmpfloat_with_epsilon (stats->median_days_to_close, 5, 1e-9);
  g_assert_cmpuint (stats->n_inspections, ==, 1);
  g_assert_cmpuint (stats->n_inspected_month, ==, 1);  /* R2 */
  /* up to 31 October, M1, R1 and C1 had not been inspected yet */
  g_assert_cmpuint (stats->n_never_inspected, ==, 5);
  g_assert_cmpuint (stats->n_notices, ==, 1);
}

/* A quarter and a year, and a period given by its days */
static void
test_periods (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) quarter = compute (f, f->admin, NULL, FG_STATS_PERIOD_QUARTER, "2026-11-15", &error);
  g_autoptr(FgStats) year = NULL;
  g_autoptr(FgStats) range = NULL;
  FgStatsQuery query = { .period = FG_STATS_PERIOD_RANGE, .from = "2026-09-24", .to = "2026-10-15",
                         .today = f->today };

  g_assert_no_error (error);
  g_assert_cmpstr (quarter->from, ==, "2026-10-01");
  g_assert_cmpstr (quarter->to, ==, "2026-12-31");
  g_assert_cmpuint (quarter->n_found, ==, 4);
  g_assert_cmpuint (quarter->n_closed, ==, 3);
  g_assert_cmpfloat_with_epsilon (quarter->median_days_to_close, 5, 1e-9);  /* 4, 5, 13 */

  year = compute (f, f->admin, NULL, FG_STATS_PERIOD_YEAR, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (year->from, ==, "2026-01-01");
  g_assert_cmpstr (year->to, ==, "2026-12-31");
  g_assert_cmpuint (year->n_found, ==, 5);
  g_assert_cmpuint (year->n_inspections, ==, 5);
  g_assert_cmpuint (year->n_notices, ==, 5);

  range = fg_stats_compute (f->store, f->admin, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (range->n_found, ==, 2);
  g_assert_cmpuint (range->n_closed, ==, 1);
  g_assert_cmpuint (range->n_inspections, ==, 2);
}

/* A village: its venues now (the shop that moved in), the inspections made
 * there (the shop's, before it moved) */
static void
test_villages_and_moves (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) a = compute (f, f->admin, "410425101201", FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_autoptr(FgStats) b = NULL;
  g_autoptr(FgStats) grid = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (a->n_venues, ==, 4);           /* R1, R2, FW1, FW2 */
  g_assert_cmpuint (a->n_inspections, ==, 3);      /* M1 (before it moved), R1, C1 */
  g_assert_cmpuint (a->n_inspected_month, ==, 1);  /* R1 */
  g_assert_cmpuint (a->n_found, ==, 3);
  g_assert_cmpuint (a->n_notices, ==, 3);
  g_assert_cmpuint (a->n_unserved, ==, 1);
  g_assert_cmpuint (a->villages->len, ==, 1);

  b = compute (f, f->admin, "410425101202", FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->n_venues, ==, 3);           /* SS1, OR1, M1 */
  g_assert_cmpuint (b->n_inspections, ==, 0);
  g_assert_cmpuint (b->n_inspected_month, ==, 1);  /* M1, inspected before it moved */
  g_assert_cmpuint (b->n_never_inspected, ==, 2);
  g_assert_cmpuint (b->n_found, ==, 0);
  g_assert_cmpuint (b->n_notices, ==, 0);
  g_assert_cmpuint (b->n_target_venues, ==, 2);
  g_assert_cmpuint (b->n_target_smoke_alarms, ==, 1);

  grid = compute (f, f->admin, fg_region_get_code (f->grid_b), FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (grid->level, ==, FG_REGION_LEVEL_GRID);
  g_assert_cmpuint (grid->n_venues, ==, 3);
  g_assert_cmpuint (grid->villages->len, ==, 1);
  g_assert_cmpstr (((FgStatsVillageTarget *) g_ptr_array_index (grid->villages, 0))->name, ==, "王庄村");
}

/* The venues still lacking a smoke alarm, a page at a time */
static void
test_lacking_smoke_alarm (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  guint total = 0;

  all = fg_stats_list_lacking (f->store, f->admin, NULL, FG_STATS_LACK_SMOKE_ALARM, 0, 50, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (all->len, ==, 2);
  /* by village: 李庄村's workshop, then 王庄村's shop front */
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (all, 0))->name, ==, "张家作坊");
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (all, 0))->category, ==, "family-workshop");
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (all, 0))->village_name, ==, "李庄村");
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (all, 1))->name, ==, "王庄门面");
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (all, 1))->category, ==, "street-shop");

  page = fg_stats_list_lacking (f->store, f->admin, "410425101202", FG_STATS_LACK_SMOKE_ALARM, 0, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (page, 0))->name, ==, "王庄门面");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = fg_stats_list_lacking (f->store, f->admin, NULL, FG_STATS_LACK_SMOKE_ALARM, 1, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((FgStatsVenue *) g_ptr_array_index (page, 0))->name, ==, "王庄门面");
}

/* The id of the venue named @name */
static char *
venue_named (Fixture    *f,
             const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char *id;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (f->store), "SELECT id FROM venue WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return id;
}

static void
set_simple_extinguishing (Fixture    *f,
                          const char *name,
                          gboolean    present)
{
  g_autofree char *id = venue_named (f, name);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  venue = fg_venue_load (f->store, f->admin, id, &error);
  g_assert_no_error (error);
  fg_venue_set_simple_extinguishing (venue, present);
  g_assert_true (fg_venue_save (f->store, f->admin, venue, &error));
}

static const char *
venue_name_at (GPtrArray *venues,
               guint      i)
{
  return ((FgStatsVenue *) g_ptr_array_index (venues, i))->name;
}

/* The target's second figure: simple extinguishing equipment, by village,
 * of the active venues of the three kinds only; and the venues lacking it,
 * or either of the two. */
static void
test_target_simple_extinguishing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(GPtrArray) lacking = NULL;
  g_autofree char *shut = add_venue (f, f->grid_a, "关门作坊", "family-workshop", FALSE, FALSE);
  g_autofree char *diner = add_venue (f, f->grid_b, "王庄饭馆", "restaurant", FALSE, FALSE);
  FgStatsVillageTarget *li;
  FgStatsVillageTarget *wang;
  guint total = 0;

  /* 李庄村's two workshops have it, 王庄村's shop and compound not; a closed
   * workshop and a restaurant with it count for nothing */
  set_simple_extinguishing (f, "李家作坊", TRUE);
  set_simple_extinguishing (f, "张家作坊", TRUE);
  set_simple_extinguishing (f, "王庄门面", FALSE);
  set_simple_extinguishing (f, "王庄小区", FALSE);
  set_simple_extinguishing (f, "关门作坊", TRUE);
  set_simple_extinguishing (f, "王庄饭馆", TRUE);
  {
    g_autoptr(FgVenue) venue = fg_venue_load (f->store, f->admin, shut, &error);

    fg_venue_set_status (venue, FG_VENUE_STATUS_CLOSED);
    g_assert_true (fg_venue_save (f->store, f->admin, venue, &error));
  }

  stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_target_venues, ==, 4);
  g_assert_cmpuint (stats->n_target_smoke_alarms, ==, 2);
  g_assert_cmpuint (stats->n_target_simple_extinguishing, ==, 2);
  li = g_ptr_array_index (stats->villages, 0);
  wang = g_ptr_array_index (stats->villages, 1);
  g_assert_cmpstr (li->name, ==, "李庄村");
  g_assert_cmpuint (li->n_simple_extinguishing, ==, 2);
  g_assert_cmpstr (wang->name, ==, "王庄村");
  g_assert_cmpuint (wang->n_simple_extinguishing, ==, 0);

  lacking = fg_stats_list_lacking (f->store, f->admin, NULL, FG_STATS_LACK_SIMPLE_EXTINGUISHING, 0, 50,
                                   &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (lacking->len, ==, 2);
  g_assert_cmpstr (venue_name_at (lacking, 0), ==, "王庄门面");
  g_assert_cmpstr (venue_name_at (lacking, 1), ==, "王庄小区");
  g_clear_pointer (&lacking, g_ptr_array_unref);

  /* either: 张家作坊 (no alarm), and 王庄村's two; 李家作坊 has both */
  lacking = fg_stats_list_lacking (f->store, f->admin, NULL, FG_STATS_LACK_EITHER, 0, 50, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpstr (venue_name_at (lacking, 0), ==, "张家作坊");
  g_assert_cmpstr (venue_name_at (lacking, 1), ==, "王庄门面");
  g_assert_cmpstr (venue_name_at (lacking, 2), ==, "王庄小区");
}

/* A campaign started from the venues lacking the target's equipment is
 * aimed at exactly them, and looks at the items that ask about it */
static void
test_campaign_for_lacking (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgCampaign) either = NULL;
  g_autoptr(FgCampaign) simple = NULL;
  g_autoptr(FgCampaign) none = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *fw2 = NULL;
  g_autofree char *ss1 = NULL;
  g_autofree char *or1 = NULL;
  const char *both_items[] = { FG_ITEM_SMOKE_ALARM, FG_ITEM_SIMPLE_EXTINGUISHING, NULL };
  const char *simple_item[] = { FG_ITEM_SIMPLE_EXTINGUISHING, NULL };

  set_simple_extinguishing (f, "李家作坊", TRUE);
  set_simple_extinguishing (f, "张家作坊", TRUE);
  set_simple_extinguishing (f, "王庄门面", FALSE);
  set_simple_extinguishing (f, "王庄小区", FALSE);
  fw2 = venue_named (f, "张家作坊");
  ss1 = venue_named (f, "王庄门面");
  or1 = venue_named (f, "王庄小区");

  either = fg_campaign_create_for_lacking (f->store, f->admin, "烟感和简易灭火设施补齐专项行动",
                                           "2026-12-08", "2026-12-31", NULL, FG_STATS_LACK_EITHER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_campaign_get_n_venues (either), ==, 3);
  g_assert_cmpstrv (fg_campaign_get_focus (either), both_items);
  ids = fg_campaign_dup_venue_ids (f->store, f->admin, fg_campaign_get_id (either), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_cmpstr (ids[0], ==, fw2);
  g_assert_cmpstr (ids[1], ==, ss1);
  g_assert_cmpstr (ids[2], ==, or1);
  g_clear_pointer (&ids, g_strfreev);

  /* one village, one lack */
  simple = fg_campaign_create_for_lacking (f->store, f->admin, "简易灭火设施专项行动", "2026-12-08",
                                           "2026-12-31", "410425101202", FG_STATS_LACK_SIMPLE_EXTINGUISHING,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_campaign_get_n_venues (simple), ==, 2);
  g_assert_cmpstrv (fg_campaign_get_focus (simple), simple_item);

  /* nothing lacks it in 李庄村: no campaign, nothing written */
  none = fg_campaign_create_for_lacking (f->store, f->admin, "空行动", "2026-12-08", "2026-12-31",
                                         "410425101201", FG_STATS_LACK_SIMPLE_EXTINGUISHING, &error);
  g_assert_null (none);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN);
  g_clear_error (&error);

  /* bad dates refuse the whole, its venues too */
  none = fg_campaign_create_for_lacking (f->store, f->admin, "倒排", "2026-12-31", "2026-12-08",
                                         NULL, FG_STATS_LACK_EITHER, &error);
  g_assert_null (none);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count (*) FROM campaign_venue"), ==, 5);

  /* the list says how many each is aimed at */
  campaigns = fg_campaign_list (f->store, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 2);
  for (guint i = 0; i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);

      g_assert_cmpuint (fg_campaign_get_n_venues (campaign), ==,
                        g_str_equal (fg_campaign_get_id (campaign), fg_campaign_get_id (either)) ? 3 : 2);
    }
}

/* The office's own frequencies replace the defaults */
static void
test_frequency_setting (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(FgActor) staff = add_account (f, "staff", FG_ROLE_TOWNSHIP_STAFF,
                                                fg_store_get_home_region_id (f->store));

  g_assert_cmpint (fg_stats_frequency_get_default (FG_STATS_KEY_UNIT), ==, FG_STATS_FREQUENCY_MONTHLY);
  g_assert_cmpint (fg_stats_frequency_get_default ("hotel"), ==, FG_STATS_FREQUENCY_QUARTERLY);
  g_assert_cmpint (fg_stats_frequency_get_default ("street-shop"), ==, FG_STATS_FREQUENCY_YEARLY);

  /* key units every quarter: R2, inspected in October, is on target in November */
  g_assert_true (fg_stats_set_frequency (f->store, f->admin, FG_STATS_KEY_UNIT, FG_STATS_FREQUENCY_QUARTERLY,
                                         &error));
  g_assert_no_error (error);
  /* restaurants every month: R1 still is (inspected 10 November) */
  g_assert_true (fg_stats_set_frequency (f->store, f->admin, "restaurant", FG_STATS_FREQUENCY_MONTHLY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fg_stats_get_frequency (f->store, "restaurant"), ==, FG_STATS_FREQUENCY_MONTHLY);

  stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_category (stats, "restaurant")->frequency, ==, FG_STATS_FREQUENCY_MONTHLY);
  g_assert_cmpuint (find_category (stats, "restaurant")->n_on_target, ==, 2);
  g_assert_cmpuint (stats->n_on_target, ==, 4);

  /* an unknown kind, and someone who may not change settings */
  g_assert_false (fg_stats_set_frequency (f->store, f->admin, "spaceport", FG_STATS_FREQUENCY_MONTHLY, &error));
  g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_stats_set_frequency (f->store, staff, "restaurant", FG_STATS_FREQUENCY_YEARLY, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_assert_cmpint (fg_stats_get_frequency (f->store, "restaurant"), ==, FG_STATS_FREQUENCY_MONTHLY);
}

/* A grid worker asks for the township: refused, and the refusal is in the
 * audit log; its own grid it reads */
static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) worker = add_account (f, "grid", FG_ROLE_GRID_WORKER, fg_region_get_id (f->grid_b));
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(GPtrArray) lacking = NULL;
  gint64 before = fg_test_count (f->dir.db_path, "SELECT count (*) FROM audit WHERE outcome = 'refused'");

  stats = compute (f, worker, "410425101", FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_null (stats);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count (*) FROM audit WHERE outcome = 'refused'"),
                   ==, before + 1);

  lacking = fg_stats_list_lacking (f->store, worker, "410425101201", FG_STATS_LACK_SMOKE_ALARM, 0, 10, NULL, &error);
  g_assert_null (lacking);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);

  /* by default, its own grid */
  stats = compute (f, worker, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->level, ==, FG_REGION_LEVEL_GRID);
  g_assert_cmpuint (stats->n_venues, ==, 3);
}

/* Wrong codes and impossible periods change nothing and say why */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = NULL;
  FgStatsQuery query = { .period = FG_STATS_PERIOD_RANGE, .from = "2026-02-30", .to = "2026-03-01" };

  stats = compute (f, f->admin, "410425199", FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_null (stats);
  g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_NO_REGION);
  g_assert_nonnull (strstr (error->message, "410425199"));
  g_clear_error (&error);

  stats = fg_stats_compute (f->store, f->admin, &query, &error);
  g_assert_null (stats);
  g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_DATE);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  query.from = "2026-03-02";
  stats = fg_stats_compute (f->store, f->admin, &query, &error);
  g_assert_null (stats);
  g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_PERIOD);
  g_clear_error (&error);

  query.to = NULL;
  stats = fg_stats_compute (f->store, f->admin, &query, &error);
  g_assert_null (stats);
  g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_PERIOD);
}

/* A hazard corrected on the spot is closed the day it is found: 0
 * working days */
static void
test_on_spot (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GPtrArray) lacking = NULL;
  GListModel *items;
  gboolean failed = FALSE;

  lacking = fg_stats_list_lacking (f->store, f->admin, "410425101201", FG_STATS_LACK_SMOKE_ALARM, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lacking->len, ==, 1);

  set_day (f->store, "2026-12-02");
  inspection = fg_inspection_start (f->store, f->admin, ((FgStatsVenue *) g_ptr_array_index (lacking, 0))->venue_id,
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && fg_checklist_item_get_on_spot (item);

      failed |= fail;
      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (failed);
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  event (f, g_ptr_array_index (hazards, 0), FG_HAZARD_EVENT_RECTIFIED_ON_SPOT);
  fg_store_set_clock_offset (f->store, 0);

  stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-12-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_found, ==, 1);
  g_assert_cmpuint (stats->n_found_closed, ==, 1);
  g_assert_cmpuint (stats->n_closed, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats->median_days_to_close, 0, 1e-9);
  g_assert_cmpuint (stats->n_open, ==, 2);
  g_assert_cmpuint (stats->n_never_inspected, ==, 2);
}

/* Each figure is read through an index, not a scan of its table */
static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3 *db = fg_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  const char *sql = "EXPLAIN QUERY PLAN SELECT h.found_at, e.at FROM hazard_event e JOIN hazard h ON h.id = e.hazard_id"
                    " WHERE e.kind IN ('closed', 'rectified-on-spot') AND e.at >= '2026-11-01' AND e.at < '2026-12-01'"
                    "   AND h.deleted = 0 AND h.state = 'closed' AND h.township_id = 'x'";

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  /* either the period's closings (hazard_event_closed) or the area's
   * closed hazards, as the planner judges; never every event */
  g_assert_null (strstr (plan->str, "SCAN e"));
  g_assert_null (strstr (plan->str, "SCAN h"));
  g_assert_nonnull (strstr (plan->str, "SEARCH e"));
}

static FgStatsSeries *
compute_series (Fixture       *f,
                FgActor       *actor,
                const char    *region,
                FgStatsPeriod  period,
                const char    *day_text,
                GError       **error)
{
  g_autoptr(GDate) day = fg_calendar_parse_date (day_text, NULL);
  FgStatsQuery query = {
    .region = region,
    .period = period,
    .day = day,
    .today = f->today,
  };

  return fg_stats_series_compute (f->store, actor, &query, error);
}

static const FgStatsMonth *
find_month (FgStatsSeries *series,
            const char    *month)
{
  for (guint i = 0; i < series->months->len; i++)
    {
      const FgStatsMonth *row = g_ptr_array_index (series->months, i);

      if (strcmp (row->month, month) == 0)
        return row;
    }
  return NULL;
}

/* The charts' series for November: villages, the trend, the sections */
static void
test_series_month (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStatsSeries) series = compute_series (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_autoptr(FgStats) stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  const FgStatsArea *li, *wang;
  guint n_found = 0, n_open = 0, n_found_trend = 0, n_closed_trend = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (series->from, ==, "2026-11-01");
  g_assert_cmpstr (series->to, ==, "2026-11-30");
  g_assert_cmpint (series->level, ==, FG_REGION_LEVEL_TOWNSHIP);

  /* 李庄村 now: R1, R2, FW1, FW2 (C1 closed, D1 removed, M1 moved away);
   * inspected in November: R1. 王庄村: SS1, OR1 and M1, inspected on
   * 5 November while it was still in 李庄村 */
  g_assert_cmpuint (series->areas->len, ==, 2);
  li = g_ptr_array_index (series->areas, 0);
  wang = g_ptr_array_index (series->areas, 1);
  g_assert_cmpstr (li->name, ==, "李庄村");
  g_assert_cmpstr (li->region_id, ==, fg_region_get_id (f->village_a));
  g_assert_cmpint (li->level, ==, FG_REGION_LEVEL_VILLAGE);
  g_assert_cmpuint (li->n_venues, ==, 4);
  g_assert_cmpuint (li->n_inspected, ==, 1);
  g_assert_cmpstr (wang->name, ==, "王庄村");
  g_assert_cmpuint (wang->n_venues, ==, 3);
  g_assert_cmpuint (wang->n_inspected, ==, 1);
  /* the bars add up to the page's figures */
  g_assert_cmpuint (li->n_venues + wang->n_venues, ==, stats->n_venues);
  g_assert_cmpuint (li->n_inspected + wang->n_inspected, ==, stats->n_inspected_month);

  /* December 2025 to November 2026; FW1's hazard found in September and
   * closed in October, R2's found in October and closed in November */
  g_assert_cmpuint (series->months->len, ==, 12);
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (series->months, 0))->month, ==, "2025-12");
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (series->months, 0))->first_day, ==, "2025-12-01");
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (series->months, 11))->month, ==, "2026-11");
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (series->months, 11))->after, ==, "2026-12-01");
  g_assert_cmpuint (find_month (series, "2026-09")->n_found, ==, 1);
  g_assert_cmpuint (find_month (series, "2026-09")->n_closed, ==, 0);
  g_assert_cmpuint (find_month (series, "2026-10")->n_found, ==, 1);
  g_assert_cmpuint (find_month (series, "2026-10")->n_closed, ==, 1);
  /* R1's, C1's two (C1 closed since: its hazards still count) */
  g_assert_cmpuint (find_month (series, "2026-11")->n_found, ==, stats->n_found);
  g_assert_cmpuint (find_month (series, "2026-11")->n_closed, ==, stats->n_closed);
  for (guint i = 0; i < series->months->len; i++)
    {
      const FgStatsMonth *row = g_ptr_array_index (series->months, i);

      n_found_trend += row->n_found;
      n_closed_trend += row->n_closed;
    }
  g_assert_cmpuint (n_found_trend, ==, 5);
  g_assert_cmpuint (n_closed_trend, ==, 3);

  /* November's three hazards by section; two still open */
  g_assert_cmpuint (series->sections->len, >, 0);
  for (guint i = 0; i < series->sections->len; i++)
    {
      const FgStatsSection *row = g_ptr_array_index (series->sections, i);

      g_assert_cmpstr (row->section, !=, "");
      g_assert_cmpuint (row->n_found, >, 0);
      if (i > 0)
        g_assert_cmpuint (row->n_found, <=, ((FgStatsSection *) g_ptr_array_index (series->sections, i - 1))->n_found);
      n_found += row->n_found;
      n_open += row->n_open;
    }
  g_assert_cmpuint (n_found, ==, 3);
  g_assert_cmpuint (n_open, ==, 2);
}

/* Other periods and a village: its grids */
static void
test_series_periods (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStatsSeries) quarter = compute_series (f, f->admin, NULL, FG_STATS_PERIOD_QUARTER, "2026-11-15", &error);
  g_autoptr(FgStatsSeries) year = NULL;
  g_autoptr(FgStatsSeries) village = NULL;
  g_autoptr(FgStatsSeries) range = NULL;
  const FgStatsArea *grid;
  guint n_found = 0;

  g_assert_no_error (error);
  /* the fourth quarter: R2 (October) and R1; M1 */
  g_assert_cmpuint (((FgStatsArea *) g_ptr_array_index (quarter->areas, 0))->n_inspected, ==, 2);
  g_assert_cmpuint (((FgStatsArea *) g_ptr_array_index (quarter->areas, 1))->n_inspected, ==, 1);
  /* the trend ends with the quarter's last month */
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (quarter->months, 11))->month, ==, "2026-12");
  g_assert_cmpuint (find_month (quarter, "2026-12")->n_found, ==, 0);
  for (guint i = 0; i < quarter->sections->len; i++)
    n_found += ((FgStatsSection *) g_ptr_array_index (quarter->sections, i))->n_found;
  g_assert_cmpuint (n_found, ==, 4);

  /* the year: FW1 too */
  year = compute_series (f, f->admin, NULL, FG_STATS_PERIOD_YEAR, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (year->from, ==, "2026-01-01");
  g_assert_cmpuint (((FgStatsArea *) g_ptr_array_index (year->areas, 0))->n_inspected, ==, 3);
  g_assert_cmpstr (((FgStatsMonth *) g_ptr_array_index (year->months, 0))->month, ==, "2026-01");

  /* 李庄村 is one grid: its four venues */
  village = compute_series (f, f->admin, fg_region_get_code (f->village_a), FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (village->level, ==, FG_REGION_LEVEL_VILLAGE);
  g_assert_cmpuint (village->areas->len, ==, 1);
  grid = g_ptr_array_index (village->areas, 0);
  g_assert_cmpstr (grid->region_id, ==, fg_region_get_id (f->grid_a));
  g_assert_cmpint (grid->level, ==, FG_REGION_LEVEL_GRID);
  g_assert_cmpuint (grid->n_venues, ==, 4);
  g_assert_cmpuint (grid->n_inspected, ==, 1);
  /* hazards stay where they were found: C1's two and R1's in 李庄村 */
  g_assert_cmpuint (find_month (village, "2026-11")->n_found, ==, 3);

  /* a wrong period is refused as the figures refuse it */
  {
    FgStatsQuery query = { .period = FG_STATS_PERIOD_RANGE, .from = "2026-12-01", .to = "2026-11-01", .today = f->today };

    range = fg_stats_series_compute (f->store, f->admin, &query, &error);
    g_assert_error (error, FG_STATS_ERROR, FG_STATS_ERROR_INVALID_PERIOD);
    g_assert_null (range);
  }
}

/* A grid's account may not chart the township */
static void
test_series_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) worker = add_account (f, "grid-a", FG_ROLE_GRID_WORKER, fg_region_get_id (f->grid_a));
  g_autoptr(FgStatsSeries) township = compute_series (f, worker, "410425101", FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_autoptr(FgStatsSeries) own = NULL;

  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_assert_null (township);
  g_clear_error (&error);

  own = compute_series (f, worker, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (own->level, ==, FG_REGION_LEVEL_GRID);
  g_assert_cmpuint (own->areas->len, ==, 1);
}

/* The notices' list filtered to those not yet served holds what the
 * statistics count: R1's notice, never served */
static void
test_unserved_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = compute (f, f->admin, NULL, FG_STATS_PERIOD_YEAR, "2026-11-15", &error);
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  guint n = G_MAXUINT, n_all = 0;

  g_assert_no_error (error);
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n_all, &error));
  g_assert_no_error (error);
  query->unserved_only = TRUE;
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, stats->n_unserved);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_all, ==, 5);
  page = fg_notice_query_fetch (f->store, f->admin, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (fg_notice_get_service (g_ptr_array_index (page, 0)), ==, FG_NOTICE_SERVICE_NONE);

  /* 王庄村 has none */
  query->region_id = g_strdup (fg_region_get_id (f->village_b));
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* The hazard ledger's query keeps to a chart's month or section: as many
 * as the series count */
static void
test_hazard_list_filters (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStatsSeries) series = compute_series (f, f->admin, NULL, FG_STATS_PERIOD_MONTH, "2026-11-15", &error);
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  guint n = G_MAXUINT, n_all = 0;

  g_assert_no_error (error);
  g_assert_true (fg_hazard_query_count (f->store, f->admin, query, &n_all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 5);

  for (guint i = 0; i < series->months->len; i++)
    {
      const FgStatsMonth *month = g_ptr_array_index (series->months, i);

      g_free (query->found_from);
      g_free (query->found_before);
      query->found_from = g_strdup (month->first_day);
      query->found_before = g_strdup (month->after);
      g_assert_true (fg_hazard_query_count (f->store, f->admin, query, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, month->n_found);
    }

  /* November's, section by section */
  g_free (query->found_from);
  g_free (query->found_before);
  query->found_from = g_strdup (series->from);
  query->found_before = g_strdup ("2026-12-01");
  for (guint i = 0; i < series->sections->len; i++)
    {
      const FgStatsSection *section = g_ptr_array_index (series->sections, i);

      g_free (query->section_id);
      query->section_id = g_strdup (section->section_id);
      g_assert_true (fg_hazard_query_count (f->store, f->admin, query, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, section->n_found);
    }
  g_free (query->section_id);
  query->section_id = g_strdup ("no-such-section");
  g_assert_true (fg_hazard_query_count (f->store, f->admin, query, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/stats/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("township-month", test_township_month);
  ADD ("holidays-in-median", test_holidays_in_median);
  ADD ("periods", test_periods);
  ADD ("villages-and-moves", test_villages_and_moves);
  ADD ("lacking-smoke-alarm", test_lacking_smoke_alarm);
  ADD ("frequency-setting", test_frequency_setting);
  ADD ("target-simple-extinguishing", test_target_simple_extinguishing);
  ADD ("campaign-for-lacking", test_campaign_for_lacking);
  ADD ("scope", test_scope);
  ADD ("refusals", test_refusals);
  ADD ("on-spot", test_on_spot);
  ADD ("query-plans", test_query_plans);
  ADD ("series-month", test_series_month);
  ADD ("series-periods", test_series_periods);
  ADD ("series-scope", test_series_scope);
  ADD ("unserved-list", test_unserved_list);
  ADD ("hazard-list-filters", test_hazard_list_filters);

  return g_test_run ();
}
