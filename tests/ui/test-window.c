/* test-window.c — the main window over a demo township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-hazard-page.h"
#include "fg-notice-page.h"
#include "fg-region-item.h"
#include "fg-region-sidebar.h"
#include "fg-collate-private.h"
#include "fg-store-private.h"
#include "fg-preferences-window.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->actor = fg_ui_test_login (fixture->store, data != NULL ? data : "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  /* Nothing the window made may keep the database open. */
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* The widget of @widget's tree with the name @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opened in December of the calendar's last year, the window says that
 * the next year's holidays are missing; in June it says nothing. */
static void
test_window_missing_calendar (void)
{
  static const struct
  {
    int month;
    int missing;
  } cases[] = {
    { 6, 0 },
    { 12, 2027 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FgTestDir dir;
      g_autoptr(FgStore) store = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) then = g_date_time_new_local (2026, cases[i].month, 10, 10, 0, 0);
      FgActor *actor;
      FgWindow *window;

      fg_test_dir_init (&dir);
      fg_ui_test_forget_calendar_warning ();
      store = fg_ui_test_demo_new (&dir);
      fg_store_set_clock_offset (store, g_date_time_difference (then, now));
      actor = fg_ui_test_login (store, "admin");
      window = g_object_ref (fg_window_new (NULL, store, actor));
      gtk_window_present (GTK_WINDOW (window));
      fg_ui_test_spin ();

      g_assert_cmpint (fg_window_get_missing_calendar_year (window), ==, cases[i].missing);
      g_assert_cmpint (fg_window_get_calendar_warning_shown (window), ==, cases[i].missing != 0);

      /* said once a day: a window opened again the same day keeps quiet,
       * and a grid worker, who could not install holidays, is never told */
      if (cases[i].missing != 0)
        {
          FgActor *grid = fg_ui_test_login (store, "grid");
          FgWindow *again = g_object_ref (fg_window_new (NULL, store, actor));

          gtk_window_present (GTK_WINDOW (again));
          fg_ui_test_spin ();
          g_assert_false (fg_window_get_calendar_warning_shown (again));
          gtk_window_destroy (GTK_WINDOW (again));
          fg_ui_test_spin ();
          g_assert_finalize_object (again);

          fg_ui_test_forget_calendar_warning ();
          again = g_object_ref (fg_window_new (NULL, store, grid));
          gtk_window_present (GTK_WINDOW (again));
          fg_ui_test_spin ();
          g_assert_cmpint (fg_window_get_missing_calendar_year (again), ==, cases[i].missing);
          g_assert_false (fg_window_get_calendar_warning_shown (again));
          gtk_window_destroy (GTK_WINDOW (again));
          fg_ui_test_spin ();
          g_assert_finalize_object (again);
          fg_actor_unref (grid);
        }

      /* an administrator installs the missing year from a file: no more warning */
      if (cases[i].missing != 0)
        {
          g_autofree char *path = g_build_filename (dir.dir, "holidays.xml", NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          GtkWidget *banner;
          GtkWindow *prefs;
          g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                   "<calendar xmlns=\"urn:firegrid:calendar:1\">"
                                                   "<year value=\"%d\"><source>测试</source>"
                                                   "<day date=\"%d-01-01\" kind=\"holiday\" name=\"元旦\"/>"
                                                   "</year></calendar>\n",
                                                   cases[i].missing, cases[i].missing);

          g_file_set_contents (path, text, -1, &error);
          g_assert_no_error (error);
          /* the banner's button leads to the holidays in the preferences */
          banner = find_named (GTK_WIDGET (window), "calendar-banner");
          g_assert_nonnull (banner);
          gtk_info_bar_response (GTK_INFO_BAR (banner), GTK_RESPONSE_ACCEPT);
          fg_ui_test_spin ();
          prefs = fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW);
          g_assert_nonnull (prefs);
          g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==,
                           "calendar");
          fg_preferences_window_install_calendar_file (FG_PREFERENCES_WINDOW (prefs), file);
          fg_ui_test_spin ();
          g_assert_false (gtk_widget_get_visible (banner));
          gtk_window_destroy (prefs);
          fg_ui_test_spin ();
          g_assert_true (fg_calendar_knows_year (store, cases[i].missing));
          g_assert_cmpint (fg_window_get_missing_calendar_year (window), ==, 0);
        }

      gtk_window_destroy (GTK_WINDOW (window));
      fg_ui_test_spin ();
      g_assert_finalize_object (window);
      fg_actor_unref (actor);
      g_assert_finalize_object (g_steal_pointer (&store));
      fg_test_dir_clear (&dir);
    }
}

static GListModel *
venue_list (Fixture *fixture)
{
  return G_LIST_MODEL (fg_venue_page_get_venue_list (fg_window_get_venue_page (fixture->window)));
}

static void
test_window_shows_demo (Fixture       *fixture,
                        gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GtkLabel *count = GTK_LABEL (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "count_label"));
  GtkStack *stack = GTK_STACK (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "stack"));
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  g_autoptr(FgVenue) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 300);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "300 venues");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 300);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "冢头镇");

  /* The detail pane follows the selection. */
  g_assert_null (fg_venue_page_get_shown_venue (page));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  first = g_list_model_get_item (venue_list (fixture), 0);
  g_assert_true (fg_venue_page_get_shown_venue (page) == first);
}

static void
test_window_region_filters (Fixture       *fixture,
                            gconstpointer  data)
{
  FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);
  GtkSelectionModel *rows = fg_region_sidebar_get_selection (sidebar);
  g_autoptr(GtkTreeListRow) township_row = NULL;
  g_autoptr(GtkTreeListRow) village_row = NULL;
  g_autoptr(FgRegionItem) village = NULL;
  FgRegion *region;
  guint expected;

  /* The township first, its villages shown below it. */
  g_assert_nonnull (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), >, 1);
  township_row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (gtk_tree_list_row_get_expanded (township_row));

  village_row = g_list_model_get_item (G_LIST_MODEL (rows), 2);
  village = gtk_tree_list_row_get_item (village_row);
  region = fg_region_item_get_region (village);
  g_assert_cmpint (fg_region_get_level (region), ==, FG_REGION_LEVEL_VILLAGE);

  expected = fg_ui_test_count (fixture->store, fixture->actor, fg_region_get_id (region), NULL, NULL);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 300);
  g_assert_cmpuint (fg_region_get_venue_count (region), ==, expected);

  gtk_selection_model_select_item (rows, 2, TRUE);
  g_assert_true (fg_region_sidebar_get_selected_region (sidebar) == region);
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, expected);

  /* and back to the whole township */
  gtk_selection_model_select_item (rows, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 300);
}

static void
test_window_category_and_search (Fixture       *fixture,
                                 gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  const char *category = fg_category_get_id (fg_category_get_nth (0));
  GtkStack *stack = GTK_STACK (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "stack"));
  GtkEditable *entry = GTK_EDITABLE (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "search_entry"));
  GtkSearchBar *bar = GTK_SEARCH_BAR (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "search_bar"));
  guint expected = fg_ui_test_count (fixture->store, fixture->actor, NULL, category, NULL);

  fg_venue_page_set_category (page, category);
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, expected);
  g_assert_cmpstr (fg_venue_page_get_venue_list (page) != NULL
                   ? ((const FgVenueQuery *) fg_paged_list_get_query (fg_venue_page_get_venue_list (page)))->category : NULL,
                   ==, category);
  fg_venue_page_set_category (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 300);

  /* Ctrl+F's action opens the search; words that match nothing say so. */
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  expected = fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "超市");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 300);
  gtk_editable_set_text (entry, "超市");
  /* search-changed waits a moment for more typing; Enter does not */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, expected);

  gtk_editable_set_text (entry, "没有这个场所");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");

  /* Closing the search shows everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-search", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 300);
}

static void
test_window_sorts_in_query (Fixture       *fixture,
                            gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  FgPagedList *list = fg_venue_page_get_venue_list (page);
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  GtkColumnViewColumn *address = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page), FG_TYPE_VENUE_PAGE, "address_column"));
  GtkColumnViewColumn *status = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page), FG_TYPE_VENUE_PAGE, "status_column"));
  g_autoptr(FgVenue) first = NULL;
  g_autoptr(FgVenue) last = NULL;

  g_assert_cmpint (((const FgVenueQuery *) fg_paged_list_get_query (list))->sort, ==, FG_VENUE_SORT_NAME);
  g_assert_false (((const FgVenueQuery *) fg_paged_list_get_query (list))->descending);

  /* what a click on a column header does */
  gtk_column_view_sort_by_column (view, address, GTK_SORT_DESCENDING);
  g_assert_cmpint (((const FgVenueQuery *) fg_paged_list_get_query (list))->sort, ==, FG_VENUE_SORT_ADDRESS);
  g_assert_true (((const FgVenueQuery *) fg_paged_list_get_query (list))->descending);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 299);
  g_assert_cmpint (fg_collate_compare (fg_venue_get_address (first), fg_venue_get_address (last)), >=, 0);

  gtk_column_view_sort_by_column (view, status, GTK_SORT_ASCENDING);
  g_assert_cmpint (((const FgVenueQuery *) fg_paged_list_get_query (list))->sort, ==, FG_VENUE_SORT_STATUS);
  g_assert_false (((const FgVenueQuery *) fg_paged_list_get_query (list))->descending);

  /* no column: back to names */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (((const FgVenueQuery *) fg_paged_list_get_query (list))->sort, ==, FG_VENUE_SORT_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
}

/* A search that fills more than a page shows its first page at once and
 * says it is counting; the count, and the rows after the first page,
 * come when the window is idle. The count shown is never a wrong one. */
static void
test_window_search_counts_after (Fixture       *fixture,
                                 gconstpointer  data)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GtkLabel *count = GTK_LABEL (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "count_label"));
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
  GtkEditable *entry = GTK_EDITABLE (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "search_entry"));
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_label = NULL;
  /* every address is numbered: 号 finds every venue */
  guint expected = fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "号");

  g_assert_cmpuint (expected, >, 200);
  query->text = g_strdup ("号");
  all = fg_venue_query_fetch (fixture->store, fixture->actor, query, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-search", NULL));
  gtk_editable_set_text (entry, "号");
  g_signal_emit_by_name (entry, "activate");

  g_assert_true (fg_paged_list_get_counting (fg_venue_page_get_venue_list (page)));
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 200);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Counting venues…");

  fg_ui_test_spin ();
  g_assert_false (fg_paged_list_get_counting (fg_venue_page_get_venue_list (page)));
  g_assert_cmpuint (g_list_model_get_n_items (venue_list (fixture)), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, expected);
  expected_label = g_strdup_printf ("%u venues", expected);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected_label);

  /* the first page and the rows added after it, in the search's order */
  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (venue_list (fixture), i);
      g_assert_cmpstr (fg_venue_get_id (venue), ==, fg_venue_get_id (g_ptr_array_index (all, i)));
    }
}

/* How many rows a list view (or a column view) has made: the widgets it
 * made, not the items of its model. */
static guint
count_row_widgets (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_css_name (child), "row"))
        n++;
      else
        n += count_row_widgets (child);
    }
  return n;
}

/* The window opens on the venues. The ledger and the documents make no
 * row until their page is first shown, yet their lists are counted from
 * the start: the overdue badge is right, and so is what an export would
 * take. Shown, each page has its rows at once. */
static void
test_window_hidden_pages_wait (Fixture       *fixture,
                               gconstpointer  data)
{
  FgHazardPage *hazards = fg_window_get_hazard_page (fixture->window);
  FgNoticePage *notices = fg_window_get_notice_page (fixture->window);
  GtkWidget *hazard_view = fg_ui_test_child (hazards, FG_TYPE_HAZARD_PAGE, "column_view");
  GtkWidget *notice_view = fg_ui_test_child (notices, FG_TYPE_NOTICE_PAGE, "column_view");
  AdwViewStack *stack = ADW_VIEW_STACK (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "page_stack"));
  AdwViewStackPage *hazard_tab = adw_view_stack_get_page (stack, GTK_WIDGET (hazards));
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GPtrArray) all_hazards = NULL;
  g_autoptr(GPtrArray) all_notices = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GDate today;
  guint n_overdue = 0;

  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hazards)));

  /* nothing made for the pages not shown */
  g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (hazard_view)));
  g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (notice_view)));
  g_assert_cmpuint (count_row_widgets (hazard_view), ==, 0);
  g_assert_cmpuint (count_row_widgets (notice_view), ==, 0);

  /* but counted: the lists hold what the store holds, the badge the overdue */
  all_hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_hazards->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fg_hazard_page_get_model (hazards)), ==, all_hazards->len);
  all_notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_notices->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fg_notice_page_get_model (notices)), ==, all_notices->len);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  query->today = fg_calendar_format_date (&today);
  query->state = FG_HAZARD_QUERY_OVERDUE;
  g_assert_true (fg_hazard_query_count (fixture->store, fixture->actor, query, &n_overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (fg_hazard_page_get_n_overdue (hazards), ==, n_overdue);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (hazard_tab), ==, n_overdue);

  /* shown as a person shows it: the rows are there */
  fg_window_set_page (fixture->window, "hazards");
  fg_ui_test_spin ();
  g_assert_true (gtk_column_view_get_model (GTK_COLUMN_VIEW (hazard_view)) ==
                 GTK_SELECTION_MODEL (fg_hazard_page_get_model (hazards)));
  g_assert_cmpuint (count_row_widgets (hazard_view), ==, MIN (all_hazards->len, 200));
  g_assert_cmpuint (count_row_widgets (notice_view), ==, 0);

  fg_window_set_page (fixture->window, "notices");
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (notice_view)))),
                    ==, all_notices->len);
  g_assert_cmpuint (count_row_widgets (notice_view), ==, MIN (all_notices->len, 200));
}

/* A township of more villages than can be taken in at a glance opens
 * folded: the sidebar makes its one row, not one for each village, and
 * opening it shows them all. A township of a few opens on them. */
static void
test_window_many_villages_fold (Fixture       *fixture,
                                gconstpointer  data)
{
  FgRegionSidebar *sidebar = FG_REGION_SIDEBAR (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "sidebar"));
  GtkWidget *view = fg_ui_test_child (sidebar, FG_TYPE_REGION_SIDEBAR, "list_view");
  GtkSelectionModel *rows = fg_region_sidebar_get_selection (sidebar);
  g_autoptr(GtkTreeListRow) top = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *township_id = g_strdup (fg_region_get_id (fg_region_sidebar_get_selected_region (sidebar)));
  g_autofree char *last_id = NULL;
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (rows));
  FgWindow *window;

  /* the demo's few villages are shown at start */
  top = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (gtk_tree_list_row_get_expanded (top));
  g_assert_cmpuint (n_before, >, 1);
  g_assert_cmpuint (count_row_widgets (view), ==, n_before);
  g_clear_object (&top);

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *code = g_strdup_printf ("410425101%03u", 300 + i);
      g_autofree char *name = g_strdup_printf ("新村%u", i + 1);
      g_autoptr(FgRegion) village = fg_region_add_village (fixture->store, fixture->actor, township_id,
                                                           code, name, &error);

      g_assert_no_error (error);
      g_assert_nonnull (village);
      g_free (last_id);
      last_id = g_strdup (fg_region_get_id (village));
    }
  villages = fg_region_list_children (fixture->store, fixture->actor, township_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, >, 64);

  window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  sidebar = FG_REGION_SIDEBAR (fg_ui_test_child (window, FG_TYPE_WINDOW, "sidebar"));
  view = fg_ui_test_child (sidebar, FG_TYPE_REGION_SIDEBAR, "list_view");
  rows = fg_region_sidebar_get_selection (sidebar);

  /* folded: one row made, the township selected, its count shown */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 1);
  g_assert_cmpuint (count_row_widgets (view), <, villages->len);
  g_assert_cmpuint (count_row_widgets (view), ==, 1);
  g_assert_cmpstr (fg_region_get_id (fg_region_sidebar_get_selected_region (sidebar)), ==, township_id);
  top = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_false (gtk_tree_list_row_get_expanded (top));
  g_assert_true (gtk_tree_list_row_is_expandable (top));

  /* opened, every village is there */
  gtk_tree_list_row_set_expanded (top, TRUE);
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 1 + villages->len);
  g_assert_cmpuint (count_row_widgets (view), ==, MIN (1 + villages->len, 200));

  /* and a village is found from elsewhere (the venue's place) as before */
  g_assert_true (fg_region_sidebar_select_region (sidebar, last_id));
  g_assert_cmpstr (fg_region_get_id (fg_region_sidebar_get_selected_region (sidebar)), ==, last_id);

  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
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

  g_test_add_func ("/ui/window/missing-calendar", test_window_missing_calendar);
  g_test_add ("/ui/window/shows-demo", Fixture, NULL,
              fixture_set_up, test_window_shows_demo, fixture_tear_down);
  g_test_add ("/ui/window/region-filters", Fixture, NULL,
              fixture_set_up, test_window_region_filters, fixture_tear_down);
  g_test_add ("/ui/window/category-and-search", Fixture, NULL,
              fixture_set_up, test_window_category_and_search, fixture_tear_down);
  g_test_add ("/ui/window/sorts-in-query", Fixture, NULL,
              fixture_set_up, test_window_sorts_in_query, fixture_tear_down);
  g_test_add ("/ui/window/hidden-pages-wait", Fixture, NULL,
              fixture_set_up, test_window_hidden_pages_wait, fixture_tear_down);
  g_test_add ("/ui/window/many-villages-fold", Fixture, NULL,
              fixture_set_up, test_window_many_villages_fold, fixture_tear_down);
  g_test_add ("/ui/window/search-counts-after", Fixture, NULL,
              fixture_set_up, test_window_search_counts_after, fixture_tear_down);

  return g_test_run ();
}
