/* test-sync-replace.c — a county replaces a township's lost office on the Sync page
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-peer-row.h"
#include "fg-sync-page.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir county_dir;
  FgTestDir office_dir;
  FgTestDir laptop_dir;
  FgStore *county;
  FgStore *office;   /* 冢头镇's office, whose laptop is lost */
  FgStore *laptop;   /* a new installation of 冢头镇, a workstation */
  FgActor *guo;      /* the county's administrator */
  FgActor *office_admin;
  FgActor *laptop_admin;
  FgWindow *window;
  FgSyncPage *page;
} Fixture;

static FgStore *
township_new (FgTestDir  *dir,
              FgActor   **admin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = fg_office_open (dir->db_path, &error);
  g_autoptr(FgAccount) account = NULL;

  g_assert_no_error (error);
  account = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县", "admin", "张伟", PASSWORD,
                                                  &error);
  g_assert_no_error (error);
  *admin = fg_account_login (store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) admin = NULL;

  fg_test_dir_init (&fixture->county_dir);
  fg_test_dir_init (&fixture->office_dir);
  fg_test_dir_init (&fixture->laptop_dir);
  fixture->county = fg_office_open (fixture->county_dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_county_with_admin (fixture->county, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  fixture->guo = fg_account_login (fixture->county, "guo", PASSWORD, &error);
  g_assert_no_error (error);
  fixture->office = township_new (&fixture->office_dir, &fixture->office_admin);
  fixture->laptop = township_new (&fixture->laptop_dir, &fixture->laptop_admin);
  g_assert_true (fg_node_set_role (fixture->laptop, fixture->laptop_admin, FG_NODE_ROLE_WORKSTATION, &error));
  g_assert_no_error (error);
  fg_test_trust (fixture->county, fixture->guo, fixture->office, fixture->office_admin);
  fg_test_trust (fixture->county, fixture->guo, fixture->laptop, fixture->laptop_admin);

  fixture->window = g_object_ref (fg_window_new (NULL, fixture->county, fixture->guo));
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
  g_clear_pointer (&fixture->guo, fg_actor_unref);
  g_clear_pointer (&fixture->office_admin, fg_actor_unref);
  g_clear_pointer (&fixture->laptop_admin, fg_actor_unref);
  g_assert_finalize_object (fixture->county);
  g_assert_finalize_object (fixture->office);
  g_assert_finalize_object (fixture->laptop);
  fg_test_dir_clear (&fixture->county_dir);
  fg_test_dir_clear (&fixture->office_dir);
  fg_test_dir_clear (&fixture->laptop_dir);
}

/* The peer rows under @widget, in their order. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (FG_IS_PEER_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static FgPeerRow *
find_row (Fixture    *fixture,
          const char *peer_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->page), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (fg_peer_row_get_peer_id (g_ptr_array_index (rows, i)), peer_id) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The message dialog the page opened: its body, once it is answered
 * with @response and gone. */
static char *
answer_dialog (const char *response)
{
  GtkWindow *dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  char *body;

  g_assert_nonnull (dialog);
  body = g_strconcat (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "\n",
                      adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  return body;
}

/* The county's administrator sees the workstation as such and Replace…
 * on the office's row only; the confirmation says what happens, and
 * cancelling changes nothing; replacing makes the workstation the office
 * and the old office's row goes. County staff are offered no Replace…. */
static void
test_sync_replace (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FgNodeInfo) office = fg_node_get_self (fixture->office, fixture->office_admin, NULL);
  g_autoptr(FgNodeInfo) laptop = fg_node_get_self (fixture->laptop, fixture->laptop_admin, NULL);
  g_autoptr(FgNodeInfo) found = NULL;
  g_autoptr(GBytes) peer_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) damaged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->county_dir.dir, "new-laptop.fgpeer", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->county_dir.dir, "damaged.fgpeer", NULL);
  g_autofree char *text = NULL;
  FgPeerRow *row;

  fg_sync_page_reload (fixture->page);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 2);
  row = find_row (fixture, office->id);
  g_assert_nonnull (row);
  g_assert_true (fg_peer_row_get_may_replace (row));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Workstation"));
  row = find_row (fixture, laptop->id);
  g_assert_nonnull (row);
  g_assert_false (fg_peer_row_get_may_replace (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Workstation"));

  /* county staff: no Replace… */
  {
    g_autoptr(FgAccount) account = NULL;
    g_autoptr(FgActor) staff = NULL;

    account = fg_account_create (fixture->county, fixture->guo, "zhao", "赵敏", FG_ROLE_COUNTY, "410425", PASSWORD,
                                 &error);
    g_assert_no_error (error);
    staff = fg_account_login (fixture->county, "zhao", PASSWORD, &error);
    g_assert_no_error (error);
    fg_sync_page_set_store (fixture->page, fixture->county, staff);
    fg_ui_test_spin ();
    fg_sync_page_reload (fixture->page);
    row = find_row (fixture, office->id);
    g_assert_nonnull (row);
    g_assert_false (fg_peer_row_get_may_replace (row));
    fg_sync_page_set_store (fixture->page, fixture->county, fixture->guo);
    fg_ui_test_spin ();
    fg_sync_page_reload (fixture->page);
  }

  /* a damaged file: said, nothing changed */
  g_assert_true (g_file_set_contents (bad_path, "not a pairing file", -1, NULL));
  damaged = g_file_new_for_path (bad_path);
  fg_sync_page_replace_peer_with_file (fixture->page, office->id, damaged);
  fg_ui_test_spin ();
  text = answer_dialog ("close");
  g_assert_nonnull (strstr (text, "Not Replaced"));
  g_clear_pointer (&text, g_free);

  peer_file = fg_node_write_peer_file (fixture->laptop, fixture->laptop_admin, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (peer_file, NULL), g_bytes_get_size (peer_file), NULL));
  file = g_file_new_for_path (path);

  /* asked first, saying what happens; cancelled, nothing changed */
  fg_sync_page_replace_peer_with_file (fixture->page, office->id, file);
  fg_ui_test_spin ();
  text = answer_dialog ("cancel");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, laptop->fingerprint));
  g_assert_nonnull (strstr (text, office->fingerprint));
  g_assert_nonnull (strstr (text, "refused"));
  g_assert_nonnull (strstr (text, "numbers its documents after the highest"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 2);
  found = fg_node_find_peer (fixture->county, fixture->guo, office->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, fg_node_info_free);

  fg_sync_page_replace_peer_with_file (fixture->page, office->id, file);
  fg_ui_test_spin ();
  text = answer_dialog ("replace");
  g_assert_cmpuint (fg_sync_page_get_n_peers (fixture->page), ==, 1);
  g_assert_null (find_row (fixture, office->id));
  row = find_row (fixture, laptop->id);
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Workstation"));
  g_assert_true (fg_peer_row_get_may_replace (row));
  found = fg_node_find_peer (fixture->county, fixture->guo, laptop->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->role, ==, FG_NODE_ROLE_OFFICE);
  g_assert_null (fg_node_find_peer (fixture->county, fixture->guo, office->id, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED);
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

  g_test_add ("/ui/sync/replace", Fixture, NULL, fixture_set_up, test_sync_replace, fixture_tear_down);

  return g_test_run ();
}
