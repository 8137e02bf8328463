/* test-lists.c — the venue list, the hazard ledger and the documents on a laptop's screen
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-hazard-item.h"
#include "fg-hazard-page.h"
#include "fg-notice-page.h"
#include "fg-venue-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* The window of @login at @width × @height, showing @page. */
static FgWindow *
open_window (Fixture    *fixture,
             const char *login,
             int         width,
             int         height,
             const char *page)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, login);
  FgWindow *window = g_object_ref (fg_window_new (NULL, fixture->store, actor));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  fg_window_set_page (window, page);
  fg_ui_test_spin ();
  return window;
}

static void
close_window (FgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

/* The columns of @view as they stand, left to right, that show. */
static GPtrArray *
shown_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (shown, column);
      else
        g_object_unref (column);
    }

  return shown;
}

/* The columns named, of @page's template, come first, in this order, and
 * fit side by side in the list's width: none is a scroll away. */
static void
assert_columns_first (GtkWidget  *page,
                      GType       type,
                      const char *first,
                      ...)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, type, "column_view"));
  g_autoptr(GPtrArray) shown = shown_columns (view);
  const char *name = first;
  int needed = 0;
  guint i = 0;
  va_list args;

  va_start (args, first);
  for (; name != NULL; name = va_arg (args, const char *), i++)
    {
      GObject *column = gtk_widget_get_template_child (page, type, name);

      g_assert_nonnull (column);
      g_assert_cmpuint (i, <, shown->len);
      if (shown->pdata[i] != column)
        g_error ("the column %s is not in place %u", name, i);
      needed += gtk_column_view_column_get_fixed_width (GTK_COLUMN_VIEW_COLUMN (column));
    }
  va_end (args);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, needed);
}

/* The ledger's finding takes the width the other columns leave, and
 * keeps some 16 characters when they leave less. */
static void
assert_finding_fills (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "column_view"));
  GtkColumnViewColumn *finding = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (page, FG_TYPE_HAZARD_PAGE,
                                                                                        "item_column"));
  GtkAdjustment *across = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_autoptr(GPtrArray) shown = NULL;
  int others = 0;
  int expected;

  /* the column is widened just after the view is laid out */
  for (guint i = 0; i < 3; i++)
    fg_ui_test_spin ();

  shown = shown_columns (view);
  for (guint i = 0; i < shown->len; i++)
    if (shown->pdata[i] != finding)
      others += gtk_column_view_column_get_fixed_width (shown->pdata[i]);

  expected = MAX (230, (int) gtk_adjustment_get_page_size (across) - others);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (finding), ==, expected);
  /* nothing is a scroll away when there is room for all */
  if (expected > 230)
    g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=, gtk_adjustment_get_page_size (across) + 1);
}

/* Lets the window lay itself out until @widget is mapped or not: a pane
 * shown or hidden is mapped at the next frame, which a fast machine may
 * not have drawn yet. */
static void
wait_mapped (GtkWidget *widget,
             gboolean   mapped)
{
  for (guint i = 0; i < 200 && gtk_widget_get_mapped (widget) != mapped; i++)
    {
      g_usleep (10000);
      fg_ui_test_spin ();
    }
}

/* Selects the row at @position as a click does, with the keyboard in the
 * list, and checks the pane comes and the list keeps both. */
static void
select_row (GtkWidget *page,
            GType      type,
            GtkWidget *pane,
            guint      position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, type, "column_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GtkWidget *focus;

  g_assert_false (gtk_widget_get_mapped (pane));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_selection_model_select_item (selection, position, TRUE);
  fg_ui_test_spin ();

  wait_mapped (pane, TRUE);
  g_assert_true (gtk_widget_get_mapped (pane));
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  focus = gtk_root_get_focus (gtk_widget_get_root (page));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));
}

/* The row at @position unselected, nothing is: the pane folds away again,
 * and a keyboard that was in it goes back to the list. */
static void
unselect_row (GtkWidget *page,
              GType      type,
              GtkWidget *pane,
              guint      position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, type, "column_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GtkWidget *focus;

  g_assert_true (gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD));
  /* as Ctrl and a click on the chosen row do */
  gtk_selection_model_unselect_item (selection, position);
  fg_ui_test_spin ();

  wait_mapped (pane, FALSE);
  g_assert_false (gtk_widget_get_mapped (pane));
  focus = gtk_root_get_focus (gtk_widget_get_root (page));
  g_assert_true (focus == GTK_WIDGET (view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));
}

/* What @widget's tooltip shows, asked as GTK asks when the pointer rests
 * on it: its text, or %NULL for none. */
static char *
query_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;
  GtkWidget *label;

  if (!gtk_widget_get_has_tooltip (widget))
    return NULL;
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  if (!shown)
    return NULL;
  /* the program's own label (fg-tooltip.c), or GTK's text where a test
   * runs without it */
  label = g_object_get_data (G_OBJECT (tooltip), "fg-tooltip-label");
  if (label == NULL)
    return g_strdup (gtk_widget_get_tooltip_text (widget));
  g_assert_true (GTK_IS_LABEL (label));
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* No label in @widget's cells wraps; a shortened one shows its whole text
 * as its tooltip. With @lazy, the cells set no tooltip as they are bound,
 * and one that shows its whole text has none. Returns how many were
 * shortened. */
static guint
check_cells (GtkWidget *widget,
             gboolean   lazy)
{
  guint n_shortened = 0;

  /* the column titles are not cells */
  if (g_str_equal (gtk_widget_get_css_name (widget), "header"))
    return 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);
      g_autofree char *shown = query_tooltip (widget);

      g_assert_false (gtk_label_get_wrap (label));
      if (lazy)
        g_assert_null (gtk_widget_get_tooltip_text (widget));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        {
          g_assert_cmpstr (shown, ==, gtk_label_get_text (label));
          n_shortened++;
        }
      else if (lazy)
        {
          g_assert_null (shown);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_shortened += check_cells (child, lazy);

  return n_shortened;
}

static void
check_ledger (Fixture *fixture,
              int      width,
              int      height)
{
  FgWindow *window = open_window (fixture, "admin", width, height, "hazards");
  GtkWidget *page = GTK_WIDGET (fg_window_get_hazard_page (window));
  GtkWidget *pane = fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "detail_box");
  AdwLeaflet *leaflet = ADW_LEAFLET (fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "leaflet"));

  g_assert_cmpuint (g_list_model_get_n_items (fg_hazard_page_get_model (FG_HAZARD_PAGE (page))), >, 10);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_mapped (pane));
  assert_columns_first (page, FG_TYPE_HAZARD_PAGE,
                        "venue_column", "item_column", "state_column", "deadline_column",
                        NULL);
  assert_finding_fills (page);
  /* the findings are long: some are shortened, with the whole as tooltip */
  g_assert_cmpuint (check_cells (fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "column_view"), FALSE), >, 0);

  select_row (page, FG_TYPE_HAZARD_PAGE, pane, 2);
  g_assert_nonnull (fg_hazard_page_get_shown_hazard (FG_HAZARD_PAGE (page)));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  /* beside the pane the list still shows the venue, the finding, the state */
  assert_finding_fills (page);
  assert_columns_first (page, FG_TYPE_HAZARD_PAGE, "venue_column", "item_column", "state_column", NULL);
  unselect_row (page, FG_TYPE_HAZARD_PAGE, pane, 2);

  close_window (window);
}

/* At a township laptop's 1366 × 768 and at the window's first size, the
 * ledger shows the venue, the finding, the state and the deadline side by
 * side, and the finding has the width the other columns leave; the pane
 * for a hazard is there only while one is chosen. */
static void
test_lists_ledger (Fixture       *fixture,
                   gconstpointer  data)
{
  check_ledger (fixture, 1366, 768);
  check_ledger (fixture, 1100, 720);
  check_ledger (fixture, 1920, 1080);
}

static void
check_venues (Fixture *fixture,
              int      width,
              int      height)
{
  FgWindow *window = open_window (fixture, "admin", width, height, "venues");
  GtkWidget *page = GTK_WIDGET (fg_window_get_venue_page (window));
  GtkWidget *pane = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "detail_box");

  g_assert_false (gtk_widget_get_mapped (pane));
  assert_columns_first (page, FG_TYPE_VENUE_PAGE,
                        "name_column", "address_column", "operator_column", "status_column", NULL);
  /* the venues' cells set no tooltip as they are bound; the few too long
   * for their column show their whole text when the pointer rests on them */
  g_assert_cmpuint (check_cells (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"), TRUE), >, 0);

  select_row (page, FG_TYPE_VENUE_PAGE, pane, 0);
  g_assert_nonnull (fg_venue_page_get_shown_venue (FG_VENUE_PAGE (page)));
  /* the name, the address, who runs it and whether it is open, beside it */
  assert_columns_first (page, FG_TYPE_VENUE_PAGE,
                        "name_column", "address_column", "operator_column", "status_column", NULL);
  unselect_row (page, FG_TYPE_VENUE_PAGE, pane, 0);

  close_window (window);
}

static void
test_lists_venues (Fixture       *fixture,
                   gconstpointer  data)
{
  check_venues (fixture, 1366, 768);
  check_venues (fixture, 1100, 720);
}

static void
test_lists_documents (Fixture       *fixture,
                      gconstpointer  data)
{
  FgWindow *window = open_window (fixture, "admin", 1366, 768, "notices");
  GtkWidget *page = GTK_WIDGET (fg_window_get_notice_page (window));
  GtkWidget *pane = fg_ui_test_child (page, FG_TYPE_NOTICE_PAGE, "detail_side");
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_NOTICE_PAGE, "column_view"));
  g_autoptr(GPtrArray) shown = shown_columns (view);
  int needed = 0;

  g_assert_cmpuint (g_list_model_get_n_items (fg_notice_page_get_model (FG_NOTICE_PAGE (page))), >, 10);
  g_assert_false (gtk_widget_get_mapped (pane));
  /* a township's list: number, venue, the kind of document, its service,
   * dates; every one of them fits */
  g_assert_cmpuint (shown->len, ==, 6);
  for (guint i = 0; i < shown->len; i++)
    needed += gtk_column_view_column_get_fixed_width (shown->pdata[i]);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, needed);
  g_assert_cmpstr (gtk_column_view_column_get_title (shown->pdata[2]), ==, "Document");
  check_cells (GTK_WIDGET (view), FALSE);

  select_row (page, FG_TYPE_NOTICE_PAGE, pane, 0);
  g_assert_nonnull (fg_notice_page_get_shown_notice (FG_NOTICE_PAGE (page)));
  /* beside the preview, the number, the venue and the kind still show */
  needed = 0;
  for (guint i = 0; i < 3; i++)
    needed += gtk_column_view_column_get_fixed_width (shown->pdata[i]);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, needed);
  unselect_row (page, FG_TYPE_NOTICE_PAGE, pane, 0);

  close_window (window);
}

/* A county's ledger and documents say which township each row is from; a
 * township's own lists have no such column. */
static void
test_lists_townships (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *logins[] = { "county", "admin" };

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      gboolean county = g_str_equal (logins[i], "county");
      FgWindow *window = open_window (fixture, logins[i], 1366, 768, "hazards");
      GtkWidget *ledger = GTK_WIDGET (fg_window_get_hazard_page (window));
      GtkWidget *notices = GTK_WIDGET (fg_window_get_notice_page (window));
      GListModel *rows = fg_hazard_page_get_model (FG_HAZARD_PAGE (ledger));
      g_autoptr(FgHazardItem) row = g_list_model_get_item (rows, 0);
      g_autofree char *township = NULL;
      GObject *column;

      column = gtk_widget_get_template_child (ledger, FG_TYPE_HAZARD_PAGE, "township_column");
      g_assert_cmpint (gtk_column_view_column_get_visible (GTK_COLUMN_VIEW_COLUMN (column)), ==, county);
      g_object_get (row, "township-name", &township, NULL);
      g_assert_cmpstr (township, ==, "冢头镇");

      fg_window_set_page (window, "notices");
      fg_ui_test_spin ();
      column = gtk_widget_get_template_child (notices, FG_TYPE_NOTICE_PAGE, "township_column");
      g_assert_cmpint (gtk_column_view_column_get_visible (GTK_COLUMN_VIEW_COLUMN (column)), ==, county);
      if (county)
        {
          g_autoptr(FgNotice) notice = g_list_model_get_item (fg_notice_page_get_model (FG_NOTICE_PAGE (notices)), 0);

          g_assert_cmpstr (fg_notice_get_township_name (notice), ==, "冢头镇");
          g_assert_cmpstr (gtk_column_view_column_get_title (GTK_COLUMN_VIEW_COLUMN (column)), ==, "Township");
        }

      close_window (window);
    }
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

  g_test_add ("/ui/lists/ledger", Fixture, NULL,
              fixture_set_up, test_lists_ledger, fixture_tear_down);
  g_test_add ("/ui/lists/venues", Fixture, NULL,
              fixture_set_up, test_lists_venues, fixture_tear_down);
  g_test_add ("/ui/lists/documents", Fixture, NULL,
              fixture_set_up, test_lists_documents, fixture_tear_down);
  g_test_add ("/ui/lists/townships", Fixture, NULL,
              fixture_set_up, test_lists_townships, fixture_tear_down);

  return g_test_run ();
}
