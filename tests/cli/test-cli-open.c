/* test-cli-open.c — what firegrid-cli says when it opens an older database
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bringing a county's database up to a new version takes minutes: the
 * command says so before it starts, and only then.
 */
#include "fg-cli-test-util.h"
#include "fg-store-private.h"

#define UPGRADE_WORDS "bringing the database up to this version"

static void
test_cli_open_upgrade_said (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("firegrid-cli-test-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "township.db", NULL);
  g_autofree char *xdg = g_build_filename (dir, "xdg", NULL);
  g_autoptr(FgStore) store = NULL;
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) list = NULL;

  g_assert_no_error (error);

  /* a database as the version before this one made it */
  store = fg_store_open_at_version (db, fg_store_get_latest_schema_version () - 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  init = run_cli (db, NULL, "admin-secret-1", xdg, NULL, NULL,
                  "init", "--township", "410425101", "--name", "冢头镇", "--county-name", "郏县",
                  "--admin", "admin", "--admin-name", "张伟", NULL);
  g_assert_cmpint (init->status, ==, 0);
  g_assert_true (g_str_has_prefix (init->err, "firegrid-cli: " UPGRADE_WORDS));
  g_assert_cmpuint (count_lines (init->err), ==, 1);

  /* once up to date, nothing more is said */
  list = run_cli (db, "admin", "admin-secret-1", xdg, NULL, NULL, "region", "list", "--format", "tsv", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpstr (list->err, ==, "");

  store = fg_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  g_clear_object (&store);
  fg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/open/upgrade-said", test_cli_open_upgrade_said);

  return g_test_run ();
}
