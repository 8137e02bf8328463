/* test-region.c — division codes and the region tree
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

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

/* Two villages of a township, or two grids of a village, never share a
 * name; the same grid name in another village is how villages number
 * their grids. */
static void
test_region_duplicate_names (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) other = NULL;
  g_autoptr(FgRegion) other_grid = NULL;
  g_autoptr(FgRegion) second = NULL;
  g_autoptr(FgRegion) found = NULL;
  g_autoptr(FgRegion) again = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, &village, &grid);

  /* a second 李庄村, even with its spaces */
  g_assert_null (fg_region_add_village (store, actor, "410425101", "410425101202", " 李庄村 ", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "李庄村"));
  g_clear_error (&error);
  g_assert_cmpint (fg_test_count (dir.db_path, "SELECT count(*) FROM region WHERE level = 3"), ==, 1);

  other = fg_region_add_village (store, actor, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);

  /* 第一网格 again in 李庄村: refused; in 王楼村: its own 第一网格 */
  g_assert_null (fg_region_add_grid (store, actor, fg_region_get_id (village), "第一网格", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  other_grid = fg_region_add_grid (store, actor, fg_region_get_id (other), "第一网格", &error);
  g_assert_no_error (error);
  second = fg_region_add_grid (store, actor, fg_region_get_id (village), "第二网格", &error);
  g_assert_no_error (error);

  /* renaming onto a sibling's name is refused; onto its own name is nothing */
  g_assert_false (fg_region_rename (store, actor, fg_region_get_id (second), "第一网格", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_false (fg_region_rename (store, actor, fg_region_get_id (other), "李庄村", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_true (fg_region_rename (store, actor, fg_region_get_id (grid), "第一网格", &error));
  g_assert_no_error (error);

  /* a grid moves only where no grid has its name, and stays where it was */
  g_assert_false (fg_region_move_grid (store, actor, fg_region_get_id (other_grid),
                                       fg_region_get_id (village), &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME);
  g_assert_nonnull (strstr (error->message, "Rename"));
  g_clear_error (&error);
  found = fg_region_lookup (store, actor, fg_region_get_id (other_grid), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_parent_id (found), ==, fg_region_get_id (other));
  g_assert_cmpstr (fg_region_get_code (found), ==, "410425101202-001");

  /* a retired grid frees its name */
  g_assert_true (fg_region_retire (store, actor, fg_region_get_id (second), &error));
  g_assert_no_error (error);
  again = fg_region_add_grid (store, actor, fg_region_get_id (village), "第二网格", &error);
  g_assert_no_error (error);
  /* numbers are never reused */
  g_assert_cmpstr (fg_region_get_code (again), ==, "410425101201-003");
}

/* Retiring is asked before it is confirmed: the same refusal, or how
 * many venues stay recorded under the region. */
static void
test_region_check_retire (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) open_venue = NULL;
  g_autoptr(FgVenue) closed_venue = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  guint kept = G_MAXUINT;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, &village, &grid);
  open_venue = fg_test_venue_new (fg_region_get_id (grid), "张记面馆", "李庄村建设路3号", "restaurant", "张伟");
  fg_venue_save (store, actor, open_venue, &error);
  g_assert_no_error (error);
  closed_venue = fg_test_venue_new (fg_region_get_id (grid), "李记商店", "李庄村建设路5号", "shop", "李强");
  fg_venue_set_status (closed_venue, FG_VENUE_STATUS_CLOSED);
  fg_venue_save (store, actor, closed_venue, &error);
  g_assert_no_error (error);

  /* the village has a grid in use, the grid an open venue */
  g_assert_false (fg_region_check_retire (store, actor, fg_region_get_id (village), &kept, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "1 grid in use"));
  g_clear_error (&error);
  g_assert_false (fg_region_check_retire (store, actor, fg_region_get_id (grid), &kept, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "1 open venue"));
  g_clear_error (&error);
  g_assert_cmpuint (kept, ==, G_MAXUINT);

  /* the township itself is not retired */
  g_assert_false (fg_region_check_retire (store, actor, fg_store_get_home_region_id (store), NULL, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL);
  g_clear_error (&error);

  /* once the open venue has closed: the closed ones stay under it */
  fg_venue_set_status (open_venue, FG_VENUE_STATUS_CLOSED);
  fg_venue_save (store, actor, open_venue, &error);
  g_assert_no_error (error);
  g_assert_true (fg_region_check_retire (store, actor, fg_region_get_id (grid), &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept, ==, 2);
  /* asking changed nothing */
  g_assert_cmpint (fg_test_count (dir.db_path, "SELECT count(*) FROM region WHERE retired = 1"), ==, 0);

  g_assert_true (fg_region_retire (store, actor, fg_region_get_id (grid), &error));
  g_assert_no_error (error);
  g_assert_cmpint (fg_test_count (dir.db_path, "SELECT count(*) FROM venue WHERE grid_id IS NOT NULL"), ==, 2);
  g_assert_false (fg_region_check_retire (store, actor, fg_region_get_id (grid), NULL, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_RETIRED);
}

static void
test_region_format_label (void)
{
  g_autofree char *grid = fg_region_format_label (FG_REGION_LEVEL_GRID, "第一网格", "神垕村");
  g_autofree char *village = fg_region_format_label (FG_REGION_LEVEL_VILLAGE, "神垕村", "神垕镇");
  g_autofree char *alone = fg_region_format_label (FG_REGION_LEVEL_GRID, "第一网格", NULL);

  g_assert_cmpstr (grid, ==, "神垕村 › 第一网格");
  g_assert_cmpstr (village, ==, "神垕村");
  g_assert_cmpstr (alone, ==, "第一网格");
}

static void
test_region_check_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = fg_region_check_name ("  第一网格 ", &error);
  g_autofree char *blank = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "第一网格");
  blank = fg_region_check_name (" ", &error);
  g_assert_null (blank);
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/code-validation", test_region_code_validation);
  g_test_add_func ("/region/tree", test_region_tree);
  g_test_add_func ("/region/move-grid-moves-venues", test_region_move_grid_moves_venues);
  g_test_add_func ("/region/duplicate-names", test_region_duplicate_names);
  g_test_add_func ("/region/check-retire", test_region_check_retire);
  g_test_add_func ("/region/format-label", test_region_format_label);
  g_test_add_func ("/region/check-name", test_region_check_name);

  return g_test_run ();
}
