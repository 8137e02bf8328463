/* test-county.c — a county office's installation, and bundles to and from it
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-store-private.h"
#include "fg-test-util.h"

typedef struct
{
  FgTestDir county_dir;
  FgTestDir township_dir;
  FgStore *county;
  FgStore *township;
  FgActor *county_admin;
  FgActor *township_admin;
  FgRegion *grid;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) county_admin = NULL;
  g_autoptr(FgAccount) township_admin = NULL;

  fg_test_dir_init (&f->county_dir);
  fg_test_dir_init (&f->township_dir);

  f->county = fg_office_open (f->county_dir.db_path, &error);
  g_assert_no_error (error);
  county_admin = fg_office_set_up_county_with_admin (f->county, "410425", "郏县", "guo", "郭晓东",
                                                     "long-password", &error);
  g_assert_no_error (error);
  f->county_admin = fg_account_login (f->county, "guo", "long-password", &error);
  g_assert_no_error (error);

  f->township = fg_test_township_new (&f->township_dir, NULL, &f->grid);
  township_admin = fg_account_create (f->township, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                                      fg_store_get_home_region_id (f->township), "long-password", &error);
  g_assert_no_error (error);
  f->township_admin = fg_account_login (f->township, "admin", "long-password", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->county_admin, fg_actor_unref);
  g_clear_pointer (&f->township_admin, fg_actor_unref);
  g_clear_object (&f->grid);
  g_clear_object (&f->county);
  g_clear_object (&f->township);
  fg_test_dir_clear (&f->county_dir);
  fg_test_dir_clear (&f->township_dir);
}

/* A county installation: a county node, its administrator, county
 * accounts only; a township's installation has no county administrator. */
static void
test_county_set_up (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FgNodeInfo) self = fg_node_get_self (f->county, f->county_admin, NULL);
  g_autoptr(FgAccount) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (self);
  g_assert_cmpint (self->kind, ==, FG_NODE_KIND_COUNTY);
  g_assert_cmpstr (self->scope_code, ==, "410425000000");
  g_assert_cmpint (fg_actor_get_role (f->county_admin), ==, FG_ROLE_COUNTY_ADMIN);
  g_assert_true (fg_actor_can (f->county_admin, FG_ACTION_SYNC));
  g_assert_true (fg_actor_can (f->county_admin, FG_ACTION_SUPERVISE));
  g_assert_false (fg_actor_can (f->county_admin, FG_ACTION_VENUE_EDIT));

  /* county staff, yes; a township role, no */
  staff = fg_account_create (f->county, f->county_admin, "county.staff", "县消防", FG_ROLE_COUNTY,
                             fg_store_get_home_region_id (f->county), "long-password", &error);
  g_assert_no_error (error);
  g_assert_null (fg_account_create (f->county, f->county_admin, "zt", "某人", FG_ROLE_TOWNSHIP_ADMIN,
                                    fg_store_get_home_region_id (f->county), "long-password", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
  g_clear_error (&error);

  /* a county administrator belongs to a county's installation */
  g_assert_null (fg_account_create (f->township, f->township_admin, "guo2", "某人", FG_ROLE_COUNTY_ADMIN,
                                    "410425", "long-password", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
}

/* township → county: everything in the township; county → township: its
 * supervision, which the township does not send back. */
static void
test_county_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FgNodeInfo) county = fg_node_get_self (f->county, f->county_admin, NULL);
  g_autoptr(FgNodeInfo) township = fg_node_get_self (f->township, f->township_admin, NULL);
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号",
                                                "restaurant", "王建国");
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgHazard) at_county = NULL;
  g_autoptr(FgHazard) at_township = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *up = g_build_filename (f->township_dir.dir, "up.fgbundle", NULL);
  g_autofree char *down = g_build_filename (f->county_dir.dir, "down.fgbundle", NULL);
  FgHazardEventDetails supervision = { .note = "请于期限前完成整改并报县安委办", .deadline = fg_test_deadline () };
  FgBundleReport report;
  GListModel *items;

  fg_test_trust (f->county, f->county_admin, f->township, f->township_admin);
  fg_test_trust (f->township, f->township_admin, f->county, f->county_admin);

  /* a venue inspected, one item failed */
  fg_venue_save (f->township, f->township_admin, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->township, f->township_admin, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (f->township, f->township_admin, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->township, f->township_admin, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->township, f->township_admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);

  /* up */
  g_assert_true (fg_bundle_export (f->township, f->township_admin, county->id, up, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (f->county, f->county_admin, up, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  at_county = fg_hazard_load (f->county, f->county_admin, fg_hazard_get_id (g_ptr_array_index (hazards, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_hazard_get_venue_name (at_county), ==, "老王烧烤");

  /* the county supervises; down */
  g_assert_true (fg_hazard_add_event (f->county, f->county_admin, at_county, FG_HAZARD_EVENT_SUPERVISED,
                                      &supervision, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_export (f->county, f->county_admin, township->id, down, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (f->township, f->township_admin, down, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  at_township = fg_hazard_load (f->township, f->township_admin, fg_hazard_get_id (at_county), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fg_hazard_get_supervision (at_township));
  g_assert_cmpstr (fg_hazard_get_supervision (at_township)->note, ==, "请于期限前完成整改并报县安委办");

  /* nothing to send back: the county wrote it */
  g_assert_false (fg_bundle_export (f->township, f->township_admin, county->id, up, &report, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
}

/* The escalations the township's rules made go up to the county in a
 * bundle as any other event of a hazard, with the days they were decided
 * on: the county's ledger shows the hazard at the same step. */
static void
test_county_escalations_travel (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(FgNodeInfo) county = fg_node_get_self (f->county, f->county_admin, NULL);
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号",
                                                "restaurant", "王建国");
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(FgHazard) at_county = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) first_day = g_date_new_dmy (14, 1, 2099);
  g_autoptr(GDate) second_day = g_date_new_dmy (21, 1, 2099);
  g_autofree char *up = g_build_filename (f->township_dir.dir, "up.fgbundle", NULL);
  FgHazardEventDetails notice = { .deadline = "2099-01-09" };
  FgEscalationReport escalations;
  FgBundleReport report;
  GListModel *items;
  GPtrArray *events;
  guint n_escalated = 0;
  gboolean failed = FALSE;

  fg_test_trust (f->county, f->county_admin, f->township, f->township_admin);
  fg_test_trust (f->township, f->township_admin, f->county, f->county_admin);

  /* a venue inspected, one ordinary item failed */
  fg_venue_save (f->township, f->township_admin, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->township, f->township_admin, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

      fg_inspection_record (f->township, f->township_admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
      failed |= fail;
    }
  fg_inspection_finish (f->township, f->township_admin, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->township, f->township_admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  hazard = fg_hazard_load (f->township, f->township_admin, fg_hazard_get_id (g_ptr_array_index (hazards, 0)), &error);
  g_assert_no_error (error);
  /* ordered days before its deadline (one is at most a year ahead) */
  {
    g_autoptr(GDate) ordered = g_date_new_dmy (4, 1, 2099);
    g_autoptr(GDate) today = fg_store_today (f->township);

    fg_store_set_clock_offset (f->township, g_date_days_between (today, ordered) * G_TIME_SPAN_DAY);
  }
  g_assert_true (fg_hazard_add_event (f->township, f->township_admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED,
                                      &notice, &error));
  fg_store_set_clock_offset (f->township, 0);

  /* two steps, on two days */
  g_assert_true (fg_escalation_run (f->township, f->township_admin, first_day, &escalations, &error));
  g_assert_cmpuint (escalations.n_overdue, ==, 1);
  g_assert_true (fg_escalation_run (f->township, f->township_admin, second_day, &escalations, &error));
  g_assert_cmpuint (escalations.n_overdue, ==, 1);

  /* up */
  g_assert_true (fg_bundle_export (f->township, f->township_admin, county->id, up, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (f->county, f->county_admin, up, FALSE, &report, NULL, &error));
  g_assert_no_error (error);

  at_county = fg_hazard_load (f->county, f->county_admin, fg_hazard_get_id (hazard), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (at_county), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_cmpstr (fg_hazard_get_escalation_level (at_county), ==, "police-station");
  g_assert_cmpstr (fg_hazard_get_escalated_on (at_county), ==, "2099-01-21");
  events = fg_hazard_get_events (at_county);
  for (guint i = 0; i < events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);

      if (event->kind != FG_HAZARD_EVENT_ESCALATED)
        continue;
      g_assert_true (g_str_has_prefix (event->at, n_escalated == 0 ? "2099-01-14" : "2099-01-21"));
      g_assert_cmpstr (event->level, ==, n_escalated == 0 ? "township-enforcement" : "police-station");
      n_escalated++;
    }
  g_assert_cmpuint (n_escalated, ==, 2);

  /* and the county's own ledger counts it where the township's does */
  {
    g_autoptr(GPtrArray) escalated = fg_hazard_list (f->county, f->county_admin, NULL, NULL,
                                                     FG_HAZARD_STATE_ESCALATED, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (escalated->len, ==, 1);
    g_assert_cmpstr (fg_hazard_get_escalated_on (g_ptr_array_index (escalated, 0)), ==, "2099-01-21");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/county/set-up", Fixture, NULL, fixture_set_up, test_county_set_up, fixture_tear_down);
  g_test_add ("/county/round-trip", Fixture, NULL, fixture_set_up, test_county_round_trip, fixture_tear_down);
  g_test_add ("/county/escalations-travel", Fixture, NULL, fixture_set_up, test_county_escalations_travel,
              fixture_tear_down);

  return g_test_run ();
}
