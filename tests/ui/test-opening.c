/* test-opening.c — what the application shows while its database opens
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "fg-application.h"
#include "fg-login-window.h"
#include "fg-opening-window.h"
#include "fg-setup-window.h"
#include "fg-store-private.h"
#include "fg-ui-test-util.h"

typedef struct
{
  GApplication *app;
  sqlite3 *holder;            /* another program's hold on the database */
  gboolean saw_opening;       /* the opening window was shown … */
  gboolean upgrading;         /* … and said it was upgrading */
  GType first_window;         /* what came after it */
  gboolean opening_left;      /* the opening window was still there then */
  gboolean failed;            /* the open failed, and said so */
  guint n_polls;
} Run;

static gboolean
poll_windows (gpointer user_data)
{
  Run *run = user_data;
  GApplication *app = run->app;

  if (++run->n_polls > 1200)   /* two minutes */
    {
      g_application_quit (app);
      return G_SOURCE_REMOVE;
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (FG_IS_OPENING_WINDOW (l->data) && !run->saw_opening)
        {
          run->saw_opening = TRUE;
          run->upgrading = fg_opening_window_get_upgrading (l->data);
          /* the other program is done: the open goes on */
          g_clear_pointer (&run->holder, sqlite3_close);
        }
      else if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          run->failed = TRUE;
          g_application_quit (app);
          return G_SOURCE_REMOVE;
        }
      else if (FG_IS_LOGIN_WINDOW (l->data) || FG_IS_SETUP_WINDOW (l->data))
        {
          run->first_window = G_OBJECT_TYPE (l->data);
          for (GList *m = gtk_application_get_windows (GTK_APPLICATION (app)); m != NULL; m = m->next)
            run->opening_left |= FG_IS_OPENING_WINDOW (m->data);
          g_application_quit (app);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
run_application (const char *db_path,
                 Run        *run)
{
  g_autoptr(FgApplication) app = g_object_new (FG_TYPE_APPLICATION,
                                               "application-id", "io.github.firegrid.Firegrid.Test",
                                               "flags", G_APPLICATION_NON_UNIQUE,
                                               NULL);
  char *argv[] = { (char *) "firegrid", (char *) "--db", (char *) db_path, NULL };

  run->app = G_APPLICATION (app);
  g_timeout_add (100, poll_windows, run);
  g_application_run (G_APPLICATION (app), 3, argv);
  run->app = NULL;
  g_clear_pointer (&run->holder, sqlite3_close);
}

/* Holds @path the way another program writing to it would: others may
 * read it, none may write until it is done. */
static sqlite3 *
hold_for_writing (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* An older database takes long to open: the window says it is being
 * updated, and gives way to what comes first once it is done. */
static void
test_opening_upgrade (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  Run run = { 0 };

  fg_test_dir_init (&dir);
  store = fg_store_open_at_version (dir.db_path, fg_store_get_latest_schema_version () - 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* the upgrade cannot finish while another program writes */
  run.holder = hold_for_writing (dir.db_path);
  run_application (dir.db_path, &run);

  g_assert_false (run.failed);
  g_assert_true (run.saw_opening);
  g_assert_true (run.upgrading);
  g_assert_true (run.first_window == FG_TYPE_SETUP_WINDOW);   /* nothing set up in it yet */
  g_assert_false (run.opening_left);

  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
}

/* A current database that is slow to open for another reason (here the
 * checklists of a new version go in while another program writes): the
 * window says only that it is opening. */
static void
test_opening_slow (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(FgAccount) admin = NULL;
  Run run = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县",
                                                "admin", "管理员", "a long password 1", &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_exec (store, "DELETE FROM setting WHERE key = 'shipped-checklists'", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run.holder = hold_for_writing (dir.db_path);
  run_application (dir.db_path, &run);

  g_assert_false (run.failed);
  g_assert_true (run.saw_opening);
  g_assert_false (run.upgrading);
  g_assert_true (run.first_window == FG_TYPE_LOGIN_WINDOW);
  g_assert_false (run.opening_left);
}

/* An ordinary open goes the same way, to the login. (Whether the opening
 * window flashed depends on the machine's load, so it is not asked.) */
static void
test_opening_quick (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  Run run = { 0 };

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县",
                                                "admin", "管理员", "a long password 1", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_application (dir.db_path, &run);

  g_assert_false (run.failed);
  g_assert_true (run.first_window == FG_TYPE_LOGIN_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/opening/upgrade", test_opening_upgrade);
  g_test_add_func ("/opening/slow", test_opening_slow);
  g_test_add_func ("/opening/quick", test_opening_quick);

  return g_test_run ();
}
