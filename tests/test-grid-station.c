/* test-grid-station.c — a grid station's installation, and bundles
 * between it and its township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir township_dir;
  FgTestDir station_dir;
  FgStore *township;
  FgStore *station;
  FgActor *township_admin;
  FgActor *station_admin;
  FgRegion *grid;
  FgRegion *other_grid;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) township_admin = NULL;
  g_autoptr(FgAccount) station_admin = NULL;
  g_autoptr(FgRegion) village = NULL;

  fg_test_dir_init (&f->township_dir);
  fg_test_dir_init (&f->station_dir);

  f->township = fg_test_township_new (&f->township_dir, &village, &f->grid);
  f->other_grid = fg_region_add_grid (f->township, fg_test_installer (), fg_region_get_id (village),
                                      "第二网格", &error);
  g_assert_no_error (error);
  township_admin = fg_account_create (f->township, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                                      fg_store_get_home_region_id (f->township), PASSWORD, &error);
  g_assert_no_error (error);
  f->township_admin = fg_account_login (f->township, "admin", PASSWORD, &error);
  g_assert_no_error (error);

  /* the station of the first grid, set up from its code alone */
  f->station = fg_office_open (f->station_dir.db_path, &error);
  g_assert_no_error (error);
  station_admin = fg_office_set_up_grid_with_admin (f->station, fg_region_get_code (f->grid), NULL,
                                                    "wang", "王网格", PASSWORD, &error);
  g_assert_no_error (error);
  f->station_admin = fg_account_login (f->station, "wang", PASSWORD, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->township_admin, fg_actor_unref);
  g_clear_pointer (&f->station_admin, fg_actor_unref);
  g_clear_object (&f->grid);
  g_clear_object (&f->other_grid);
  g_clear_object (&f->township);
  g_clear_object (&f->station);
  fg_test_dir_clear (&f->township_dir);
  fg_test_dir_clear (&f->station_dir);
}

static void
trust_each_other (FgStore *a,
                  FgActor *a_actor,
                  FgStore *b,
                  FgActor *b_actor)
{
  fg_test_trust (a, a_actor, b, b_actor);
  fg_test_trust (b, b_actor, a, a_actor);
}

/* from one store to the other, through a file */
static void
send (FgStore        *from,
      FgActor        *from_actor,
      FgStore        *to,
      FgActor        *to_actor,
      const char     *path,
      FgBundleReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNodeInfo) receiver = fg_node_get_self (to, to_actor, &error);

  g_assert_no_error (error);
  g_assert_true (fg_bundle_export (from, from_actor, receiver->id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (to, to_actor, path, FALSE, report, NULL, &error));
  g_assert_no_error (error);
}

static char *
region_name (FgStore    *store,
             FgActor    *actor,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) region = fg_region_lookup (store, actor, code, &error);

  g_assert_no_error (error);
  return g_strdup (fg_region_get_name (region));
}

static guint
count_venues (FgStore *store,
              FgActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  guint n_venues = 0;

  g_assert_true (fg_venue_query_count (store, actor, query, &n_venues, &error));
  g_assert_no_error (error);
  return n_venues;
}

/* A grid station: a grid node, its grid and the divisions above named
 * by their codes until the township says, grid accounts only. */
static void
test_grid_station_set_up (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgNodeInfo) self = fg_node_get_self (f->station, f->station_admin, NULL);
  g_autoptr(FgAccount) worker = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grid_name = NULL;
  g_autofree char *village_name = NULL;
  g_auto(FgTestDir) dir = { 0 };

  g_assert_nonnull (self);
  g_assert_cmpint (self->kind, ==, FG_NODE_KIND_GRID);
  g_assert_cmpstr (self->scope_code, ==, fg_region_get_code (f->grid));
  g_assert_cmpint (fg_actor_get_role (f->station_admin), ==, FG_ROLE_GRID_ADMIN);
  g_assert_true (fg_actor_can (f->station_admin, FG_ACTION_SYNC));
  g_assert_true (fg_actor_can (f->station_admin, FG_ACTION_ACCOUNT_MANAGE));
  g_assert_true (fg_actor_can (f->station_admin, FG_ACTION_INSPECTION_RECORD));
  g_assert_false (fg_actor_can (f->station_admin, FG_ACTION_REGION_EDIT));
  g_assert_false (fg_actor_can (f->station_admin, FG_ACTION_NOTICE_ISSUE));

  grid_name = region_name (f->station, f->station_admin, fg_region_get_code (f->grid));
  g_assert_cmpstr (grid_name, ==, fg_region_get_code (f->grid));
  village_name = region_name (f->station, f->station_admin, "410425101201");
  g_assert_cmpstr (village_name, ==, "410425101201");

  /* grid workers, yes; township roles, no; the grid station's
   * administrator belongs to a grid station */
  worker = fg_account_create (f->station, f->station_admin, "li.si", "李四", FG_ROLE_GRID_WORKER,
                              fg_store_get_home_region_id (f->station), PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (fg_account_role_fits (f->station, FG_ROLE_GRID_WORKER));
  g_assert_false (fg_account_role_fits (f->station, FG_ROLE_TOWNSHIP_STAFF));
  g_assert_null (fg_account_create (f->station, f->station_admin, "zhang", "张", FG_ROLE_TOWNSHIP_STAFF,
                                    "410425101", PASSWORD, &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
  g_clear_error (&error);
  g_assert_false (fg_account_role_fits (f->township, FG_ROLE_GRID_ADMIN));
  g_assert_null (fg_account_create (f->township, f->township_admin, "wang2", "王", FG_ROLE_GRID_ADMIN,
                                    fg_region_get_id (f->grid), PASSWORD, &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
  g_clear_error (&error);

  /* a second set-up, and codes that name no grid */
  g_assert_null (fg_office_set_up_grid_with_admin (f->station, "410425101201-002", NULL, "x", NULL, PASSWORD, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_ALREADY_SET_UP);
  g_clear_error (&error);

  fg_test_dir_init (&dir);
  other = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "410425101201", "410425101201-0", "410425101201-1000", "410425101000-001",
                            "41042510120-001" };

      g_assert_null (fg_office_set_up_grid_with_admin (other, bad[i], NULL, "x", NULL, PASSWORD, &error));
      g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
      g_clear_error (&error);
      g_assert_false (fg_store_is_set_up (other));
    }
  admin = fg_office_set_up_grid_with_admin (other, " 410425101201-7 ", "东片", "x", "许东", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_assert_true (fg_store_is_set_up (other));
}

/* township → grid station: the grid's registry, with the names; grid
 * station → township: what its workers found; township → station again:
 * a renamed grid. */
static void
test_grid_station_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *down = g_build_filename (f->township_dir.dir, "down.fgbundle", NULL);
  g_autofree char *up = g_build_filename (f->station_dir.dir, "up.fgbundle", NULL);
  g_autofree char *down2 = g_build_filename (f->township_dir.dir, "down2.fgbundle", NULL);
  g_autoptr(FgVenue) here = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号",
                                               "restaurant", "王建国");
  g_autoptr(FgVenue) elsewhere = fg_test_venue_new (fg_region_get_id (f->other_grid), "李记超市",
                                                    "李庄村南街3号", "shop", "李明");
  g_autoptr(FgVenue) found = NULL;
  g_autoptr(FgAccount) worker_account = NULL;
  g_autoptr(FgActor) worker = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgHazard) at_township = NULL;
  g_autoptr(FgVenue) new_at_township = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  FgBundleReport report;
  GListModel *items;

  trust_each_other (f->township, f->township_admin, f->station, f->station_admin);
  fg_venue_save (f->township, f->township_admin, here, &error);
  g_assert_no_error (error);
  fg_venue_save (f->township, f->township_admin, elsewhere, &error);
  g_assert_no_error (error);

  /* down: the grid's venue only, and the real names */
  send (f->township, f->township_admin, f->station, f->station_admin, down, &report);
  g_assert_cmpuint (count_venues (f->station, f->station_admin), ==, 1);
  name = region_name (f->station, f->station_admin, fg_region_get_code (f->grid));
  g_assert_cmpstr (name, ==, "第一网格");
  g_clear_pointer (&name, g_free);
  name = region_name (f->station, f->station_admin, "410425101201");
  g_assert_cmpstr (name, ==, "李庄村");
  g_clear_pointer (&name, g_free);
  name = region_name (f->station, f->station_admin, "410425101");
  g_assert_cmpstr (name, ==, "冢头镇");
  g_clear_pointer (&name, g_free);
  name = region_name (f->station, f->station_admin, "410425");
  g_assert_cmpstr (name, ==, "郏县");
  g_clear_pointer (&name, g_free);
  g_assert_null (fg_venue_load (f->station, f->station_admin, fg_venue_get_id (elsewhere), &error));
  g_clear_error (&error);

  /* a grid worker inspects it and finds a hazard, and registers a venue */
  worker_account = fg_account_create (f->station, f->station_admin, "li.si", "李四", FG_ROLE_GRID_WORKER,
                                      fg_store_get_home_region_id (f->station), PASSWORD, &error);
  g_assert_no_error (error);
  worker = fg_account_login (f->station, "li.si", PASSWORD, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->station, worker, fg_venue_get_id (here), FG_INSPECTION_KIND_ROUTINE,
                                    NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (f->station, worker, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->station, worker, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->station, worker, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  found = fg_test_venue_new (fg_store_get_home_region_id (f->station), "小李理发店", "李庄村人民路20号",
                             "beauty-bath", "李小红");
  fg_venue_save (f->station, worker, found, &error);
  g_assert_no_error (error);

  /* up: the township has them, the new venue in its own grid row */
  send (f->station, f->station_admin, f->township, f->township_admin, up, &report);
  g_assert_cmpuint (report.conflicts, ==, 0);
  at_township = fg_hazard_load (f->township, f->township_admin, fg_hazard_get_id (g_ptr_array_index (hazards, 0)),
                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_hazard_get_venue_name (at_township), ==, "老王烧烤");
  new_at_township = fg_venue_load (f->township, f->township_admin, fg_venue_get_id (found), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_region_id (new_at_township), ==, fg_region_get_id (f->grid));
  g_assert_cmpstr (fg_venue_get_name (new_at_township), ==, "小李理发店");

  /* the township renames the grid; the station follows, and an older
   * bundle read again does not undo it */
  g_assert_true (fg_region_rename (f->township, f->township_admin, fg_region_get_id (f->grid), "东片网格", &error));
  g_assert_no_error (error);
  send (f->township, f->township_admin, f->station, f->station_admin, down2, &report);
  {
    g_autoptr(FgBundleInfo) first = fg_bundle_verify (f->station, down, &error);
    g_autoptr(FgBundleInfo) second = NULL;

    g_assert_no_error (error);
    second = fg_bundle_verify (f->station, down2, &error);
    g_assert_no_error (error);
    g_assert_null (first->since);
    g_assert_cmpstr (second->since, ==, first->created_at);
  }
  name = region_name (f->station, f->station_admin, fg_region_get_code (f->grid));
  g_assert_cmpstr (name, ==, "东片网格");
  g_clear_pointer (&name, g_free);

  /* and the station's names, which are the township's now, change
   * nothing there */
  name = region_name (f->township, f->township_admin, "410425101201");
  g_assert_cmpstr (name, ==, "李庄村");
}

/* A station whose grid the township does not have may not make it so. */
static void
test_grid_station_unknown_grid (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) stray = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgNodeInfo) township = fg_node_get_self (f->township, f->township_admin, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FgBundleReport report;

  fg_test_dir_init (&dir);
  stray = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_grid_with_admin (stray, "410425101201-009", "第九网格", "zhao", "赵九", PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (stray, "zhao", PASSWORD, &error);
  g_assert_no_error (error);
  trust_each_other (f->township, f->township_admin, stray, actor);

  venue = fg_test_venue_new (fg_store_get_home_region_id (stray), "赵家小卖部", "李庄村北街1号", "shop", "赵六");
  fg_venue_save (stray, actor, venue, &error);
  g_assert_no_error (error);

  path = g_build_filename (dir.dir, "up.fgbundle", NULL);
  g_assert_true (fg_bundle_export (stray, actor, township->id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (fg_bundle_import (f->township, f->township_admin, path, FALSE, &report, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_null (fg_region_lookup (f->township, f->township_admin, "410425101201-009", NULL));
  g_assert_null (fg_venue_load (f->township, f->township_admin, fg_venue_get_id (venue), NULL));
}

/* A station's laptop is lost: the township stops trusting it, and its
 * bundles are refused until its peer file is added again. */
static void
test_grid_station_removed_peer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(FgNodeInfo) township = fg_node_get_self (f->township, f->township_admin, NULL);
  g_autoptr(FgNodeInfo) station = fg_node_get_self (f->station, f->station_admin, NULL);
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_store_get_home_region_id (f->station), "小李理发店",
                                                "李庄村人民路20号", "beauty-bath", "李小红");
  g_autoptr(FgVenue) arrived = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *up = g_build_filename (f->station_dir.dir, "up.fgbundle", NULL);
  g_autofree char *down = g_build_filename (f->township_dir.dir, "down.fgbundle", NULL);
  FgBundleReport report;

  trust_each_other (f->township, f->township_admin, f->station, f->station_admin);
  fg_venue_save (f->station, f->station_admin, venue, &error);
  g_assert_no_error (error);
  g_assert_true (fg_bundle_export (f->station, f->station_admin, township->id, up, NULL, NULL, &error));
  g_assert_no_error (error);

  /* removed by its grid's code */
  g_assert_true (fg_node_remove_peer (f->township, f->township_admin, fg_region_get_code (f->grid), &error));
  g_assert_no_error (error);
  peers = fg_node_list_peers (f->township, f->township_admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peers->len, ==, 0);

  g_assert_false (fg_bundle_import (f->township, f->township_admin, up, FALSE, &report, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_UNKNOWN_SIGNER);
  g_clear_error (&error);
  g_assert_null (fg_venue_load (f->township, f->township_admin, fg_venue_get_id (venue), NULL));
  g_assert_false (fg_bundle_export (f->township, f->township_admin, station->id, down, NULL, NULL, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNKNOWN_PEER);
  g_clear_error (&error);
  g_assert_false (fg_node_remove_peer (f->township, f->township_admin, station->id, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNKNOWN_PEER);
  g_clear_error (&error);

  /* its peer file again: trusted again, and the bundle goes in */
  fg_test_trust (f->township, f->township_admin, f->station, f->station_admin);
  g_assert_true (fg_bundle_import (f->township, f->township_admin, up, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  arrived = fg_venue_load (f->township, f->township_admin, fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (arrived), ==, "小李理发店");
}

/* A bundle that never arrived (a stick lost on the way): the township
 * sends everything again, and the station has it all. */
static void
test_grid_station_resend (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *lost = g_build_filename (f->township_dir.dir, "lost.fgbundle", NULL);
  g_autofree char *again = g_build_filename (f->township_dir.dir, "again.fgbundle", NULL);
  g_autoptr(FgNodeInfo) station = fg_node_get_self (f->station, f->station_admin, NULL);
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号",
                                                "restaurant", "王建国");
  g_autoptr(FgVenue) arrived = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  trust_each_other (f->township, f->township_admin, f->station, f->station_admin);
  fg_venue_save (f->township, f->township_admin, venue, &error);
  g_assert_no_error (error);
  g_assert_true (fg_bundle_export (f->township, f->township_admin, station->id, lost, NULL, NULL, &error));
  g_assert_no_error (error);

  /* nothing new since: nothing to send, though the station has nothing */
  g_assert_false (fg_bundle_export (f->township, f->township_admin, station->id, again, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
  g_clear_error (&error);

  g_assert_true (fg_sync_resend (f->township, f->township_admin, fg_region_get_code (f->grid), &error));
  g_assert_no_error (error);
  send (f->township, f->township_admin, f->station, f->station_admin, again, &report);
  arrived = fg_venue_load (f->station, f->station_admin, fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (arrived), ==, "老王烧烤");

  /* the lost one turns up after all: it changes nothing */
  g_assert_true (fg_bundle_import (f->station, f->station_admin, lost, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.changed, ==, 0);
}

/* What waits for a station is its grid's: a venue of another grid does
 * not count, one of its own does, and a bundle takes them away. */
static void
test_grid_station_pending (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FgNodeInfo) station = fg_node_get_self (f->station, f->station_admin, NULL);
  g_autofree char *path = g_build_filename (f->township_dir.dir, "down.fgbundle", NULL);
  g_autoptr(FgVenue) elsewhere = fg_test_venue_new (fg_region_get_id (f->other_grid), "李记超市", "李庄村南街3号",
                                                    "shop", "李明");
  g_autoptr(FgVenue) here = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号",
                                               "restaurant", "王建国");
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  trust_each_other (f->township, f->township_admin, f->station, f->station_admin);
  before = fg_sync_count_pending (f->township, station->id);
  g_assert_cmpuint (before, >, 0);  /* the division tree */

  fg_venue_save (f->township, f->township_admin, elsewhere, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (f->township, station->id), ==, before);
  fg_venue_save (f->township, f->township_admin, here, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (f->township, station->id), ==, before + 1);

  all = fg_sync_count_pending_all (f->township, f->township_admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (all, station->id)), ==, before + 1);

  g_assert_true (fg_bundle_export (f->township, f->township_admin, station->id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (f->township, station->id), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/grid-station/set-up", Fixture, NULL, fixture_set_up, test_grid_station_set_up, fixture_tear_down);
  g_test_add ("/grid-station/round-trip", Fixture, NULL, fixture_set_up, test_grid_station_round_trip,
              fixture_tear_down);
  g_test_add ("/grid-station/removed-peer", Fixture, NULL, fixture_set_up, test_grid_station_removed_peer,
              fixture_tear_down);
  g_test_add ("/grid-station/pending", Fixture, NULL, fixture_set_up, test_grid_station_pending, fixture_tear_down);
  g_test_add ("/grid-station/resend", Fixture, NULL, fixture_set_up, test_grid_station_resend, fixture_tear_down);
  g_test_add ("/grid-station/unknown-grid", Fixture, NULL, fixture_set_up, test_grid_station_unknown_grid,
              fixture_tear_down);

  return g_test_run ();
}
