/* test-townships.c — the Townships page: a county's ranking in the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include <sqlite3.h>

#include "fg-township-item.h"
#include "fg-township-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir county_dir;
  FgTestDir demo_dir;    /* 冢头镇, the demo township */
  FgTestDir second_dir;  /* 薛店镇: one venue, one hazard closed */
  FgStore *county;
  FgStore *demo;
  FgStore *second;
  FgActor *county_admin;
  FgActor *demo_admin;
  FgActor *second_admin;
  FgWindow *window;
  FgTownshipPage *page;
} Fixture;

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
  fg_node_add_peer (store, actor, peer, &error);
  g_assert_no_error (error);
}

static void
send_to_county (Fixture    *fixture,
                FgStore    *township,
                FgActor    *admin,
                const char *dir)
{
  g_autoptr(FgNodeInfo) county = fg_node_get_self (fixture->county, fixture->county_admin, NULL);
  g_autofree char *path = g_build_filename (dir, "up.fgbundle", NULL);
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  trust (fixture->county, fixture->county_admin, township, admin);
  trust (township, admin, fixture->county, fixture->county_admin);
  fg_bundle_export (township, admin, county->id, path, &report, NULL, &error);
  g_assert_no_error (error);
  fg_bundle_import (fixture->county, fixture->county_admin, path, FALSE, &report, NULL, &error);
  g_assert_no_error (error);
}

/* 薛店镇: one venue, inspected; its one hazard corrected and closed. */
static void
second_township_new (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *deadline = g_date_time_format (now, "%Y-%m-%d");
  FgHazardEventDetails notice = { .deadline = deadline };
  FgActor *installer = fg_test_installer ();
  GListModel *items;

  fixture->second = fg_office_open (fixture->second_dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (fixture->second, installer, "410425102", "薛店镇", "郏县", &error);
  g_assert_no_error (error);
  village = fg_region_add_village (fixture->second, installer, "410425102", "410425102201", "王庄村", &error);
  g_assert_no_error (error);
  grid = fg_region_add_grid (fixture->second, installer, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);
  account = fg_account_create (fixture->second, installer, "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (fixture->second), PASSWORD, &error);
  g_assert_no_error (error);
  fixture->second_admin = fg_account_login (fixture->second, "admin", PASSWORD, &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "薛店超市", "王庄村1号", "shop", "王五");
  fg_venue_save (fixture->second, fixture->second_admin, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (fixture->second, fixture->second_admin, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (fixture->second, fixture->second_admin, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (fixture->second, fixture->second_admin, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (fixture->second, fixture->second_admin,
                                           fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  fg_hazard_add_event (fixture->second, fixture->second_admin, g_ptr_array_index (hazards, 0),
                       FG_HAZARD_EVENT_NOTICE_ISSUED, &notice, &error);
  g_assert_no_error (error);
  fg_hazard_add_event (fixture->second, fixture->second_admin, g_ptr_array_index (hazards, 0),
                       FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, &error);
  g_assert_no_error (error);
  fg_hazard_add_event (fixture->second, fixture->second_admin, g_ptr_array_index (hazards, 0),
                       FG_HAZARD_EVENT_CLOSED, NULL, &error);
  g_assert_no_error (error);
}

/* A deadline long past, for one of the demo's hazards at the county: no
 * event can set a deadline before the day a hazard was found, so the
 * ledger's cache of the fold is written directly. */
static void
make_one_overdue (Fixture *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->county_dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE hazard SET state = 'rectifying', current_deadline = '2020-01-10'"
                                     " WHERE id = (SELECT min (id) FROM hazard WHERE state = 'closed' AND township_id ="
                                     "   (SELECT id FROM region WHERE code = '410425101000'))",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The hazards of @store whose deadline has passed, as the ledger counts
 * them. */
static guint
count_overdue (FgStore *store,
               FgActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list (store, actor, NULL, NULL, -1, &error);
  g_autoptr(GDate) today = g_date_new ();
  guint n = 0;

  g_assert_no_error (error);
  g_date_set_time_t (today, time (NULL));
  for (guint i = 0; i < hazards->len; i++)
    n += fg_hazard_count_overdue (store, g_ptr_array_index (hazards, i), today) > 0;
  return n;
}

static void
open_window (Fixture  *fixture,
             FgStore  *store,
             FgActor  *actor)
{
  fixture->window = g_object_ref (fg_window_new (NULL, store, actor));
  fixture->page = fg_window_get_township_page (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) admin = NULL;

  fg_test_dir_init (&fixture->county_dir);
  fg_test_dir_init (&fixture->demo_dir);
  fg_test_dir_init (&fixture->second_dir);

  fixture->county = fg_office_open (fixture->county_dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_county_with_admin (fixture->county, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  fixture->county_admin = fg_account_login (fixture->county, "guo", PASSWORD, &error);
  g_assert_no_error (error);

  fixture->demo = fg_ui_test_demo_new (&fixture->demo_dir);
  fixture->demo_admin = fg_ui_test_login (fixture->demo, "admin");
  second_township_new (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      fg_ui_test_spin ();
      g_assert_finalize_object (fixture->window);
    }
  g_clear_pointer (&fixture->county_admin, fg_actor_unref);
  g_clear_pointer (&fixture->demo_admin, fg_actor_unref);
  g_clear_pointer (&fixture->second_admin, fg_actor_unref);
  g_assert_finalize_object (fixture->county);
  g_assert_finalize_object (fixture->demo);
  g_assert_finalize_object (fixture->second);
  fg_test_dir_clear (&fixture->county_dir);
  fg_test_dir_clear (&fixture->demo_dir);
  fg_test_dir_clear (&fixture->second_dir);
}

static AdwViewStackPage *
stack_page (Fixture *fixture)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (fixture->page));
}

static const FgTownshipFigures *
row (Fixture *fixture,
     guint    position)
{
  GListModel *model = fg_township_page_get_model (fixture->page);
  g_autoptr(FgTownshipItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return fg_township_item_get_figures (item);
}

/* The labels of the column view that stand out as errors (overdue). */
static guint
count_error_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_error_labels (child);
  return n;
}

static GtkColumnViewColumn *
find_column (GtkWidget  *column_view,
             const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static const char *
shown_state (Fixture *fixture)
{
  GtkWidget *stack = fg_ui_test_child (fixture->page, FG_TYPE_TOWNSHIP_PAGE, "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Ctrl+5 at a county: a row a township, ranked; re-ranked on request;
 * overdue figures stand out; a bundle brings a new township in. */
static void
test_townships_ranking (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *column_view;
  GListModel *model;
  guint n_overdue = count_overdue (fixture->demo, fixture->demo_admin);

  /* the demo's overdue hazards, and one more */
  send_to_county (fixture, fixture->demo, fixture->demo_admin, fixture->demo_dir.dir);
  make_one_overdue (fixture);
  open_window (fixture, fixture->county, fixture->county_admin);

  g_assert_true (adw_view_stack_page_get_visible (stack_page (fixture)));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "townships"));
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "townships");
  g_assert_cmpstr (shown_state (fixture), ==, "list");

  model = fg_township_page_get_model (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (row (fixture, 0)->name, ==, "冢头镇");
  g_assert_cmpuint (row (fixture, 0)->rank, ==, 1);
  g_assert_cmpuint (row (fixture, 0)->n_overdue, ==, n_overdue + 1);
  g_assert_nonnull (row (fixture, 0)->last_bundle_at);

  /* the overdue figure is the one label that stands out */
  column_view = fg_ui_test_child (fixture->page, FG_TYPE_TOWNSHIP_PAGE, "column_view");
  g_assert_cmpuint (count_error_labels (column_view), ==, 1);

  /* a second township's bundle, imported on the Sync page */
  send_to_county (fixture, fixture->second, fixture->second_admin, fixture->second_dir.dir);
  g_signal_emit_by_name (fg_window_get_sync_page (fixture->window), "changed");
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* by rectification rate (the default): 薛店镇 closed its one hazard */
  g_assert_cmpstr (row (fixture, 0)->name, ==, "薛店镇");
  g_assert_cmpuint (row (fixture, 0)->rank, ==, 1);
  g_assert_cmpstr (row (fixture, 1)->name, ==, "冢头镇");
  g_assert_cmpuint (row (fixture, 1)->rank, ==, 2);
  g_assert_cmpuint (count_error_labels (column_view), ==, 1);

  /* by inspections: the demo's fifty first */
  fg_township_page_set_rank_by (fixture->page, FG_REPORT_RANK_INSPECTIONS);
  fg_ui_test_spin ();
  g_assert_cmpstr (row (fixture, 0)->name, ==, "冢头镇");
  g_assert_cmpuint (row (fixture, 0)->rank, ==, 1);
  g_assert_cmpuint (row (fixture, 1)->rank, ==, 2);

  /* a column's header sorts by it; the ranks stay */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), find_column (column_view, "Venues"),
                                  GTK_SORT_ASCENDING);
  fg_ui_test_spin ();
  g_assert_cmpstr (row (fixture, 0)->name, ==, "薛店镇");
  g_assert_cmpuint (row (fixture, 0)->rank, ==, 2);

  /* the township's header sorts the names in pinyin order: 薛 (xuē) before
   * 冢 (zhǒng), though 冢头镇 comes first by code and by code point */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), find_column (column_view, "Township"),
                                  GTK_SORT_ASCENDING);
  fg_ui_test_spin ();
  g_assert_cmpstr (row (fixture, 0)->name, ==, "薛店镇");
  g_assert_cmpstr (row (fixture, 1)->name, ==, "冢头镇");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), find_column (column_view, "Township"),
                                  GTK_SORT_DESCENDING);
  fg_ui_test_spin ();
  g_assert_cmpstr (row (fixture, 0)->name, ==, "冢头镇");

  /* the last 30 days */
  fg_township_page_set_period (fixture->page, FG_TOWNSHIP_PERIOD_LAST_30_DAYS);
  fg_ui_test_spin ();
  {
    g_autoptr(GDate) start = g_date_new ();
    g_autofree char *start_text = NULL;

    g_date_set_time_t (start, time (NULL));
    g_date_subtract_days (start, 29);
    start_text = fg_calendar_format_date (start);
    g_assert_cmpstr (fg_township_page_get_report (fixture->page)->from, ==, start_text);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* a township's row opened: its hazards, in the ledger, the sidebar on it */
  {
    guint position = g_str_equal (row (fixture, 0)->name, "冢头镇") ? 0 : 1;
    g_autofree char *township_id = g_strdup (row (fixture, position)->township_id);
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM hazard WHERE township_id = '%s'", township_id);
    GListModel *ledger = fg_hazard_page_get_model (fg_window_get_hazard_page (fixture->window));
    FgRegion *selected;

    g_assert_cmpstr (row (fixture, position)->name, ==, "冢头镇");
    g_signal_emit_by_name (column_view, "activate", position);
    fg_ui_test_spin ();
    g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");
    selected = fg_region_sidebar_get_selected_region (fg_window_get_region_sidebar (fixture->window));
    g_assert_nonnull (selected);
    g_assert_cmpstr (fg_region_get_id (selected), ==, township_id);
    g_assert_cmpuint (g_list_model_get_n_items (ledger), ==, fg_test_count (fixture->county_dir.db_path, sql));
    g_assert_cmpuint (g_list_model_get_n_items (ledger), >, 1);
  }
}

/* A county that has received nothing says what to do, and leads there. */
static void
test_townships_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *status;

  open_window (fixture, fixture->county, fixture->county_admin);
  fg_window_set_page (fixture->window, "townships");
  fg_ui_test_spin ();

  g_assert_cmpstr (shown_state (fixture), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (fg_township_page_get_model (fixture->page)), ==, 0);
  status = gtk_stack_get_visible_child (GTK_STACK (fg_ui_test_child (fixture->page, FG_TYPE_TOWNSHIP_PAGE, "stack")));
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Township Has Sent Records Yet");

  /* its button shows the Sync page */
  g_assert_true (GTK_IS_BUTTON (adw_status_page_get_child (ADW_STATUS_PAGE (status))));
  g_signal_emit_by_name (adw_status_page_get_child (ADW_STATUS_PAGE (status)), "clicked");
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "sync");
}

/* A township's staff have no ranking to look at: no page, and Ctrl+5
 * leaves them where they are. */
static void
test_townships_hidden (Fixture       *fixture,
                       gconstpointer  data)
{
  open_window (fixture, fixture->demo, fixture->demo_admin);

  g_assert_false (adw_view_stack_page_get_visible (stack_page (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "townships");
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
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

  g_test_add ("/ui/townships/ranking", Fixture, NULL, fixture_set_up, test_townships_ranking, fixture_tear_down);
  g_test_add ("/ui/townships/empty", Fixture, NULL, fixture_set_up, test_townships_empty, fixture_tear_down);
  g_test_add ("/ui/townships/hidden", Fixture, NULL, fixture_set_up, test_townships_hidden, fixture_tear_down);

  return g_test_run ();
}
