/* test-cli-ledger.c — firegrid-cli ledger export on a demo township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess:
 * each ledger written as a workbook and read back with xlsx2csv, and as
 * CSV, its rows counted against the database; what is refused, with the
 * exit status of a wrong command line and no file left.
 */
#include <stdlib.h>

#include "fg-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *xdg_data_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) demo = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "township.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
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
}

#define RUN(f, ...) \
  run_cli ((f)->db, "admin", "demo-admin", (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)

/* Lines of a workbook through xlsx2csv, or of a CSV file. */
static guint
read_back_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_str_has_suffix (path, ".xlsx"))
    {
      const char *argv[] = { "xlsx2csv", path, NULL };
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
    }
  else
    {
      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
    }
  return count_lines (text);
}

static void
test_ledger_export_each (Fixture       *f,
                         gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    const char *count;
  } ledgers[] = {
    { "venues", "SELECT count (*) FROM venue WHERE deleted = 0" },
    { "inspections", "SELECT count (*) FROM inspection WHERE deleted = 0 AND finished_at IS NOT NULL" },
    { "hazards", "SELECT count (*) FROM hazard WHERE deleted = 0" },
    { "documents", "SELECT count (*) FROM notice" },
    { "townships", "SELECT count (*) FROM region WHERE level = 2 AND deleted = 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ledgers); i++)
    {
      g_autofree char *xlsx_name = g_strconcat (ledgers[i].kind, ".xlsx", NULL);
      g_autofree char *xlsx = g_build_filename (f->dir, xlsx_name, NULL);
      g_autofree char *csv = g_build_filename (f->dir, "ledger.txt", NULL);
      g_autoptr(Result) to_xlsx = RUN (f, "ledger", "export", ledgers[i].kind, "--out", xlsx);
      g_autoptr(Result) to_csv = RUN (f, "ledger", "export", ledgers[i].kind, "--out", csv, "--format", "csv");
      gint64 expected = fg_test_count (f->db, ledgers[i].count);
      g_autofree char *said = g_strdup_printf (" %" G_GINT64_FORMAT " row", expected);

      assert_success (to_xlsx);
      assert_success (to_csv);
      g_assert_cmpint (expected, >, 0);
      g_assert_nonnull (strstr (to_xlsx->out, said));
      /* title, period and header above the rows; the header alone in CSV */
      g_assert_cmpuint (read_back_lines (xlsx), ==, expected + 3);
      g_assert_cmpuint (read_back_lines (csv), ==, expected + 1);
    }
}

static void
test_ledger_export_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "refused.xlsx", NULL);
  g_autoptr(Result) backwards = RUN (f, "ledger", "export", "hazards", "--out", out,
                                     "--from", "2026-12-01", "--to", "2026-11-01");
  g_autoptr(Result) unknown = RUN (f, "ledger", "export", "venues", "--out", out, "--region", "410425101999");
  g_autoptr(Result) kind = RUN (f, "ledger", "export", "fires", "--out", out);
  g_autoptr(Result) extension = RUN (f, "ledger", "export", "venues", "--out", "ledger.pdf");
  g_autoptr(Result) help = RUN (f, "ledger", "export", "--help");

  assert_refused_saying (backwards, 2, "2026-12-01");
  assert_refused_saying (unknown, 2, "410425101999");
  assert_refused_saying (kind, 2, "fires");
  assert_refused_saying (extension, 2, "--format");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* --help says how the format is chosen */
  assert_success (help);
  g_assert_nonnull (strstr (help->out, "--format xlsx or --format csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xlsx2csv = NULL;

  g_test_init (&argc, &argv, NULL);

  xlsx2csv = g_find_program_in_path ("xlsx2csv");
  if (xlsx2csv == NULL)
    {
      g_print ("1..0 # SKIP xlsx2csv is not installed (Debian package xlsx2csv)\n");
      return 0;
    }

  g_test_add ("/cli/ledger/export-each", Fixture, NULL, fixture_set_up, test_ledger_export_each, fixture_tear_down);
  g_test_add ("/cli/ledger/refused", Fixture, NULL, fixture_set_up, test_ledger_export_refused, fixture_tear_down);
  return g_test_run ();
}
