/* test-inspection.c — inspecting a venue from the main window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-inspection-window.h"
#include "fg-venue-detail.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define NOTE "灭火器压力不足"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;
  FgWindow *window;
  FgVenue *venue;  /* shown in the detail pane */
} Fixture;

static FgVenueDetail *
detail (Fixture *fixture)
{
  return FG_VENUE_DETAIL (fg_ui_test_child (fg_window_get_venue_page (fixture->window),
                                            FG_TYPE_VENUE_PAGE, "detail"));
}

static void
show_venue (Fixture *fixture,
            FgVenue *venue)
{
  g_set_object (&fixture->venue, venue);
  fg_venue_page_show_venue (fg_window_get_venue_page (fixture->window), venue);
  fg_ui_test_spin ();
}

/* The first venue of the list with (or without) a finished inspection. */
static FgVenue *
find_venue (Fixture  *fixture,
            gboolean  inspected)
{
  GListModel *venues = G_LIST_MODEL (fg_venue_page_get_venue_list (fg_window_get_venue_page (fixture->window)));

  for (guint i = 0; i < g_list_model_get_n_items (venues); i++)
    {
      g_autoptr(FgVenue) venue = g_list_model_get_item (venues, i);
      g_autoptr(GPtrArray) inspections = NULL;
      g_autoptr(GError) error = NULL;

      inspections = fg_inspection_list_for_venue (fixture->store, fixture->actor, fg_venue_get_id (venue), &error);
      g_assert_no_error (error);
      if ((inspections->len > 0) == inspected)
        return g_steal_pointer (&venue);
    }

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FgVenue) venue = NULL;

  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->actor = fg_ui_test_login (fixture->store, data != NULL ? data : "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();

  venue = find_venue (fixture, FALSE);
  show_venue (fixture, venue);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->venue);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
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

/* Ctrl+I: answers the dialog that may come first (continue or start over
 * a draft; routine or campaign) and returns the inspection window, with a
 * reference of the caller's. */
static FgInspectionWindow *
inspect (Fixture    *fixture,
         const char *draft_response)
{
  GtkWindow *dialog;
  FgInspectionWindow *window;

  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.inspect-venue", NULL);
  fg_ui_test_spin ();

  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  if (draft_response != NULL)
    {
      g_assert_nonnull (dialog);
      g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "continue"));
      respond (dialog, draft_response);
      dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    }

  /* the demo's e-bike campaign, while it runs */
  if (dialog != NULL)
    {
      g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "start"));
      respond (dialog, "start");
    }

  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (dialog != NULL ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)) : NULL, ==, NULL);
  window = FG_INSPECTION_WINDOW (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (fixture->window));
  return g_object_ref (window);
}

static void
close_window (FgInspectionWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static const char *
code_at (FgInspectionWindow *window,
         guint               position)
{
  return fg_checklist_item_get_code (fg_inspection_row_get_item (fg_inspection_window_get_row (window, position)));
}

static const char *
progress (FgInspectionWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (fg_ui_test_child (window, FG_TYPE_INSPECTION_WINDOW, "progress_label")));
}

static void
activate (FgInspectionWindow *window,
          const char         *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  fg_ui_test_spin ();
}

static void
type_note (FgInspectionWindow *window,
           guint               position,
           const char         *note)
{
  FgInspectionRow *row = fg_inspection_window_get_row (window, position);
  GtkWidget *entry = fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "note_entry");
  GtkWidget *revealer = fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "note_revealer");

  /* a failed item asks for what was found */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_editable_set_text (GTK_EDITABLE (entry), note);
  g_assert_cmpstr (fg_inspection_row_get_note (fg_inspection_window_get_row (window, position)), ==, note);
  g_signal_emit_by_name (entry, "activate");  /* Enter */
  fg_ui_test_spin ();
}

static FgInspection *
stored_draft (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FgInspection *draft = fg_inspection_find_draft (fixture->store, fixture->actor,
                                                  fg_venue_get_id (fixture->venue), &error);

  g_assert_no_error (error);
  return draft;
}

/* The descendant of @root named @name, or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The summary's times of an inspection typed in later, switched on. */
static void
type_times (GtkWindow  *summary,
            const char *started,
            const char *ended)
{
  GtkWidget *row = find_named (GTK_WIDGET (summary), "entered-later");

  g_assert_nonnull (row);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (summary), "started-entry")), started);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (summary), "ended-entry")), ended);
}

/* An inspection typed in from a paper form: the summary takes the times
 * it took place; times refused come back with the reason and change
 * nothing; times accepted are the inspection's. */
static void
test_inspection_entered_later (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(FgInspectionWindow) window = inspect (fixture, NULL);
  g_autoptr(FgInspection) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);
  g_autofree char *day = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *started = g_strdup_printf ("%s 14:05", day);
  g_autofree char *ended = g_strdup_printf ("%s 15:20", day);
  g_autofree char *id = g_strdup (fg_inspection_get_id (fg_inspection_window_get_inspection (window)));
  GtkWindow *summary;
  GtkWidget *error_label;
  guint n = fg_inspection_window_get_n_rows (window);

  for (guint i = 0; i < n; i++)
    activate (window, "inspection.pass");
  activate (window, "inspection.finish");
  summary = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (summary);
  /* off unless switched on: an inspection is typed in as it happens */
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (find_named (GTK_WIDGET (summary),
                                                                                      "entered-later"))));

  /* the end before the start: the summary again, saying why */
  type_times (summary, ended, started);
  activate (window, "inspection.confirm-finish");
  summary = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (summary);
  error_label = find_named (GTK_WIDGET (summary), "times-error");
  g_assert_nonnull (error_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "must end after it started"));
  /* the times typed stay */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (summary), "started-entry"))), ==, ended);
  stored = fg_inspection_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_assert_false (fg_inspection_is_finished (stored));
  g_clear_object (&stored);

  type_times (summary, started, ended);
  activate (window, "inspection.confirm-finish");
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_finalize_object (g_steal_pointer (&window));

  stored = fg_inspection_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_is_finished (stored));
  started[10] = 'T';
  ended[10] = 'T';
  g_assert_true (g_str_has_prefix (fg_inspection_get_started_at (stored), started));
  g_assert_true (g_str_has_prefix (fg_inspection_get_finished_at (stored), ended));
}

static void
test_inspection_finish (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FgInspectionWindow) window = inspect (fixture, NULL);
  g_autoptr(FgInspection) stored = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) first = NULL;
  g_autofree char *id = NULL;
  g_autofree char *failed_code = NULL;
  g_autofree char *all = NULL;
  GListModel *history;
  GtkWindow *summary;
  guint n;

  g_assert_false (fg_inspection_window_get_read_only (window));
  n = fg_inspection_window_get_n_rows (window);
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);
  id = g_strdup (fg_inspection_get_id (fg_inspection_window_get_inspection (window)));
  failed_code = g_strdup (code_at (window, 0));

  /* fail stays on the item, for the note */
  activate (window, "inspection.fail");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);
  type_note (window, 0, NOTE);

  /* every choice is stored at once */
  stored = stored_draft (fixture);
  g_assert_nonnull (stored);
  g_assert_cmpstr (fg_inspection_get_id (stored), ==, id);
  g_assert_cmpint (fg_inspection_get_outcome (stored, failed_code), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_get_note (stored, failed_code), ==, NOTE);
  g_clear_object (&stored);

  /* finishing early names what is missing and goes there */
  activate (window, "inspection.next");
  activate (window, "inspection.previous");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);
  activate (window, "inspection.finish");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 1);

  /* a pass goes on to the next item */
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpuint (fg_inspection_window_get_current (window), ==, i);
      activate (window, "inspection.pass");
    }
  all = g_strdup_printf ("%u / %u", n, n);
  g_assert_cmpstr (progress (window), ==, all);

  activate (window, "inspection.finish");
  summary = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (summary);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (summary)), ==, "Finish the Inspection?");
  activate (window, "inspection.confirm-finish");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* the window goes; the inspection and its hazard stay */
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_finalize_object (g_steal_pointer (&window));

  stored = fg_inspection_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_is_finished (stored));
  g_assert_cmpuint (fg_inspection_get_n_answered (stored), ==, n);
  g_assert_null (stored_draft (fixture));

  hazards = fg_hazard_list_for_inspection (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_assert_cmpstr (fg_hazard_get_item_code (g_ptr_array_index (hazards, 0)), ==, failed_code);
  g_assert_cmpstr (fg_hazard_get_note (g_ptr_array_index (hazards, 0)), ==, NOTE);

  /* and the venue's history shows it */
  history = fg_venue_detail_get_inspections (detail (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  first = g_list_model_get_item (history, 0);
  g_assert_cmpstr (fg_inspection_get_id (first), ==, id);
  g_assert_true (fg_inspection_is_finished (first));
}

static void
test_inspection_draft (Fixture       *fixture,
                       gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  g_autoptr(FgInspection) stored = NULL;
  g_autoptr(FgInspection) listed = NULL;
  g_autofree char *id = g_strdup (fg_inspection_get_id (fg_inspection_window_get_inspection (window)));
  g_autofree char *first_code = g_strdup (code_at (window, 0));
  g_autofree char *second_code = g_strdup (code_at (window, 1));
  g_autofree char *expected = NULL;
  guint n = fg_inspection_window_get_n_rows (window);

  activate (window, "inspection.pass");
  activate (window, "inspection.fail");
  type_note (window, 1, NOTE);
  close_window (window);

  /* closing keeps the draft, and the history marks it */
  stored = stored_draft (fixture);
  g_assert_nonnull (stored);
  g_assert_cmpstr (fg_inspection_get_id (stored), ==, id);
  g_assert_cmpuint (fg_inspection_get_n_answered (stored), ==, 2);
  listed = g_list_model_get_item (fg_venue_detail_get_inspections (detail (fixture)), 0);
  g_assert_cmpstr (fg_inspection_get_id (listed), ==, id);
  g_assert_false (fg_inspection_is_finished (listed));

  /* reopening offers to continue where it stopped */
  window = inspect (fixture, "continue");
  g_assert_cmpstr (fg_inspection_get_id (fg_inspection_window_get_inspection (window)), ==, id);
  g_assert_cmpint (fg_inspection_row_get_outcome (fg_inspection_window_get_row (window, 0)), ==, FG_OUTCOME_PASS);
  g_assert_cmpint (fg_inspection_row_get_outcome (fg_inspection_window_get_row (window, 1)), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_row_get_note (fg_inspection_window_get_row (window, 1)), ==, NOTE);
  g_assert_cmpint (fg_inspection_row_get_outcome (fg_inspection_window_get_row (window, 2)), ==, FG_OUTCOME_NONE);
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 2);
  expected = g_strdup_printf ("2 / %u", n);
  g_assert_cmpstr (progress (window), ==, expected);
  g_assert_cmpint (fg_inspection_get_outcome (stored, first_code), ==, FG_OUTCOME_PASS);
  g_assert_cmpint (fg_inspection_get_outcome (stored, second_code), ==, FG_OUTCOME_FAIL);
  close_window (window);

  /* or to start over */
  window = inspect (fixture, "discard");
  g_assert_cmpstr (fg_inspection_get_id (fg_inspection_window_get_inspection (window)), !=, id);
  g_assert_cmpint (fg_inspection_row_get_outcome (fg_inspection_window_get_row (window, 0)), ==, FG_OUTCOME_NONE);
  g_assert_cmpuint (fg_inspection_get_n_answered (fg_inspection_window_get_inspection (window)), ==, 0);
  close_window (window);
}

static GtkWindow *
find_viewer (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), "fg-photo-viewer") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Waits, a second at most, for the photos being read in the background. */
static void
wait_for_photos (FgInspectionRow *row,
                 guint            n_photos)
{
  for (guint i = 0; i < 100 && fg_inspection_row_get_n_photos (row) != n_photos; i++)
    {
      fg_ui_test_spin ();
      g_usleep (10000);
    }
  fg_ui_test_spin ();
}

/* Whether a label in @widget says something with @text in it. */
static gboolean
says (GtkWidget  *widget,
      const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (says (child, text))
      return TRUE;
  return FALSE;
}

/* A photo of a failed item: attached from a file, shown small in its row,
 * there again when the draft is continued; a file that is no photo is
 * refused, and a device is refused unread. */
static void
test_inspection_photos (Fixture       *fixture,
                        gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  g_autofree char *photo_path = g_build_filename (fixture->dir.dir, "exit.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir.dir, "notes.txt", NULL);
  g_autoptr(GFile) photo = g_file_new_for_path (photo_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  FgInspectionRow *row;

  g_file_set_contents (photo_path, (const char *) fg_test_tiny_png, sizeof fg_test_tiny_png, &error);
  g_assert_no_error (error);
  g_file_set_contents (text_path, "后门上锁", -1, &error);
  g_assert_no_error (error);

  activate (window, "inspection.fail");
  row = fg_inspection_window_get_row (window, 0);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 0);

  fg_inspection_window_attach_photo_file (window, row, photo);
  wait_for_photos (row, 1);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) fg_inspection_get_photos (fg_inspection_window_get_inspection (window),
                                                                       code_at (window, 0))), ==, 1);

  /* not a photo: nothing more is attached */
  fg_inspection_window_attach_photo_file (window, row, text);
  wait_for_photos (row, 2);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);

  /* a device that never ends: refused at once, with the reason */
  {
    g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
    GtkWidget *overlay = fg_ui_test_child (window, FG_TYPE_INSPECTION_WINDOW, "toast_overlay");

    fg_inspection_window_attach_photo_file (window, row, device);
    for (guint i = 0; i < 500 && !says (overlay, "is not a photo file"); i++)
      {
        fg_ui_test_spin ();
        g_usleep (10000);
      }
    g_assert_true (says (overlay, "“zero” is not a photo file"));
    g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);
  }
  close_window (window);

  window = inspect (fixture, "continue");
  row = fg_inspection_window_get_row (window, 0);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (fg_inspection_window_get_row (window, 1)), ==, 0);

  /* its small picture shows it large, in a window Escape closes */
  {
    GtkWidget *photos = fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "photos_box");
    GtkWidget *thumbnail = gtk_widget_get_first_child (photos);
    GtkWindow *viewer;

    g_assert_true (GTK_IS_BUTTON (thumbnail));
    g_signal_emit_by_name (thumbnail, "clicked");
    fg_ui_test_spin ();
    viewer = find_viewer ();
    g_assert_nonnull (viewer);
    g_assert_true (gtk_window_get_transient_for (viewer) == GTK_WINDOW (window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "window.close", NULL));
    fg_ui_test_spin ();
    g_assert_null (find_viewer ());
  }
  close_window (window);
}

/* A click on one of a row's outcome buttons, as the person makes it. */
static void
click_outcome (FgInspectionWindow *window,
               guint               position,
               const char         *button_name)
{
  FgInspectionRow *row = fg_inspection_window_get_row (window, position);

  g_signal_emit_by_name (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, button_name), "clicked");
  fg_ui_test_spin ();
}

/* The button of a toast shown in @widget, by its label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fails the item at @position with a note and a photo, as an officer
 * records a finding. */
static void
fail_with_photo (Fixture            *fixture,
                 FgInspectionWindow *window,
                 guint               position)
{
  g_autofree char *photo_path = g_build_filename (fixture->dir.dir, "exit.png", NULL);
  g_autoptr(GFile) photo = g_file_new_for_path (photo_path);
  g_autoptr(GError) error = NULL;
  FgInspectionRow *row = fg_inspection_window_get_row (window, position);

  g_file_set_contents (photo_path, (const char *) fg_test_tiny_png, sizeof fg_test_tiny_png, &error);
  g_assert_no_error (error);
  click_outcome (window, position, "fail_button");
  type_note (window, position, NOTE);
  fg_inspection_window_attach_photo_file (window, row, photo);
  /* ten seconds at most, for a busy machine */
  for (guint i = 0; i < 10 && fg_inspection_row_get_n_photos (row) != 1; i++)
    wait_for_photos (row, 1);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);
}

/* A key answer goes on to the next item still open, over those answered
 * by a click already. */
static void
test_inspection_keys_skip_answered (Fixture       *fixture,
                                    gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  FgInspection *inspection = fg_inspection_window_get_inspection (window);

  click_outcome (window, 1, "pass_button");
  click_outcome (window, 2, "fail_button");
  type_note (window, 2, NOTE);
  activate (window, "inspection.previous");
  activate (window, "inspection.previous");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);

  activate (window, "inspection.pass");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 3);
  g_assert_cmpint (fg_inspection_get_outcome (inspection, code_at (window, 2)), ==, FG_OUTCOME_FAIL);

  /* the last open item goes round to one left open above */
  activate (window, "inspection.previous");
  activate (window, "inspection.previous");
  activate (window, "inspection.previous");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);
  click_outcome (window, 0, "pass_button");
  for (guint i = 3; i < fg_inspection_window_get_n_rows (window); i++)
    click_outcome (window, i, "pass_button");
  click_outcome (window, 1, "pass_button");
  g_assert_cmpint (fg_inspection_get_outcome (inspection, code_at (window, 1)), ==, FG_OUTCOME_PASS);
  close_window (window);
}

/* Holding "1" after finishing early passes the open items, and leaves the
 * failed one failed, with its note and photo. */
static void
test_inspection_key_keeps_failed (Fixture       *fixture,
                                  gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  FgInspection *inspection = fg_inspection_window_get_inspection (window);
  FgInspectionRow *failed = fg_inspection_window_get_row (window, 0);
  g_autofree char *code = g_strdup (code_at (window, 0));
  g_autoptr(FgInspection) stored = NULL;
  guint n = fg_inspection_window_get_n_rows (window);

  fail_with_photo (fixture, window, 0);
  activate (window, "inspection.finish");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 1);

  for (guint i = 0; i < 2 * n; i++)
    activate (window, "inspection.pass");
  g_assert_cmpuint (fg_inspection_get_n_answered (inspection), ==, n);

  /* and on the failed item itself, every key but its own */
  while (fg_inspection_window_get_current (window) > 0)
    activate (window, "inspection.previous");
  activate (window, "inspection.pass");
  activate (window, "inspection.na");
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 0);

  g_assert_cmpint (fg_inspection_row_get_outcome (failed), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_row_get_note (failed), ==, NOTE);
  stored = stored_draft (fixture);
  g_assert_cmpint (fg_inspection_get_outcome (stored, code), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_get_note (stored, code), ==, NOTE);
  g_assert_cmpuint (g_strv_length ((char **) fg_inspection_get_photos (stored, code)), ==, 1);
  close_window (window);
}

/* A click on Pass changes a failed item, and its toast's Undo puts back
 * the outcome with the note and the photo. */
static void
test_inspection_click_pass_undo (Fixture       *fixture,
                                 gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  FgInspectionRow *row = fg_inspection_window_get_row (window, 0);
  g_autofree char *code = g_strdup (code_at (window, 0));
  GtkWidget *overlay = fg_ui_test_child (window, FG_TYPE_INSPECTION_WINDOW, "toast_overlay");
  g_autoptr(FgInspection) stored = NULL;

  fail_with_photo (fixture, window, 0);
  g_assert_null (find_button (overlay, "_Undo"));

  click_outcome (window, 0, "pass_button");
  stored = stored_draft (fixture);
  g_assert_cmpint (fg_inspection_get_outcome (stored, code), ==, FG_OUTCOME_PASS);
  g_clear_object (&stored);
  g_assert_cmpint (fg_inspection_row_get_outcome (row), ==, FG_OUTCOME_PASS);
  /* after "Photo attached", which stays three seconds */
  for (guint i = 0; i < 200 && find_button (overlay, "_Undo") == NULL; i++)
    {
      g_usleep (50000);
      fg_ui_test_spin ();
    }
  g_assert_nonnull (find_button (overlay, "_Undo"));
  /* Clicked as a person would, once the toast has come in: libadwaita
   * 1.2 frees a toast dismissed in the first 200 ms of its coming in
   * while another goes out, and then reads it again (fixed in 1.3). */
  for (guint i = 0; i < 15; i++)
    {
      g_usleep (50000);
      fg_ui_test_spin ();
    }

  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");
  fg_ui_test_spin ();

  g_assert_cmpint (fg_inspection_row_get_outcome (row), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_row_get_note (row), ==, NOTE);
  g_assert_cmpuint (fg_inspection_row_get_n_photos (row), ==, 1);
  stored = stored_draft (fixture);
  g_assert_cmpint (fg_inspection_get_outcome (stored, code), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_get_note (stored, code), ==, NOTE);
  g_assert_cmpuint (g_strv_length ((char **) fg_inspection_get_photos (stored, code)), ==, 1);

  /* a pass of an item that had not failed offers nothing to undo */
  g_clear_object (&stored);
  click_outcome (window, 1, "pass_button");
  click_outcome (window, 1, "fail_button");
  type_note (window, 1, NOTE);
  click_outcome (window, 1, "na_button");
  g_assert_cmpint (fg_inspection_row_get_outcome (fg_inspection_window_get_row (window, 1)), ==,
                   fg_checklist_item_get_na_allowed (fg_inspection_row_get_item (fg_inspection_window_get_row (window, 1)))
                   ? FG_OUTCOME_NA : FG_OUTCOME_FAIL);
  close_window (window);
}

/* A pass with a note or photo is asked about before the summary: going
 * back shows it, confirming goes on to finish. */
static void
test_inspection_pass_with_note_questioned (Fixture       *fixture,
                                           gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  guint n = fg_inspection_window_get_n_rows (window);
  GtkWindow *dialog;

  fail_with_photo (fixture, window, 2);
  click_outcome (window, 2, "pass_button");
  for (guint i = 0; i < n; i++)
    if (i != 2)
      click_outcome (window, i, "pass_button");
  g_assert_cmpuint (fg_inspection_get_n_answered (fg_inspection_window_get_inspection (window)), ==, n);

  activate (window, "inspection.finish");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Did This Item Pass?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "back");
  respond (dialog, "back");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fg_inspection_window_get_current (window), ==, 2);

  activate (window, "inspection.finish");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Did This Item Pass?");
  respond (dialog, "passed");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Finish the Inspection?");
  respond (dialog, "cancel");
  close_window (window);
}

static void
test_inspection_village_reads_only (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *button = fg_ui_test_child (detail (fixture), FG_TYPE_VENUE_DETAIL, "inspect_button");

  g_assert_false (fg_actor_can (fixture->actor, FG_ACTION_INSPECTION_RECORD));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.inspect-venue", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_null (stored_draft (fixture));
}

static void
test_inspection_admin_may_inspect (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *button = fg_ui_test_child (detail (fixture), FG_TYPE_VENUE_DETAIL, "inspect_button");

  g_assert_true (gtk_widget_get_sensitive (button));
}

static void
test_inspection_finished_read_only (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(FgVenue) venue = find_venue (fixture, TRUE);
  g_autoptr(FgInspection) finished = NULL;
  FgInspectionWindow *window;
  FgInspectionRow *row;
  GListModel *history;
  GtkWidget *list;
  GtkListBoxRow *history_row;
  FgOutcome before;
  guint n_duties = 0;

  show_venue (fixture, venue);
  history = fg_venue_detail_get_inspections (detail (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);
  finished = g_list_model_get_item (history, 0);
  g_assert_true (fg_inspection_is_finished (finished));

  /* activating the history's row opens it */
  list = fg_ui_test_child (detail (fixture), FG_TYPE_VENUE_DETAIL, "inspection_list");
  history_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (history_row);
  g_signal_emit_by_name (history_row, "activate");
  fg_ui_test_spin ();

  window = FG_INSPECTION_WINDOW (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_nonnull (window);
  g_object_ref (window);
  g_assert_cmpstr (fg_inspection_get_id (fg_inspection_window_get_inspection (window)), ==,
                   fg_inspection_get_id (finished));
  g_assert_true (fg_inspection_window_get_read_only (window));
  g_assert_false (gtk_widget_get_visible (fg_ui_test_child (window, FG_TYPE_INSPECTION_WINDOW, "finish_button")));

  for (guint i = 0; i < fg_inspection_window_get_n_rows (window); i++)
    {
      row = fg_inspection_window_get_row (window, i);
      /* a duty of every venue is never offered as not applicable */
      g_assert_cmpint (gtk_widget_get_visible (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "na_button")), ==,
                       fg_checklist_item_get_na_allowed (fg_inspection_row_get_item (row)));
      n_duties += !fg_checklist_item_get_na_allowed (fg_inspection_row_get_item (row));
      g_assert_cmpint (fg_inspection_row_get_outcome (row), !=, FG_OUTCOME_NONE);
      g_assert_false (gtk_widget_get_sensitive (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "pass_button")));
      g_assert_false (gtk_widget_get_sensitive (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "fail_button")));
      g_assert_false (gtk_widget_get_sensitive (fg_ui_test_child (row, FG_TYPE_INSPECTION_ROW, "na_button")));
    }

  g_assert_cmpuint (n_duties, >, 0);

  /* the keys do nothing to it */
  row = fg_inspection_window_get_row (window, 0);
  before = fg_inspection_row_get_outcome (row);
  gtk_widget_activate_action (GTK_WIDGET (window), before == FG_OUTCOME_PASS ? "inspection.fail" : "inspection.pass", NULL);
  fg_ui_test_spin ();
  g_assert_cmpint (fg_inspection_row_get_outcome (row), ==, before);

  close_window (window);
}

/* The position of the choice that starts with @prefix. */
static guint
choice_starting (AdwComboRow *row,
                 const char  *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      return i;
  g_error ("no choice starts with “%s”", prefix);
}

/* The Finish dialog offers the township's officers as the second
 * inspector, each with their certificate number: one chosen is stored
 * with the inspection at once; one without a number is refused there,
 * said so under the choice, and the inspector stays alone. */
static void
test_inspection_second_inspector (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(FgInspectionWindow) window = inspect (fixture, NULL);
  g_autoptr(FgAccount) novice = NULL;
  g_autoptr(FgInspection) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (fg_inspection_get_id (fg_inspection_window_get_inspection (window)));
  GtkWindow *summary;
  AdwComboRow *row;
  GtkWidget *error_label;
  guint staff, none;

  /* an officer whose certificate number is not entered yet */
  novice = fg_account_create (fixture->store, fixture->actor, "novice", "孙新", FG_ROLE_TOWNSHIP_STAFF,
                              fg_store_get_home_region_id (fixture->store), "novice-password-1", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < fg_inspection_window_get_n_rows (window); i++)
    activate (window, "inspection.pass");
  activate (window, "inspection.finish");
  summary = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (summary);
  row = ADW_COMBO_ROW (find_named (GTK_WIDGET (summary), "second-inspector"));
  g_assert_nonnull (row);
  error_label = g_object_get_data (G_OBJECT (row), "fg-error-label");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), 0), ==,
                   "None: I inspected alone");

  staff = choice_starting (row, "李明 · certificate 演示-");
  adw_combo_row_set_selected (row, staff);
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_inspection_get_second_inspector (fg_inspection_window_get_inspection (window)), ==, "staff");
  g_assert_false (gtk_widget_get_visible (error_label));

  none = choice_starting (row, "孙新 · no certificate number");
  adw_combo_row_set_selected (row, none);
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_null (fg_inspection_get_second_inspector (fg_inspection_window_get_inspection (window)));

  /* chosen again, it is the record's second inspector */
  adw_combo_row_set_selected (row, staff);
  fg_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (error_label));
  activate (window, "inspection.confirm-finish");
  g_assert_null (fg_ui_test_find_window (FG_TYPE_INSPECTION_WINDOW));
  g_assert_finalize_object (g_steal_pointer (&window));

  stored = fg_inspection_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_is_finished (stored));
  g_assert_cmpstr (fg_inspection_get_second_inspector (stored), ==, "staff");
  g_assert_cmpstr (fg_inspection_get_second_inspector_name (stored), ==, "李明");
}

static gboolean
on_waited (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The widget of @type under @root whose child, or child's child, is of
 * @child_type; or any of @type when @child_type is 0. */
static GtkWidget *
find_typed (GtkWidget *root,
            GType      type,
            GType      child_type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      GtkWidget *child = gtk_widget_get_first_child (root);
      GtkWidget *grandchild = child != NULL ? gtk_widget_get_first_child (child) : NULL;

      if (child_type == 0 || (child != NULL && G_TYPE_CHECK_INSTANCE_TYPE (child, child_type)) ||
          (grandchild != NULL && G_TYPE_CHECK_INSTANCE_TYPE (grandchild, child_type)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_typed (child, type, child_type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under @root whose text starts with @prefix. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Four failed items and two not applicable: the summary's counts keep
 * each word on one line (不适用 is never split), and its list of the
 * hazards to record is shown whole, not cut to a few rows, when the
 * window has room for it (on a 1366×768 screen, four hazards). */
static void
test_inspection_summary_whole (Fixture       *fixture,
                               gconstpointer  data)
{
  FgInspectionWindow *window = inspect (fixture, NULL);
  guint n = fg_inspection_window_get_n_rows (window);
  GtkWindow *summary;
  GtkWidget *scrolled;
  GtkWidget *hazards;
  gboolean waited = FALSE;
  int natural;
  guint n_hazards = 0;
  guint n_na = 0;

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (fg_inspection_window_get_current (window), ==, i);
      if (i < 4)
        {
          activate (window, "inspection.fail");
          type_note (window, i, NOTE);
        }
      else
        {
          FgInspection *inspection = fg_inspection_window_get_inspection (window);

          /* not every item may be not applicable */
          if (n_na < 2)
            activate (window, "inspection.na");
          if (fg_inspection_get_outcome (inspection, code_at (window, i)) == FG_OUTCOME_NA)
            n_na++;
          else if (fg_inspection_get_outcome (inspection, code_at (window, i)) == FG_OUTCOME_NONE)
            activate (window, "inspection.pass");
          g_assert_cmpint (fg_inspection_get_outcome (inspection, code_at (window, i)), !=, FG_OUTCOME_NONE);
        }
      if (i + 1 < n && fg_inspection_window_get_current (window) == i)
        activate (window, "inspection.next");
    }

  g_assert_cmpuint (n_na, ==, 2);
  activate (window, "inspection.finish");
  summary = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (summary);
  /* the list is fitted to its rows once the dialog is drawn */
  g_timeout_add (500, on_waited, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  fg_ui_test_spin ();

  for (guint i = 0; i < 3; i++)
    {
      static const FgOutcome outcomes[] = { FG_OUTCOME_PASS, FG_OUTCOME_FAIL, FG_OUTCOME_NA };
      GtkLabel *count = find_label (GTK_WIDGET (summary), fg_outcome_get_label (outcomes[i]));

      g_assert_nonnull (count);
      g_test_message ("count %s", gtk_label_get_text (count));
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (count)), ==, 1);
    }

  scrolled = find_typed (GTK_WIDGET (summary), GTK_TYPE_SCROLLED_WINDOW, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (scrolled);
  hazards = find_typed (scrolled, GTK_TYPE_LIST_BOX, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (hazards); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_hazards += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_hazards, ==, 4);
  gtk_widget_measure (hazards, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (scrolled), NULL, &natural, NULL, NULL);
  g_test_message ("hazards %d high, shown %d; the dialog %d high, its window %d", natural,
                  gtk_widget_get_height (scrolled), gtk_widget_get_height (GTK_WIDGET (summary)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_height (scrolled), >=, natural);

  respond (summary, "cancel");
  close_window (window);
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

  g_test_add ("/ui/inspection/finish", Fixture, NULL,
              fixture_set_up, test_inspection_finish, fixture_tear_down);
  g_test_add ("/ui/inspection/summary-whole", Fixture, NULL,
              fixture_set_up, test_inspection_summary_whole, fixture_tear_down);
  g_test_add ("/ui/inspection/second-inspector", Fixture, NULL,
              fixture_set_up, test_inspection_second_inspector, fixture_tear_down);
  g_test_add ("/ui/inspection/entered-later", Fixture, NULL,
              fixture_set_up, test_inspection_entered_later, fixture_tear_down);
  g_test_add ("/ui/inspection/photos", Fixture, NULL,
              fixture_set_up, test_inspection_photos, fixture_tear_down);
  g_test_add ("/ui/inspection/draft", Fixture, NULL,
              fixture_set_up, test_inspection_draft, fixture_tear_down);
  g_test_add ("/ui/inspection/keys-skip-answered", Fixture, NULL,
              fixture_set_up, test_inspection_keys_skip_answered, fixture_tear_down);
  g_test_add ("/ui/inspection/key-keeps-failed", Fixture, NULL,
              fixture_set_up, test_inspection_key_keeps_failed, fixture_tear_down);
  g_test_add ("/ui/inspection/click-pass-undo", Fixture, NULL,
              fixture_set_up, test_inspection_click_pass_undo, fixture_tear_down);
  g_test_add ("/ui/inspection/pass-with-note-questioned", Fixture, NULL,
              fixture_set_up, test_inspection_pass_with_note_questioned, fixture_tear_down);
  g_test_add ("/ui/inspection/admin-may-inspect", Fixture, NULL,
              fixture_set_up, test_inspection_admin_may_inspect, fixture_tear_down);
  g_test_add ("/ui/inspection/village-reads-only", Fixture, "village",
              fixture_set_up, test_inspection_village_reads_only, fixture_tear_down);
  g_test_add ("/ui/inspection/finished-read-only", Fixture, NULL,
              fixture_set_up, test_inspection_finished_read_only, fixture_tear_down);

  return g_test_run ();
}
