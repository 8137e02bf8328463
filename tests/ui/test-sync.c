/* test-sync.c — the sync page: peers, a bundle imported after a dry run
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

/* A second installation of the demo township's office: a node of its
 * own with the township and one village under the demo's codes, and
 * none of the demo's records (both would have numbered the same
 * documents). */
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

/* A bundle from another office: checked dry first, the summary asked
 * about, then imported; the venue list shows the new venues. */
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
  g_test_add ("/ui/sync/triggers", Fixture, NULL, fixture_set_up, test_sync_triggers, fixture_tear_down);
  g_test_add ("/ui/sync/hidden", Fixture, "village", fixture_set_up, test_sync_hidden, fixture_tear_down);

  return g_test_run ();
}
