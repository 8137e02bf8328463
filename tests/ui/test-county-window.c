/* test-county-window.c — a county office's window: its townships in the
 * sidebar, its supervision of escalated hazards, and the township's reply
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-event-dialog.h"
#include "fg-hazard-item.h"
#include "fg-hazard-page.h"
#include "fg-notice-page.h"
#include "fg-region-item.h"
#include "fg-region-sidebar.h"
#include "fg-bar-chart.h"
#include "fg-stats-page.h"
#include "fg-township-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define PASSWORD "long-password"
#define INSTRUCTION "十日内整改完毕，书面报告县安委办"
#define REPLY "已责令停业整改，12月18日复查"

typedef struct
{
  FgTestDir county_dir;
  FgTestDir demo_dir;    /* 冢头镇, the demo township */
  FgTestDir second_dir;  /* 薛店镇: one venue, one hazard */
  FgStore *county;
  FgStore *demo;
  FgStore *second;
  FgActor *county_admin;
  FgActor *demo_admin;
  FgActor *second_admin;
  FgWindow *window;
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

/* A bundle from @from to @to, written in @dir and imported. */
static void
send (FgStore    *from,
      FgActor    *from_actor,
      FgStore    *to,
      FgActor    *to_actor,
      const char *dir)
{
  g_autoptr(FgNodeInfo) addressee = fg_node_get_self (to, to_actor, NULL);
  g_autofree char *path = g_build_filename (dir, "bundle.fgbundle", NULL);
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  fg_bundle_export (from, from_actor, addressee->id, path, &report, NULL, &error);
  g_assert_no_error (error);
  fg_bundle_import (to, to_actor, path, FALSE, &report, NULL, &error);
  g_assert_no_error (error);
}

/* 薛店镇: one venue, inspected, its first item failed. */
static void
second_township_new (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
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
  account = fg_account_create (fixture->second, installer, "admin", "李强", FG_ROLE_TOWNSHIP_ADMIN,
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

  /* its hazard ordered corrected by a deadline: a document, and a hazard
   * being corrected that nobody escalated */
  {
    g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
    g_autoptr(GPtrArray) hazards = fg_hazard_query_fetch (fixture->second, fixture->second_admin, query, 0, 10, &error);
    g_autoptr(FgNotice) notice = NULL;
    g_autoptr(GDate) later = g_date_new ();
    g_autofree char *deadline = NULL;
    const char *ids[2] = { NULL, NULL };
    FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE, .hazard_ids = ids };

    g_assert_no_error (error);
    g_assert_cmpuint (hazards->len, ==, 1);
    ids[0] = fg_hazard_get_id (g_ptr_array_index (hazards, 0));
    g_date_set_time_t (later, time (NULL));
    g_date_add_days (later, 20);
    deadline = fg_calendar_format_date (later);
    request.deadline = deadline;
    notice = fg_notice_issue (fixture->second, fixture->second_admin, &request, &error);
    g_assert_no_error (error);
  }
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

  trust (fixture->county, fixture->county_admin, fixture->demo, fixture->demo_admin);
  trust (fixture->demo, fixture->demo_admin, fixture->county, fixture->county_admin);
  trust (fixture->county, fixture->county_admin, fixture->second, fixture->second_admin);
  trust (fixture->second, fixture->second_admin, fixture->county, fixture->county_admin);
  send (fixture->demo, fixture->demo_admin, fixture->county, fixture->county_admin, fixture->demo_dir.dir);
  send (fixture->second, fixture->second_admin, fixture->county, fixture->county_admin, fixture->second_dir.dir);
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture);
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

static FgHazardPage *
open_window (Fixture *fixture,
             FgStore *store,
             FgActor *actor)
{
  close_window (fixture);
  fixture->window = g_object_ref (fg_window_new (NULL, store, actor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_ui_test_spin ();
  fg_window_set_page (fixture->window, "hazards");
  fg_ui_test_spin ();
  return fg_window_get_hazard_page (fixture->window);
}

/* The widget below @widget named @name, or the button for @action. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             const char *name,
             const char *action)
{
  if ((name != NULL && g_strcmp0 (gtk_widget_get_name (widget), name) == 0) ||
      (action != NULL && GTK_IS_ACTIONABLE (widget) &&
       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label below @widget that reads @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the page offers the button for @action. */
static gboolean
offers (FgHazardPage *page,
        const char   *action)
{
  GtkWidget *button = find_widget (GTK_WIDGET (page), NULL, action);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (gtk_widget_get_parent (button)) && gtk_widget_get_sensitive (button);
}

static const char *
row_subtitle (FgHazardPage *page,
              const char   *name)
{
  GtkWidget *row = find_widget (GTK_WIDGET (page), name, NULL);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

/* Shows the hazard @id in the ledger, unfiltered. */
static void
show_hazard (FgHazardPage *page,
             const char   *id)
{
  GListModel *model = fg_hazard_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FgHazardItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (fg_hazard_get_id (fg_hazard_item_get_hazard (item)), id) == 0)
        {
          fg_hazard_page_select (page, i);
          fg_ui_test_spin ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* The event's dialog, filled in and answered. */
static void
answer_dialog (const char *note,
               const char *deadline)
{
  FgEventDialog *dialog = FG_EVENT_DIALOG (fg_ui_test_find_window (FG_TYPE_EVENT_DIALOG));
  GtkWidget *deadline_row;

  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "note_row")), note);
  deadline_row = fg_ui_test_child (dialog, FG_TYPE_EVENT_DIALOG, "deadline_row");
  g_assert_cmpint (gtk_widget_get_visible (deadline_row), ==, deadline != NULL);
  if (deadline != NULL)
    gtk_editable_set_text (GTK_EDITABLE (deadline_row), deadline);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  fg_ui_test_spin ();
}

/* The county's townships side by side in the sidebar; choosing one
 * narrows the ledger to its hazards. */
static void
test_county_sidebar (Fixture       *fixture,
                     gconstpointer  data)
{
  FgHazardPage *page = open_window (fixture, fixture->county, fixture->county_admin);
  FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);
  GListModel *rows = G_LIST_MODEL (fg_region_sidebar_get_selection (sidebar));
  GListModel *ledger = fg_hazard_page_get_model (page);
  guint all = g_list_model_get_n_items (ledger);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *second_id = NULL;
  g_autofree char *demo_id = NULL;
  guint n_demo;

  /* the county at the top, its two townships below */
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      FgRegion *region = fg_region_item_get_region (gtk_tree_list_row_get_item (row));

      if (i == 0)
        g_assert_cmpint (fg_region_get_level (region), ==, FG_REGION_LEVEL_COUNTY);
      if (fg_region_get_level (region) != FG_REGION_LEVEL_TOWNSHIP)
        continue;
      g_ptr_array_add (names, g_strdup (fg_region_get_name (region)));
      if (g_str_equal (fg_region_get_name (region), "薛店镇"))
        second_id = g_strdup (fg_region_get_id (region));
      else
        demo_id = g_strdup (fg_region_get_id (region));
    }
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_nonnull (second_id);
  g_assert_nonnull (demo_id);

  /* one township, then the other: each its own rows */
  g_assert_true (fg_region_sidebar_select_region (sidebar, second_id));
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (ledger), ==, 1);
  {
    g_autoptr(FgHazardItem) item = g_list_model_get_item (ledger, 0);

    g_assert_cmpstr (fg_hazard_get_venue_name (fg_hazard_item_get_hazard (item)), ==, "薛店超市");
  }
  g_assert_true (fg_region_sidebar_select_region (sidebar, demo_id));
  fg_ui_test_spin ();
  n_demo = g_list_model_get_n_items (ledger);
  g_assert_cmpuint (n_demo, >, 1);
  g_assert_cmpuint (n_demo + 1, ==, all);
}

/* An escalated hazard at the county: 挂牌督办, no 上报; where it went, by
 * name; the instruction recorded and shown. Then at the township: the
 * instruction, and 回复督办; the reply goes back up. */
static void
test_county_supervises (Fixture       *fixture,
                        gconstpointer  data)
{
  FgHazardPage *page = open_window (fixture, fixture->county, fixture->county_admin);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr(GDate) due = g_date_new ();
  const char *level;
  const char *text;

  g_date_set_time_t (due, time (NULL));
  g_date_add_days (due, 20);
  deadline = fg_calendar_format_date (due);

  /* an escalated hazard of the demo's */
  fg_hazard_page_set_state_filter (page, FG_HAZARD_FILTER_FIRST_STATE + FG_HAZARD_STATE_ESCALATED);
  fg_ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (fg_hazard_page_get_model (page)), >, 0);
  fg_hazard_page_select (page, 0);
  fg_ui_test_spin ();
  g_assert_nonnull (fg_hazard_page_get_shown_hazard (page));
  hazard_id = g_strdup (fg_hazard_get_id (fg_hazard_page_get_shown_hazard (page)));

  g_assert_true (offers (page, "hazard.supervised"));
  g_assert_false (offers (page, "hazard.escalated"));
  g_assert_false (offers (page, "hazard.supervision-replied"));
  g_assert_null (row_subtitle (page, "supervision-row"));

  /* where it went: an office of the county is named */
  level = fg_hazard_get_escalation_level (fg_hazard_page_get_shown_hazard (page));
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (fg_ui_test_child (page, FG_TYPE_HAZARD_PAGE, "level_row")));
  g_assert_cmpstr (text, !=, "Village committee");
  if (g_str_has_prefix (level, "county-"))
    g_assert_true (g_str_has_prefix (text, "郏县"));

  /* 挂牌督办…: its dialog, a deadline in the past refused and kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "hazard.supervised", NULL));
  fg_ui_test_spin ();
  answer_dialog (INSTRUCTION, "2001-01-01");
  g_assert_nonnull (fg_ui_test_find_window (FG_TYPE_EVENT_DIALOG));
  answer_dialog (INSTRUCTION, deadline);
  hazard = fg_hazard_load (fixture->county, fixture->county_admin, hazard_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fg_hazard_get_supervision (hazard));
  g_assert_cmpstr (fg_hazard_get_supervision (hazard)->note, ==, INSTRUCTION);
  g_assert_cmpstr (fg_hazard_get_supervision (hazard)->deadline, ==, deadline);
  text = row_subtitle (page, "supervision-row");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, INSTRUCTION));
  g_assert_nonnull (strstr (text, deadline));
  g_assert_cmpstr (row_subtitle (page, "reply-row"), ==, "Not replied yet");
  g_clear_object (&hazard);

  /* down to the township: its window shows the instruction, offers the reply */
  send (fixture->county, fixture->county_admin, fixture->demo, fixture->demo_admin, fixture->county_dir.dir);
  page = open_window (fixture, fixture->demo, fixture->demo_admin);
  show_hazard (page, hazard_id);
  text = row_subtitle (page, "supervision-row");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, INSTRUCTION));
  g_assert_true (offers (page, "hazard.supervision-replied"));
  g_assert_false (offers (page, "hazard.supervised"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "hazard.supervision-replied", NULL));
  fg_ui_test_spin ();
  answer_dialog (REPLY, NULL);
  g_assert_nonnull (strstr (row_subtitle (page, "reply-row"), REPLY));
  g_assert_false (offers (page, "hazard.supervision-replied"));

  /* and up again */
  send (fixture->demo, fixture->demo_admin, fixture->county, fixture->county_admin, fixture->demo_dir.dir);
  hazard = fg_hazard_load (fixture->county, fixture->county_admin, hazard_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fg_hazard_get_supervision_reply (hazard));
  g_assert_cmpstr (fg_hazard_get_supervision_reply (hazard)->note, ==, REPLY);
}

/* The township of each row of @model, by @name_of. */
static GPtrArray *
township_names (GListModel  *model,
                const char *(*name_of) (gpointer item))
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (name_of (item)));
    }
  return names;
}

static const char *
hazard_township (gpointer item)
{
  return fg_hazard_get_township_name (fg_hazard_item_get_hazard (item));
}

static const char *
notice_township (gpointer item)
{
  return fg_notice_get_township_name (item);
}

/* Sorted by the township column: 薛店镇 (xuē) before 冢头镇 (zhǒng), as
 * pinyin has them, though 冢 comes first in Unicode; turned round, after.
 * Each township's rows together. */
static void
assert_sorts_by_township (GtkWidget   *page,
                          GType        type,
                          GListModel  *model,
                          const char *(*name_of) (gpointer item))
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, type, "column_view"));
  GtkColumnViewColumn *column = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (page, type, "township_column"));

  g_assert_true (gtk_column_view_column_get_visible (column));
  g_assert_nonnull (gtk_column_view_column_get_sorter (column));

  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(GPtrArray) names = NULL;
      guint n_changes = 0;

      gtk_column_view_sort_by_column (view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      fg_ui_test_spin ();
      names = township_names (model, name_of);
      g_assert_cmpuint (names->len, >, 2);
      g_assert_cmpstr (names->pdata[0], ==, descending ? "冢头镇" : "薛店镇");
      g_assert_cmpstr (names->pdata[names->len - 1], ==, descending ? "薛店镇" : "冢头镇");
      for (guint i = 1; i < names->len; i++)
        n_changes += g_strcmp0 (names->pdata[i - 1], names->pdata[i]) != 0;
      g_assert_cmpuint (n_changes, ==, 1);
    }
}

/* A county's ledger and documents sort by the township's name. */
static void
test_county_sorts_by_township (Fixture       *fixture,
                               gconstpointer  data)
{
  FgHazardPage *page = open_window (fixture, fixture->county, fixture->county_admin);
  FgNoticePage *notices;

  assert_sorts_by_township (GTK_WIDGET (page), FG_TYPE_HAZARD_PAGE, fg_hazard_page_get_model (page), hazard_township);

  fg_window_set_page (fixture->window, "notices");
  fg_ui_test_spin ();
  notices = fg_window_get_notice_page (fixture->window);
  assert_sorts_by_township (GTK_WIDGET (notices), FG_TYPE_NOTICE_PAGE, fg_notice_page_get_model (notices),
                            notice_township);
}

/* What the county is offered on each hazard is what the core allows it:
 * 挂牌督办 on a hazard still being corrected that no township escalated,
 * as on an escalated one; nothing on a closed one. */
static void
test_county_supervises_what_core_allows (Fixture       *fixture,
                                         gconstpointer  data)
{
  FgHazardPage *page = open_window (fixture, fixture->county, fixture->county_admin);
  GListModel *model = fg_hazard_page_get_model (page);
  guint n_offered = 0;
  guint n_not_escalated = 0;
  guint n_refused = 0;
  g_autoptr(GDate) due = g_date_new ();
  g_autofree char *deadline = NULL;

  g_date_set_time_t (due, time (NULL));
  g_date_add_days (due, 20);
  deadline = fg_calendar_format_date (due);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      FgHazard *hazard;
      gboolean may;

      fg_hazard_page_select (page, i);
      fg_ui_test_spin ();
      hazard = fg_hazard_page_get_shown_hazard (page);
      g_assert_nonnull (hazard);
      may = fg_hazard_may_record (hazard, fixture->county_admin, FG_HAZARD_EVENT_SUPERVISED);
      g_assert_cmpint (offers (page, "hazard.supervised"), ==, may);
      /* the county escalates nothing, and replies to nobody */
      g_assert_false (offers (page, "hazard.escalated"));
      g_assert_false (offers (page, "hazard.supervision-replied"));
      n_offered += may;
      n_refused += !may;
      n_not_escalated += may && fg_hazard_get_state (hazard) != FG_HAZARD_STATE_ESCALATED;
    }

  g_assert_cmpuint (n_offered, >, 0);
  g_assert_cmpuint (n_not_escalated, >, 0);
  g_assert_cmpuint (n_refused, >, 0);

  /* 薛店镇's hazard, being corrected: supervised from its row */
  {
    FgRegionSidebar *sidebar = fg_window_get_region_sidebar (fixture->window);
    GListModel *rows = G_LIST_MODEL (fg_region_sidebar_get_selection (sidebar));

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
        FgRegion *region = fg_region_item_get_region (gtk_tree_list_row_get_item (row));

        if (g_str_equal (fg_region_get_name (region), "薛店镇"))
          g_assert_true (fg_region_sidebar_select_region (sidebar, fg_region_get_id (region)));
      }
    fg_ui_test_spin ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    fg_hazard_page_select (page, 0);
    fg_ui_test_spin ();
    g_assert_cmpint (fg_hazard_get_state (fg_hazard_page_get_shown_hazard (page)), ==, FG_HAZARD_STATE_RECTIFYING);
    g_assert_true (offers (page, "hazard.supervised"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "hazard.supervised", NULL));
    fg_ui_test_spin ();
    answer_dialog (INSTRUCTION, deadline);
    g_assert_nonnull (strstr (row_subtitle (page, "supervision-row"), INSTRUCTION));
    g_assert_cmpint (fg_hazard_get_state (fg_hazard_page_get_shown_hazard (page)), ==, FG_HAZARD_STATE_RECTIFYING);
  }
}

/* The heading of @column in @view: the child of the header row that
 * shows the column's title. */
static GtkWidget *
find_heading (GtkColumnView       *view,
              GtkColumnViewColumn *column,
              GtkWidget          **label)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!g_str_equal (gtk_widget_get_css_name (row), "header"))
        continue;
      for (GtkWidget *heading = gtk_widget_get_first_child (row); heading != NULL;
           heading = gtk_widget_get_next_sibling (heading))
        {
          GtkWidget *found = find_text (heading, gtk_column_view_column_get_title (column));

          if (found != NULL)
            {
              *label = found;
              return heading;
            }
        }
    }
  return NULL;
}

/* Whether @label shows its whole text inside @box: as wide as its text,
 * and not beyond the box's edges, where the list would cut it off. */
static gboolean
fits (GtkWidget *label,
      GtkWidget *box)
{
  graphene_rect_t bounds;
  int natural;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (!gtk_widget_compute_bounds (label, box, &bounds))
    return FALSE;
  return natural <= bounds.size.width && bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (box);
}

/* No label of the rows is cut short: a number never is; a name may be,
 * with its whole text as its tooltip. */
static void
assert_cells_whole (GtkWidget *widget)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "header"))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      if (!fits (widget, gtk_widget_get_parent (widget)))
        {
          g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (widget)), !=, PANGO_ELLIPSIZE_NONE);
          g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, gtk_label_get_text (GTK_LABEL (widget)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_cells_whole (child);
}

/* The ranking in a window of @width × @height (0: the window's first
 * size): every column side by side, none a scroll away; every heading
 * whole, with its meaning in full as tooltip and accessible description;
 * every number whole. */
static void
check_ranking (Fixture *fixture,
               int      width,
               int      height)
{
  FgTownshipPage *page;
  GtkColumnView *view;
  GListModel *columns;
  GtkAdjustment *scroll;
  int needed = 0;

  close_window (fixture);
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->county, fixture->county_admin));
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fg_window_set_page (fixture->window, "townships");
  fg_ui_test_spin ();

  page = fg_window_get_township_page (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (fg_township_page_get_model (page)), ==, 2);
  view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_TOWNSHIP_PAGE, "column_view"));
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 14);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *label = NULL;
      GtkWidget *heading = find_heading (view, column, &label);
      const char *meaning;
      g_autofree char *wrong = NULL;

      g_assert_true (gtk_column_view_column_get_visible (column));
      needed += gtk_column_view_column_get_fixed_width (column);

      g_assert_nonnull (heading);
      /* whole also with the arrow of the column sorted by */
      gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
      fg_ui_test_spin ();
      if (!fits (label, heading))
        g_error ("the heading “%s” is cut", gtk_column_view_column_get_title (column));

      meaning = gtk_widget_get_tooltip_text (heading);
      g_assert_nonnull (meaning);
      g_assert_cmpuint (strlen (meaning), >, strlen (gtk_column_view_column_get_title (column)));
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                  meaning);
      g_assert_null (wrong);
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, needed);
  scroll = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), <=, gtk_adjustment_get_page_size (scroll) + 0.5);
  assert_cells_whole (GTK_WIDGET (view));
}

/* The ranking of the townships fits a laptop's window as it first opens
 * (1100 × 720 on a 1366 × 768 screen, as the settings have it), and at
 * the size its template gives it. */
static void
test_county_ranking_fits (Fixture       *fixture,
                          gconstpointer  data)
{
  check_ranking (fixture, 0, 0);
  check_ranking (fixture, 1180, 720);
}

/* The Statistics page of a county: its townships together, a bar a
 * township, and the ranking a click away */
static void
test_county_statistics (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStats) stats = NULL;
  FgStatsQuery query = { .period = FG_STATS_PERIOD_MONTH };
  const FgStatsSeries *series;
  FgStatsPage *page;
  FgBarChart *areas;
  GtkWidget *figure;
  gint64 end;
  g_autofree char *expected = NULL;

  open_window (fixture, fixture->county, fixture->county_admin);
  fg_window_set_page (fixture->window, "statistics");
  page = fg_window_get_stats_page (fixture->window);
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  fg_ui_test_spin ();
  while (fg_stats_page_get_busy (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  fg_ui_test_spin ();
  g_assert_nonnull (fg_stats_page_get_stats (page));

  stats = fg_stats_compute (fixture->county, fixture->county_admin, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->level, ==, FG_REGION_LEVEL_COUNTY);
  g_assert_cmpint (fg_stats_page_get_stats (page)->level, ==, FG_REGION_LEVEL_COUNTY);
  g_assert_cmpuint (fg_stats_page_get_stats (page)->n_venues, ==, stats->n_venues);
  g_assert_cmpuint (stats->n_venues, >, 1);
  figure = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (fg_stats_page_get_card (page, "venues"))));
  expected = g_strdup_printf ("%u", stats->n_venues);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (figure)), ==, expected);

  /* a bar a township: 冢头镇 and 薛店镇 */
  series = fg_stats_page_get_series (page);
  g_assert_cmpuint (series->areas->len, ==, 2);
  g_assert_cmpint (((FgStatsArea *) g_ptr_array_index (series->areas, 0))->level, ==, FG_REGION_LEVEL_TOWNSHIP);
  g_assert_cmpstr (((FgStatsArea *) g_ptr_array_index (series->areas, 1))->name, ==, "薛店镇");
  areas = FG_BAR_CHART (fg_stats_page_get_chart (page, "areas"));
  g_assert_cmpuint (fg_bar_chart_get_n_bars (areas), ==, 2);
  /* 薛店镇's one venue; the demo's the rest */
  g_assert_cmpuint (((FgStatsArea *) g_ptr_array_index (series->areas, 1))->n_venues, ==, 1);
  g_assert_cmpuint (((FgStatsArea *) g_ptr_array_index (series->areas, 0))->n_venues, ==, stats->n_venues - 1);

  /* the ranking stays on its own page, a click away */
  g_assert_true (gtk_widget_get_visible (fg_ui_test_child (page, FG_TYPE_STATS_PAGE, "ranking_button")));
  g_signal_emit_by_name (fg_ui_test_child (page, FG_TYPE_STATS_PAGE, "ranking_button"), "clicked");
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "townships");
}

int
main (int   argc,
      char *argv[])
{
  /* the headings' accessible descriptions are read back */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/county-window/sidebar", Fixture, NULL, fixture_set_up, test_county_sidebar, fixture_tear_down);
  g_test_add ("/county-window/statistics", Fixture, NULL, fixture_set_up, test_county_statistics,
              fixture_tear_down);
  g_test_add ("/county-window/supervises", Fixture, NULL, fixture_set_up, test_county_supervises,
              fixture_tear_down);
  g_test_add ("/county-window/supervises-what-core-allows", Fixture, NULL, fixture_set_up,
              test_county_supervises_what_core_allows, fixture_tear_down);
  g_test_add ("/county-window/ranking-fits", Fixture, NULL, fixture_set_up, test_county_ranking_fits,
              fixture_tear_down);
  g_test_add ("/county-window/sorts-by-township", Fixture, NULL, fixture_set_up, test_county_sorts_by_township,
              fixture_tear_down);

  return g_test_run ();
}
