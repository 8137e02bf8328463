/* test-bundle-columns.c — every column of a synced table travels, or is
 * said to stay home
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle carries the columns its table specs list (fg-bundle.c), by
 * hand. A column a migration adds to a synced table and nobody adds there
 * would never leave the office, and nothing would say so: these tests
 * hold the specs against the tables as the migrations leave them.
 */
#include "fg-test-util.h"
#include "fg-bundle-private.h"

/* The columns of synced tables that never travel, and why they must not. */
static const struct
{
  const char *table;
  const char *column;
  const char *why;
} local_columns[] = {
  { "region", "seq", "the row's number here: each office numbers the rows it holds itself" },
  { "region", "venue_count", "a count of the venues this office holds in it" },
  { "campaign", "seq", "the row's number here" },
  { "region", "name_key", "the sort key of the name, made here by this office's ICU (fg-collate.c)" },
  { "venue", "seq", "the row's number here" },
  { "venue", "name_key", "the sort key of the name, made here by this office's ICU (fg-collate.c)" },
  { "venue", "address_key", "the sort key of the address, made here" },
  { "venue", "operator_key", "the sort key of the operator's name, made here" },
  { "inspection", "seq", "the row's number here" },
  { "hazard", "seq", "the row's number here" },
  { "hazard", "state", "the fold of the hazard's events, made again here from the events that arrive" },
  { "hazard", "current_deadline", "the fold of the hazard's events" },
  { "hazard", "major_confirmed", "the fold of the hazard's events" },
  { "hazard", "escalation_level", "the fold of the hazard's events" },
  { "hazard", "service_failed", "the fold of the hazard's events" },
  { "hazard", "escalated_on", "the fold of the hazard's events" },
  { "hazard", "reported_fixed_on", "the fold of the hazard's events" },
  { "hazard_event", "seq", "the row's number here" },
  { "notice", "seq", "the row's number here" },
  { "audit", "images", "before and after, compressed here (fg-audit-image.c): they travel as text" },
  { "audit", "digest", "the record's hash as 32 bytes: it travels as text, in the attribute of `hash`" },
  { "audit_in", "images", "before and after, compressed here: they travel as text" },
  { "audit_in", "arrival", "the order records arrived here in, which says what to pass on next" },
  { "audit_in", "received_from", "the office that brought the record here" },
  { "audit_in", "received_at", "when the record arrived here" },
};

/* Tables with an update stamp that no bundle carries, and why. */
static const struct
{
  const char *table;
  const char *why;
} local_tables[] = {
  { "account", "accounts and their password hashes stay with the office whose people they are" },
};

static gboolean
stays_home (const char *table,
            const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (local_columns); i++)
    if (g_str_equal (local_columns[i].table, table) && g_str_equal (local_columns[i].column, column))
      return TRUE;
  return FALSE;
}

static gboolean
carried (const FgBundleTableSpec *spec,
         const char              *column)
{
  return g_strv_contains ((const char * const *) spec->columns, column) ||
         (spec->other_columns != NULL && g_strv_contains ((const char * const *) spec->other_columns, column));
}

static const FgBundleTableSpec *
spec_of (const char *table)
{
  for (const FgBundleTableSpec * const *spec = fg_bundle_table_specs (); *spec != NULL; spec++)
    if (g_str_equal ((*spec)->table, table))
      return *spec;
  return NULL;
}

/* The columns of @table in @store's database, as PRAGMA table_info names them. */
static GStrv
table_columns (FgStore    *store,
               const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  GPtrArray *names = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

/* The columns of the synced tables, as "table.column", that no spec
 * carries and none is said to stay home: what a bundle would leave out
 * without a word. */
static GStrv
unlisted_columns (FgStore *store)
{
  GPtrArray *unlisted = g_ptr_array_new ();

  for (const FgBundleTableSpec * const *spec = fg_bundle_table_specs (); *spec != NULL; spec++)
    {
      g_auto(GStrv) columns = table_columns (store, (*spec)->table);

      for (guint i = 0; columns[i] != NULL; i++)
        if (!carried (*spec, columns[i]) && !stays_home ((*spec)->table, columns[i]))
          g_ptr_array_add (unlisted, g_strdup_printf ("%s.%s", (*spec)->table, columns[i]));
    }
  g_ptr_array_add (unlisted, NULL);
  return (GStrv) g_ptr_array_free (unlisted, FALSE);
}

/* The other way round: the columns the specs name, or say stay home,
 * that their tables do not have (renamed, or a typing error). */
static GStrv
missing_columns (FgStore *store)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (const FgBundleTableSpec * const *spec = fg_bundle_table_specs (); *spec != NULL; spec++)
    {
      g_auto(GStrv) columns = table_columns (store, (*spec)->table);
      const char * const *lists[] = { (*spec)->columns, (*spec)->other_columns };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
          if (!g_strv_contains ((const char * const *) columns, lists[l][i]))
            g_ptr_array_add (missing, g_strdup_printf ("%s.%s", (*spec)->table, lists[l][i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (local_columns); i++)
    {
      g_auto(GStrv) columns = table_columns (store, local_columns[i].table);

      if (spec_of (local_columns[i].table) == NULL ||
          !g_strv_contains ((const char * const *) columns, local_columns[i].column))
        g_ptr_array_add (missing, g_strdup_printf ("%s.%s", local_columns[i].table, local_columns[i].column));
    }
  g_ptr_array_add (missing, NULL);
  return (GStrv) g_ptr_array_free (missing, FALSE);
}

static FgStore *
open_store (FgTestDir *dir)
{
  g_autoptr(GError) error = NULL;
  FgStore *store;

  fg_test_dir_init (dir);
  store = fg_store_open (dir->db_path, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_columns_all_listed (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = open_store (&dir);
  g_auto(GStrv) unlisted = unlisted_columns (store);

  if (unlisted[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", unlisted);

      g_test_fail_printf ("no bundle carries %s: add each to its table's columns in src/core/fg-bundle.c or, "
                          "if it must not travel, to local_columns in tests/test-bundle-columns.c with the reason",
                          names);
    }
}

static void
test_columns_listed_exist (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = open_store (&dir);
  g_auto(GStrv) missing = missing_columns (store);
  g_autofree char *names = g_strjoinv (", ", missing);

  g_assert_cmpstr (names, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (local_columns); i++)
    g_assert_cmpstr (local_columns[i].why, !=, "");
}

/* Every table whose rows carry an update stamp is a synced one, or one
 * said to stay home: a new table of the registry is not forgotten either. */
static void
test_columns_stamped_tables_synced (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = open_store (&dir);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store),
                                       "SELECT m.name FROM sqlite_master m, pragma_table_info (m.name) c"
                                       " WHERE m.type = 'table' AND c.name = 'stamp' ORDER BY m.name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      gboolean local = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
        local = local || g_str_equal (local_tables[i].table, table);
      if (!local && spec_of (table) == NULL)
        g_test_fail_printf ("the table %s has update stamps, but no bundle carries its rows", table);
    }
  sqlite3_finalize (stmt);
}

/* The check at work: a column a migration would add, to a table and to a
 * child table, is named. */
static void
test_columns_forgotten_named (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unlisted = NULL;
  g_autofree char *names = NULL;

  fg_store_exec (store,
                 "ALTER TABLE venue ADD COLUMN forgotten TEXT;"
                 " ALTER TABLE notice_hazard ADD COLUMN forgotten_too INTEGER",
                 &error);
  g_assert_no_error (error);

  unlisted = unlisted_columns (store);
  names = g_strjoinv (", ", unlisted);
  g_assert_cmpstr (names, ==, "venue.forgotten, notice_hazard.forgotten_too");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/columns/all-listed", test_columns_all_listed);
  g_test_add_func ("/bundle/columns/listed-exist", test_columns_listed_exist);
  g_test_add_func ("/bundle/columns/stamped-tables-synced", test_columns_stamped_tables_synced);
  g_test_add_func ("/bundle/columns/forgotten-named", test_columns_forgotten_named);

  return g_test_run ();
}
