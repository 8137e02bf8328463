/* test-notices.c — the documents page and the document settings in the preferences
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-notice-page.h"
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
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

/* A hazard found just now by the grid worker at the first venue: open,
 * whatever the demo's weeks of history left open. */
static char *
fresh_hazard (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) grid = fg_ui_test_login (fixture->store, "grid");
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = fg_venue_query_fetch (fixture->store, grid, query, 0, 1, &error);
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;

  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  inspection = fg_inspection_start (fixture->store, grid, fg_venue_get_id (g_ptr_array_index (venues, 0)),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      gboolean fail = g_str_equal (code, "C-EXT-01");

      fg_inspection_record (fixture->store, grid, inspection, code, fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS,
                            fail ? "现场检查发现" : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (fixture->store, grid, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (fixture->store, fixture->actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
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

/* What clicking a dialog's button does: its response, and it closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
}

/* An order to correct at once, issued today, is checked on the spot from
 * the documents: the button shows for it alone, the time is asked and
 * checked, and its hazard is closed. */
static void
test_notices_on_spot (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = fresh_hazard (fixture);
  const char * const ids[] = { id, NULL };
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_NOW, .hazard_ids = ids };
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(GError) error = NULL;
  FgNoticePage *notices = fg_window_get_notice_page (fixture->window);
  GtkWidget *button = fg_ui_test_child (notices, FG_TYPE_NOTICE_PAGE, "on_spot_button");
  FgNotice *by_deadline = NULL;
  GtkWindow *dialog;
  GtkEditable *time;

  /* not for an order with a deadline */
  demo = fg_notice_list (fixture->store, fixture->actor, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < demo->len && by_deadline == NULL; i++)
    if (fg_notice_get_kind (g_ptr_array_index (demo, i)) == FG_NOTICE_KIND_CORRECT_BY_DEADLINE &&
        !fg_notice_get_voided (g_ptr_array_index (demo, i)))
      by_deadline = g_ptr_array_index (demo, i);
  g_assert_nonnull (by_deadline);
  g_assert_true (fg_notice_page_show_notice (notices, fg_notice_get_id (by_deadline)));
  fg_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (button));
  gtk_widget_activate_action (GTK_WIDGET (notices), "notice.corrected-on-spot", NULL);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  order = fg_notice_issue (fixture->store, fixture->actor, &request, &error);
  g_assert_no_error (error);
  fg_notice_page_reload (notices);
  g_assert_true (fg_notice_page_show_notice (notices, fg_notice_get_id (order)));
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_RECTIFYING);

  /* a time that is none: asked again, nothing recorded */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notices), "notice.corrected-on-spot", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  time = g_object_get_data (G_OBJECT (dialog), "fg-time");
  gtk_editable_set_text (time, "25:00");
  respond (dialog, "record");
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_RECTIFYING);

  time = g_object_get_data (G_OBJECT (dialog), "fg-time");
  g_assert_cmpstr (gtk_editable_get_text (time), ==, "25:00");
  gtk_editable_set_text (time, "10:35");
  respond (dialog, "record");
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (stored_state (fixture, id), ==, FG_HAZARD_STATE_CLOSED);
  /* done: not offered again */
  g_assert_false (gtk_widget_get_visible (button));
}

/* The entry row titled @title under @widget, depth first. */
static GtkEditable *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The document settings are a page of the preferences: each row saves the
 * setting it shows when applied (Enter, or its tick); a row the core
 * refuses is marked and stays as typed, saving nothing; a row typed but
 * not applied is saved when the window closes. */
static void
test_notices_document_settings (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(FgNoticeSettings) before = NULL;
  g_autoptr(FgNoticeSettings) after = NULL;
  g_autoptr(FgNoticeSettings) refused = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *prefs;
  GtkEditable *brigade, *court, *basis, *code, *voice, *review;

  before = fg_notice_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  fg_ui_test_spin ();
  prefs = fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "documents");

  brigade = find_entry_row (GTK_WIDGET (prefs), "Fire-rescue brigade for major hazards (郏县消防救援大队)");
  court = find_entry_row (GTK_WIDGET (prefs), "Court for administrative suits (郏县人民法院)");
  basis = find_entry_row (GTK_WIDGET (prefs), "Legal basis of orders (without 根据)");
  code = find_entry_row (GTK_WIDGET (prefs), "Code: Transfer to a police station or regulator");
  voice = find_entry_row (GTK_WIDGET (prefs), "The office in the text (我镇, 本机关)");
  review = find_entry_row (GTK_WIDGET (prefs), "Administrative review body (郏县人民政府)");
  g_assert_nonnull (brigade);
  g_assert_nonnull (court);
  g_assert_nonnull (basis);
  g_assert_nonnull (code);
  g_assert_nonnull (voice);
  g_assert_nonnull (review);
  g_assert_cmpstr (gtk_editable_get_text (brigade), ==, before->brigade);
  g_assert_cmpstr (gtk_editable_get_text (code), ==, before->codes[FG_NOTICE_KIND_TRANSFER]);

  gtk_editable_set_text (brigade, "平顶山市郏县消防救援大队");
  g_signal_emit_by_name (brigade, "apply");
  gtk_editable_set_text (basis, "  《中华人民共和国消防法》第五十三条  ");
  g_signal_emit_by_name (basis, "apply");
  gtk_editable_set_text (code, "消移送");
  g_signal_emit_by_name (code, "apply");
  g_assert_cmpstr (gtk_editable_get_text (basis), ==, "《中华人民共和国消防法》第五十三条");

  /* the office's voice with digits is refused: marked, kept, not saved */
  gtk_editable_set_text (voice, "我镇1");
  g_signal_emit_by_name (voice, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (voice), "error"));
  g_assert_cmpstr (gtk_editable_get_text (voice), ==, "我镇1");
  refused = fg_notice_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (refused->self_name, ==, before->self_name);
  g_assert_cmpstr (refused->brigade, ==, "平顶山市郏县消防救援大队");
  gtk_editable_set_text (voice, before->self_name);

  /* typed, not applied: saved on closing */
  gtk_editable_set_text (court, "平顶山市新华区人民法院");
  gtk_window_close (prefs);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW));

  after = fg_notice_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->brigade, ==, "平顶山市郏县消防救援大队");
  g_assert_cmpstr (after->court, ==, "平顶山市新华区人民法院");
  g_assert_cmpstr (after->authority_basis, ==, "《中华人民共和国消防法》第五十三条");
  g_assert_cmpstr (after->codes[FG_NOTICE_KIND_TRANSFER], ==, "消移送");
  /* and the rest as they were */
  g_assert_cmpstr (after->issuer_name, ==, before->issuer_name);
  g_assert_cmpstr (after->review_body, ==, before->review_body);
  g_assert_cmpstr (after->self_name, ==, before->self_name);
  g_assert_cmpstr (after->codes[FG_NOTICE_KIND_MAJOR_HAZARD_LETTER], ==, before->codes[FG_NOTICE_KIND_MAJOR_HAZARD_LETTER]);

  /* a refused row typed but not applied keeps the window open once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  fg_ui_test_spin ();
  prefs = fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW);
  review = find_entry_row (GTK_WIDGET (prefs), "Administrative review body (郏县人民政府)");
  gtk_editable_set_text (review, "县");
  gtk_window_close (prefs);
  fg_ui_test_spin ();
  g_assert_true (fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW) == prefs);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (review), "error"));
  gtk_window_close (prefs);
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW));
  g_clear_pointer (&after, fg_notice_settings_free);
  after = fg_notice_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->review_body, ==, before->review_body);
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

  g_test_add ("/ui/notices/on-spot", Fixture, NULL,
              fixture_set_up, test_notices_on_spot, fixture_tear_down);
  g_test_add ("/ui/notices/document-settings", Fixture, NULL,
              fixture_set_up, test_notices_document_settings, fixture_tear_down);

  return g_test_run ();
}
