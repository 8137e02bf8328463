/* test-integrity.c — what the database derives, checked against what it
 * derives from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test edits the demo database behind the program's back, as a tool
 * on the file would, and expects the check to name what disagrees and
 * the repair to put it right from the records (audited), or to leave and
 * report what cannot be.
 */
#include "config.h"

#include <string.h>

#include "fg-hazard-private.h"
#include "fg-store-private.h"
#include "fg-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
} Fixture;

/* The demo, made once and copied for each test: a few seconds each. */
static FgTestDir demo_dir;

static void
make_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&demo_dir);
  store = fg_office_open (demo_dir.db_path, &error);
  g_assert_no_error (error);
  fg_demo_populate (store, installer, 60, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) demo = g_file_new_for_path (demo_dir.db_path);
  g_autoptr(GFile) copy = NULL;

  fg_test_dir_init (&f->dir);
  copy = g_file_new_for_path (f->dir.db_path);
  g_file_copy (demo, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (fg_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static GPtrArray *
check (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = fg_integrity_check (f->store, f->admin, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

static FgIntegrityProblem *
find_problem (GPtrArray       *problems,
              FgIntegrityKind  kind,
              const char      *record_id)
{
  for (guint i = 0; i < problems->len; i++)
    {
      FgIntegrityProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == kind && g_strcmp0 (problem->record_id, record_id) == 0)
        return problem;
    }
  return NULL;
}

/* Repairs, and expects nothing left and one audit record saying so. */
static void
repair_all (Fixture *f,
            guint    expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  FgAuditEntry *newest;
  guint n_repaired = 0;

  left = fg_integrity_repair (f->store, f->admin, &n_repaired, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (n_repaired, ==, expected);

  audit = fg_audit_list (f->store, f->admin, NULL, 1, &error);
  g_assert_no_error (error);
  newest = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (newest->action, ==, "integrity-repair");
  g_assert_cmpstr (newest->actor_login, ==, "admin");
}

static void
test_integrity_clean (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = check (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint n_repaired = 99;

  /* a database the program made, and nothing else touched, agrees */
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((FgIntegrityProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);

  /* with nothing to put right, the repair writes nothing */
  left = fg_integrity_repair (f->store, f->admin, &n_repaired, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (n_repaired, ==, 0);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE action = 'integrity-repair'"),
                   ==, 0);
}

static void
test_integrity_hazard_state (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *id = query_text (f, "SELECT id FROM hazard WHERE state != 'closed' ORDER BY seq LIMIT 1");
  g_autofree char *sql = NULL;
  g_autofree char *state = NULL;
  FgIntegrityProblem *problem;

  /* closed by hand: the ledger and the county's ranking would count it
   * closed while its events say otherwise */
  sql = g_strdup_printf ("UPDATE hazard SET state = 'closed', current_deadline = '2099-01-01' WHERE id = '%s'", id);
  tamper (f, sql);

  problems = check (f);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, FG_INTEGRITY_HAZARD_STATE, id);
  g_assert_nonnull (problem);
  g_assert_true (problem->repairable);
  g_assert_nonnull (strstr (problem->message, "state “Closed” where its events say"));
  g_assert_nonnull (strstr (problem->message, "deadline “2099-01-01”"));

  repair_all (f, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT state FROM hazard WHERE id = '%s'", id);
  state = query_text (f, sql);
  g_assert_cmpstr (state, !=, "closed");
}

static void
test_integrity_guards (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  FgIntegrityProblem *problem;

  /* the guard that keeps a hazard's events, dropped; another made toothless;
   * a trigger of someone else's; an index dropped */
  tamper (f, "DROP TRIGGER hazard_event_append_only_delete");
  tamper (f, "DROP TRIGGER inspection_finished_immutable;"
             "CREATE TRIGGER inspection_finished_immutable BEFORE UPDATE ON inspection"
             "  WHEN 0 BEGIN SELECT RAISE (ABORT, 'a finished inspection cannot change'); END");
  tamper (f, "CREATE TRIGGER keep_closed AFTER UPDATE ON hazard BEGIN SELECT 1; END");
  tamper (f, "DROP INDEX hazard_state");

  problems = check (f);
  g_assert_cmpuint (problems->len, ==, 4);
  problem = find_problem (problems, FG_INTEGRITY_SCHEMA, "hazard_event_append_only_delete");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "lacks the guard"));
  problem = find_problem (problems, FG_INTEGRITY_SCHEMA, "inspection_finished_immutable");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "changed outside Firegrid"));
  g_assert_nonnull (find_problem (problems, FG_INTEGRITY_SCHEMA, "keep_closed"));
  g_assert_nonnull (find_problem (problems, FG_INTEGRITY_SCHEMA, "hazard_state"));

  repair_all (f, 4);

  /* the guard works again */
  g_assert_cmpint (sqlite3_exec (fg_store_get_db (f->store), "DELETE FROM hazard_event", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (fg_test_count (f->dir.db_path,
                                  "SELECT count(*) FROM sqlite_schema WHERE name = 'keep_closed'"),
                   ==, 0);
  g_assert_no_error (error);
}

static void
test_integrity_table_changed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  FgIntegrityProblem *problem;
  guint n_repaired = 0;

  /* a table of someone else's is records Firegrid cannot judge: reported,
   * not removed */
  tamper (f, "CREATE TABLE notes (text TEXT)");

  problems = check (f);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, FG_INTEGRITY_SCHEMA, "notes");
  g_assert_nonnull (problem);
  g_assert_false (problem->repairable);

  left = fg_integrity_repair (f->store, f->admin, &n_repaired, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_repaired, ==, 0);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM notes"), ==, 0);
}

static void
test_integrity_counts_and_indexes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *village = query_text (f, "SELECT id FROM region WHERE level = 3 AND venue_count > 0 LIMIT 1");
  g_autofree char *venue = query_text (f, "SELECT id FROM venue ORDER BY seq LIMIT 1");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE region SET venue_count = venue_count + 5 WHERE id = '%s'", village);
  tamper (f, sql);
  tamper (f, "DELETE FROM venue_category WHERE venue_seq = (SELECT min (seq) FROM venue)");
  /* the first venue gone from the search index */
  tamper (f, "INSERT INTO venue_fts (venue_fts, rowid, name, address, operator_name)"
             "  SELECT 'delete', seq, name, address, operator_name FROM venue WHERE seq = (SELECT min (seq) FROM venue)");

  problems = check (f);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (find_problem (problems, FG_INTEGRITY_VENUE_COUNT, village));
  g_assert_nonnull (find_problem (problems, FG_INTEGRITY_VENUE_CATEGORY, venue));
  g_assert_nonnull (find_problem (problems, FG_INTEGRITY_SEARCH_INDEX, NULL));

  /* the search index is checked again after the repair, with the rest */
  repair_all (f, 3);
}

static void
test_integrity_permission (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) staff = fg_account_login (f->store, "staff", "demo-staff", &error);
  g_autoptr(FgActor) grid = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  tamper (f, "UPDATE hazard SET state = 'closed'");

  /* township staff may not rewrite the records' derived state */
  problems = fg_integrity_repair (f->store, staff, NULL, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_assert_null (problems);
  g_clear_error (&error);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM hazard WHERE state != 'closed'"), ==, 0);

  /* a grid worker may not read the checks either */
  grid = fg_account_login (f->store, "grid", "demo-grid", &error);
  g_assert_no_error (error);
  problems = fg_integrity_check (f->store, grid, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_assert_null (problems);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_demo ();

  g_test_add ("/integrity/clean", Fixture, NULL, fixture_set_up, test_integrity_clean, fixture_tear_down);
  g_test_add ("/integrity/hazard-state", Fixture, NULL, fixture_set_up, test_integrity_hazard_state,
              fixture_tear_down);
  g_test_add ("/integrity/guards", Fixture, NULL, fixture_set_up, test_integrity_guards, fixture_tear_down);
  g_test_add ("/integrity/table-changed", Fixture, NULL, fixture_set_up, test_integrity_table_changed,
              fixture_tear_down);
  g_test_add ("/integrity/counts-and-indexes", Fixture, NULL, fixture_set_up, test_integrity_counts_and_indexes,
              fixture_tear_down);
  g_test_add ("/integrity/permission", Fixture, NULL, fixture_set_up, test_integrity_permission,
              fixture_tear_down);

  status = g_test_run ();
  fg_test_dir_clear (&demo_dir);
  return status;
}
