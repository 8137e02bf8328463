/* test-store.c — opening, migrating and refusing databases
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-audit-private.h"
#include "fg-store-private.h"

static void
count_call (guint *n)
{
  (*n)++;
}

static void
test_store_migrate_empty (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  g_assert_cmpint (fg_store_get_latest_schema_version (), >=, 1);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_null (fg_store_get_home_region_id (store));

  /* the file holds the node's secret key later: owner only */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (dir.db_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  /* opening again migrates nothing and keeps the version */
  g_clear_object (&store);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
}

static int
page_size (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int size;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return size;
}

/* A new database takes larger pages, which leave less of themselves
 * empty; one made before keeps its own. */
static void
test_store_page_size (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (page_size (dir.db_path), ==, 8192);

  /* as a database of an earlier version was made */
  g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;", NULL, NULL,
                                 NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (page_size (dir.db_path), ==, 4096);

  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  g_clear_object (&store);
  g_assert_cmpint (page_size (dir.db_path), ==, 4096);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_refuse_newer (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  int newer = fg_store_get_latest_schema_version () + 1;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (store, actor, "410425101", "冢头镇", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  set_user_version (dir.db_path, newer);

  store = fg_store_open (dir.db_path, &error);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  /* refused, and left untouched: the version is still the newer one and
   * the township is still there once a program that knows it reads it */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, newer);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "SELECT name FROM region WHERE level = 2", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "冢头镇");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* An older database is told apart before it is opened, so that the
 * window and the command can say that an upgrade is under way. */
static void
test_store_needs_upgrade (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *foreign_path = NULL;
  int latest = fg_store_get_latest_schema_version ();
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);
  g_assert_false (fg_store_needs_upgrade (dir.db_path));     /* not there yet */

  /* a database as the version before this one left it */
  store = fg_store_open_at_version (dir.db_path, latest - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, latest - 1);
  g_clear_object (&store);
  g_assert_true (fg_store_needs_upgrade (dir.db_path));

  /* opening it upgrades it; then there is nothing left to do */
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, latest);
  g_assert_false (fg_store_needs_upgrade (dir.db_path));
  g_clear_object (&store);

  /* a newer one is refused by the open, not upgraded */
  set_user_version (dir.db_path, latest + 1);
  g_assert_false (fg_store_needs_upgrade (dir.db_path));

  /* neither is anything that is not ours */
  text_path = g_build_filename (dir.dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (text_path, "not a database", -1, NULL));
  g_assert_false (fg_store_needs_upgrade (text_path));
  foreign_path = g_build_filename (dir.dir, "other.db", NULL);
  g_assert_cmpint (sqlite3_open (foreign_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (fg_store_needs_upgrade (foreign_path));
  g_assert_false (fg_store_needs_upgrade (dir.dir));         /* a folder */
}

static void
on_office_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window opens its database in a thread; it is the same open. */
static void
test_store_open_async (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text_path = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open_at_version (dir.db_path, fg_store_get_latest_schema_version () - 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  fg_office_open_async (dir.db_path, NULL, on_office_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = fg_office_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  /* what fg_office_open() brings in came too: the shipped checklists */
  {
    g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT count(*) FROM checklist_template", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  }
  g_clear_object (&store);
  g_clear_object (&result);

  /* a failure comes back as the open's own error */
  text_path = g_build_filename (dir.dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (text_path, "not a database", -1, NULL));
  fg_office_open_async (text_path, NULL, on_office_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = fg_office_open_finish (result, &error);
  g_assert_null (store);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE);
}

static void
test_store_refuse_foreign (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autofree char *text_path = NULL;
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);

  /* another program's SQLite database */
  g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fg_store_open (dir.db_path, &error);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_clear_error (&error);

  /* not a database at all */
  text_path = g_build_filename (dir.dir, "notes.db", NULL);
  g_file_set_contents (text_path, "这不是数据库 — just some text that is long enough to be a header of a file", -1, &error);
  g_assert_no_error (error);
  store = fg_store_open (text_path, &error);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
}

/* What SQLite says names tables and columns: the message says what
 * happened in words, and SQLite's own go to the debug log. */
static void
test_store_error_words (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_false (fg_store_exec (store, "INSERT INTO no_such_table VALUES (1)", &error));
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The database reported an error, and nothing was changed.");
  g_assert_null (strstr (error->message, "no_such_table"));
  g_assert_null (strstr (error->message, "SQL"));
}

static void
test_store_survives_reopen (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) loaded = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autofree char *node_id = NULL;
  g_autofree char *venue_id = NULL;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);
  node_id = g_strdup (fg_store_get_node_id (store));

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号",
                             "restaurant", "王建国");
  fg_venue_set_floor_area (venue, 85.5);
  fg_venue_set_sleeping (venue, 2);
  fg_venue_save (store, actor, venue, &error);
  g_assert_no_error (error);
  venue_id = g_strdup (fg_venue_get_id (venue));
  g_clear_object (&store);

  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_cmpstr (fg_store_get_node_id (store), ==, node_id);

  loaded = fg_venue_load (store, fg_test_installer (), venue_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (loaded), ==, "老王烧烤");
  g_assert_cmpstr (fg_venue_get_address (loaded), ==, "李庄村人民路18号");
  g_assert_cmpstr (fg_venue_get_operator_name (loaded), ==, "王建国");
  g_assert_cmpstr (fg_venue_get_village_name (loaded), ==, "李庄村");
  g_assert_cmpstr (fg_venue_get_grid_name (loaded), ==, "第一网格");
  g_assert_cmpfloat (fg_venue_get_floor_area (loaded), ==, 85.5);
  g_assert_cmpint (fg_venue_get_sleeping (loaded), ==, 2);
  g_assert_cmpstr (fg_venue_get_categories (loaded)[0], ==, "restaurant");
}

static void
test_store_uuid_v7 (void)
{
  g_autofree char *a = fg_uuid_new ();
  g_autofree char *b = NULL;

  g_usleep (2000);
  b = fg_uuid_new ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpint (a[14], ==, '7');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
  /* time-ordered: a later id sorts after an earlier one */
  g_assert_cmpint (strcmp (a, b), <, 0);

  /* also within one millisecond, many at a time */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *next = fg_uuid_new ();

      g_assert_true (g_uuid_string_is_valid (next));
      g_assert_cmpint (next[14], ==, '7');
      g_assert_cmpint (strcmp (b, next), <, 0);
      g_free (b);
      b = g_steal_pointer (&next);
    }
}

/* Two connections to one database (a window and firegrid-cli) never hand
 * out the same stamp, and stamps keep rising across them. */
static void
test_store_stamps_across_connections (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) a = NULL;
  g_autoptr(FgStore) b = NULL;
  g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&dir);
  a = fg_test_township_new (&dir, NULL, NULL);
  b = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 200; i++)
    {
      FgStore *store = i % 2 == 0 ? a : b;

      g_assert_true (fg_store_begin (store, &error));
      g_ptr_array_add (stamps, fg_store_next_stamp (store));
      g_assert_true (fg_store_commit (store, &error));
      g_assert_no_error (error);
    }

  for (guint i = 1; i < stamps->len; i++)
    g_assert_cmpstr (g_ptr_array_index (stamps, i - 1), <, g_ptr_array_index (stamps, i));
}

/* What the triggers do to a venue's categories on every change of the
 * venue finds its rows through an index, whatever the size of the
 * registry (0015-import-indexes.sql): a bundle of edits to a county's
 * venues does it thousands of times in one import. */
static void
test_store_venue_category_index (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store),
                                       "EXPLAIN QUERY PLAN DELETE FROM venue_category WHERE venue_seq = ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "INDEX venue_category_venue"));
}

/* Opening a store looks for audit records still to be chained through
 * an index of those alone (0035-audit-unsealed.sql), not by reading the
 * whole log: the open costs the same with a county's million records. */
static void
test_store_audit_unsealed_index (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store),
                                       "EXPLAIN QUERY PLAN " FG_AUDIT_UNSEALED_QUERY,
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "INDEX audit_unsealed"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

static char *
stat_of (const char *path,
         const char *index)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *stat = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT stat FROM sqlite_stat1 WHERE idx = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, index, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stat = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return stat;
}

static void
mark_stat (const char *path,
           const char *index,
           const char *stat)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE sqlite_stat1 SET stat = '%s' WHERE idx = '%s'", stat, index);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

/* Closing keeps the planner's statistics current (PRAGMA optimize) but
 * does not analyse a table again at every close because one of its
 * partial indexes is empty, which SQLite 3.40 records as never analysed:
 * that read the whole venue table and audit log for every command of a
 * county's. */
static void
test_store_close_keeps_statistics (void)
{
  static const char * const indexes[] = { "venue_township_name", "audit_record", "region_code" };
  static const char * const partial[] = { "venue_unkeyed", "audit_unsealed", "region_unkeyed" };
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(FgPagedList) list = NULL;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);
  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "人民路18号", "restaurant", "王建国");
  fg_venue_save (store, fg_test_installer (), venue, &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_exec (store, "ANALYZE", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* the empty indexes of rows still to be done have their rows: empty */
  for (guint i = 0; i < G_N_ELEMENTS (partial); i++)
    {
      g_autofree char *stat = stat_of (dir.db_path, partial[i]);

      g_test_message ("%s: %s", partial[i], stat);
      g_assert_nonnull (stat);
      g_assert_true (g_str_has_prefix (stat, "0 "));
    }

  /* marks in the statistics, which another ANALYZE would undo */
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    mark_stat (dir.db_path, indexes[i], "4242 1 1");

  /* a command's work: it lists venues and writes to the log; the close
   * runs PRAGMA optimize */
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  list = fg_venue_query_list_new (store, fg_test_installer (), query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_object (&list);
  fg_venue_set_phone (venue, "0374-6123456");
  fg_venue_save (store, fg_test_installer (), venue, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *stat = stat_of (dir.db_path, indexes[i]);

      g_test_message ("%s: %s", indexes[i], stat);
      g_assert_cmpstr (stat, ==, "4242 1 1");
    }
}

/* A watch tells of what another connection committed, once, and not of
 * its own store's writes. */
static void
test_store_watch (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) shown = NULL;
  g_autoptr(FgStore) other = NULL;
  g_autoptr(FgStoreWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  fg_test_dir_init (&dir);
  shown = fg_test_township_new (&dir, NULL, NULL);
  other = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);

  watch = fg_store_watch_new (shown);
  g_signal_connect_swapped (watch, "changed", G_CALLBACK (count_call), &n_changed);
  g_assert_false (fg_store_watch_check (watch));

  /* the store's own writes: it shows them already */
  g_assert_true (fg_store_set_setting (shown, "test-watch", "own", &error));
  g_assert_no_error (error);
  g_assert_false (fg_store_watch_check (watch));
  g_assert_cmpuint (n_changed, ==, 0);

  /* another connection's, as firegrid-cli would make them */
  g_assert_true (fg_store_set_setting (other, "test-watch", "other", &error));
  g_assert_no_error (error);
  g_assert_true (fg_store_watch_check (watch));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (fg_store_watch_check (watch));

  /* becoming active looks at once */
  g_assert_true (fg_store_set_setting (other, "test-watch", "again", &error));
  fg_store_watch_set_active (watch, TRUE);
  g_assert_cmpuint (n_changed, ==, 2);

  /* what the window read again after its own worker wrote is seen */
  g_assert_true (fg_store_set_setting (other, "test-watch", "worker", &error));
  fg_store_watch_catch_up (watch);
  g_assert_false (fg_store_watch_check (watch));
  g_assert_cmpuint (n_changed, ==, 2);
  fg_store_watch_set_active (watch, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate-empty", test_store_migrate_empty);
  g_test_add_func ("/store/page-size", test_store_page_size);
  g_test_add_func ("/store/refuse-newer-schema", test_store_refuse_newer);
  g_test_add_func ("/store/refuse-foreign-file", test_store_refuse_foreign);
  g_test_add_func ("/store/needs-upgrade", test_store_needs_upgrade);
  g_test_add_func ("/store/open-async", test_store_open_async);
  g_test_add_func ("/store/error-words", test_store_error_words);
  g_test_add_func ("/store/survives-reopen", test_store_survives_reopen);
  g_test_add_func ("/store/uuid-v7", test_store_uuid_v7);
  g_test_add_func ("/store/watch", test_store_watch);
  g_test_add_func ("/store/stamps-across-connections", test_store_stamps_across_connections);
  g_test_add_func ("/store/venue-category-index", test_store_venue_category_index);
  g_test_add_func ("/store/audit-unsealed-index", test_store_audit_unsealed_index);
  g_test_add_func ("/store/close-keeps-statistics", test_store_close_keeps_statistics);

  return g_test_run ();
}
