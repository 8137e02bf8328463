/* test-history.c — a record's change history, from the audit log
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-hazard-page.h"
#include "fg-history-window.h"
#include "fg-venue-detail.h"
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
  g_assert_null (fg_ui_test_find_window (FG_TYPE_HISTORY_WINDOW));
  g_clear_pointer (&fixture->actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static FgVenue *
first_venue (Fixture *fixture)
{
  GListModel *venues = G_LIST_MODEL (fg_venue_page_get_venue_list (fg_window_get_venue_page (fixture->window)));

  g_assert_cmpuint (g_list_model_get_n_items (venues), >, 0);
  return g_list_model_get_item (venues, 0);
}

static GtkWidget *
detail_history_button (Fixture *fixture)
{
  FgVenuePage *page = fg_window_get_venue_page (fixture->window);
  GtkWidget *detail = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "detail");

  return fg_ui_test_child (detail, FG_TYPE_VENUE_DETAIL, "history_button");
}

/* Whether a row of the history says @text, in its title or subtitle. */
static gboolean
history_mentions (FgHistoryWindow *history,
                  const char      *text)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fg_history_window_get_list_box (history)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;
      if (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) != NULL)
        return TRUE;
      if (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL &&
          strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_history_venue (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FgVenue) listed = first_venue (fixture);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *change = NULL;
  FgHistoryWindow *history;
  const char *id = fg_venue_get_id (listed);

  venue = fg_venue_load (fixture->store, fixture->actor, id, &error);
  g_assert_no_error (error);
  old_name = g_strdup (fg_venue_get_name (venue));
  new_name = g_strconcat (old_name, "（新址）", NULL);
  fg_venue_set_name (venue, new_name);
  fg_venue_save (fixture->store, fixture->actor, venue, &error);
  g_assert_no_error (error);

  /* the administrator is offered the history in the details */
  fg_venue_page_show_venue (fg_window_get_venue_page (fixture->window), venue);
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (detail_history_button (fixture)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", "s", id));
  fg_ui_test_spin ();
  history = FG_HISTORY_WINDOW (fg_ui_test_find_window (FG_TYPE_HISTORY_WINDOW));
  g_assert_nonnull (history);
  g_object_ref (history);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (history)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (fg_history_window_get_record_id (history), ==, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Change History");

  /* registered, then changed: the change first, with the new name */
  g_assert_cmpuint (fg_history_window_get_n_entries (history), >=, 2);
  g_assert_true (history_mentions (history, new_name));
  g_assert_true (history_mentions (history, "Venue changed"));
  change = g_strdup_printf ("Name: %s → %s", old_name, new_name);
  g_assert_true (history_mentions (history, change));
  {
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (fg_history_window_get_list_box (history)));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Venue changed");
    /* by whom: the person's name, with the login used */
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), " · 张伟 (admin)"));
  }

  gtk_window_destroy (GTK_WINDOW (history));
  fg_ui_test_spin ();
  g_assert_finalize_object (history);
}

static void
test_history_hazard (Fixture       *fixture,
                     gconstpointer  data)
{
  FgHazardPage *page = fg_window_get_hazard_page (fixture->window);
  GtkWidget *button = fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "history_button");
  FgHistoryWindow *history;
  FgHazard *shown;
  GVariant *target;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "hazards"));
  fg_hazard_page_select (page, 0);
  fg_ui_test_spin ();
  shown = fg_hazard_page_get_shown_hazard (page);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_visible (button));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, fg_hazard_get_id (shown));

  /* what the button does */
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
  history = FG_HISTORY_WINDOW (fg_ui_test_find_window (FG_TYPE_HISTORY_WINDOW));
  g_assert_nonnull (history);
  g_object_ref (history);
  g_assert_cmpstr (fg_history_window_get_record_id (history), ==, fg_hazard_get_id (shown));
  /* the inspection that found it */
  g_assert_cmpuint (fg_history_window_get_n_entries (history), >=, 1);
  g_assert_true (history_mentions (history, "Hazard found"));

  gtk_window_destroy (GTK_WINDOW (history));
  fg_ui_test_spin ();
  g_assert_finalize_object (history);
}

static void
test_history_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FgVenue) venue = first_venue (fixture);

  /* a village committee may not read the audit log: not offered */
  fg_venue_page_show_venue (fg_window_get_venue_page (fixture->window), venue);
  fg_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (detail_history_button (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", "s", fg_venue_get_id (venue));
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_HISTORY_WINDOW));
}

/* Whether @widget or a widget inside it is a label saying @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

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
  g_assert_true (fg_node_add_peer (store, actor, peer, &error));
  g_assert_no_error (error);
}

/* At the county, a venue's history is what the township did to it, from
 * the township's audit log that came up with its bundle: marked with the
 * township's name. */
static void
test_history_other_office (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FgVenue) listed = first_venue (fixture);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgStore) county = NULL;
  g_autoptr(FgAccount) county_account = NULL;
  g_autoptr(FgActor) county_admin = NULL;
  g_autoptr(FgNodeInfo) county_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *new_name = NULL;
  g_auto(FgTestDir) dir = { 0 };
  FgHistoryWindow *history;
  GtkWidget *first;

  fg_test_dir_init (&dir);
  county = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  county_account = fg_office_set_up_county_with_admin (county, "410425", "郏县", "guo", "郭晓东",
                                                       "long-password", &error);
  g_assert_no_error (error);
  county_admin = fg_account_login (county, "guo", "long-password", &error);
  g_assert_no_error (error);
  trust (county, county_admin, fixture->store, fixture->actor);
  trust (fixture->store, fixture->actor, county, county_admin);
  county_node = fg_node_get_self (county, county_admin, &error);
  g_assert_no_error (error);

  venue = fg_venue_load (fixture->store, fixture->actor, fg_venue_get_id (listed), &error);
  g_assert_no_error (error);
  new_name = g_strconcat (fg_venue_get_name (venue), "（新址）", NULL);
  fg_venue_set_name (venue, new_name);
  fg_venue_save (fixture->store, fixture->actor, venue, &error);
  g_assert_no_error (error);

  bundle = g_build_filename (dir.dir, "up.fgbundle", NULL);
  g_assert_true (fg_bundle_export (fixture->store, fixture->actor, county_node->id, bundle, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (county, county_admin, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  history = g_object_ref (fg_history_window_new (NULL, county, county_admin, fg_venue_get_id (venue), new_name));
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_history_window_get_n_entries (history), >=, 2);
  g_assert_true (history_mentions (history, "Venue registered"));
  first = gtk_widget_get_first_child (GTK_WIDGET (fg_history_window_get_list_box (history)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Venue changed");
  g_assert_true (history_mentions (history, new_name));
  g_assert_true (has_label (first, "冢头镇"));
  /* the township's administrator, whom the county has no account of, by
   * the login the township's log gives */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), " · admin\n"));

  gtk_window_destroy (GTK_WINDOW (history));
  fg_ui_test_spin ();
  g_assert_finalize_object (history);
  g_clear_object (&county);
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

  g_test_add ("/ui/history/venue", Fixture, "admin", fixture_set_up, test_history_venue, fixture_tear_down);
  g_test_add ("/ui/history/hazard", Fixture, "admin", fixture_set_up, test_history_hazard, fixture_tear_down);
  g_test_add ("/ui/history/other-office", Fixture, "admin", fixture_set_up, test_history_other_office,
              fixture_tear_down);
  g_test_add ("/ui/history/refused", Fixture, "village", fixture_set_up, test_history_refused, fixture_tear_down);

  return g_test_run ();
}

