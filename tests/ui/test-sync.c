/* test-sync.c — the sync page: peers, a bundle imported after a dry run
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-pairing-dialog.h"
#include "fg-peer-row.h"
#include "fg-sync-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgTestDir other_dir;
  FgStore *store;
  FgStore *other;
  FgActor *actor;
  FgActor *other_actor;
  FgWindow *window;
  FgSyncPage *page;
} Fixture;

/* A second installation of the demo township: a workstation of it (two
 * offices of one township do not pair), a node of its own with the
 * township and one village under the demo's codes, and none of the
 * demo's records. */
static FgStore *
other_office_new (FgTestDir *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = fg_office_open (dir->db_path, &error);
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgRegion) village = NULL;

  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县", "admin", "张伟",
                                                "demo-admin", &error);
  g_assert_no_error (error);
  actor = fg_ui_test_login (store, "admin");
  village = fg_region_add_village (store, actor, fg_store_get_home_region_id (store), "410425101001", "东街社区",
                                   &error);
  g_assert_no_error (error);
  g_assert_true (fg_node_set_role (store, actor, FG_NODE_ROLE_WORKSTATION, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fg_test_dir_init (&fixture->other_dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
  fixture->other = other_office_new (&fixture->other_dir);
  fixture->actor = fg_ui_test_login (fixture->store, data != NULL ? data : "admin");
  fixture->other_actor = fg_ui_test_login (fixture->other, "admin");
  fixture->window = g_object_ref (fg_window_new (NULL, fixture->store, fixture->actor));
  fixture->page = fg_window_get_sync_page (fixture->window);
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
  g_clear_pointer (&fixture->other_actor, fg_actor_unref);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->other);
  fg_test_dir_clear (&fixture->dir);
  fg_test_dir_clear (&fixture->other_dir);
}

/* The other office registers a second venue and inspects it: one item
 * fails, so the bundle holds a hazard too. */
static void
other_venue_inspected (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  GListModel *items;

  villages = fg_region_list_children (fixture->other, fixture->other_actor, fg_store_get_home_region_id (fixture->other),
                                      FALSE, &error);
  g_assert_no_error (error);
  venue = fg_test_venue_new (fg_region_get_id (g_ptr_array_index (villages, 0)), "东街面馆", "东街2号", "shop", "王五");
  fg_venue_save (fixture->other, fixture->other_actor, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (fixture->other, fixture->other_actor, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (fixture->other, fixture->other_actor, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (fixture->other, fixture->other_actor, inspection, &error);
  g_assert_no_error (error);
}

static void
wait_for_job (FgSyncPage *page)
{
  for (guint i = 0; i < 500 && fg_sync_page_get_busy (page); i++)
    {
      fg_ui_test_spin ();
      g_usleep (10000);
    }
  g_assert_false (fg_sync_page_get_busy (page));
  fg_ui_test_spin ();
}

/* The button whose action is @action_name, under @widget. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A bundle from another office: checked dry first, the summary asked
 * about (who sent it, that its signature was checked, what it holds by
 * kind), then imported; the venue list shows the new venues. */
static void
test_sync_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FgNodeInfo) self = fg_node_get_self (fixture->store, fixture->actor, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->other_dir.dir, "bundle.fgbundle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FgVenue) venue = fg_venue_new ();
  FgBundleReport report;
  GtkWindow *dialog;
  guint before;

  /* Ctrl+4 shows the page; no peers yet */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "sync"));
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "sync");
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);

  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  fg_test_trust (fixture->other, fixture->other_actor, fixture->store, fixture->actor);
  fg_sync_page_reload (fixture->page);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 1);

  /* the other office registers a venue and writes a bundle for this one */
  fg_venue_set_name (venue, "新开小超市");
  fg_venue_set_address (venue, "李庄村人民路99号");
  fg_venue_set_region_id (venue, fg_store_get_home_region_id (fixture->other));
  fg_venue_set_categories (venue, (const char * const[]) { "shop", NULL });
  {
    g_autoptr(GPtrArray) villages = fg_region_list_children (fixture->other, fixture->other_actor,
                                                             fg_store_get_home_region_id (fixture->other), FALSE,
                                                             &error);

    g_assert_no_error (error);
    fg_venue_set_region_id (venue, fg_region_get_id (g_ptr_array_index (villages, 0)));
  }
  fg_venue_save (fixture->other, fixture->other_actor, venue, &error);
  g_assert_no_error (error);
  other_venue_inspected (fixture);
  fg_bundle_export (fixture->other, fixture->other_actor, self->id, path, &report, NULL, &error);
  g_assert_no_error (error);

  before = fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "新开小超市");
  g_assert_cmpuint (before, ==, 0);

  /* a dry run, then the summary */
  fg_sync_page_import_file (fixture->page, file);
  wait_for_job (fixture->page);
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "新开小超市"), ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Import the Sync File From 冢头镇?");
  {
    const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

    g_test_message ("%s", body);
    g_assert_true (g_str_has_prefix (body, "冢头镇 wrote this sync file on "));
    g_assert_nonnull (strstr (body, "Its signature was checked: it comes from 冢头镇 and was not changed on the way."));
    g_assert_nonnull (strstr (body, "It holds 2 venues, 1 inspection and 1 hazard."));
  }

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (dialog);
  wait_for_job (fixture->page);
  g_assert_null (fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "新开小超市"), ==, 1);

  /* the same bundle again: a sentence, nothing changed */
  fg_sync_page_import_file (fixture->page, file);
  wait_for_job (fixture->page);
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Nothing Was Imported");
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_ui_test_count (fixture->store, fixture->actor, NULL, NULL, "新开小超市"), ==, 1);
}

/* Everything sent again, from a peer's menu; removing a peer asks first,
 * then it is gone from the page and its bundles are refused. */
static void
test_sync_remove_peer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FgNodeInfo) other = fg_node_get_self (fixture->other, fixture->other_actor, NULL);
  g_autofree char *path = g_build_filename (fixture->dir.dir, "to-other.fgbundle", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  fg_sync_page_reload (fixture->page);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 1);

  /* sent; then everything again, from the peer's menu */
  g_assert_true (fg_bundle_export (fixture->store, fixture->actor, other->id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (fixture->store, other->id), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "sync.resend", "s", other->id));
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_sync_count_pending (fixture->store, other->id), >, 0);

  /* the page counts them away from the window, then shows the count */
  for (guint i = 0; i < 500 && fg_sync_page_get_n_pending (fixture->page, other->id) < 0; i++)
    {
      fg_ui_test_spin ();
      g_usleep (10000);
    }
  g_assert_cmpint (fg_sync_page_get_n_pending (fixture->page, other->id), ==,
                   (int) fg_sync_count_pending (fixture->store, other->id));

  /* cancelled: still there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "sync.remove-peer", "s", other->id));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "sync.remove-peer", "s", other->id));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);
  g_assert_null (fg_node_find_peer (fixture->store, fixture->actor, other->id, NULL));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A peer's row carries its buttons and menu: what they do goes to the
 * page's actions, for that peer. */
static void
test_sync_peer_row (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FgNodeInfo) other = fg_node_get_self (fixture->other, fixture->other_actor, NULL);
  g_autofree char *path = g_build_filename (fixture->dir.dir, "to-other.fgbundle", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWindow *dialog;

  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  fg_sync_page_reload (fixture->page);
  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (fg_peer_row_get_peer_id (FG_PEER_ROW (row)), ==, other->id);

  g_assert_true (fg_bundle_export (fixture->store, fixture->actor, other->id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fg_sync_count_pending (fixture->store, other->id), ==, 0);
  g_assert_true (gtk_widget_activate_action (row, "peer.resend", NULL));
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_sync_count_pending (fixture->store, other->id), >, 0);

  /* the page read itself again: a new row, asking before it removes */
  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "peer.remove-peer", NULL));
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);
  g_assert_null (find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW));
}

static guint
count_bundles (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* A venue of this office's own, for something to send. */
static void
add_venue (Fixture    *fixture,
           const char *name)
{
  g_autoptr(FgVenue) venue = fg_venue_new ();
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;

  villages = fg_region_list_children (fixture->store, fixture->actor, fg_store_get_home_region_id (fixture->store),
                                      FALSE, &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, name);
  fg_venue_set_address (venue, "李庄村人民路99号");
  fg_venue_set_region_id (venue, fg_region_get_id (g_ptr_array_index (villages, 0)));
  fg_venue_set_categories (venue, (const char * const[]) { "shop", NULL });
  fg_venue_save (fixture->store, fixture->actor, venue, &error);
  g_assert_no_error (error);
}

/* The window syncs by itself: when it opens, when a drive is mounted,
 * when the network comes back. */
static void
test_sync_triggers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FgNodeInfo) other = fg_node_get_self (fixture->other, fixture->other_actor, NULL);
  g_autofree char *shared = g_build_filename (fixture->dir.dir, "usb", NULL);
  g_autofree char *inbox = g_build_filename (shared, other->id, NULL);
  g_autoptr(GVolumeMonitor) volumes = g_volume_monitor_get ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  g_assert_true (fg_sync_set_folder (fixture->store, fixture->actor, other->id, shared, &error));
  g_assert_no_error (error);

  /* as when the window opens */
  fg_sync_page_set_store (fixture->page, fixture->store, fixture->actor);
  wait_for_job (fixture->page);
  g_assert_cmpuint (count_bundles (inbox), ==, 1);

  /* a stick plugged in */
  add_venue (fixture, "插上U盘后的新场所");
  g_signal_emit_by_name (volumes, "mount-added", NULL);
  wait_for_job (fixture->page);
  g_assert_cmpuint (count_bundles (inbox), ==, 2);

  /* the network back */
  add_venue (fixture, "网络恢复后的新场所");
  g_object_notify (G_OBJECT (g_network_monitor_get_default ()), "network-available");
  wait_for_job (fixture->page);
  if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    g_assert_cmpuint (count_bundles (inbox), ==, 3);
  else
    g_test_message ("no network here: the pass waits for one");
}

/* A village committee does not sync: no page. */
static void
test_sync_hidden (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwViewStackPage *page = NULL;
  GtkWidget *child = GTK_WIDGET (fixture->page);
  GtkWidget *stack = gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), child);
  g_assert_false (adw_view_stack_page_get_visible (page));

  /* nor does Ctrl+4 show it */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "sync");
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (fixture->window), ==, "venues");
}

/* With no office paired, Sync Now and Import cannot act: insensitive,
 * and the page says why beside them; a pairing with a sync folder lets
 * Sync Now act, and the reason goes. */
static void
test_sync_no_peer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FgNodeInfo) other = fg_node_get_self (fixture->other, fixture->other_actor, NULL);
  g_autofree char *shared = g_build_filename (fixture->dir.dir, "usb", NULL);
  GtkWidget *sync_now = find_action_button (GTK_WIDGET (fixture->page), "sync.now");
  GtkWidget *import = find_action_button (GTK_WIDGET (fixture->page), "sync.import");
  GtkWidget *group = fg_ui_test_child (fixture->page, FG_TYPE_SYNC_PAGE, "peers_group");
  g_autoptr(GError) error = NULL;
  const char *reason;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "sync"));
  fg_ui_test_spin ();
  g_assert_nonnull (sync_now);
  g_assert_nonnull (import);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (sync_now));
  g_assert_false (gtk_widget_is_sensitive (import));
  reason = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "pair with an office"));

  /* paired, but no sync folder yet: import can act, Sync Now still cannot */
  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  fg_sync_page_reload (fixture->page);
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (import));
  g_assert_false (gtk_widget_is_sensitive (sync_now));
  reason = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (strstr (reason, "sync folder"));

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_assert_true (fg_sync_set_folder (fixture->store, fixture->actor, other->id, shared, &error));
  g_assert_no_error (error);
  fg_sync_page_reload (fixture->page);
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (sync_now));
  reason = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_true (reason == NULL || *reason == '\0');
  wait_for_job (fixture->page);
}

/* A county office, for a first pairing: its own node and key. */
static FgStore *
county_office_new (FgTestDir *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = fg_office_open (dir->db_path, &error);
  g_autoptr(FgAccount) admin = NULL;

  g_assert_no_error (error);
  admin = fg_office_set_up_county_with_admin (store, "410425", "郏县", "admin", "李明", "demo-admin", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* What a step of the pairing shows in its label @name */
static const char *
shown (GtkWidget  *dialog,
       const char *name)
{
  return gtk_label_get_label (GTK_LABEL (fg_ui_test_child (dialog, FG_TYPE_PAIRING_DIALOG, name)));
}

/* A first pairing with the county, step by step: what pairing is for;
 * this office's pairing file saved, with its check code; the county's
 * file opened and shown; the check codes compared; paired, and the
 * county on the page. */
static void
test_sync_pairing (Fixture       *fixture,
                   gconstpointer  data)
{
  FgTestDir county_dir;
  g_autoptr(FgStore) county = NULL;
  g_autoptr(FgActor) county_actor = NULL;
  g_autoptr(FgNodeInfo) self = fg_node_get_self (fixture->store, fixture->actor, NULL);
  g_autoptr(FgNodeInfo) county_node = NULL;
  g_autoptr(FgNodeInfo) saved = NULL;
  g_autoptr(GBytes) county_file = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own_path = g_build_filename (fixture->dir.dir, "冢头镇.fgpeer", NULL);
  g_autofree char *county_path = NULL;
  g_autoptr(GFile) own_file = g_file_new_for_path (own_path);
  g_autoptr(GFile) county_gfile = NULL;
  GtkWindow *window;
  FgPairingDialog *dialog;
  GtkWidget *row;

  fg_test_dir_init (&county_dir);
  county = county_office_new (&county_dir);
  county_actor = fg_ui_test_login (county, "admin");
  county_node = fg_node_get_self (county, county_actor, &error);
  g_assert_no_error (error);
  county_file = fg_node_write_peer_file (county, county_actor, &error);
  g_assert_no_error (error);
  county_path = g_build_filename (county_dir.dir, "郏县.fgpeer", NULL);
  g_assert_true (g_file_set_contents (county_path, g_bytes_get_data (county_file, NULL),
                                      (gssize) g_bytes_get_size (county_file), &error));
  county_gfile = g_file_new_for_path (county_path);

  /* with no office paired, the empty list offers the pairing */
  g_assert_nonnull (find_action_button (GTK_WIDGET (fixture->page), "sync.add-peer"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "sync.add-peer", NULL));
  fg_ui_test_spin ();
  window = fg_ui_test_find_window (FG_TYPE_PAIRING_DIALOG);
  g_assert_nonnull (window);
  dialog = FG_PAIRING_DIALOG (window);
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "intro");

  /* this office's file, with its check code */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "give");
  g_assert_cmpstr (shown (GTK_WIDGET (dialog), "own_code_value"), ==, self->fingerprint);
  g_assert_true (fg_pairing_dialog_save_to (dialog, own_file));
  saved_bytes = g_file_load_bytes (own_file, NULL, NULL, &error);
  g_assert_no_error (error);
  saved = fg_node_read_peer_file (saved_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->id, ==, self->id);

  /* the county's file: not without one, then shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL);
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");
  g_assert_false (fg_pairing_dialog_open (dialog, own_file));
  g_assert_true (fg_pairing_dialog_open (dialog, county_gfile));
  g_assert_cmpstr (shown (GTK_WIDGET (dialog), "peer_name_label"), ==, "郏县, County office");
  g_assert_cmpstr (shown (GTK_WIDGET (dialog), "peer_division_label"), ==, "410425000000");

  /* the check codes, compared by phone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "compare");
  g_assert_cmpstr (shown (GTK_WIDGET (dialog), "peer_code_label"), ==, county_node->fingerprint);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);

  /* codes that differ set the file aside: nothing can be paired until
   * the other office's file is opened again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.differ", NULL));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.confirm", NULL);
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "compare");
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.back", NULL));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL);
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "take");
  g_assert_true (fg_pairing_dialog_open (dialog, county_gfile));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL));
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "compare");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.confirm", NULL));
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_pairing_dialog_get_step (dialog), ==, "done");

  /* the county is on the page, the office above this township */
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 1);
  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "郏县");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Office above (County office)"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.next", NULL));
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_PAIRING_DIALOG));

  g_clear_object (&county);
  fg_test_dir_clear (&county_dir);
}

/* A grid station's row names its grid with its village, as each village
 * has its 第一网格. */
static void
test_sync_grid_peer (Fixture       *fixture,
                     gconstpointer  data)
{
  FgTestDir grid_dir;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) station = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) station_actor = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autofree char *label = NULL;
  FgRegion *village;
  FgRegion *grid;
  GtkWidget *row;

  villages = fg_region_list_children (fixture->store, fixture->actor, fg_store_get_home_region_id (fixture->store),
                                      FALSE, &error);
  g_assert_no_error (error);
  village = g_ptr_array_index (villages, 0);
  grids = fg_region_list_children (fixture->store, fixture->actor, fg_region_get_id (village), FALSE, &error);
  g_assert_no_error (error);
  grid = g_ptr_array_index (grids, 0);

  fg_test_dir_init (&grid_dir);
  station = fg_office_open (grid_dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_grid_with_admin (station, fg_region_get_code (grid), NULL, "admin", "赵六", "demo-admin",
                                            &error);
  g_assert_no_error (error);
  station_actor = fg_ui_test_login (station, "admin");
  fg_test_trust (fixture->store, fixture->actor, station, station_actor);
  fg_sync_page_reload (fixture->page);

  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_nonnull (row);
  label = g_strdup_printf ("%s › %s", fg_region_get_name (village), fg_region_get_name (grid));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, label);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Office below (Grid station)"));

  g_clear_pointer (&station_actor, fg_actor_unref);
  g_clear_object (&station);
  fg_test_dir_clear (&grid_dir);
}


/* A peer's bundles that have not arrived are in its row's subtitle until
 * they do. */
static void
test_sync_missing_bundles (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FgNodeInfo) self = fg_node_get_self (fixture->store, fixture->actor, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  fg_test_trust (fixture->store, fixture->actor, fixture->other, fixture->other_actor);
  fg_test_trust (fixture->other, fixture->other_actor, fixture->store, fixture->actor);
  other_venue_inspected (fixture);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("bundle-%u.fgbundle", i + 1);

      /* each with what changed since the one before: one that carried
       * everything again would fill the gaps below it */
      g_ptr_array_add (paths, g_build_filename (fixture->other_dir.dir, name, NULL));
      if (i > 0)
        other_venue_inspected (fixture);
      g_assert_true (fg_bundle_export (fixture->other, fixture->other_actor, self->id, g_ptr_array_index (paths, i),
                                       NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (fg_bundle_import (fixture->store, fixture->actor, g_ptr_array_index (paths, 0), FALSE, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (fixture->store, fixture->actor, g_ptr_array_index (paths, 2), FALSE, NULL, NULL,
                                   &error));
  g_assert_no_error (error);

  fg_sync_page_reload (fixture->page);
  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_nonnull (row);
  g_test_message ("%s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   " · bundle 2 has not arrived"));

  g_assert_true (fg_bundle_import (fixture->store, fixture->actor, g_ptr_array_index (paths, 1), FALSE, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  fg_sync_page_reload (fixture->page);
  row = find_descendant (GTK_WIDGET (fixture->page), FG_TYPE_PEER_ROW);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not arrived"));
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

  g_test_add ("/ui/sync/import", Fixture, NULL, fixture_set_up, test_sync_import, fixture_tear_down);
  g_test_add ("/ui/sync/remove-peer", Fixture, NULL, fixture_set_up, test_sync_remove_peer, fixture_tear_down);
  g_test_add ("/ui/sync/peer-row", Fixture, NULL, fixture_set_up, test_sync_peer_row, fixture_tear_down);
  g_test_add ("/ui/sync/missing-bundles", Fixture, NULL, fixture_set_up, test_sync_missing_bundles,
              fixture_tear_down);
  g_test_add ("/ui/sync/triggers", Fixture, NULL, fixture_set_up, test_sync_triggers, fixture_tear_down);
  g_test_add ("/ui/sync/no-peer", Fixture, NULL, fixture_set_up, test_sync_no_peer, fixture_tear_down);
  g_test_add ("/ui/sync/pairing", Fixture, NULL, fixture_set_up, test_sync_pairing, fixture_tear_down);
  g_test_add ("/ui/sync/grid-peer", Fixture, NULL, fixture_set_up, test_sync_grid_peer, fixture_tear_down);
  g_test_add ("/ui/sync/hidden", Fixture, "village", fixture_set_up, test_sync_hidden, fixture_tear_down);

  return g_test_run ();
}
