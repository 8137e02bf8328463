/* test-refresh.c — the window shows what another program wrote
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-region-item.h"
#include "fg-venue-detail.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define NEW_VILLAGE "新建村"
#define NEW_OPERATOR "李新民"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
  FgStore *other;        /* a second connection, as firegrid-cli would open */
  FgActor *other_actor;
  guint n_changed;
} Fixture;

static void
on_changed (Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->actor = fg_ui_test_login (fixture->store, "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_signal_connect_swapped (fg_window_get_store_watch (fixture->window), "changed",
                            G_CALLBACK (on_changed), fixture);

  fixture->other = fg_store_open (fixture->dir.db_path, &error);
  g_assert_no_error (error);
  fixture->other_actor = fg_ui_test_login (fixture->other, "admin");
  /* logging in wrote to the store: let the window take that in first */
  fg_store_watch_check (fg_window_get_store_watch (fixture->window));
  fg_ui_test_spin ();
  fixture->n_changed = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->other_actor, fg_actor_unref);
  g_assert_finalize_object (fixture->other);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* The position of the sidebar's row named @name, or G_MAXUINT. */
static guint
find_sidebar_row (Fixture    *fixture,
                  const char *name)
{
  GListModel *rows = G_LIST_MODEL (fg_region_sidebar_get_selection (fg_window_get_region_sidebar (fixture->window)));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(FgRegionItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (fg_region_get_name (fg_region_item_get_region (item)), name) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* Runs the main loop, as the window waits for the person, until @done
 * holds: ten seconds at most. The watch looks every second and a half
 * while the window is active. */
static void
wait_until (Fixture  *fixture,
            gboolean (*done) (Fixture *fixture))
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  fg_ui_test_spin ();
}

static gboolean
village_shown (Fixture *fixture)
{
  return find_sidebar_row (fixture, NEW_VILLAGE) != G_MAXUINT;
}

/* The new village's region, as the sidebar shows it. */
static FgRegion *
added_village (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (fg_region_sidebar_get_selection (fg_window_get_region_sidebar (fixture->window)));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, find_sidebar_row (fixture, NEW_VILLAGE));
  g_autoptr(FgRegionItem) item = gtk_tree_list_row_get_item (row);

  return fg_region_item_get_region (item);
}

static gboolean
village_expandable (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (fg_region_sidebar_get_selection (fg_window_get_region_sidebar (fixture->window)));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, find_sidebar_row (fixture, NEW_VILLAGE));

  return gtk_tree_list_row_is_expandable (row);
}

static gboolean
store_changed (Fixture *fixture)
{
  return fixture->n_changed > 0;
}

/* The window, open on a village and a venue, shows a village and an
 * operator that another connection wrote, and keeps both selections and
 * where the list was scrolled to. */
static void
test_refresh_other_connection (Fixture       *fixture,
                               gconstpointer  data)
{
  FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);
  FgVenuePage *venue_page = fg_window_get_venue_page (fixture->window);
  GtkSelectionModel *venues;
  GtkWidget *column_view;
  GtkAdjustment *adjustment;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) added = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(FgVenue) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *village_id = NULL;
  g_autofree char *venue_id = NULL;
  g_autofree char *code = NULL;
  double scrolled;
  guint n_venues;
  guint position;

  township = fg_region_lookup (fixture->store, fixture->actor, fg_store_get_home_region_id (fixture->store), &error);
  g_assert_no_error (error);
  villages = fg_region_list_children (fixture->store, fixture->actor, fg_region_get_id (township), FALSE, &error);
  g_assert_no_error (error);
  village_id = g_strdup (fg_region_get_id (g_ptr_array_index (villages, 0)));
  g_assert_true (fg_region_sidebar_select_region (sidebar, village_id));
  fg_ui_test_spin ();

  /* a venue far enough down its list to scroll to */
  venues = GTK_SELECTION_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (
             fg_ui_test_child (venue_page, FG_TYPE_VENUE_PAGE, "column_view"))));
  n_venues = g_list_model_get_n_items (G_LIST_MODEL (venues));
  g_assert_cmpuint (n_venues, >, 20);
  position = n_venues - 2;
  gtk_selection_model_select_item (venues, position, TRUE);
  column_view = fg_ui_test_child (venue_page, FG_TYPE_VENUE_PAGE, "column_view");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  fg_ui_test_spin ();
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  venue_id = g_strdup (fg_venue_get_id (fg_venue_page_get_selected_venue (venue_page)));

  /* another program: a village of the township, the venue's operator */
  code = g_strdup_printf ("%.9s298", fg_region_get_code (township));
  added = fg_region_add_village (fixture->other, fixture->other_actor, fg_region_get_id (township),
                                 code, NEW_VILLAGE, &error);
  g_assert_no_error (error);
  edited = fg_venue_load (fixture->other, fixture->other_actor, venue_id, &error);
  g_assert_no_error (error);
  fg_venue_set_operator_name (edited, NEW_OPERATOR);
  g_assert_true (fg_venue_save (fixture->other, fixture->other_actor, edited, &error));
  g_assert_no_error (error);

  g_assert_false (village_shown (fixture));
  wait_until (fixture, village_shown);

  g_assert_true (village_shown (fixture));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpstr (fg_region_get_id (fg_region_sidebar_get_selected_region (sidebar)), ==, village_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (venues)), ==, n_venues);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (venues)), ==, position);
  g_assert_cmpstr (fg_venue_get_id (fg_venue_page_get_selected_venue (venue_page)), ==, venue_id);
  g_assert_cmpstr (fg_venue_get_operator_name (fg_venue_page_get_shown_venue (venue_page)), ==, NEW_OPERATOR);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);

  /* the new village's first grid: the village opens, as the others */
  g_assert_false (village_expandable (fixture));
  g_clear_object (&added);
  added = fg_region_add_grid (fixture->other, fixture->other_actor, fg_region_get_id (added_village (fixture)),
                              "第一网格", &error);
  g_assert_no_error (error);
  wait_until (fixture, village_expandable);
  g_assert_true (village_expandable (fixture));
  g_assert_cmpstr (fg_region_get_id (fg_region_sidebar_get_selected_region (sidebar)), ==, village_id);
}

/* What the window writes itself it shows already: no reading again. */
static void
test_refresh_not_own_writes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  township = fg_region_lookup (fixture->store, fixture->actor, fg_store_get_home_region_id (fixture->store), &error);
  g_assert_no_error (error);
  code = g_strdup_printf ("%.9s297", fg_region_get_code (township));
  added = fg_region_add_village (fixture->store, fixture->actor, fg_region_get_id (township),
                                 code, NEW_VILLAGE, &error);
  g_assert_no_error (error);

  /* long enough for two looks of the watch */
  {
    gint64 end = g_get_monotonic_time () + 2 * FG_STORE_WATCH_INTERVAL_MS * 1000;

    while (g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_false (fg_store_watch_check (fg_window_get_store_watch (fixture->window)));
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* while another's write is noticed */
  g_clear_object (&added);
  g_free (code);
  code = g_strdup_printf ("%.9s296", fg_region_get_code (township));
  added = fg_region_add_village (fixture->other, fixture->other_actor, fg_region_get_id (township),
                                 code, "另一村", &error);
  g_assert_no_error (error);
  wait_until (fixture, store_changed);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add ("/ui/refresh/other-connection", Fixture, NULL,
              fixture_set_up, test_refresh_other_connection, fixture_tear_down);
  g_test_add ("/ui/refresh/not-own-writes", Fixture, NULL,
              fixture_set_up, test_refresh_not_own_writes, fixture_tear_down);

  return g_test_run ();
}
