/* test-office.c — opening an installation's database
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-test-util.h"

#define COUNT_CHECKLISTS "SELECT count(*) FROM checklist_template"
#define COUNT_CALENDAR_YEARS "SELECT count(*) FROM calendar_year"
#define COUNT_UNCHAINED "SELECT count(*) FROM audit WHERE hash IS NULL"

/* An audit record as versions before the chain wrote them: no hashes. */
static void
add_unchained_record (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO audit (id, at, actor_login, actor_kind, action, outcome)"
                                 " VALUES ('0190a1b2-0000-7000-8000-000000000001', '2026-03-02T09:00:00+08:00',"
                                 "         'installer', 'installer', 'region-add', 'done')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The store opens and migrates, nothing else; the office's opening brings
 * in the shipped checklists and holiday calendar and chains the audit log. */
static void
test_office_open_installs_shipped (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  g_clear_object (&store);

  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CHECKLISTS), ==, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CALENDAR_YEARS), ==, 0);

  add_unchained_record (dir.db_path);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_UNCHAINED), ==, 1);

  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CHECKLISTS), >, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CALENDAR_YEARS), >, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_UNCHAINED), ==, 0);
}

/* A file the store refuses is refused by the office too, untouched. */
static void
test_office_open_refuses_foreign (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);
  g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fg_office_open (dir.db_path, &error);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_assert_cmpint (fg_test_count (dir.db_path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/office/open-installs-shipped", test_office_open_installs_shipped);
  g_test_add_func ("/office/open-refuses-foreign", test_office_open_refuses_foreign);

  return g_test_run ();
}
