/* test-stats-page.c — the Statistics page: its cards, charts and links
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo township: Ctrl+6 opens the page, whose figures are those
 * the core counts; a card and a bar open their lists, filtered as they
 * count; another period is counted anew, and a count asked for and then
 * replaced is dropped.
 */
#include "config.h"

#include <string.h>

#include "fg-bar-chart.h"
#include "fg-hazard-page.h"
#include "fg-stats-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
  FgStatsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->actor = fg_ui_test_login (fixture->store, "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  fixture->page = fg_window_get_stats_page (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
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
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* Runs the window's shortcut for Ctrl+@keyval. */
static void
press_control (GtkWidget *window,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != GDK_CONTROL_MASK)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                       gtk_shortcut_get_arguments (shortcut)));
          fg_ui_test_spin ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* Waits for the worker's figures to be shown. */
static void
wait_counted (FgStatsPage *page)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  fg_ui_test_spin ();
  while (fg_stats_page_get_busy (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fg_stats_page_get_busy (page));
  fg_ui_test_spin ();
  g_assert_nonnull (fg_stats_page_get_stats (page));
}

/* Presses a card or a bar, as a click does. */
static void
press (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
}

static FgStats *
compute (Fixture       *fixture,
         FgStatsPeriod  period)
{
  g_autoptr(GError) error = NULL;
  FgStatsQuery query = { .period = period };
  FgStats *stats = fg_stats_compute (fixture->store, fixture->actor, &query, &error);

  g_assert_no_error (error);
  return stats;
}

static const char *
card_figure (Fixture    *fixture,
             const char *key)
{
  GtkWidget *card = fg_stats_page_get_card (fixture->page, key);
  GtkWidget *box;
  GtkWidget *figure;

  g_assert_nonnull (card);
  box = GTK_IS_BUTTON (card) ? gtk_button_get_child (GTK_BUTTON (card)) : gtk_widget_get_first_child (card);
  figure = gtk_widget_get_first_child (box);
  g_assert_cmpstr (gtk_widget_get_name (figure), ==, "figure");
  return gtk_label_get_label (GTK_LABEL (figure));
}

static void
assert_card (Fixture    *fixture,
             const char *key,
             guint       expected)
{
  g_autofree char *text = g_strdup_printf ("%u", expected);

  g_assert_cmpstr (card_figure (fixture, key), ==, text);
}

static void
open_page (Fixture *fixture)
{
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  /* not shown: nothing counted yet */
  g_assert_null (fg_stats_page_get_stats (fixture->page));
  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "statistics");
  wait_counted (fixture->page);
}

/* Ctrl+6 shows the page; its cards say what the core counts */
static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FgStats) stats = NULL;
  const FgStats *shown;
  FgBarChart *areas;

  open_page (fixture);
  stats = compute (fixture, FG_STATS_PERIOD_MONTH);
  shown = fg_stats_page_get_stats (fixture->page);
  g_assert_cmpint (shown->period, ==, FG_STATS_PERIOD_MONTH);
  g_assert_cmpstr (shown->from, ==, stats->from);
  g_assert_cmpuint (stats->n_venues, >, 0);
  assert_card (fixture, "venues", stats->n_venues);
  assert_card (fixture, "open", stats->n_open);
  assert_card (fixture, "overdue", stats->n_overdue);
  assert_card (fixture, "never-inspected", stats->n_never_inspected);
  assert_card (fixture, "unserved", stats->n_unserved);
  assert_card (fixture, "inspected-year", stats->n_inspected_year);

  /* a card with a list is a button; one without is not */
  g_assert_true (GTK_IS_BUTTON (fg_stats_page_get_card (fixture->page, "overdue")));
  g_assert_false (GTK_IS_BUTTON (fg_stats_page_get_card (fixture->page, "closure-rate")));
  g_assert_false (GTK_IS_BUTTON (fg_stats_page_get_card (fixture->page, "median-days")));

  /* a bar a village, focusable */
  areas = FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "areas"));
  g_assert_cmpuint (fg_bar_chart_get_n_bars (areas), ==, fg_stats_page_get_series (fixture->page)->areas->len);
  g_assert_cmpuint (fg_bar_chart_get_n_bars (areas), >, 1);
  g_assert_true (gtk_widget_get_focusable (fg_bar_chart_get_bar (areas, 0)));
  g_assert_cmpuint (fg_bar_chart_get_n_bars (FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "months"))), ==, 12);
  g_assert_cmpuint (fg_bar_chart_get_n_bars (FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "target"))), ==,
                    stats->villages->len);
  /* the report's button prints through the window's action */
  {
    GtkWidget *print = fg_ui_test_child (fixture->page, FG_TYPE_STATS_PAGE, "print_button");

    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (print)), ==, "win.print-monthly-report");
    g_assert_true (gtk_widget_get_sensitive (print));
  }
}

/* The overdue card opens the hazard ledger filtered to the overdue, and
 * the unserved card the documents not yet served */
static void
test_card (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FgStats) stats = NULL;
  GListModel *model;

  open_page (fixture);
  stats = compute (fixture, FG_STATS_PERIOD_MONTH);
  g_assert_cmpuint (stats->n_overdue, >, 0);

  press (fg_stats_page_get_card (fixture->page, "overdue"));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");
  model = fg_hazard_page_get_model (fg_window_get_hazard_page (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, stats->n_overdue);

  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  press (fg_stats_page_get_card (fixture->page, "open"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, stats->n_open);

  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  press (fg_stats_page_get_card (fixture->page, "unserved"));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "notices");
  model = fg_notice_page_get_model (fg_window_get_notice_page (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, stats->n_unserved);
}

/* A village's bar opens its venues, the sidebar on the village */
static void
test_bar (Fixture       *fixture,
          gconstpointer  data)
{
  const FgStatsArea *area;
  g_autofree char *region_id = NULL;
  guint n_venues;
  FgBarChart *areas;
  FgRegion *selected;
  FgPagedList *list;

  open_page (fixture);
  /* the series go when the page counts again: what the test needs is kept */
  area = g_ptr_array_index (fg_stats_page_get_series (fixture->page)->areas, 1);
  region_id = g_strdup (area->region_id);
  n_venues = area->n_venues;
  areas = FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "areas"));
  press (fg_bar_chart_get_bar (areas, 1));

  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  selected = fg_region_sidebar_get_selected_region (FG_REGION_SIDEBAR (fg_ui_test_child (fixture->window, FG_TYPE_WINDOW, "sidebar")));
  g_assert_cmpstr (fg_region_get_id (selected), ==, region_id);
  list = fg_venue_page_get_venue_list (fg_window_get_venue_page (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    fg_ui_test_count (fixture->store, fixture->actor, region_id, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, n_venues);

  /* back on the page, the village's own figures, its grids as bars */
  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  wait_counted (fixture->page);
  g_assert_cmpstr (fg_stats_page_get_stats (fixture->page)->region_id, ==, region_id);
  g_assert_cmpuint (fg_stats_page_get_stats (fixture->page)->n_venues, ==, n_venues);
  g_assert_cmpint (fg_stats_page_get_series (fixture->page)->level, ==, FG_REGION_LEVEL_VILLAGE);
}

/* Another period is counted anew; a count replaced before it came is dropped */
static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FgStats) year = NULL;
  g_autoptr(FgStats) quarter = NULL;

  open_page (fixture);
  year = compute (fixture, FG_STATS_PERIOD_YEAR);
  fg_stats_page_set_period (fixture->page, FG_STATS_PERIOD_YEAR);
  wait_counted (fixture->page);
  g_assert_cmpint (fg_stats_page_get_stats (fixture->page)->period, ==, FG_STATS_PERIOD_YEAR);
  g_assert_cmpstr (fg_stats_page_get_stats (fixture->page)->from, ==, year->from);
  assert_card (fixture, "found", year->n_found);
  assert_card (fixture, "closed", year->n_closed);
  assert_card (fixture, "notices", year->n_notices);

  /* asked for the month, then at once for the quarter: the quarter stays */
  quarter = compute (fixture, FG_STATS_PERIOD_QUARTER);
  fg_stats_page_set_period (fixture->page, FG_STATS_PERIOD_MONTH);
  fg_stats_page_set_period (fixture->page, FG_STATS_PERIOD_QUARTER);
  wait_counted (fixture->page);
  g_assert_cmpint (fg_stats_page_get_stats (fixture->page)->period, ==, FG_STATS_PERIOD_QUARTER);
  assert_card (fixture, "found", quarter->n_found);
  fg_ui_test_spin ();
  g_assert_cmpint (fg_stats_page_get_stats (fixture->page)->period, ==, FG_STATS_PERIOD_QUARTER);
}

/* The target's list of venues lacking an alarm: a row opens the venue */
static void
test_lacking (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *button;
  GtkWindow *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *list = NULL;
  GtkWidget *row;
  FgVenue *shown;
  const char *venue_id;

  open_page (fixture);
  g_assert_cmpuint (fg_stats_page_get_stats (fixture->page)->n_target_venues, >,
                    fg_stats_page_get_stats (fixture->page)->n_target_smoke_alarms);
  button = fg_ui_test_child (fixture->page, FG_TYPE_STATS_PAGE, "lacking_button");
  g_assert_true (gtk_widget_get_sensitive (button));
  press (button);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_WINDOW (window) && window != GTK_WINDOW (fixture->window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  /* the dialog's list: header bar, then scrolled window, clamp, box, list */
  {
    GtkWidget *content = adw_window_get_content (ADW_WINDOW (dialog));
    GtkWidget *scrolled = gtk_widget_get_last_child (content);
    GtkWidget *clamp = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

    if (GTK_IS_VIEWPORT (clamp))
      clamp = gtk_viewport_get_child (GTK_VIEWPORT (clamp));
    list = gtk_widget_get_first_child (adw_clamp_get_child (ADW_CLAMP (clamp)));
  }
  g_assert_true (GTK_IS_LIST_BOX (list));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  venue_id = g_object_get_data (G_OBJECT (row), "fg-venue-id");
  g_assert_nonnull (venue_id);
  g_signal_emit_by_name (list, "row-activated", row);
  fg_ui_test_spin ();

  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  shown = fg_venue_page_get_shown_venue (fg_window_get_venue_page (fixture->window));
  g_assert_nonnull (shown);
  g_assert_false (fg_venue_get_smoke_alarm (shown));
}

/* Changes are counted only while the page is shown: hidden, it waits,
 * and counts once it is shown again */
static void
test_counts_when_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgStats) fresh = NULL;
  const FgStatsArea *area;
  guint before;

  open_page (fixture);
  before = fg_stats_page_get_stats (fixture->page)->n_venues;
  area = g_ptr_array_index (fg_stats_page_get_series (fixture->page)->areas, 0);
  press_control (GTK_WIDGET (fixture->window), GDK_KEY_1);
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");

  /* a venue added in the first village's first grid */
  {
    g_autoptr(GPtrArray) grids = fg_region_list_children (fixture->store, fixture->actor, area->region_id, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (grids->len, >, 0);
    venue = fg_test_venue_new (fg_region_get_id (g_ptr_array_index (grids, 0)), "新开小超市", "人民路1号", "shop", "李明");
  }
  fg_venue_save (fixture->store, fixture->actor, venue, &error);
  g_assert_no_error (error);
  fg_stats_page_reload (fixture->page);
  fg_ui_test_spin ();
  g_assert_false (fg_stats_page_get_busy (fixture->page));
  g_assert_cmpuint (fg_stats_page_get_stats (fixture->page)->n_venues, ==, before);

  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  wait_counted (fixture->page);
  fresh = compute (fixture, FG_STATS_PERIOD_MONTH);
  g_assert_cmpuint (fresh->n_venues, ==, before + 1);
  g_assert_cmpuint (fg_stats_page_get_stats (fixture->page)->n_venues, ==, fresh->n_venues);
  assert_card (fixture, "venues", fresh->n_venues);
}

/* A month's bar opens the ledger of the hazards found in it; a
 * section's those found under it in the period; the chip removes it */
static void
test_hazard_bars (Fixture       *fixture,
                  gconstpointer  data)
{
  const FgStatsSeries *series;
  const FgStatsMonth *month;
  guint n_month, n_section, n_all, last;
  FgHazardPage *hazards = fg_window_get_hazard_page (fixture->window);
  GListModel *model = fg_hazard_page_get_model (hazards);
  GtkWidget *chip = fg_ui_test_child (hazards, FG_TYPE_HAZARD_PAGE, "found_filter_button");

  open_page (fixture);
  series = fg_stats_page_get_series (fixture->page);
  last = series->months->len - 1;
  month = g_ptr_array_index (series->months, last);
  n_month = month->n_found;
  g_assert_cmpuint (n_month, >, 0);
  g_assert_cmpuint (series->sections->len, >, 0);
  n_section = ((FgStatsSection *) g_ptr_array_index (series->sections, 0))->n_found;

  press (fg_bar_chart_get_bar (FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "months")), last));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_month);
  g_assert_true (gtk_widget_get_visible (chip));

  press_control (GTK_WIDGET (fixture->window), GDK_KEY_6);
  press (fg_bar_chart_get_bar (FG_BAR_CHART (fg_stats_page_get_chart (fixture->page, "sections")), 0));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_section);

  /* the chip gives the whole ledger back */
  press (chip);
  g_assert_false (gtk_widget_get_visible (chip));
  {
    g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (fg_hazard_query_count (fixture->store, fixture->actor, query, &n_all, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add ("/stats-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open", test_open);
  ADD ("card", test_card);
  ADD ("bar", test_bar);
  ADD ("period", test_period);
  ADD ("lacking", test_lacking);
  ADD ("counts-when-shown", test_counts_when_shown);
  ADD ("hazard-bars", test_hazard_bars);

  return g_test_run ();
}
