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

static void
collect_sql (unsigned int  type,
             void         *data,
             void         *stmt,
             void         *unused)
{
  char *sql = sqlite3_expanded_sql (stmt);

  g_ptr_array_add (data, g_strdup (sql));
  sqlite3_free (sql);
}

/* The plans SQLite runs for the first page of @region_id's venue list in
 * @sort's order, one line of EXPLAIN QUERY PLAN after another. */
static char *
list_plan (FgStore     *store,
           FgActor     *actor,
           const char  *region_id,
           FgVenueSort  sort)
{
  sqlite3 *db = fg_store_get_db (store);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  GString *plan = g_string_new (NULL);

  query->region_id = g_strdup (region_id);
  query->sort = sort;
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, (gpointer) collect_sql, statements);
  page = fg_venue_query_fetch (store, actor, query, 0, 50, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (page);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", g_ptr_array_index (statements, i), NULL);
      sqlite3_stmt *stmt = NULL;

      if (strstr (sql, " FROM venue v") == NULL)
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
  return g_string_free (plan, FALSE);
}

static gboolean
has_index (FgStore    *store,
           const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = '%s'",
                                          name);

  return fg_test_count (fg_store_get_path (store), sql) > 0;
}

static void
assert_intact (FgStore *store,
               FgActor *actor)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = fg_integrity_check (store, actor, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((FgIntegrityProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A township's database holds one township's venues: it keeps no index of
 * a county's list orders, which would hold the township's entries in the
 * township's order a second time; its list of the county is read through
 * the township's. A county's database keeps them. Every order with an
 * index at either level is read through one, in either database, and the
 * integrity check finds both schemas as they should be, also for a
 * township's database made before, which loses them when it opens. */
static void
test_county_list_indexes (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    FgVenueSort sort;
    const char *index;
  } orders[] = {
    { FG_VENUE_SORT_NAME, "name" }, { FG_VENUE_SORT_ADDRESS, "address" }, { FG_VENUE_SORT_OPERATOR, "operator" },
  };
  static const char * const county_indexes[] = {
    "CREATE INDEX venue_county_name ON venue (county_id, deleted, name_key)",
    "CREATE INDEX venue_county_address ON venue (county_id, deleted, address_key)",
    "CREATE INDEX venue_county_operator ON venue (county_id, deleted, operator_key)",
  };
  g_autoptr(GError) error = NULL;
  g_auto(FgTestDir) other_dir = { 0 };
  g_autoptr(FgStore) other = NULL;
  g_autoptr(FgRegion) other_grid = NULL;
  g_autoptr(FgRegion) other_township = NULL;
  const char *township_id = fg_store_get_home_region_id (f->township);
  const char *county_id = fg_store_get_home_region_id (f->county);
  const char *township_county_id;

  /* the county's list in a township's database, which only an actor
   * without bounds reads (the installer, before there are accounts) */
  fg_test_dir_init (&other_dir);
  other = fg_test_township_new (&other_dir, NULL, &other_grid);
  other_township = fg_region_lookup (other, fg_test_installer (), fg_store_get_home_region_id (other), &error);
  g_assert_no_error (error);
  township_county_id = fg_region_get_parent_id (other_township);
  g_assert_nonnull (township_county_id);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *county_index = g_strdup_printf ("venue_county_%s", orders[i].index);
      g_autofree char *township_index = g_strdup_printf ("venue_township_%s", orders[i].index);
      g_autofree char *in_county = g_strdup_printf ("INDEX %s ", county_index);
      g_autofree char *in_township = g_strdup_printf ("INDEX %s ", township_index);
      const struct
      {
        FgStore *store;
        FgActor *actor;
        const char *region_id;
        const char *index;
      } lists[] = {
        { f->county, f->county_admin, county_id, in_county },
        { other, fg_test_installer (), township_county_id, in_township },
        { f->township, f->township_admin, township_id, in_township },
      };

      g_assert_true (has_index (f->county, county_index));
      g_assert_false (has_index (f->township, county_index));
      g_assert_true (has_index (f->township, township_index));
      g_assert_false (has_index (other, county_index));

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          g_autofree char *plan = list_plan (lists[l].store, lists[l].actor, lists[l].region_id, orders[i].sort);

          g_test_message ("%s at %s: %s", orders[i].index, lists[l].region_id, plan);
          g_assert_nonnull (strstr (plan, lists[l].index));
          g_assert_null (strstr (plan, "SCAN v\n"));
          g_assert_null (strstr (plan, "SCAN v USING"));
        }
    }

  /* the township's list of its county: its venues, none else */
  {
    g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (other_grid), "老王烧烤", "李庄村人民路18号",
                                                  "restaurant", "王建国");
    g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
    g_autoptr(GPtrArray) page = NULL;

    fg_venue_save (other, fg_test_installer (), venue, &error);
    g_assert_no_error (error);
    query->region_id = g_strdup (township_county_id);
    page = fg_venue_query_fetch (other, fg_test_installer (), query, 0, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
  }

  assert_intact (f->county, f->county_admin);
  assert_intact (f->township, f->township_admin);
  assert_intact (other, fg_test_installer ());

  /* a township's database as schema 47 left it: the check passes, and
   * the next opening leaves them out */
  g_clear_object (&f->township);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->township_dir.db_path, &db), ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (county_indexes); i++)
      g_assert_cmpint (sqlite3_exec (db, county_indexes[i], NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  f->township = fg_store_open (f->township_dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (has_index (f->township, "venue_county_name"));
  assert_intact (f->township, f->township_admin);
  g_clear_object (&f->township);

  f->township = fg_office_open (f->township_dir.db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *county_index = g_strdup_printf ("venue_county_%s", orders[i].index);

      g_assert_false (has_index (f->township, county_index));
    }
  assert_intact (f->township, f->township_admin);
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
  g_test_add ("/county/list-indexes", Fixture, NULL, fixture_set_up, test_county_list_indexes, fixture_tear_down);

  return g_test_run ();
}
