/* test-cli-report.c — firegrid-cli report townships at a county office
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess: a
 * demo township sends its records to a county office, whose ranking is
 * checked against the county's database read with sqlite3.
 */
#include <stdlib.h>

#include "fg-cli-test-util.h"

#define COUNTY_PASSWORD "county-office-1"

typedef struct
{
  char *dir;
  char *township_db;
  char *county_db;
  char *xdg_data_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->township_db = g_build_filename (f->dir, "township.db", NULL);
  f->county_db = g_build_filename (f->dir, "county.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->township_db);
  g_free (f->county_db);
  g_free (f->xdg_data_home);
}

#define RUN_TOWNSHIP(f, ...) \
  run_cli ((f)->township_db, "admin", "demo-admin", (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)
#define RUN_COUNTY(f, ...) \
  run_cli ((f)->county_db, "guo", COUNTY_PASSWORD, (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)

static char *
query_text (const char *db_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
query_printf (const char *db_path,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static char *
query_printf (const char *db_path,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return query_text (db_path, sql);
}

static char *
day (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The demo township, one of its open hazards given a deadline of
 * tomorrow, sent to a county office. */
static void
set_up_county (Fixture *f)
{
  g_autofree char *township_peer = g_build_filename (f->dir, "township.fgpeer", NULL);
  g_autofree char *county_peer = g_build_filename (f->dir, "county.fgpeer", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "up.fgbundle", NULL);
  g_autofree char *tomorrow = day (1);
  g_autoptr(Result) demo = run_cli (f->township_db, NULL, NULL, f->xdg_data_home, NULL, NULL, "demo", NULL);
  g_autoptr(Result) init = run_cli (f->county_db, NULL, COUNTY_PASSWORD, f->xdg_data_home, NULL, NULL,
                                    "init", "--county", "410425", "--name", "郏县", "--admin", "guo", "--admin-name", "张伟", NULL);
  g_autoptr(Result) hazards = NULL;
  g_autoptr(Result) notice = NULL;
  g_autofree char *hazard_id = NULL;

  assert_success (demo);
  assert_success (init);

  hazards = RUN_TOWNSHIP (f, "hazard", "list", "--state", "open", "--format", "tsv");
  assert_success (hazards);
  hazard_id = g_strndup (hazards->out, strcspn (hazards->out, "\t"));
  notice = RUN_TOWNSHIP (f, "hazard", "event", hazard_id, "notice-issued", "--deadline", tomorrow, "--confirm");
  assert_success (notice);

  {
    g_autoptr(Result) township_file = RUN_TOWNSHIP (f, "node", "peer-file", "--out", township_peer);
    g_autoptr(Result) county_file = RUN_COUNTY (f, "node", "peer-file", "--out", county_peer);
    g_autoptr(Result) township_add = NULL;
    g_autoptr(Result) county_add = NULL;
    g_autoptr(Result) export = NULL;
    g_autoptr(Result) import = NULL;

    assert_success (township_file);
    assert_success (county_file);
    township_add = RUN_TOWNSHIP (f, "peer", "add", "--yes", county_peer);
    assert_success (township_add);
    county_add = RUN_COUNTY (f, "peer", "add", "--yes", township_peer);
    assert_success (county_add);
    export = RUN_TOWNSHIP (f, "export", "--to", "410425000000", "--out", bundle);
    assert_success (export);
    import = RUN_COUNTY (f, "import", bundle);
    assert_success (import);
  }
}

/* report townships --format tsv: one line a township, each figure as the
 * county's database holds it. */
static void
test_cli_report_tsv (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Result) now = NULL;
  g_autoptr(Result) later = NULL;
  g_autoptr(Result) ahead = NULL;
  g_autoptr(Result) at_township = NULL;
  g_autofree char *in_a_fortnight = day (15);
  g_autofree char *tomorrow = day (1);
  g_autofree char *expected = NULL;
  g_autofree char *venues = NULL;
  g_autofree char *inspected = NULL;
  g_autofree char *inspections = NULL;
  g_autofree char *found = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *open = NULL;
  g_autofree char *running = NULL;
  g_autofree char *major = NULL;
  g_autofree char *escalated = NULL;
  g_autofree char *last_bundle = NULL;
  g_autofree char *today = day (0);
  g_autofree char *year_start = NULL;
  g_auto(GStrv) fields = NULL;
  int n_overdue;

  set_up_county (f);

  /* the figures as the county's tables hold them: the period is this
   * year, the demo's history some weeks long */
  year_start = g_strdup_printf ("%.4s-01-01", today);
  venues = query_text (f->county_db, "SELECT count(*) FROM venue WHERE status = 'active' AND deleted = 0");
  inspected = query_printf (f->county_db, "SELECT count(DISTINCT venue_id) FROM inspection i"
                                          " JOIN venue v ON v.id = i.venue_id"
                                          " WHERE i.finished_at >= '%s' AND v.status = 'active'", year_start);
  inspections = query_printf (f->county_db, "SELECT count(*) FROM inspection WHERE finished_at >= '%s'", year_start);
  found = query_printf (f->county_db, "SELECT count(*) FROM hazard WHERE found_at >= '%s'", year_start);
  closed = query_printf (f->county_db, "SELECT count(*) FROM hazard WHERE found_at >= '%s' AND state = 'closed'",
                         year_start);
  open = query_text (f->county_db, "SELECT count(*) FROM hazard WHERE state <> 'closed'");
  running = query_text (f->county_db, "SELECT count(*) FROM hazard WHERE state IN ('rectifying', 'reported-fixed')");
  major = query_text (f->county_db, "SELECT count(*) FROM hazard WHERE state <> 'closed' AND major_confirmed = 1");
  escalated = query_text (f->county_db, "SELECT count(*) FROM hazard WHERE state = 'escalated'");
  last_bundle = query_text (f->county_db, "SELECT last_received_at FROM peer WHERE scope_code = '410425101000'");
  g_assert_cmpint (atoi (found), >, 1);
  g_assert_cmpint (atoi (closed), >, 0);

  now = RUN_COUNTY (f, "report", "townships", "--format", "tsv");
  assert_success (now);
  fields = g_strsplit (now->out, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 15);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[1], ==, "410425101000");
  g_assert_cmpstr (fields[2], ==, "冢头镇");
  g_assert_cmpstr (fields[3], ==, venues);
  g_assert_cmpstr (fields[4], ==, inspected);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[5], NULL), (double) atoi (inspected) / atoi (venues), 1e-4);
  g_assert_cmpstr (fields[6], ==, inspections);
  g_assert_cmpstr (fields[7], ==, found);
  g_assert_cmpstr (fields[8], ==, closed);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[9], NULL), (double) atoi (closed) / atoi (found), 1e-4);
  g_assert_cmpstr (fields[10], ==, open);
  /* overdue: of the hazards being corrected, not the one due tomorrow */
  n_overdue = atoi (fields[11]);
  g_assert_cmpint (n_overdue, <, atoi (running));
  g_assert_cmpstr (fields[12], ==, major);
  g_assert_cmpstr (fields[13], ==, escalated);
  expected = g_strconcat (last_bundle, "\n", NULL);
  g_assert_cmpstr (fields[14], ==, expected);
  /* one township, one line */
  g_assert_true (g_str_has_suffix (now->out, "\n"));
  g_assert_true (strchr (now->out, '\n') == now->out + strlen (now->out) - 1);

  /* a fortnight on, the deadline of tomorrow has passed */
  later = RUN_COUNTY (f, "report", "townships", "--by", "overdue", "--today", in_a_fortnight, "--format", "tsv");
  assert_success (later);
  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (later->out, "\t", -1);
  g_assert_cmpint (atoi (fields[11]), >, n_overdue);
  g_assert_cmpint (atoi (fields[11]), <=, atoi (running));
  g_assert_cmpstr (fields[7], ==, found);

  /* a period from tomorrow: nothing found or inspected in it */
  ahead = RUN_COUNTY (f, "report", "townships", "--from", tomorrow, "--to", in_a_fortnight, "--format", "tsv");
  assert_success (ahead);
  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (ahead->out, "\t", -1);
  g_assert_cmpstr (fields[3], ==, venues);
  g_assert_cmpstr (fields[4], ==, "0");
  g_assert_cmpstr (fields[6], ==, "0");
  g_assert_cmpstr (fields[7], ==, "0");
  g_assert_cmpstr (fields[9], ==, "");
  g_assert_cmpstr (fields[10], ==, open);

  /* the township's own installation: the same figures, no bundle received */
  at_township = RUN_TOWNSHIP (f, "report", "townships", "--format", "tsv");
  assert_success (at_township);
  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (at_township->out, "\t", -1);
  g_assert_cmpstr (fields[1], ==, "410425101000");
  g_assert_cmpstr (fields[3], ==, venues);
  g_assert_cmpstr (fields[7], ==, found);
  g_assert_cmpstr (fields[14], ==, "\n");
}

/* The table for people, and what is refused. */
static void
test_cli_report_table (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Result) empty = NULL;
  g_autoptr(Result) table = NULL;
  g_autoptr(Result) bad_by = NULL;
  g_autoptr(Result) bad_day = NULL;
  g_autoptr(Result) backwards = NULL;
  g_autoptr(Result) grid = NULL;
  g_autoptr(Result) help = NULL;
  g_autofree char *today = day (0);
  g_autofree char *header = NULL;

  /* a county that has received nothing says what to do */
  {
    g_autofree char *new_county = g_build_filename (f->dir, "new-county.db", NULL);
    g_autoptr(Result) init = run_cli (new_county, NULL, COUNTY_PASSWORD, f->xdg_data_home, NULL, NULL,
                                      "init", "--county", "410425", "--name", "郏县", "--admin", "guo", "--admin-name", "张伟", NULL);

    assert_success (init);
    empty = run_cli (new_county, "guo", COUNTY_PASSWORD, f->xdg_data_home, NULL, NULL, "report", "townships", NULL);
    assert_success (empty);
    g_assert_nonnull (strstr (empty->out, "firegrid-cli import"));
    g_clear_pointer (&empty, result_free);
    empty = run_cli (new_county, "guo", COUNTY_PASSWORD, f->xdg_data_home, NULL, NULL,
                     "report", "townships", "--format", "tsv", NULL);
    assert_success (empty);
    g_assert_cmpstr (empty->out, ==, "");
  }

  set_up_county (f);

  table = RUN_COUNTY (f, "report", "townships", "--by", "inspections");
  assert_success (table);
  header = g_strdup_printf ("Period: %.4s-01-01 to %s\nRanked by: Inspections\n", today, today);
  g_assert_true (g_str_has_prefix (table->out, header));
  g_assert_nonnull (strstr (table->out, "Rank"));
  g_assert_nonnull (strstr (table->out, "冢头镇"));
  g_assert_nonnull (strstr (table->out, "%"));
  g_assert_true (g_str_has_suffix (table->out, "1 township.\n"));

  help = RUN_COUNTY (f, "report", "townships", "--help");
  assert_success (help);
  g_assert_nonnull (strstr (help->out, "--by"));
  g_assert_nonnull (strstr (help->out, "--format tsv"));

  bad_by = RUN_COUNTY (f, "report", "townships", "--by", "size");
  assert_refused_saying (bad_by, 2, "--by");
  bad_day = RUN_COUNTY (f, "report", "townships", "--from", "2026-02-30");
  assert_refused_saying (bad_day, 2, "2026-02-30");
  backwards = RUN_COUNTY (f, "report", "townships", "--from", "2026-03-01", "--to", "2026-02-01");
  assert_refused_saying (backwards, 2, "2026-03-01");

  /* a grid worker of the township sees a grid, not the township */
  grid = run_cli (f->township_db, "grid", "demo-grid", f->xdg_data_home, NULL, NULL, "report", "townships", NULL);
  assert_refused_saying (grid, 1, "firegrid-cli: ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/report/tsv", Fixture, NULL, fixture_set_up, test_cli_report_tsv, fixture_tear_down);
  g_test_add ("/cli/report/table", Fixture, NULL, fixture_set_up, test_cli_report_table, fixture_tear_down);

  return g_test_run ();
}
