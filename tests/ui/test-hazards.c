/* test-hazards.c — the hazard ledger
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-collate-private.h"
#include "fg-event-dialog.h"
#include "fg-hazard-item.h"
#include "fg-hazard-page.h"
#include "fg-store-private.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
  FgHazardPage *page;
} Fixture;

/* Two hazards found just now by the grid worker, in the grid of the
 * demo's village committee: the latest in the ledger, and open whatever
 * the demo's weeks of history left open. */
static void
add_fresh_hazards (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) grid = fg_ui_test_login (store, "grid");
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = fg_venue_query_fetch (store, grid, query, 0, 1, &error);
  g_autoptr(FgInspection) inspection = NULL;
  GListModel *items;

  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  inspection = fg_inspection_start (store, grid, fg_venue_get_id (g_ptr_array_index (venues, 0)),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      gboolean fail = g_str_equal (code, "C-MGT-01") || g_str_equal (code, "C-EXT-01");

      fg_inspection_record (store, grid, inspection, code, fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS,
                            fail ? "现场检查发现" : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (store, grid, inspection, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  add_fresh_hazards (fixture->store);
  fixture->actor = fg_ui_test_login (fixture->store, data != NULL ? data : "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  fixture->page = fg_window_get_hazard_page (fixture->window);
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
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (fg_hazard_page_get_model (fixture->page));
}

static FgHazardState
stored_state (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = fg_hazard_load (fixture->store, fixture->actor, id, &error);

  g_assert_no_error (error);
  return fg_hazard_get_state (hazard);
}

static guint
n_in_state (Fixture       *fixture,
            FgHazardState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, (int) state, &error);

  g_assert_no_error (error);
  return hazards->len;
}

static guint
n_notices (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);

  g_assert_no_error (error);
  return notices->len;
}

/* The hazard at @position, shown in the detail pane; its id. */
static char *
select_hazard (Fixture *fixture,
               guint    position)
{
  FgHazard *shown;

  fg_hazard_page_select (fixture->page, position);
  fg_ui_test_spin ();
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  g_assert_nonnull (shown);
  g_assert_nonnull (fg_hazard_get_events (shown));
  return g_strdup (fg_hazard_get_id (shown));
}

/* What clicking a dialog's button does: its response, and it closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
}

static void
test_hazards_ledger (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *states = GTK_DROP_DOWN (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "state_dropdown"));
  GtkDropDown *grades = GTK_DROP_DOWN (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "grade_dropdown"));
  GtkDropDown *campaigns = GTK_DROP_DOWN (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "campaign_dropdown"));
  g_autoptr(GDate) today = g_date_new ();
  guint n_all;
  guint n_grade = 0;
  guint n_campaign = 0;
  guint n_rectifying = 0;
  guint n_not_closed = 0;
  guint n_overdue = 0;

  g_date_set_time_t (today, time (NULL));

  /* Ctrl+2 shows the ledger */
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "hazards"));
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");

  hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 0);
  n_all = n_shown (fixture);
  g_assert_cmpuint (n_all, ==, hazards->len);

  /* by state: as many as the core has in it */
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazardState state = fg_hazard_get_state (g_ptr_array_index (hazards, i));

      n_rectifying += state == FG_HAZARD_STATE_RECTIFYING;
      n_not_closed += state != FG_HAZARD_STATE_CLOSED;
      if (fg_hazard_count_overdue (fixture->store, g_ptr_array_index (hazards, i), today) > 0)
        n_overdue++;
    }
  g_assert_cmpuint (n_not_closed, <, n_all);
  gtk_drop_down_set_selected (states, FG_HAZARD_FILTER_FIRST_STATE + FG_HAZARD_STATE_RECTIFYING);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_rectifying);
  gtk_drop_down_set_selected (states, FG_HAZARD_FILTER_NOT_CLOSED);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_not_closed);
  gtk_drop_down_set_selected (states, FG_HAZARD_FILTER_ALL);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_all);

  /* one grade: as many as the core has of it */
  for (guint i = 0; i < hazards->len; i++)
    if (fg_hazard_get_grade (g_ptr_array_index (hazards, i)) == FG_HAZARD_GRADE_DEADLINE)
      n_grade++;
  gtk_drop_down_set_selected (grades, 1 + FG_HAZARD_GRADE_DEADLINE);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_grade);
  g_assert_cmpuint (n_grade, <, n_all);

  /* the demo's campaign: as many as its inspections found, whatever the grade */
  gtk_drop_down_set_selected (grades, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (campaigns)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (campaigns)), ==, 3);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autoptr(FgInspection) inspection = fg_inspection_load (fixture->store, fixture->actor,
                                                               fg_hazard_get_inspection_id (hazard), &error);

      g_assert_no_error (error);
      if (fg_inspection_get_campaign_id (inspection) != NULL)
        n_campaign++;
    }
  gtk_drop_down_set_selected (campaigns, 2);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_campaign);
  g_assert_cmpuint (n_campaign, >, 0);
  gtk_drop_down_set_selected (campaigns, 1);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_all - n_campaign);
  g_assert_cmpuint (n_campaign, <, n_all);

  /* a reload keeps the campaign chosen */
  gtk_drop_down_set_selected (campaigns, 2);
  fg_hazard_page_reload (fixture->page);
  fg_ui_test_spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (campaigns), ==, 2);
  g_assert_cmpuint (n_shown (fixture), ==, n_campaign);

  /* a header sorts, both ways, in the store's order: the venues' names in
   * pinyin order */
  gtk_drop_down_set_selected (campaigns, 0);
  gtk_drop_down_set_selected (states, FG_HAZARD_FILTER_ALL);
  for (int descending = 0; descending <= 1; descending++)
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "column_view"));
      GtkColumnViewColumn *column = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                           FG_TYPE_HAZARD_PAGE,
                                                                                           "venue_column"));

      gtk_column_view_sort_by_column (view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      fg_ui_test_spin ();
      g_assert_cmpuint (n_shown (fixture), ==, n_all);
      for (guint i = 1; i < n_all; i++)
        {
          g_autoptr(FgHazardItem) a = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i - 1);
          g_autoptr(FgHazardItem) b = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i);
          int order = fg_collate_compare (fg_hazard_get_venue_name (fg_hazard_item_get_hazard (a)),
                                          fg_hazard_get_venue_name (fg_hazard_item_get_hazard (b)));

          g_assert_cmpint (descending ? -order : order, <=, 0);
        }
    }

  /* the deadline column sorts what is overdue to the top, the most days
   * overdue first; the other way round it ends the list */
  for (int descending = 0; descending <= 1; descending++)
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "column_view"));
      GtkColumnViewColumn *column = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                           FG_TYPE_HAZARD_PAGE,
                                                                                           "deadline_column"));
      g_autoptr(FgHazardItem) first = NULL;
      g_autofree char *overdue = NULL;

      gtk_column_view_sort_by_column (view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      fg_ui_test_spin ();
      g_assert_cmpuint (n_shown (fixture), ==, n_all);
      first = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), 0);
      g_object_get (first, "overdue-text", &overdue, NULL);
      if (!descending && n_overdue > 0)
        g_assert_cmpstr (overdue, !=, "");
      else
        g_assert_cmpstr (overdue, ==, "");
    }

  /* Ctrl+1 goes back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "venues"));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
}

static void
test_hazards_issue_notice (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = select_hazard (fixture, 0);
  g_autoptr(FgHazardItem) item = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), 0);
  g_autofree char *state_label = NULL;
  GtkWindow *dialog;
  GtkEditable *deadline;
  FgHazard *shown;
  FgNotice *notice;
  g_autoptr(GBytes) photo = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);
  const FgHazardEvent *last;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("冢头消限字〔%d〕", g_date_time_get_year (now));
  g_autofree char *expected_number = NULL;
  guint n_before = n_notices (fixture);
  guint n_rectifying = n_in_state (fixture, FG_HAZARD_STATE_RECTIFYING);
  guint n_numbered = 0;

  /* the hazard is named by what was found, in the ledger and its detail;
   * what its checklist item requires is shown below */
  {
    GtkWidget *title = fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "title_label");
    GtkWidget *requirement = fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "requirement_row");
    g_autofree char *finding = NULL;

    shown = fg_hazard_page_get_shown_hazard (fixture->page);
    g_object_get (item, "finding", &finding, NULL);
    g_assert_cmpstr (finding, ==, fg_hazard_get_finding (shown));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, fg_hazard_get_finding (shown));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), !=, fg_hazard_get_item_text (shown));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (requirement)), ==, fg_hazard_get_item_text (shown));
  }

  /* its place: the grid with its village, as the sidebar and accounts say it */
  {
    GtkWidget *place = fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "place_row");
    g_autofree char *expected = g_strdup_printf ("%s › %s", fg_hazard_get_village_name (shown),
                                                 fg_hazard_get_grid_name (shown));

    g_assert_nonnull (fg_hazard_get_grid_name (shown));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (place)), ==, expected);
  }

  /* the next number after the demo's notices of this year */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) notices = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < notices->len; i++)
      n_numbered += g_str_has_prefix (fg_notice_get_number (g_ptr_array_index (notices, i)), this_year);
    expected_number = g_strdup_printf ("%s第%04u号", this_year, n_numbered + 1);
  }

  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);

  /* a deadline before the hazard was found: the core says why, the
   * dialog comes back with it, nothing is recorded */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.notice-issued", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  deadline = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  g_assert_nonnull (deadline);
  /* the proposed deadline lies ahead */
  g_assert_cmpuint (strlen (gtk_editable_get_text (deadline)), ==, 10);
  gtk_editable_set_text (deadline, "2000-01-01");
  respond (dialog, "issue");
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);
  g_assert_cmpuint (n_notices (fixture), ==, n_before);
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* no deadline: asked again; nothing is numbered */
  deadline = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  g_assert_cmpstr (gtk_editable_get_text (deadline), ==, "2000-01-01");
  gtk_editable_set_text (deadline, "");
  respond (dialog, "issue");
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);
  g_assert_cmpuint (n_notices (fixture), ==, n_before);
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* the proposed deadline is taken: the notice is issued and shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.notice-issued", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "issue");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_notices (fixture), ==, n_before + 1);
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "notices");
  notice = fg_notice_page_get_shown_notice (fg_window_get_notice_page (fixture->window));
  g_assert_nonnull (notice);
  g_assert_cmpstr (fg_notice_get_number (notice), ==, expected_number);
  g_assert_cmpstr (fg_notice_get_hazard_ids (notice)[0], ==, id);
  /* the preview shows the notice and its proof of service */
  g_assert_cmpuint (fg_notice_page_get_n_preview_pages (fg_window_get_notice_page (fixture->window)), >=, 2);

  /* in the core, in the row and in the detail (the ledger was read again) */
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_RECTIFYING);
  g_clear_object (&item);
  for (guint i = 0; item == NULL && i < n_shown (fixture); i++)
    {
      g_autoptr(FgHazardItem) row = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i);

      if (g_strcmp0 (fg_hazard_get_id (fg_hazard_item_get_hazard (row)), id) == 0)
        item = g_steal_pointer (&row);
    }
  g_assert_nonnull (item);
  g_object_get (item, "state-label", &state_label, NULL);
  g_assert_cmpstr (state_label, ==, fg_hazard_state_get_label (FG_HAZARD_STATE_RECTIFYING));
  g_assert_cmpint (fg_hazard_item_get_due (item), !=, FG_HAZARD_DUE_NONE);
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  g_assert_cmpstr (fg_hazard_get_id (shown), ==, id);
  g_assert_cmpint (fg_hazard_get_state (shown), ==, FG_HAZARD_STATE_RECTIFYING);
  g_assert_nonnull (fg_hazard_get_deadline (shown));
  g_assert_cmpuint (fg_hazard_get_events (shown)->len, ==, 2);

  /* what follows from the new state: no second notice */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.notice-issued", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* the filter by state finds it now */
  fg_hazard_page_set_state_filter (fixture->page, FG_HAZARD_FILTER_FIRST_STATE + FG_HAZARD_STATE_RECTIFYING);
  fg_ui_test_spin ();
  g_assert_cmpuint (n_shown (fixture), ==, n_rectifying + 1);

  /* the venue reports it fixed, with a photo: the dialog takes it (the
   * latest found comes first) */
  fg_hazard_page_select (fixture->page, 0);
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.reported-fixed", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (FG_IS_EVENT_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "photos_row")));
  /* a device is refused unread, in words, and the photos marked */
  {
    g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
    g_autofree char *path = g_build_filename (fixture->dir.dir, "fixed.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GtkWidget *problem = fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "problem_label");
    AdwActionRow *photos_row = ADW_ACTION_ROW (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "photos_row"));

    fg_event_dialog_attach_photo_file (FG_EVENT_DIALOG (dialog), device);
    for (guint i = 0; i < 500 && !gtk_widget_get_visible (problem); i++)
      {
        g_usleep (10000);
        fg_ui_test_spin ();
      }
    g_assert_true (gtk_widget_get_visible (problem));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "“zero” is not a photo file"));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (photos_row), "error"));

    /* a photo's file is read and taken */
    g_assert_true (g_file_set_contents (path, (const char *) g_bytes_get_data (photo, NULL),
                                        (gssize) g_bytes_get_size (photo), NULL));
    fg_event_dialog_attach_photo_file (FG_EVENT_DIALOG (dialog), file);
    for (guint i = 0; i < 500 && gtk_widget_has_css_class (GTK_WIDGET (photos_row), "error"); i++)
      {
        g_usleep (10000);
        fg_ui_test_spin ();
      }
    g_assert_cmpstr (adw_action_row_get_subtitle (photos_row), ==, "1 photo");
  }
  respond (dialog, "record");
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_REPORTED_FIXED);
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  last = g_ptr_array_index (fg_hazard_get_events (shown), fg_hazard_get_events (shown)->len - 1);
  g_assert_cmpint (last->kind, ==, FG_HAZARD_EVENT_REPORTED_FIXED);
  g_assert_nonnull (last->photos);
  g_assert_cmpuint (g_strv_length (last->photos), ==, 1);
}

/* A deadline far beyond the checklist's (and in a year whose holidays are
 * not installed) is confirmed first: "change" goes back to the date as
 * typed, "confirm" sets it; for a notice and for an extension. */
/* The day @days from today, YYYY-MM-DD. */
static char *
day_ahead (guint days)
{
  g_autoptr(GDate) day = g_date_new ();
  char text[16];

  g_date_set_time_t (day, time (NULL));
  g_date_add_days (day, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

static void
test_hazards_deadline_warning (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *id = select_hazard (fixture, 0);
  /* far beyond the checklist's days, within the year a deadline may reach */
  g_autofree char *far = day_ahead (200);
  g_autofree char *further = day_ahead (300);
  g_autofree char *gives = g_strdup_printf ("The deadline %s gives", far);
  guint n_before = n_notices (fixture);
  GtkWindow *dialog;
  GtkEditable *deadline;
  FgHazard *shown;

  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);

  /* the notice's deadline */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.notice-issued", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  deadline = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  gtk_editable_set_text (deadline, far);
  respond (dialog, "issue");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Check the Deadline");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            gives));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "are not installed"));
  g_assert_cmpuint (n_notices (fixture), ==, n_before);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);

  /* back to the date, as typed */
  respond (dialog, "change");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  deadline = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  g_assert_nonnull (deadline);
  g_assert_cmpstr (gtk_editable_get_text (deadline), ==, far);
  g_assert_cmpuint (n_notices (fixture), ==, n_before);

  /* set as it is */
  respond (dialog, "issue");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Check the Deadline");
  respond (dialog, "confirm");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_notices (fixture), ==, n_before + 1);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_RECTIFYING);
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  g_assert_cmpstr (fg_hazard_get_deadline (shown), ==, far);

  /* an extension far beyond it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.deadline-extended", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (FG_IS_EVENT_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "deadline_row")), further);
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "note_row")), "材料未到");
  respond (dialog, "record");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (FG_IS_EVENT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), further));
  respond (dialog, "change");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (FG_IS_EVENT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "deadline_row"))),
                   ==, further);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "note_row"))),
                   ==, "材料未到");
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  g_assert_cmpstr (fg_hazard_get_deadline (shown), ==, far);
  respond (dialog, "record");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (FG_IS_EVENT_DIALOG (dialog));
  respond (dialog, "confirm");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  g_assert_cmpstr (fg_hazard_get_deadline (shown), ==, further);
}

/* The village committee may report a fix, not issue notices. */
static void
test_hazards_village_committee (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, -1, NULL);
  g_autofree char *id = NULL;
  GtkWidget *actions = fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "actions_box");
  guint n_offered = 0;

  g_assert_nonnull (hazards);
  g_assert_cmpuint (hazards->len, >, 0);
  g_assert_cmpuint (n_shown (fixture), ==, hazards->len);

  id = select_hazard (fixture, 0);

  /* no button for a notice, nor for anything else of an open hazard */
  for (GtkWidget *child = gtk_widget_get_first_child (actions); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_widget_get_visible (child))
        n_offered++;
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "hazard.notice-issued") == 0)
        {
          g_assert_false (gtk_widget_get_visible (child));
          g_assert_false (gtk_widget_get_sensitive (button));
        }
    }
  g_assert_false (fg_actor_can (fixture->actor, FG_ACTION_NOTICE_ISSUE));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.notice-issued", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);
  /* an open hazard: only "corrected on the spot" may be theirs */
  g_assert_cmpuint (n_offered, <=, 1);
}

/* A hazard reported fixed is the office's to re-inspect within three
 * working days: the ledger says by when, and once late it says so and
 * the window's filter (the start-up message's "Show") finds it. */
static void
test_hazards_reinspection_late (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, FG_HAZARD_STATE_OPEN, &error);
  g_autoptr(GPtrArray) reported = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GDate) today = fg_store_today (fixture->store);
  g_autoptr(GDate) deadline = g_date_copy (today);
  g_autofree char *deadline_text = NULL;
  g_autofree char *id = NULL;
  FgHazardEventDetails notice = { NULL, };
  guint n_late = 0;
  gboolean seen = FALSE;

  /* the latest hazard found: a notice, and reported fixed two weeks ago */
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >, 0);
  id = g_strdup (fg_hazard_get_id (g_ptr_array_index (open, 0)));
  hazard = fg_hazard_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_date_add_days (deadline, 30);
  deadline_text = fg_calendar_format_date (deadline);
  notice.deadline = deadline_text;
  g_assert_true (fg_hazard_add_event (fixture->store, fixture->actor, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED,
                                      &notice, &error));
  fg_store_set_clock_offset (fixture->store, -14 * G_TIME_SPAN_DAY);
  g_assert_true (fg_hazard_add_event (fixture->store, fixture->actor, hazard, FG_HAZARD_EVENT_REPORTED_FIXED,
                                      NULL, &error));
  fg_store_set_clock_offset (fixture->store, 0);

  /* late ones, as the core counts them */
  reported = fg_hazard_list (fixture->store, fixture->actor, NULL, NULL, FG_HAZARD_STATE_REPORTED_FIXED, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reported->len; i++)
    n_late += fg_escalation_count_reinspection_late (fixture->store, g_ptr_array_index (reported, i), today) > 0;
  g_assert_cmpuint (n_late, >, 0);

  fg_hazard_page_reload (fixture->page);
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_hazard_page_get_n_reinspection_late (fixture->page), ==, n_late);

  /* "Show": the ledger, filtered to them; each says how late */
  fg_window_set_page (fixture->window, "venues");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-late-reinspections", NULL));
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "hazards");
  g_assert_cmpuint (n_shown (fixture), ==, n_late);
  for (guint i = 0; i < n_shown (fixture); i++)
    {
      g_autoptr(FgHazardItem) item = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i);
      g_autofree char *due = NULL;
      g_autofree char *due_class = NULL;
      g_autofree char *overdue = NULL;

      g_object_get (item, "due-text", &due, "due-class", &due_class, "overdue-text", &overdue, NULL);
      g_assert_cmpint (fg_hazard_get_state (fg_hazard_item_get_hazard (item)), ==, FG_HAZARD_STATE_REPORTED_FIXED);
      g_assert_true (g_str_has_prefix (due, "Re-inspection late "));
      g_assert_cmpstr (due_class, ==, "error");
      /* the venue is not overdue: its clock stopped */
      g_assert_cmpstr (overdue, ==, "");
      seen |= g_str_equal (fg_hazard_get_id (fg_hazard_item_get_hazard (item)), id);
    }
  g_assert_true (seen);

  /* one not yet late says by when, in a badge short enough for the
   * deadline column: the month and day, with the year only when it is
   * another year's */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "state_dropdown")),
                              FG_HAZARD_FILTER_ALL);
  fg_ui_test_spin ();
  seen = FALSE;
  for (guint i = 0; i < n_shown (fixture); i++)
    {
      g_autoptr(FgHazardItem) item = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i);
      FgHazard *shown = fg_hazard_item_get_hazard (item);
      g_autofree char *due = NULL;
      g_autofree char *by = NULL;
      g_autofree char *expected = NULL;

      if (fg_hazard_get_state (shown) != FG_HAZARD_STATE_REPORTED_FIXED ||
          fg_escalation_count_reinspection_late (fixture->store, shown, today) > 0)
        continue;
      by = fg_escalation_dup_reinspection_due (fixture->store, shown);
      g_object_get (item, "due-text", &due, NULL);
      expected = g_strdup_printf ("Re-inspect by %s", g_date_get_year (today) == atoi (by) ? by + 5 : by);
      g_assert_cmpstr (due, ==, expected);
      seen = TRUE;
    }
  g_assert_true (seen);
}

/* A possibly major hazard found just now at the first venue: its id. */
static char *
add_possibly_major_hazard (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = fg_venue_query_fetch (fixture->store, fixture->actor, query, 0, 1, &error);
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;
  gboolean failed = FALSE;

  g_assert_no_error (error);
  inspection = fg_inspection_start (fixture->store, fixture->actor, fg_venue_get_id (g_ptr_array_index (venues, 0)),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && fg_checklist_item_get_major (item);

      failed |= fail;
      fg_inspection_record (fixture->store, fixture->actor, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (failed);
  fg_inspection_finish (fixture->store, fixture->actor, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (fixture->store, fixture->actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

/* Shows the hazard @id in the detail pane. */
static void
show_hazard (Fixture    *fixture,
             const char *id)
{
  for (guint i = 0; i < n_shown (fixture); i++)
    {
      g_autoptr(FgHazardItem) row = g_list_model_get_item (fg_hazard_page_get_model (fixture->page), i);

      if (g_strcmp0 (fg_hazard_get_id (fg_hazard_item_get_hazard (row)), id) == 0)
        {
          g_free (select_hazard (fixture, i));
          return;
        }
    }
  g_assert_not_reached ();
}

/* A possibly major hazard: the letter to the brigade, then the brigade's
 * decision, refused without its number and recorded with it. */
static void
test_hazards_major (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_possibly_major_hazard (fixture);
  GtkWindow *dialog;
  GtkEditable *number;
  FgNotice *letter;
  FgHazard *shown;
  const FgHazardEvent *decision;
  AdwActionRow *decision_row = ADW_ACTION_ROW (fg_ui_test_child (fixture->page, FG_TYPE_HAZARD_PAGE, "decision_row"));

  fg_hazard_page_reload (fixture->page);
  fg_ui_test_spin ();

  /* an ordinary hazard the brigade was never sent: its decision is not
   * offered, though the hazard's state would allow one */
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < n_shown (fixture) && !seen; i++)
      {
        g_autofree char *other = select_hazard (fixture, i);
        FgHazard *hazard = fg_hazard_page_get_shown_hazard (fixture->page);

        if (fg_hazard_get_grade (hazard) == FG_HAZARD_GRADE_MAJOR_PROPOSED || fg_hazard_awaits_decision (hazard) ||
            !fg_hazard_event_allowed (fg_hazard_get_state (hazard), FG_HAZARD_EVENT_CONFIRMED_MAJOR))
          continue;
        seen = TRUE;
        gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.confirmed-major", NULL);
        fg_ui_test_spin ();
        g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
        g_assert_null (fg_hazard_get_major_decision (fg_hazard_page_get_shown_hazard (fixture->page)));
      }
    g_assert_true (seen);
  }
  show_hazard (fixture, id);

  /* the letter: asked, issued, shown among the documents */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.major-letter", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "issue");
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "notices");
  letter = fg_notice_page_get_shown_notice (fg_window_get_notice_page (fixture->window));
  g_assert_nonnull (letter);
  g_assert_cmpint (fg_notice_get_kind (letter), ==, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER);
  g_assert_true (strstr (fg_notice_get_number (letter), "消移字") != NULL);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_ESCALATED);

  /* the decision without its number: the dialog comes back, nothing recorded */
  show_hazard (fixture, id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (decision_row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.confirmed-major", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "record");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (fg_hazard_get_major_decision (fg_hazard_page_get_shown_hazard (fixture->page)));

  /* with it: recorded, and shown */
  number = g_object_get_data (G_OBJECT (dialog), "fg-number");
  gtk_editable_set_text (number, "郏消隐判字〔2026〕第5号");
  respond (dialog, "record");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  shown = fg_hazard_page_get_shown_hazard (fixture->page);
  decision = fg_hazard_get_major_decision (shown);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->kind, ==, FG_HAZARD_EVENT_CONFIRMED_MAJOR);
  g_assert_cmpstr (decision->decision_authority, ==, "郏县消防救援大队");
  g_assert_true (fg_hazard_get_major_confirmed (shown));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (decision_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (decision_row), "郏消隐判字〔2026〕第5号"));
}

/* A transfer is a document: the recipient is named, and it is refused
 * without a name. */
static void
test_hazards_transfer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = select_hazard (fixture, 0);
  GtkWindow *dialog;
  GtkEditable *name;
  FgNotice *transfer;
  guint n_before = n_notices (fixture);

  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazard.transferred", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (FG_IS_EVENT_DIALOG (dialog));
  respond (dialog, "issue");
  g_assert_cmpuint (n_notices (fixture), ==, n_before);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_OPEN);

  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  name = g_object_get_data (G_OBJECT (dialog), "fg-recipient");
  gtk_editable_set_text (name, "冢头派出所");
  respond (dialog, "issue");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_notices (fixture), ==, n_before + 1);
  transfer = fg_notice_page_get_shown_notice (fg_window_get_notice_page (fixture->window));
  g_assert_nonnull (transfer);
  g_assert_cmpint (fg_notice_get_kind (transfer), ==, FG_NOTICE_KIND_TRANSFER);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_TRANSFERRED);
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

  g_test_add ("/ui/hazards/ledger", Fixture, NULL,
              fixture_set_up, test_hazards_ledger, fixture_tear_down);
  g_test_add ("/ui/hazards/issue-notice", Fixture, NULL,
              fixture_set_up, test_hazards_issue_notice, fixture_tear_down);
  g_test_add ("/ui/hazards/deadline-warning", Fixture, NULL,
              fixture_set_up, test_hazards_deadline_warning, fixture_tear_down);
  g_test_add ("/ui/hazards/major", Fixture, NULL,
              fixture_set_up, test_hazards_major, fixture_tear_down);
  g_test_add ("/ui/hazards/transfer", Fixture, NULL,
              fixture_set_up, test_hazards_transfer, fixture_tear_down);
  g_test_add ("/ui/hazards/village-committee", Fixture, "village",
              fixture_set_up, test_hazards_village_committee, fixture_tear_down);
  g_test_add ("/ui/hazards/reinspection-late", Fixture, NULL,
              fixture_set_up, test_hazards_reinspection_late, fixture_tear_down);

  return g_test_run ();
}
