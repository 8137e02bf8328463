/* test-region.c — division codes and the region tree
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-test-util.h"

typedef struct
{
  const char *text;
  FgRegionLevel level;
  const char *parent;
  const char *expected;  /* NULL: refused */
} CodeCase;

static void
test_region_code_validation (void)
{
  static const CodeCase cases[] = {
    /* real codes: 郏县, 冢头镇, 金水区's 经八路街道 */
    { "410425", FG_REGION_LEVEL_COUNTY, NULL, "410425000000" },
    { "410425101", FG_REGION_LEVEL_TOWNSHIP, NULL, "410425101000" },
    { "410425101000", FG_REGION_LEVEL_TOWNSHIP, "410425000000", "410425101000" },
    { "410105001", FG_REGION_LEVEL_TOWNSHIP, "410105000000", "410105001000" },
    { "410425101201", FG_REGION_LEVEL_VILLAGE, "410425101000", "410425101201" },
    { " 4104 2510 1201 ", FG_REGION_LEVEL_VILLAGE, "410425101000", "410425101201" },
    /* wrong length, letters, no province */
    { "41042510120", FG_REGION_LEVEL_VILLAGE, NULL, NULL },
    { "4104251012O1", FG_REGION_LEVEL_VILLAGE, NULL, NULL },
    { "", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    { "000425101000", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    { "990425101000", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    { "410000101000", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    /* wrong level */
    { "410425000000", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    { "410425101201", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL },
    { "410425101000", FG_REGION_LEVEL_VILLAGE, NULL, NULL },
    { "410425101", FG_REGION_LEVEL_COUNTY, NULL, NULL },
    /* not below its parent */
    { "410425102201", FG_REGION_LEVEL_VILLAGE, "410425101000", NULL },
    { "410105001", FG_REGION_LEVEL_TOWNSHIP, "410425000000", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = fg_division_code_normalize (cases[i].text, cases[i].level,
                                                           cases[i].parent, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (code, ==, cases[i].expected);
        }
      else
        {
          g_test_message ("refusing “%s”: %s", cases[i].text, error ? error->message : "(none)");
          g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
          g_assert_null (code);
        }
    }
}

static void
test_region_tree (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) grid2 = NULL;
  g_autoptr(FgRegion) community = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) county = NULL;
  g_autoptr(FgRegion) found = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, &village, &grid);

  township = fg_region_lookup (store, fg_test_installer (), fg_store_get_home_region_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (township), ==, "冢头镇");
  g_assert_cmpint (fg_region_get_level (township), ==, FG_REGION_LEVEL_TOWNSHIP);
  g_assert_cmpstr (fg_region_get_code (township), ==, "410425101000");

  county = fg_region_lookup (store, fg_test_installer (), "410425", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (county), ==, "郏县");
  g_assert_cmpstr (fg_region_get_parent_id (township), ==, fg_region_get_id (county));

  /* grids are numbered inside their village */
  g_assert_cmpstr (fg_region_get_code (grid), ==, "410425101201-001");
  grid2 = fg_region_add_grid (store, actor, "410425101201", "第二网格", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_code (grid2), ==, "410425101201-002");

  community = fg_region_add_village (store, actor, fg_region_get_id (township),
                                     "410425101001", "东街社区", &error);
  g_assert_no_error (error);

  children = fg_region_list_children (store, fg_test_installer (), fg_region_get_id (township), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 2);
  /* by code: the community (001) before the village (201) */
  g_assert_cmpstr (fg_region_get_name (g_ptr_array_index (children, 0)), ==, "东街社区");
  g_assert_cmpstr (fg_region_get_name (g_ptr_array_index (children, 1)), ==, "李庄村");

  /* duplicates, other townships and a village under a grid are refused */
  g_assert_null (fg_region_add_village (store, actor, fg_region_get_id (township),
                                        "410425101001", "重复社区", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_CODE);
  g_clear_error (&error);
  g_assert_null (fg_region_add_village (store, actor, fg_region_get_id (township),
                                        "410425102201", "别的镇的村", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
  g_clear_error (&error);
  g_assert_null (fg_region_add_grid (store, actor, fg_region_get_id (township), "网格", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL);
  g_clear_error (&error);
  g_assert_null (fg_region_add_grid (store, actor, fg_region_get_id (village), "  ", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&error);

  /* rename */
  fg_region_rename (store, actor, fg_region_get_id (village), "李家庄村", &error);
  g_assert_no_error (error);
  found = fg_region_lookup (store, fg_test_installer (), "410425101201", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_name (found), ==, "李家庄村");
  g_clear_object (&found);

  /* move a grid: it takes the next number in its new village */
  fg_region_move_grid (store, actor, fg_region_get_id (grid2), fg_region_get_id (community), &error);
  g_assert_no_error (error);
  found = fg_region_lookup (store, fg_test_installer (), fg_region_get_id (grid2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_code (found), ==, "410425101001-001");
  g_assert_cmpstr (fg_region_get_parent_id (found), ==, fg_region_get_id (community));
  g_clear_object (&found);

  /* retire: refused while the village has grids, allowed once empty */
  fg_region_retire (store, actor, fg_region_get_id (community), &error);
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  fg_region_retire (store, actor, fg_region_get_id (grid2), &error);
  g_assert_no_error (error);
  fg_region_retire (store, actor, fg_region_get_id (community), &error);
  g_assert_no_error (error);

  g_clear_pointer (&children, g_ptr_array_unref);
  children = fg_region_list_children (store, fg_test_installer (), fg_region_get_id (township), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  g_clear_pointer (&children, g_ptr_array_unref);
  children = fg_region_list_children (store, fg_test_installer (), fg_region_get_id (township), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 2);

  /* a retired village takes no new grid */
  g_assert_null (fg_region_add_grid (store, actor, fg_region_get_id (community), "新网格", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_RETIRED);
  g_clear_error (&error);

  /* setting up twice is refused */
  g_assert_false (fg_office_set_up_township (store, actor, "410425102", "安良镇", NULL, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_ALREADY_SET_UP);
}

static void
test_region_move_grid_moves_venues (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) other = NULL;
  g_autoptr(FgRegion) reread = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  guint n = 0;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, &village, &grid);
  other = fg_region_add_village (store, actor, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "张记面馆", "李庄村建设路3号", "restaurant", "张伟");
  fg_venue_save (store, actor, venue, &error);
  g_assert_no_error (error);

  fg_region_move_grid (store, actor, fg_region_get_id (grid), fg_region_get_id (other), &error);
  g_assert_no_error (error);

  query->region_id = g_strdup (fg_region_get_id (other));
  fg_venue_query_count (store, fg_test_installer (), query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  reread = fg_region_lookup (store, fg_test_installer (), fg_region_get_id (village), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_region_get_venue_count (reread), ==, 0);

  /* the village holds the grid, which holds an open venue: it stays */
  fg_region_retire (store, actor, fg_region_get_id (other), &error);
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/code-validation", test_region_code_validation);
  g_test_add_func ("/region/tree", test_region_tree);
  g_test_add_func ("/region/move-grid-moves-venues", test_region_move_grid_moves_venues);

  return g_test_run ();
}
