/* test-cli-stats.c — firegrid-cli stats on the demo township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess on
 * the demo township, and checks its figures against the database read
 * with sqlite3; then the mistakes it refuses.
 */
#include <stdlib.h>
#include <string.h>

#include "fg-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *xdg_data_home;
  char *month;      /* this month, YYYY-MM */
  char *first;      /* its first day */
  char *next;       /* the first day of the next */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(Result) demo = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-stats-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "township.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
  first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  f->month = g_date_time_format (first, "%Y-%m");
  f->first = g_date_time_format (first, "%Y-%m-%d");
  f->next = g_date_time_format (next, "%Y-%m-%d");

  demo = run_cli (f->db, NULL, NULL, f->xdg_data_home, NULL, NULL, "demo", NULL);
  assert_success (demo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xdg_data_home);
  g_free (f->month);
  g_free (f->first);
  g_free (f->next);
}

#define RUN_AS(f, user, password, ...) \
  run_cli ((f)->db, (user), (password), (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)
#define RUN(f, ...) RUN_AS (f, "admin", "demo-admin", __VA_ARGS__)

static gint64
count_printf (const char *db_path,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static gint64
count_printf (const char *db_path,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return fg_test_count (db_path, sql);
}

static void
assert_figure (const char *tsv,
               const char *key,
               gint64      expected)
{
  g_autofree char *text = tsv_lookup (tsv, 0, key, 1);

  g_assert_nonnull (text);
  g_assert_cmpint (g_ascii_strtoll (text, NULL, 10), ==, expected);
}

#define TARGET \
  "(instr (categories, '\"family-workshop\"') > 0 OR instr (categories, '\"street-shop\"') > 0" \
  " OR instr (categories, '\"old-residential\"') > 0)"

/* The month's figures, as the database holds them */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Result) stats = RUN (f, "stats", "--month", f->month, "--format", "tsv");
  g_autoptr(Result) table = RUN (f, "stats", "--month", f->month);
  g_autoptr(Result) lacking = NULL;
  gint64 n_lacking;

  assert_success (stats);
  assert_figure (stats->out, "venues",
                 fg_test_count (f->db, "SELECT count (*) FROM venue WHERE deleted = 0 AND status = 'active'"));
  assert_figure (stats->out, "found",
                 count_printf (f->db, "SELECT count (*) FROM hazard WHERE deleted = 0"
                                      " AND found_at >= '%s' AND found_at < '%s'", f->first, f->next));
  assert_figure (stats->out, "open",
                 fg_test_count (f->db, "SELECT count (*) FROM hazard WHERE deleted = 0 AND state <> 'closed'"));
  assert_figure (stats->out, "open-major",
                 fg_test_count (f->db, "SELECT count (*) FROM hazard WHERE deleted = 0 AND state <> 'closed'"
                                       " AND major_confirmed = 1"));
  assert_figure (stats->out, "inspections",
                 count_printf (f->db, "SELECT count (*) FROM inspection WHERE deleted = 0"
                                      " AND finished_at >= '%s' AND finished_at < '%s'", f->first, f->next));
  assert_figure (stats->out, "never-inspected",
                 count_printf (f->db, "SELECT count (*) FROM venue v WHERE deleted = 0 AND status = 'active'"
                                      " AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.venue_id = v.id"
                                      "   AND i.deleted = 0 AND i.finished_at < '%s')", f->next));
  assert_figure (stats->out, "documents",
                 count_printf (f->db, "SELECT count (*) FROM notice WHERE voided_at IS NULL"
                                      " AND issued_on >= '%s' AND issued_on < '%s'", f->first, f->next));
  assert_figure (stats->out, "target-venues",
                 fg_test_count (f->db, "SELECT count (*) FROM venue WHERE deleted = 0 AND status = 'active'"
                                       " AND " TARGET));
  assert_figure (stats->out, "target-smoke-alarms",
                 fg_test_count (f->db, "SELECT count (*) FROM venue WHERE deleted = 0 AND status = 'active'"
                                       " AND smoke_alarm = 1 AND " TARGET));

  /* the table says the same, labelled */
  assert_success (table);
  g_assert_nonnull (strstr (table->out, "冢头镇"));
  g_assert_nonnull (strstr (table->out, "Active venues"));
  g_assert_nonnull (strstr (table->out, "Median working days to close"));
  g_assert_nonnull (strstr (table->out, "2026 target"));

  /* the venues still lacking an alarm, one a line */
  n_lacking = fg_test_count (f->db, "SELECT count (*) FROM venue WHERE deleted = 0 AND status = 'active'"
                                    " AND smoke_alarm = 0 AND " TARGET);
  g_assert_cmpint (n_lacking, >, 0);
  lacking = RUN (f, "stats", "--lacking-alarms", "--format", "tsv");
  assert_success (lacking);
  g_assert_cmpuint (count_lines (lacking->out), ==, n_lacking);
}

/* Mistakes are refused, and say what to do */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Result) month = RUN (f, "stats", "--month", "2026-13");
  g_autoptr(Result) day = RUN (f, "stats", "--from", "2026-02-30", "--to", "2026-03-31");
  g_autoptr(Result) order = RUN (f, "stats", "--from", "2026-03-31", "--to", "2026-03-01");
  g_autoptr(Result) half = RUN (f, "stats", "--from", "2026-03-01");
  g_autoptr(Result) two = RUN (f, "stats", "--month", "2026-11", "--year", "2026");
  g_autoptr(Result) code = RUN (f, "stats", "--region", "410425199");
  g_autoptr(Result) grid = RUN_AS (f, "grid", "demo-grid", "stats", "--region", "410425101");
  g_autoptr(Result) own = RUN_AS (f, "grid", "demo-grid", "stats", "--format", "tsv");

  assert_refused_saying (month, 2, "2026-13");
  assert_refused_saying (day, 2, "2026-02-30");
  assert_refused_saying (order, 2, "2026-03-31");
  assert_refused_saying (half, 2, "--to");
  assert_refused_saying (two, 2, "one period");
  assert_refused_saying (code, 2, "410425199");
  assert_refused (grid, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count (*) FROM audit WHERE outcome = 'refused'"
                                         " AND actor_login = 'grid'"), ==, 1);
  /* its own grid it reads */
  assert_success (own);
  {
    g_autofree char *venues = tsv_lookup (own->out, 0, "venues", 1);

    g_assert_nonnull (venues);
  }
}

/* The row of the workbook's first sheet whose label is @label: its
 * November figure, as written in the cell after it */
static char *
monthly_cell (const char *xlsx,
              const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *needle = g_strdup_printf ("<t>%s</t>", label);
  const char *argv[] = { "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL };
  const char *at, *v;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &xml, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  at = strstr (xml, needle);
  g_assert_nonnull (at);
  v = strstr (at, "<v>");
  g_assert_nonnull (v);
  return g_strndup (v + 3, strstr (v, "</v>") - v - 3);
}

/* report monthly: the month's figures in the file, whole */
static void
test_monthly (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "月报.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(Result) sheet = RUN (f, "report", "monthly", "--month", f->month, "--out", xlsx);
  g_autoptr(Result) printed = NULL;
  g_autofree char *found = NULL;
  g_autofree char *venues = NULL;

  assert_success (sheet);
  g_assert_nonnull (strstr (sheet->out, f->month));
  found = monthly_cell (xlsx, "本月发现隐患（处）");
  g_assert_cmpint (g_ascii_strtoll (found, NULL, 10), ==,
                   count_printf (f->db, "SELECT count (*) FROM hazard WHERE deleted = 0"
                                        " AND found_at >= '%s' AND found_at < '%s'", f->first, f->next));
  venues = monthly_cell (xlsx, "在册场所（家）＊");
  g_assert_cmpint (g_ascii_strtoll (venues, NULL, 10), ==,
                   fg_test_count (f->db, "SELECT count (*) FROM venue WHERE deleted = 0 AND status = 'active'"));

  /* by default, last month; as a PDF */
  printed = RUN (f, "report", "monthly", "--out", pdf);
  assert_success (printed);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* report monthly: a month that is not one, a file neither .pdf nor .xlsx,
 * no --out: refused, nothing written */
static void
test_monthly_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "report.docx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "report.pdf", NULL);
  g_autoptr(Result) month = RUN (f, "report", "monthly", "--month", "2026-13", "--out", pdf);
  g_autoptr(Result) day = RUN (f, "report", "monthly", "--month", "2026-02-30", "--out", pdf);
  g_autoptr(Result) text = RUN (f, "report", "monthly", "--month", "November", "--out", pdf);
  g_autoptr(Result) ahead = RUN (f, "report", "monthly", "--month", "2999-01", "--out", pdf);
  g_autoptr(Result) format = RUN (f, "report", "monthly", "--month", f->month, "--out", docx);
  g_autoptr(Result) no_out = RUN (f, "report", "monthly", "--month", f->month);
  g_autoptr(Result) folder = RUN (f, "report", "monthly", "--month", f->month, "--out", missing);

  assert_refused_saying (month, 2, "2026-13");
  assert_refused_saying (day, 2, "2026-02-30");
  assert_refused_saying (text, 2, "November");
  assert_refused_saying (ahead, 2, "2999-01");
  assert_refused_saying (format, 2, ".xlsx");
  assert_refused_saying (no_out, 2, "--out");
  assert_refused_saying (folder, 1, "nowhere");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/stats/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/cli/stats/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/cli/report/monthly", Fixture, NULL, fixture_set_up, test_monthly, fixture_tear_down);
  g_test_add ("/cli/report/monthly-refusals", Fixture, NULL, fixture_set_up, test_monthly_refusals,
              fixture_tear_down);

  return g_test_run ();
}
