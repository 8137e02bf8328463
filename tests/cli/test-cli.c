/* test-cli.c — firegrid-cli as a user runs it: output, exit status, what is stored
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess on
 * temporary databases and checks what it prints and what it keeps.
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define TOWNSHIP "410425101"
#define VILLAGE "410425101201"
#define VILLAGE2 "410425101202"
#define VALID_CREDIT_CODE "91350100M000100Y43"
#define WRONG_CREDIT_CODE "91350100M000100Y44"

typedef struct
{
  char *dir;
  char *db;
  char *xdg_data_home;
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "township.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xdg_data_home);
}

/* Runs firegrid-cli with the arguments (NULL-terminated), with --db naming
 * the fixture's database when @with_db. The default database lies inside
 * the fixture too, never in the home of whoever runs the tests. */
static Result *
run_cli_valist (Fixture    *f,
                gboolean    with_db,
                const char *first_arg,
                va_list     args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("FIREGRID_CLI");
  Result *result = g_new0 (Result, 1);

  g_assert_nonnull (program);

  g_ptr_array_add (argv, (char *) program);
  if (with_db)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, f->db);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->xdg_data_home, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

static Result *
run_db (Fixture    *f,
        const char *first_arg,
        ...)
{
  va_list args;
  Result *result;

  va_start (args, first_arg);
  result = run_cli_valist (f, TRUE, first_arg, args);
  va_end (args);

  return result;
}

static Result *
run_plain (Fixture    *f,
           const char *first_arg,
           ...)
{
  va_list args;
  Result *result;

  va_start (args, first_arg);
  result = run_cli_valist (f, FALSE, first_arg, args);
  va_end (args);

  return result;
}

#define assert_success(result) \
  G_STMT_START { \
    if ((result)->status != 0) \
      g_error ("firegrid-cli failed with %d: %s", (result)->status, (result)->err); \
    g_assert_cmpstr ((result)->err, ==, ""); \
  } G_STMT_END

/* A refusal: the status, one message naming the program, nothing on stdout. */
#define assert_refused(result, expected_status) \
  G_STMT_START { \
    g_assert_cmpint ((result)->status, ==, (expected_status)); \
    g_assert_true (g_str_has_prefix ((result)->err, "firegrid-cli: ")); \
    g_assert_cmpstr ((result)->out, ==, ""); \
  } G_STMT_END

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
set_up_township (Fixture *f)
{
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) village = NULL;
  g_autoptr(Result) grid = NULL;

  init = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--county-name", "郏县", NULL);
  assert_success (init);
  village = run_db (f, "region", "add", "--code", VILLAGE, "--name", "李庄村", NULL);
  assert_success (village);
  grid = run_db (f, "region", "add", "--parent", VILLAGE, "--name", "第一网格", NULL);
  assert_success (grid);
}

static char *
add_venue (Fixture    *f,
           const char *name,
           const char *address,
           const char *category,
           const char *operator_name)
{
  g_autoptr(Result) add = run_db (f, "venue", "add", "--name", name, "--address", address,
                                  "--region", VILLAGE "-001", "--category", category,
                                  "--operator", operator_name, NULL);

  assert_success (add);
  /* the new id and nothing else */
  g_assert_cmpuint (strlen (add->out), ==, 36 + 1);
  g_assert_true (g_str_has_suffix (add->out, "\n"));

  return g_strndup (add->out, 36);
}

static void
test_cli_help (Fixture       *f,
               gconstpointer  data)
{
  static const char * const commands[] = { "init", "demo", "region", "venue", "category" };
  g_autoptr(Result) help = run_plain (f, "--help", NULL);
  g_autoptr(Result) venue_help = run_plain (f, "venue", "--help", NULL);
  g_autoptr(Result) add_help = run_plain (f, "venue", "add", "--help", NULL);
  g_autoptr(Result) region_help = run_plain (f, "help", "region", NULL);
  g_autoptr(Result) version = run_plain (f, "--version", NULL);

  assert_success (help);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_assert_nonnull (strstr (help->out, line));
    }
  g_assert_nonnull (strstr (help->out, "--db"));

  assert_success (venue_help);
  g_assert_nonnull (strstr (venue_help->out, "firegrid-cli venue"));
  g_assert_nonnull (strstr (venue_help->out, "search"));
  g_assert_nonnull (strstr (venue_help->out, "edit"));

  assert_success (add_help);
  g_assert_nonnull (strstr (add_help->out, "firegrid-cli venue add"));
  g_assert_nonnull (strstr (add_help->out, "--credit-code"));

  assert_success (region_help);
  g_assert_nonnull (strstr (region_help->out, "move-grid"));

  assert_success (version);
  g_assert_true (g_str_has_prefix (version->out, "firegrid-cli "));
  /* nothing was opened or created */
  g_assert_false (g_file_test (f->xdg_data_home, G_FILE_TEST_EXISTS));
}

static void
test_cli_usage_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Result) unknown = run_plain (f, "frobnicate", NULL);
  g_autoptr(Result) none = run_plain (f, NULL);
  g_autoptr(Result) unknown_sub = run_db (f, "region", "delete", NULL);
  g_autoptr(Result) bad_option = run_db (f, "venue", "list", "--colour", NULL);
  g_autoptr(Result) bad_sort = run_db (f, "venue", "list", "--sort", "height", NULL);
  g_autoptr(Result) bad_limit = run_db (f, "venue", "list", "--limit", "ten", NULL);
  g_autoptr(Result) missing = run_db (f, "venue", "add", "--name", "老王烧烤", NULL);

  assert_refused (unknown, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  g_assert_nonnull (strstr (unknown->err, "firegrid-cli --help"));

  assert_refused (none, 2);
  assert_refused (unknown_sub, 2);
  g_assert_nonnull (strstr (unknown_sub->err, "firegrid-cli region --help"));
  assert_refused (bad_option, 2);
  g_assert_nonnull (strstr (bad_option->err, "--colour"));
  assert_refused (bad_sort, 2);
  assert_refused (bad_limit, 2);
  assert_refused (missing, 2);
  g_assert_nonnull (strstr (missing->err, "firegrid-cli venue add --help"));

  /* a usage error is found before any database is touched */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_cli_region (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) village = NULL;
  g_autoptr(Result) grid = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) tsv = NULL;
  g_autoptr(Result) rename = NULL;
  g_autoptr(Result) village2 = NULL;
  g_autoptr(Result) move = NULL;
  g_autoptr(Result) retire = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) with_retired = NULL;

  init = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", NULL);
  assert_success (init);
  g_assert_nonnull (strstr (init->out, "冢头镇"));

  village = run_db (f, "region", "add", "--code", VILLAGE, "--name", "李庄村", NULL);
  assert_success (village);
  g_assert_cmpstr (village->out, ==, VILLAGE "\n");

  grid = run_db (f, "region", "add", "--parent", VILLAGE, "--name", "第一网格", NULL);
  assert_success (grid);
  g_assert_cmpstr (grid->out, ==, VILLAGE "-001\n");

  list = run_db (f, "region", "list", NULL);
  assert_success (list);
  g_assert_nonnull (strstr (list->out, "李庄村"));
  g_assert_nonnull (strstr (list->out, "\n    " VILLAGE "-001  第一网格"));

  tsv = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (tsv);
  g_assert_cmpstr (tsv->out, ==,
                   "township\t410425101000\t冢头镇\t0\t0\n"
                   "village\t" VILLAGE "\t李庄村\t0\t0\n"
                   "grid\t" VILLAGE "-001\t第一网格\t0\t0\n");

  rename = run_db (f, "region", "rename", VILLAGE "-001", "老街网格", NULL);
  assert_success (rename);

  village2 = run_db (f, "region", "add", "--parent", TOWNSHIP, "--code", VILLAGE2,
                     "--name", "王楼村", NULL);
  assert_success (village2);

  /* the grid takes the next number in its new village */
  move = run_db (f, "region", "move-grid", VILLAGE "-001", VILLAGE2, NULL);
  assert_success (move);
  g_assert_cmpstr (move->out, ==, VILLAGE2 "-001\n");

  retire = run_db (f, "region", "retire", VILLAGE, NULL);
  assert_success (retire);

  after = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (after);
  g_assert_cmpstr (after->out, ==,
                   "township\t410425101000\t冢头镇\t0\t0\n"
                   "village\t" VILLAGE2 "\t王楼村\t0\t0\n"
                   "grid\t" VILLAGE2 "-001\t老街网格\t0\t0\n");

  with_retired = run_db (f, "region", "list", "--retired", "--format", "tsv", NULL);
  assert_success (with_retired);
  g_assert_nonnull (strstr (with_retired->out, "village\t" VILLAGE "\t李庄村\t0\t1\n"));
}

static void
test_cli_region_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Result) outside = NULL;
  g_autoptr(Result) no_code = NULL;
  g_autoptr(Result) grid_code = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) tsv = NULL;

  set_up_township (f);

  /* a village of another township */
  outside = run_db (f, "region", "add", "--code", "410425102201", "--name", "外村", NULL);
  assert_refused (outside, 1);

  no_code = run_db (f, "region", "add", "--parent", TOWNSHIP, "--name", "无码村", NULL);
  assert_refused (no_code, 2);

  grid_code = run_db (f, "region", "add", "--parent", VILLAGE, "--code", VILLAGE, "--name", "网格", NULL);
  assert_refused (grid_code, 2);

  unknown = run_db (f, "region", "rename", "410425101299", "新名", NULL);
  assert_refused (unknown, 1);
  g_assert_nonnull (strstr (unknown->err, "410425101299"));

  tsv = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (tsv);
  g_assert_cmpuint (count_lines (tsv->out), ==, 3);
  g_assert_null (strstr (tsv->out, "外村"));
  g_assert_null (strstr (tsv->out, "新名"));
}

static void
test_cli_init_refused (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const wrong_codes[] = {
    "410425",         /* a county */
    "410425101201",   /* a village */
    "41042510",       /* eight digits */
    "4104251O1",      /* a letter O */
  };
  g_autoptr(Result) good = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) tsv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrong_codes); i++)
    {
      g_autoptr(Result) wrong = run_db (f, "init", "--township", wrong_codes[i], "--name", "冢头镇", NULL);

      assert_refused (wrong, 1);
      g_assert_cmpuint (count_lines (wrong->err), ==, 1);
      /* nothing is stored: not even an empty database file */
      g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
    }

  good = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", NULL);
  assert_success (good);

  again = run_db (f, "init", "--township", "410425102", "--name", "安良镇", NULL);
  assert_refused (again, 1);
  g_assert_nonnull (strstr (again->err, "冢头镇"));

  tsv = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (tsv);
  g_assert_cmpstr (tsv->out, ==, "township\t410425101000\t冢头镇\t0\t0\n");
}

static void
test_cli_demo (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) venues = NULL;
  g_autoptr(Result) regions = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) after = NULL;
  g_auto(GStrv) lines = NULL;

  assert_success (demo);

  venues = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (venues);
  g_assert_cmpuint (count_lines (venues->out), ==, 300);
  lines = g_strsplit (venues->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 17);
      g_assert_cmpuint (strlen (fields[0]), ==, 36);
    }

  regions = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (regions);
  g_assert_true (g_str_has_prefix (regions->out, "township\t410425101000\t冢头镇\t300\t0\n"));

  again = run_db (f, "demo", NULL);
  assert_refused (again, 1);
  g_assert_nonnull (strstr (again->err, "already set up"));

  after = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (after);
  g_assert_cmpuint (count_lines (after->out), ==, 300);
}

static void
test_cli_venue (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autoptr(Result) search = NULL;
  g_autoptr(Result) by_operator = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) edit = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) none = NULL;
  g_auto(GStrv) fields = NULL;

  set_up_township (f);
  id = add_venue (f, "老王烧烤", "李庄村人民路20号", "restaurant", "王卫东");
  other = add_venue (f, "星空网吧", "李庄村人民路18号", "internet-cafe", "李娜");

  /* a two-character term, as people type it */
  search = run_db (f, "venue", "search", "烧烤", "--format", "tsv", NULL);
  assert_success (search);
  g_assert_cmpuint (count_lines (search->out), ==, 1);
  fields = g_strsplit (search->out, "\t", -1);
  g_assert_cmpstr (fields[0], ==, id);
  g_assert_cmpstr (fields[1], ==, "老王烧烤");
  g_assert_cmpstr (fields[3], ==, "restaurant");
  g_assert_cmpstr (fields[4], ==, VILLAGE "-001");

  by_operator = run_db (f, "venue", "list", "--search", "李娜", NULL);
  assert_success (by_operator);
  g_assert_nonnull (strstr (by_operator->out, "星空网吧"));
  g_assert_null (strstr (by_operator->out, "老王烧烤"));

  show = run_db (f, "venue", "show", id, NULL);
  assert_success (show);
  g_assert_nonnull (strstr (show->out, "李庄村人民路20号"));
  g_assert_nonnull (strstr (show->out, "(restaurant)"));

  edit = run_db (f, "venue", "edit", id, "--status", "closed", "--credit-code", VALID_CREDIT_CODE,
                 "--area", "85.5", "--key-unit", NULL);
  assert_success (edit);

  shown = run_db (f, "venue", "show", id, "--format", "tsv", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, "\nstatus\tclosed\n"));
  g_assert_nonnull (strstr (shown->out, "\ncredit_code\t" VALID_CREDIT_CODE "\n"));
  g_assert_nonnull (strstr (shown->out, "\nfloor_area\t85.5\n"));
  g_assert_nonnull (strstr (shown->out, "\nkey_unit\t1\n"));
  g_assert_nonnull (strstr (shown->out, "\nname\t老王烧烤\n"));

  none = run_db (f, "venue", "show", "01234567-89ab-7def-8123-456789abcdef", NULL);
  assert_refused (none, 1);
}

static void
test_cli_venue_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(Result) wrong_code = NULL;
  g_autoptr(Result) wrong_category = NULL;
  g_autoptr(Result) wrong_region = NULL;
  g_autoptr(Result) wrong_edit = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) shown = NULL;

  set_up_township (f);

  wrong_code = run_db (f, "venue", "add", "--name", "老王烧烤", "--address", "李庄村人民路20号",
                       "--region", VILLAGE, "--category", "restaurant",
                       "--credit-code", WRONG_CREDIT_CODE, NULL);
  assert_refused (wrong_code, 1);
  g_assert_nonnull (strstr (wrong_code->err, "credit code"));
  g_assert_cmpuint (count_lines (wrong_code->err), ==, 1);

  wrong_category = run_db (f, "venue", "add", "--name", "老王烧烤", "--address", "李庄村人民路20号",
                           "--region", VILLAGE, "--category", "casino", NULL);
  assert_refused (wrong_category, 1);
  g_assert_nonnull (strstr (wrong_category->err, "casino"));

  wrong_region = run_db (f, "venue", "add", "--name", "老王烧烤", "--address", "李庄村人民路20号",
                         "--region", "410425101299", "--category", "restaurant", NULL);
  assert_refused (wrong_region, 1);

  list = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, "");

  /* a refused edit leaves the venue as it was */
  id = add_venue (f, "星空网吧", "李庄村人民路18号", "internet-cafe", "李娜");
  wrong_edit = run_db (f, "venue", "edit", id, "--name", "新名字",
                       "--credit-code", WRONG_CREDIT_CODE, NULL);
  assert_refused (wrong_edit, 1);
  shown = run_db (f, "venue", "show", id, "--format", "tsv", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, "\nname\t星空网吧\n"));
  g_assert_nonnull (strstr (shown->out, "\ncredit_code\t\n"));
}

static guint
display_width (const char *text,
               gssize      length)
{
  guint width = 0;

  for (const char *p = text; *p != '\0' && (length < 0 || p < text + length); p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
test_cli_table_alignment (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autoptr(Result) list = NULL;
  g_auto(GStrv) lines = NULL;
  guint status_column = 0;

  set_up_township (f);
  id1 = add_venue (f, "老王烧烤", "李庄村人民路20号", "restaurant", "王卫东");
  id2 = add_venue (f, "Happy KTV", "Industrial Rd 9", "entertainment", "Zhang");
  id3 = add_venue (f, "幸福超市(24小时)", "李庄村文化路88号", "shop", "濮阳淇");

  list = run_db (f, "venue", "list", NULL);
  assert_success (list);
  lines = g_strsplit (list->out, "\n", -1);
  /* header, three venues, the count */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[4], ==, "3 venues.");

  /* the last column starts in the same terminal column on every line */
  for (guint i = 0; i < 4; i++)
    {
      const char *last = g_strrstr (lines[i], "  ");
      guint column;

      g_assert_nonnull (last);
      while (*last == ' ')
        last++;
      column = display_width (lines[i], last - lines[i]);
      if (i == 0)
        {
          g_assert_cmpstr (last, ==, "Status");
          status_column = column;
        }
      else
        {
          g_assert_cmpstr (last, ==, "Open");
          g_assert_cmpuint (column, ==, status_column);
        }
    }
}

static void
test_cli_default_database (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *default_db = g_build_filename (f->xdg_data_home, "firegrid", "firegrid.db", NULL);
  g_autoptr(Result) missing = run_plain (f, "venue", "list", NULL);
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) list = NULL;

  /* reading does not create a database */
  assert_refused (missing, 1);
  g_assert_nonnull (strstr (missing->err, default_db));
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  init = run_plain (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", NULL);
  assert_success (init);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));

  list = run_plain (f, "venue", "list", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, "No venues match.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_cli_help);
  ADD ("/cli/usage-errors", test_cli_usage_errors);
  ADD ("/cli/region", test_cli_region);
  ADD ("/cli/region-refused", test_cli_region_refused);
  ADD ("/cli/init-refused", test_cli_init_refused);
  ADD ("/cli/demo", test_cli_demo);
  ADD ("/cli/venue", test_cli_venue);
  ADD ("/cli/venue-refused", test_cli_venue_refused);
  ADD ("/cli/table-alignment", test_cli_table_alignment);
  ADD ("/cli/default-database", test_cli_default_database);

#undef ADD

  return g_test_run ();
}
