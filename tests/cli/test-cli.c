/* test-cli.c — firegrid-cli as a user runs it: output, exit status, what is stored
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess on
 * temporary databases and checks what it prints and what it keeps.
 */
#include "fg-cli-test-util.h"

#define TOWNSHIP "410425101"
#define VILLAGE "410425101201"
#define VILLAGE2 "410425101202"
#define VALID_CREDIT_CODE "91350100M000100Y43"
#define WRONG_CREDIT_CODE "91350100M000100Y44"
#define ADMIN_PASSWORD "admin-secret-1"

typedef struct
{
  char *dir;
  char *db;
  char *xdg_data_home;

  /* who the next runs log in as: --user, FIREGRID_PASSWORD and
   * FIREGRID_NEW_PASSWORD; NULL leaves each out */
  const char *user;
  const char *password;
  const char *new_password;
} Fixture;

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
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xdg_data_home);
}

static void
log_in_as (Fixture    *f,
           const char *user,
           const char *password)
{
  f->user = user;
  f->password = password;
}

/* Runs firegrid-cli with the arguments (NULL-terminated), with --db naming
 * the fixture's database when @with_db, and --user and the passwords as
 * the fixture says. The default database lies inside the fixture too,
 * never in the home of whoever runs the tests. */
static Result *
run_as_fixture_says (Fixture    *f,
                     gboolean    with_db,
                     const char *first_arg,
                     va_list     args)
{
  g_autofree char *new_password = NULL;
  const char *env[] = { NULL, NULL };

  if (f->new_password != NULL)
    env[0] = new_password = g_strconcat ("FIREGRID_NEW_PASSWORD=", f->new_password, NULL);

  return run_cli_valist (with_db ? f->db : NULL, f->user, f->password, f->xdg_data_home, NULL, env,
                         first_arg, args);
}

static Result *
run_db (Fixture    *f,
        const char *first_arg,
        ...)
{
  va_list args;
  Result *result;

  va_start (args, first_arg);
  result = run_as_fixture_says (f, TRUE, first_arg, args);
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
  result = run_as_fixture_says (f, FALSE, first_arg, args);
  va_end (args);

  return result;
}

static void
set_up_township (Fixture *f)
{
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) village = NULL;
  g_autoptr(Result) grid = NULL;

  log_in_as (f, NULL, ADMIN_PASSWORD);
  init = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--county-name", "郏县",
                 "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_success (init);
  log_in_as (f, "admin", ADMIN_PASSWORD);
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
  static const char * const commands[] = { "init", "demo", "region", "venue", "category",
                                           "checklist", "inspection", "campaign",
                                           "account", "audit", "check" };
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
  g_assert_nonnull (strstr (help->out, "--user"));
  g_assert_nonnull (strstr (help->out, "FIREGRID_PASSWORD"));

  assert_success (venue_help);
  g_assert_nonnull (strstr (venue_help->out, "firegrid-cli venue"));
  g_assert_nonnull (strstr (venue_help->out, "search"));
  g_assert_nonnull (strstr (venue_help->out, "edit"));

  assert_success (add_help);
  g_assert_nonnull (strstr (add_help->out, "firegrid-cli venue add"));
  g_assert_nonnull (strstr (add_help->out, "--credit-code"));
  g_assert_nonnull (strstr (add_help->out, "--user"));

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

  log_in_as (f, NULL, ADMIN_PASSWORD);
  init = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_success (init);
  g_assert_nonnull (strstr (init->out, "冢头镇"));
  g_assert_nonnull (strstr (init->out, "--user admin"));
  log_in_as (f, "admin", ADMIN_PASSWORD);

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

  log_in_as (f, NULL, ADMIN_PASSWORD);
  for (guint i = 0; i < G_N_ELEMENTS (wrong_codes); i++)
    {
      g_autoptr(Result) wrong = run_db (f, "init", "--township", wrong_codes[i], "--name", "冢头镇",
                                        "--admin", "admin", "--admin-name", "张伟", NULL);

      assert_refused (wrong, 1);
      g_assert_cmpuint (count_lines (wrong->err), ==, 1);
      /* nothing is stored: not even an empty database file */
      g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
    }

  good = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_success (good);

  again = run_db (f, "init", "--township", "410425102", "--name", "安良镇", "--admin", "boss", "--admin-name", "张伟", NULL);
  assert_refused (again, 1);
  g_assert_nonnull (strstr (again->err, "already set up"));

  log_in_as (f, "admin", ADMIN_PASSWORD);
  tsv = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (tsv);
  g_assert_cmpstr (tsv->out, ==, "township\t410425101000\t冢头镇\t0\t0\n");
}

/* The demo's accounts, as the README and “demo” publish them. */
static const struct
{
  const char *login;
  const char *password;
  const char *role_label;
} demo_accounts[] = {
  { "admin", "demo-admin", "Township administrator" },
  { "staff", "demo-staff", "Township staff" },
  { "grid", "demo-grid", "Grid worker" },
  { "village", "demo-village", "Village committee" },
  { "county", "demo-county", "County office" },
};

/* calendar install: a year the program came without, from a file, by an
 * administrator; then counted in. */
static void
test_cli_calendar (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "2027.xml", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) by_staff = NULL;
  g_autoptr(Result) broken = NULL;
  g_autoptr(Result) installed = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) no_file = NULL;
  g_autoptr(GError) error = NULL;

  assert_success (demo);
  g_file_set_contents (file,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<calendar xmlns=\"urn:firegrid:calendar:1\">\n"
                       "  <year value=\"2027\">\n"
                       "    <source>测试</source>\n"
                       "    <day date=\"2027-01-01\" kind=\"holiday\" name=\"元旦\"/>\n"
                       "  </year>\n"
                       "</calendar>\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "<calendar/>", -1, &error);
  g_assert_no_error (error);

  /* before: 1 January 2027 is a Friday like any other, and said to be a guess */
  before = run_db (f, "calendar", "workdays", "2026-12-31", "2027-01-04", NULL);
  g_assert_cmpint (before->status, ==, 0);
  g_assert_true (g_str_has_prefix (before->out, "2 working days\n"));
  g_assert_nonnull (strstr (before->err, "2027"));

  log_in_as (f, "staff", "demo-staff");
  by_staff = run_db (f, "calendar", "install", file, NULL);
  assert_refused (by_staff, 1);

  log_in_as (f, "admin", "demo-admin");
  broken = run_db (f, "calendar", "install", bad, NULL);
  assert_refused (broken, 1);
  g_assert_nonnull (strstr (broken->err, "bad.xml"));
  no_file = run_db (f, "calendar", "install", NULL);
  assert_refused (no_file, 2);

  installed = run_db (f, "calendar", "install", file, NULL);
  assert_success (installed);
  g_assert_nonnull (strstr (installed->out, "2027"));

  after = run_db (f, "calendar", "workdays", "2026-12-31", "2027-01-04", NULL);
  assert_success (after);
  g_assert_true (g_str_has_prefix (after->out, "1 working day\n"));
  g_assert_nonnull (strstr (after->out, "元旦"));
  g_assert_cmpstr (after->err, ==, "");
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

  /* one line per account: login, role, area, password; and each logs in */
  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      g_autofree char *start = g_strdup_printf ("\n%s ", demo_accounts[i].login);
      g_autofree char *end = g_strdup_printf (" %s\n", demo_accounts[i].password);
      g_autoptr(Result) read = NULL;
      const char *line = strstr (demo->out, start);
      const char *line_end;

      /* g_assert (), which never returns when it fails, so the compiler
       * knows the searches below start in the text */
      g_assert (line != NULL);
      line_end = strchr (line + 1, '\n');
      g_assert (line_end != NULL);
      g_assert_true (strstr (line, end) == line_end - strlen (end) + 1);
      g_assert_nonnull (g_strstr_len (line, line_end - line, demo_accounts[i].role_label));

      log_in_as (f, demo_accounts[i].login, demo_accounts[i].password);
      read = run_db (f, "region", "list", "--format", "tsv", NULL);
      assert_success (read);
      g_assert_true (g_str_has_prefix (read->out, "township\t410425101000\t冢头镇\t"));
    }

  log_in_as (f, "admin", "demo-admin");
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

  log_in_as (f, NULL, NULL);
  again = run_db (f, "demo", NULL);
  assert_refused (again, 1);
  g_assert_nonnull (strstr (again->err, "already set up"));

  log_in_as (f, "admin", "demo-admin");
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
  g_autoptr(Result) both = NULL;
  g_autoptr(Result) first = NULL;
  g_autoptr(Result) second = NULL;
  g_autoptr(Result) past = NULL;
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

  /* the total under a table: from the rows read when they are all there
   * are, counted when a limit or an offset leaves some out */
  both = run_db (f, "venue", "list", "--search", "人民路", NULL);
  assert_success (both);
  g_assert_nonnull (strstr (both->out, "\n2 venues.\n"));
  first = run_db (f, "venue", "list", "--search", "人民路", "--limit", "1", NULL);
  assert_success (first);
  g_assert_nonnull (strstr (first->out, "\nVenues 1 to 1 of 2.\n"));
  second = run_db (f, "venue", "list", "--search", "人民路", "--offset", "1", NULL);
  assert_success (second);
  g_assert_nonnull (strstr (second->out, "\nVenues 2 to 2 of 2.\n"));
  past = run_db (f, "venue", "list", "--search", "人民路", "--offset", "5", NULL);
  assert_success (past);
  g_assert_nonnull (strstr (past->out, "2 venues match in all"));

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

/* The names (the second field) of a tab-separated venue list, joined by "|". */
static char *
listed_names (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "", fields[1]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* venue list sorts Chinese in pinyin order, as the window does: 老 (lǎo)
 * before 王 (wáng) before 星 (xīng), not by code point. */
static void
test_cli_venue_pinyin (Fixture       *f,
                       gconstpointer  data)
{
  /* in code point order */
  static const char * const names[] = { "丁", "东", "中", "于", "人", "张", "星", "李", "王", "老", "赵" };
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) descending = NULL;
  g_autoptr(Result) by_address = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *listed_descending = NULL;
  g_autofree char *listed_by_address = NULL;

  set_up_township (f);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *address = g_strdup_printf ("李庄村人民路%u号", 2 * (guint) (G_N_ELEMENTS (names) - i));
      g_autofree char *id = add_venue (f, names[i], address, "restaurant", "王卫东");
    }

  list = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (list);
  listed = listed_names (list->out);
  g_assert_cmpstr (listed, ==, "丁|东|老|李|人|王|星|于|张|赵|中");

  descending = run_db (f, "venue", "list", "--sort", "name", "--desc", "--format", "tsv", NULL);
  assert_success (descending);
  listed_descending = listed_names (descending->out);
  g_assert_cmpstr (listed_descending, ==, "中|赵|张|于|星|王|人|李|老|东|丁");

  /* 2号 before 10号: the numbers in an address as numbers */
  by_address = run_db (f, "venue", "list", "--sort", "address", "--format", "tsv", NULL);
  assert_success (by_address);
  listed_by_address = listed_names (by_address->out);
  g_assert_cmpstr (listed_by_address, ==, "赵|老|王|李|星|张|人|于|中|东|丁");
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

  log_in_as (f, NULL, ADMIN_PASSWORD);
  init = run_plain (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_success (init);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));

  log_in_as (f, "admin", ADMIN_PASSWORD);
  list = run_plain (f, "venue", "list", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, "No venues match.\n");
}

/* Whether the TSV @text has a line whose fields start with @first (NULL
 * where any value will do), up to the first NULL-terminated list end. */
static gboolean
has_tsv_line (const char *text,
              guint       n_fields,
              ...)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  va_list args;

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (wanted, va_arg (args, char *));
  va_end (args);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      gboolean match = g_strv_length (fields) >= n_fields;

      for (guint j = 0; match && j < n_fields; j++)
        if (g_ptr_array_index (wanted, j) != NULL)
          match = g_str_equal (fields[j], g_ptr_array_index (wanted, j));
      if (match)
        return TRUE;
    }

  return FALSE;
}

static void
test_cli_login_needed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) add = NULL;
  g_autoptr(Result) categories = NULL;
  g_autoptr(Result) no_password = NULL;
  g_autoptr(Result) regions = NULL;

  set_up_township (f);

  log_in_as (f, NULL, ADMIN_PASSWORD);
  list = run_db (f, "venue", "list", NULL);
  assert_refused (list, 2);
  g_assert_nonnull (strstr (list->err, "This database has accounts: give --user LOGIN "
                                       "(the password is read from FIREGRID_PASSWORD or asked for)."));

  add = run_db (f, "region", "add", "--code", VILLAGE2, "--name", "王楼村", NULL);
  assert_refused (add, 2);

  /* no data, no login */
  categories = run_db (f, "category", "list", NULL);
  assert_success (categories);
  g_assert_nonnull (strstr (categories->out, "restaurant"));

  /* neither the variable nor a terminal: refused, not left waiting */
  log_in_as (f, "admin", NULL);
  no_password = run_db (f, "venue", "list", NULL);
  assert_refused (no_password, 1);
  g_assert_nonnull (strstr (no_password->err, "FIREGRID_PASSWORD"));
  g_assert_cmpuint (count_lines (no_password->err), ==, 1);

  log_in_as (f, "admin", ADMIN_PASSWORD);
  regions = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (regions);
  g_assert_null (strstr (regions->out, "王楼村"));
}

static void
test_cli_wrong_password (Fixture       *f,
                         gconstpointer  data)
{
  static const char message[] =
    "firegrid-cli: The login name or the password is wrong. Check them and try again.\n";
  g_autoptr(Result) wrong = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) audit = NULL;

  set_up_township (f);

  log_in_as (f, "admin", "not-the-password");
  wrong = run_db (f, "venue", "list", NULL);
  assert_refused (wrong, 1);
  g_assert_cmpstr (wrong->err, ==, message);

  /* an unknown login sounds the same */
  log_in_as (f, "nobody", ADMIN_PASSWORD);
  unknown = run_db (f, "venue", "list", NULL);
  assert_refused (unknown, 1);
  g_assert_cmpstr (unknown->err, ==, message);

  log_in_as (f, "admin", ADMIN_PASSWORD);
  audit = run_db (f, "audit", "list", "--format", "tsv", NULL);
  assert_success (audit);
  g_assert_true (has_tsv_line (audit->out, 5, NULL, "admin", "login", NULL, "refused"));
  g_assert_true (has_tsv_line (audit->out, 5, NULL, "nobody", "login", NULL, "refused"));
  /* the passwords are not written anywhere */
  g_assert_null (strstr (audit->out, "not-the-password"));
  g_assert_null (strstr (audit->out, ADMIN_PASSWORD));
}

static void
test_cli_grid_worker (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) accounts = NULL;
  g_autoptr(Result) regions = NULL;
  g_autoptr(Result) all = NULL;
  g_autoptr(Result) own = NULL;
  g_autoptr(Result) edit_other = NULL;
  g_autoptr(Result) move_own = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) about_other = NULL;
  g_autoptr(Result) audit = NULL;
  g_autoptr(Result) grid_audit = NULL;
  g_autofree char *grid_code = NULL;
  g_autofree char *count = NULL;
  g_autofree char *own_id = NULL;
  g_autofree char *region_line = NULL;
  g_auto(GStrv) all_lines = NULL;
  g_auto(GStrv) own_lines = NULL;
  const char *other_id = NULL;
  const char *other_region = NULL;
  g_auto(GStrv) other_fields = NULL;

  assert_success (demo);

  log_in_as (f, "admin", "demo-admin");
  accounts = run_db (f, "account", "list", "--format", "tsv", NULL);
  assert_success (accounts);
  grid_code = tsv_lookup (accounts->out, 0, "grid", 3);
  g_assert_nonnull (grid_code);
  g_assert_true (g_str_has_prefix (grid_code, "410425101"));
  g_assert_nonnull (strchr (grid_code, '-'));

  regions = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (regions);
  count = tsv_lookup (regions->out, 1, grid_code, 3);
  g_assert_nonnull (count);

  all = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (all);
  all_lines = g_strsplit (all->out, "\n", -1);
  for (guint i = 0; all_lines[i] != NULL && other_id == NULL; i++)
    {
      g_strfreev (other_fields);
      other_fields = g_strsplit (all_lines[i], "\t", -1);
      if (g_strv_length (other_fields) == 17 && !g_str_equal (other_fields[4], grid_code) &&
          strchr (other_fields[4], '-') != NULL)
        {
          other_id = other_fields[0];
          other_region = other_fields[4];
        }
    }
  g_assert_nonnull (other_id);

  /* the grid worker sees its own grid's venues, all of them, and no other */
  log_in_as (f, "grid", "demo-grid");
  own = run_db (f, "venue", "list", "--format", "tsv", NULL);
  assert_success (own);
  g_assert_cmpuint (count_lines (own->out), >, 0);
  g_assert_cmpuint (count_lines (own->out), <, 300);
  g_assert_cmpuint (count_lines (own->out), ==, (guint) g_ascii_strtoull (count, NULL, 10));
  own_lines = g_strsplit (own->out, "\n", -1);
  for (guint i = 0; own_lines[i] != NULL && *own_lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (own_lines[i], "\t", -1);

      g_assert_cmpstr (fields[4], ==, grid_code);
      if (own_id == NULL)
        own_id = g_strdup (fields[0]);
    }
  g_assert_null (strstr (own->out, other_id));

  /* a venue of another grid: refused */
  edit_other = run_db (f, "venue", "edit", other_id, "--phone", "13800000000", NULL);
  assert_refused (edit_other, 1);
  g_assert_nonnull (strstr (edit_other->err, "outside"));

  /* its own venue may not go to another grid either */
  move_own = run_db (f, "venue", "edit", own_id, "--region", other_region, NULL);
  assert_refused (move_own, 1);
  g_assert_nonnull (strstr (move_own->err, "outside"));
  region_line = g_strdup_printf ("\nregion\t%s\n", grid_code);
  shown = run_db (f, "venue", "show", own_id, "--format", "tsv", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, region_line));

  /* nor may it read the audit log */
  grid_audit = run_db (f, "audit", "list", NULL);
  assert_refused (grid_audit, 1);

  /* the administrator finds both refusals in the audit log. Editing a
   * venue it may not even see is refused when the venue is read for the
   * edit, and recorded so (venue-read); moving its own is a venue-edit. */
  log_in_as (f, "admin", "demo-admin");
  about_other = run_db (f, "audit", "list", "--record", other_id, "--format", "tsv", NULL);
  assert_success (about_other);
  /* the venue's own record (its registration) and the one refusal */
  g_assert_cmpuint (count_lines (about_other->out), ==, 2);
  g_assert_true (has_tsv_line (about_other->out, 5, NULL, "grid", "venue-read", other_id, "refused"));

  audit = run_db (f, "audit", "list", "--format", "tsv", NULL);
  assert_success (audit);
  g_assert_true (has_tsv_line (audit->out, 5, NULL, "grid", "venue-edit", NULL, "refused"));
  g_assert_true (has_tsv_line (audit->out, 5, NULL, "grid", "audit-read", NULL, "refused"));
}

static void
test_cli_account (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Result) add = NULL;
  g_autoptr(Result) add_grid = NULL;
  g_autoptr(Result) wrong_role = NULL;
  g_autoptr(Result) wrong_area = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) by_staff = NULL;
  g_autoptr(Result) list_after = NULL;
  g_autoptr(Result) passwd = NULL;
  g_autoptr(Result) weak = NULL;
  g_autoptr(Result) old_password = NULL;
  g_autoptr(Result) new_password = NULL;
  g_autoptr(Result) disable = NULL;
  g_autoptr(Result) disabled = NULL;
  g_autoptr(Result) enable = NULL;
  g_autoptr(Result) enabled = NULL;
  g_autoptr(Result) reset = NULL;
  g_autoptr(Result) after_reset = NULL;
  g_autoptr(Result) last_admin = NULL;
  g_autoptr(Result) audit = NULL;

  set_up_township (f);

  f->new_password = "staff-secret-1";
  add = run_db (f, "account", "add", "wang.li", "--name", "王丽", "--role", "township-staff",
                "--area", TOWNSHIP, NULL);
  assert_success (add);
  g_assert_nonnull (strstr (add->out, "wang.li"));

  f->new_password = "grid-secret-1";
  add_grid = run_db (f, "account", "add", "zhao.qiang", "--name", "赵强", "--role", "grid-worker",
                     "--area", VILLAGE "-001", NULL);
  assert_success (add_grid);

  wrong_role = run_db (f, "account", "add", "li.ming", "--name", "李明", "--role", "mayor",
                       "--area", TOWNSHIP, NULL);
  assert_refused (wrong_role, 2);
  wrong_area = run_db (f, "account", "add", "li.ming", "--name", "李明", "--role", "grid-worker",
                       "--area", TOWNSHIP, NULL);
  assert_refused (wrong_area, 1);

  list = run_db (f, "account", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==,
                   "admin\t张伟\ttownship-admin\t410425101000\t冢头镇\t1\t\n"
                   "wang.li\t王丽\ttownship-staff\t410425101000\t冢头镇\t1\t\n"
                   "zhao.qiang\t赵强\tgrid-worker\t" VILLAGE "-001\t第一网格\t1\t\n");

  /* staff may not add accounts */
  log_in_as (f, "wang.li", "staff-secret-1");
  f->new_password = "other-secret-1";
  by_staff = run_db (f, "account", "add", "li.ming", "--name", "李明", "--role", "township-staff",
                     "--area", TOWNSHIP, NULL);
  assert_refused (by_staff, 1);
  g_assert_nonnull (strstr (by_staff->err, "does not allow you to manage accounts"));

  /* but may change their own password */
  f->new_password = "short";
  weak = run_db (f, "account", "passwd", NULL);
  assert_refused (weak, 1);
  g_assert_nonnull (strstr (weak->err, "at least 8"));
  f->new_password = "staff-secret-2";
  passwd = run_db (f, "account", "passwd", NULL);
  assert_success (passwd);
  f->new_password = NULL;

  old_password = run_db (f, "venue", "list", NULL);
  assert_refused (old_password, 1);
  log_in_as (f, "wang.li", "staff-secret-2");
  new_password = run_db (f, "venue", "list", NULL);
  assert_success (new_password);

  log_in_as (f, "admin", ADMIN_PASSWORD);
  list_after = run_db (f, "account", "list", "--format", "tsv", NULL);
  assert_success (list_after);
  g_assert_cmpuint (count_lines (list_after->out), ==, 3);
  g_assert_null (strstr (list_after->out, "li.ming"));

  /* switched off, a person cannot log in; switched on again, can */
  disable = run_db (f, "account", "disable", "wang.li", NULL);
  assert_success (disable);
  log_in_as (f, "wang.li", "staff-secret-2");
  disabled = run_db (f, "venue", "list", NULL);
  assert_refused (disabled, 1);
  g_assert_nonnull (strstr (disabled->err, "switched off"));
  log_in_as (f, "admin", ADMIN_PASSWORD);
  enable = run_db (f, "account", "enable", "wang.li", NULL);
  assert_success (enable);
  log_in_as (f, "wang.li", "staff-secret-2");
  enabled = run_db (f, "venue", "list", NULL);
  assert_success (enabled);

  /* a forgotten password, reset by the administrator */
  log_in_as (f, "admin", ADMIN_PASSWORD);
  f->new_password = "reset-secret-1";
  reset = run_db (f, "account", "reset", "wang.li", NULL);
  assert_success (reset);
  f->new_password = NULL;
  log_in_as (f, "wang.li", "reset-secret-1");
  after_reset = run_db (f, "venue", "list", NULL);
  assert_success (after_reset);

  log_in_as (f, "admin", ADMIN_PASSWORD);
  last_admin = run_db (f, "account", "disable", "admin", NULL);
  assert_refused (last_admin, 1);
  g_assert_nonnull (strstr (last_admin->err, "last township administrator"));

  audit = run_db (f, "audit", "list", "--format", "tsv", NULL);
  assert_success (audit);
  g_assert_true (has_tsv_line (audit->out, 5, NULL, "wang.li", "account-manage", NULL, "refused"));
  g_assert_null (strstr (audit->out, "secret"));
}

static void
test_cli_init_admin (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Result) no_admin = NULL;
  g_autoptr(Result) weak = NULL;
  g_autoptr(Result) bad_login = NULL;
  g_autoptr(Result) no_password = NULL;
  g_autoptr(Result) code_for_name = NULL;
  g_autoptr(Result) good = NULL;
  g_autoptr(Result) list = NULL;

  log_in_as (f, NULL, ADMIN_PASSWORD);
  no_admin = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", NULL);
  assert_refused (no_admin, 2);
  g_assert_nonnull (strstr (no_admin->err, "--admin"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* a refused account leaves no township behind, nor a file */
  log_in_as (f, NULL, "short");
  weak = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_refused (weak, 1);
  g_assert_nonnull (strstr (weak->err, "at least 8"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  log_in_as (f, NULL, ADMIN_PASSWORD);
  bad_login = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "王 丽", "--admin-name", "张伟", NULL);
  assert_refused (bad_login, 1);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  log_in_as (f, NULL, NULL);
  no_password = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_refused (no_password, 1);
  g_assert_nonnull (strstr (no_password->err, "FIREGRID_PASSWORD"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* the county's code where its name belongs would print in the issuer's name */
  log_in_as (f, NULL, ADMIN_PASSWORD);
  code_for_name = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--county-name", "410425",
                          "--admin", "admin", "--admin-name", "张伟", NULL);
  assert_refused (code_for_name, 1);
  g_assert_nonnull (strstr (code_for_name->err, "410425"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  good = run_db (f, "init", "--township", TOWNSHIP, "--name", "冢头镇", "--admin", "wang.li",
                 "--admin-name", "王丽", NULL);
  assert_success (good);
  g_assert_nonnull (strstr (good->out, "王丽"));
  g_assert_null (strstr (good->out, ADMIN_PASSWORD));

  log_in_as (f, "wang.li", ADMIN_PASSWORD);
  list = run_db (f, "account", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, "wang.li\t王丽\ttownship-admin\t410425101000\t冢头镇\t1\t\n");
}

/* A township of the shipped division list is set up from its code: the
 * names come from the list. One the list lacks needs them given. */
static void
test_cli_init_from_list (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Result) no_name = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) good = NULL;
  g_autoptr(Result) tsv = NULL;
  g_autoptr(Result) settings = NULL;

  log_in_as (f, NULL, ADMIN_PASSWORD);

  /* the administrator's real name is asked for, not made of the login */
  no_name = run_db (f, "init", "--township", "411081103", "--admin", "zhang.wei", NULL);
  assert_refused (no_name, 2);
  g_assert_nonnull (strstr (no_name->err, "--admin-name"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* a code the list lacks: its names are needed, nothing is stored */
  unknown = run_db (f, "init", "--township", "419999101", "--admin", "zhang.wei", "--admin-name", "张伟", NULL);
  assert_refused (unknown, 2);
  g_assert_nonnull (strstr (unknown->err, "--name"));
  g_assert_nonnull (strstr (unknown->err, "419999101000"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  good = run_db (f, "init", "--township", "411081103", "--admin", "zhang.wei", "--admin-name", "张伟", NULL);
  assert_success (good);
  g_assert_nonnull (strstr (good->out, "2022"));
  g_assert_nonnull (strstr (good->out, "禹州市 神垕镇"));
  g_assert_nonnull (strstr (good->out, "张伟"));

  log_in_as (f, "zhang.wei", ADMIN_PASSWORD);
  tsv = run_db (f, "region", "list", "--format", "tsv", NULL);
  assert_success (tsv);
  g_assert_cmpstr (tsv->out, ==, "township\t411081103000\t神垕镇\t0\t0\n");
  /* the authority's name is made of the list's county and township */
  settings = run_db (f, "notice", "settings", NULL);
  assert_success (settings);
  g_assert_nonnull (strstr (settings->out, "禹州市神垕镇人民政府"));
}

/* --- checklists and inspections ---------------------------------------- */

/* The lines of @text whose first field is @tag. */
static guint
count_tagged_lines (const char *text,
                    const char *tag)
{
  g_autofree char *start = g_strdup_printf ("%s\t", tag);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], start);
  return n;
}

/* The “item” lines of “inspection show --format tsv” with @outcome. */
static guint
count_outcomes (const char *text,
                const char *outcome)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      n += g_strv_length (fields) >= 3 && g_str_equal (fields[0], "item") &&
           g_str_equal (fields[2], outcome);
    }
  return n;
}

/* The first venue of @category that the current login sees. */
static char *
find_venue (Fixture    *f,
            const char *category)
{
  g_autoptr(Result) venues = run_db (f, "venue", "list", "--category", category,
                                     "--format", "tsv", "--limit", "1", NULL);

  assert_success (venues);
  g_assert_cmpuint (strlen (venues->out), >, 36);
  return g_strndup (venues->out, 36);
}

/* Two item codes of the restaurant checklist: the first and the last. */
static void
restaurant_codes (Fixture  *f,
                  char    **first,
                  char    **last)
{
  g_autoptr(Result) items = run_db (f, "checklist", "show", "restaurant", "--format", "tsv", NULL);
  g_auto(GStrv) lines = NULL;
  guint n;

  assert_success (items);
  lines = g_strsplit (items->out, "\n", -1);
  n = g_strv_length (lines) - 1;  /* after the last line break */
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 14);
      g_assert_cmpstr (fields[0], !=, "");
      /* what a notice says was found: never the requirement restated */
      g_assert_cmpstr (fields[9], !=, "");
      g_assert_cmpstr (fields[9], !=, fields[6]);
    }

  *first = g_strndup (lines[0], strcspn (lines[0], "\t"));
  *last = g_strndup (lines[n - 1], strcspn (lines[n - 1], "\t"));
}

static void
test_cli_checklist_validate (Fixture       *f,
                             gconstpointer  data)
{
  const char *source_dir = g_getenv ("FIREGRID_SOURCE_DIR");
  g_autofree char *good = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.xml", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.xml", NULL);
  g_autoptr(Result) valid = NULL;
  g_autoptr(Result) valid_tsv = NULL;
  g_autoptr(Result) invalid = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(Result) no_file = NULL;
  g_autoptr(GError) error = NULL;
  GString *text;
  char *attribute;

  g_assert_nonnull (source_dir);
  good = g_build_filename (source_dir, "data", "checklists", "restaurant.xml", NULL);

  valid = run_plain (f, "checklist", "validate", good, NULL);
  assert_success (valid);
  g_assert_true (g_str_has_prefix (valid->out, "valid: restaurant version "));

  valid_tsv = run_plain (f, "checklist", "validate", "--format", "tsv", good, NULL);
  assert_success (valid_tsv);
  g_assert_true (g_str_has_prefix (valid_tsv->out, "valid\trestaurant\t"));

  /* then every basis marked unverified, which documents never print:
   * as many lines as the file marks */
  {
    g_autofree char *internet_cafe = g_build_filename (source_dir, "data", "checklists", "internet-cafe.xml", NULL);
    g_autofree char *xml = NULL;
    g_autoptr(Result) listed = run_plain (f, "checklist", "validate", internet_cafe, NULL);
    g_autoptr(Result) listed_tsv = run_plain (f, "checklist", "validate", "--format", "tsv", internet_cafe, NULL);
    guint n_marked = 0;

    g_file_get_contents (internet_cafe, &xml, NULL, &error);
    g_assert_no_error (error);
    for (const char *p = strstr (xml, "verified=\"false\""); p != NULL; p = strstr (p + 1, "verified=\"false\""))
      n_marked++;
    g_assert_cmpuint (n_marked, >, 0);

    assert_success (listed);
    g_assert_nonnull (strstr (listed->out, "unverified basis, never printed: internet-cafe C-LOC-01: "
                                           "《河南省消防条例》第二十七条（改变建筑物用途的）\n"));
    /* an order left without a printable basis is named too; one whose
     * basis was confirmed is not */
    g_assert_nonnull (strstr (listed->out, "no printable basis: internet-cafe C-LOC-01"));
    g_assert_null (strstr (listed->out, "NET-SMOKE-01"));
    assert_success (listed_tsv);
    g_assert_cmpuint (count_tagged_lines (listed_tsv->out, "unverified"), ==, n_marked);
    g_assert_true (has_tsv_line (listed_tsv->out, 4, "unverified", "internet-cafe", "C-LOC-01",
                                 "《河南省消防条例》第二十七条（改变建筑物用途的）"));
    g_assert_cmpuint (count_lines (listed_tsv->out), ==, n_marked + 1);
  }

  /* a copy whose first item has a deadline that is not a number */
  g_file_get_contents (good, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  attribute = strstr (text->str, "deadline-days=\"");
  g_assert_nonnull (attribute);
  g_string_insert (text, attribute - text->str + strlen ("deadline-days=\""), "soon");
  broken = g_string_free (text, FALSE);
  g_file_set_contents (broken_path, broken, -1, &error);
  g_assert_no_error (error);

  invalid = run_plain (f, "checklist", "validate", broken_path, NULL);
  assert_refused (invalid, 1);
  g_assert_nonnull (strstr (invalid->err, "Line"));
  g_assert_nonnull (strstr (invalid->err, "broken.xml"));
  g_assert_cmpuint (count_lines (invalid->err), ==, 1);

  missing = run_plain (f, "checklist", "validate", missing_path, NULL);
  assert_refused (missing, 1);
  no_file = run_plain (f, "checklist", "validate", NULL);
  assert_refused (no_file, 2);

  /* a file is checked without any database */
  g_assert_false (g_file_test (f->xdg_data_home, G_FILE_TEST_EXISTS));
}

static void
test_cli_checklist_show (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) table = NULL;
  g_autoptr(Result) care = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) old_version = NULL;
  g_autoptr(Result) venues = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  assert_success (demo);

  /* checklists are program data: no login */
  log_in_as (f, NULL, NULL);
  list = run_db (f, "checklist", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_true (has_tsv_line (list->out, 3, "restaurant", NULL, "restaurant"));
  g_assert_true (has_tsv_line (list->out, 3, "hotel", NULL, "hotel"));
  /* the kinds added for care homes, warehouses and fuel dealers */
  g_assert_true (has_tsv_line (list->out, 3, "elderly-care", NULL, "elderly-care"));
  g_assert_true (has_tsv_line (list->out, 3, "warehouse", NULL, "warehouse"));
  g_assert_true (has_tsv_line (list->out, 3, "fuel-outlet", NULL, "fuel-outlet"));

  restaurant_codes (f, &first, &last);
  table = run_db (f, "checklist", "show", "restaurant", NULL);
  assert_success (table);
  g_assert_nonnull (strstr (table->out, first));
  g_assert_nonnull (strstr (table->out, last));
  g_assert_nonnull (strstr (table->out, "Basis: "));
  g_assert_nonnull (strstr (table->out, "Finding: "));

  care = run_db (f, "checklist", "show", "elderly-care", NULL);
  assert_success (care);
  g_assert_nonnull (strstr (care->out, "ELD-NIGHT-01"));
  g_assert_nonnull (strstr (care->out, "C-KEY-01"));

  unknown = run_db (f, "checklist", "show", "bowling-alley", NULL);
  assert_refused (unknown, 1);
  g_assert_nonnull (strstr (unknown->err, "checklist list"));
  old_version = run_db (f, "checklist", "show", "restaurant", "--version", "999", NULL);
  assert_refused (old_version, 1);

  /* records, unlike checklists, still need a login */
  venues = run_db (f, "venue", "list", NULL);
  assert_refused (venues, 2);
}

static void
test_cli_inspection_record (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) record = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) show_table = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) checklist = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *fail = NULL;
  g_autofree char *note = NULL;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *n_failed = NULL;
  g_autofree char *deadline = NULL;
  g_auto(GStrv) lines = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  venue = find_venue (f, "restaurant");
  restaurant_codes (f, &first, &last);

  fail = g_strdup_printf ("%s,%s", first, last);
  note = g_strdup_printf ("%s=灭火器压力不足", first);
  record = run_db (f, "inspection", "record", "--venue", venue, "--fail", fail, "--note", note,
                   "--format", "tsv", NULL);
  assert_success (record);

  /* the id, then one line per hazard: code, grade, deadline */
  lines = g_strsplit (record->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpuint (strlen (lines[0]), ==, 36);
  id = g_strdup (lines[0]);
  g_assert_true (has_tsv_line (record->out, 1, first));
  g_assert_true (has_tsv_line (record->out, 1, last));

  show = run_db (f, "inspection", "show", id, "--format", "tsv", NULL);
  assert_success (show);
  g_assert_cmpuint (count_tagged_lines (show->out, "hazard"), ==, 2);
  g_assert_true (has_tsv_line (show->out, 5, "hazard", first, NULL, NULL, "灭火器压力不足"));
  g_assert_true (has_tsv_line (show->out, 2, "hazard", last));
  g_assert_true (has_tsv_line (show->out, 4, "item", first, "fail", "灭火器压力不足"));
  g_assert_true (has_tsv_line (show->out, 3, "item", last, "fail"));
  g_assert_true (has_tsv_line (show->out, 2, "venue", venue));
  g_assert_true (has_tsv_line (show->out, 2, "inspector", "admin"));
  g_assert_true (has_tsv_line (show->out, 2, "status", "finished"));
  g_assert_true (has_tsv_line (show->out, 2, "kind", "routine"));
  /* every other item passed */
  g_assert_cmpuint (count_outcomes (show->out, "fail"), ==, 2);
  g_assert_cmpuint (count_outcomes (show->out, "na"), ==, 0);
  g_assert_cmpuint (count_outcomes (show->out, "pass"), ==, count_tagged_lines (show->out, "item") - 2);

  show_table = run_db (f, "inspection", "show", id, NULL);
  assert_success (show_table);
  g_assert_nonnull (strstr (show_table->out, "restaurant v"));
  g_assert_nonnull (strstr (show_table->out, first));

  /* the demo may have inspected the venue before: the newest comes first */
  list = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (list);
  g_assert_true (g_str_has_prefix (list->out, id));
  status = tsv_lookup (list->out, 0, id, 6);
  g_assert_cmpstr (status, ==, "finished");
  n_failed = tsv_lookup (list->out, 0, id, 8);
  g_assert_cmpstr (n_failed, ==, "2");

  /* the hazard lines of “record” name the grades the checklist proposes */
  checklist = run_db (f, "checklist", "show", "restaurant", "--format", "tsv", NULL);
  assert_success (checklist);
  deadline = tsv_lookup (checklist->out, 0, first, 5);
  g_assert_true (has_tsv_line (record->out, 3, first, NULL, deadline));
}

static void
test_cli_inspection_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) village_venues = NULL;
  g_autoptr(Result) village_before = NULL;
  g_autoptr(Result) by_village = NULL;
  g_autoptr(Result) village_after = NULL;
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) after_unknown = NULL;
  g_autoptr(Result) bad_photo = NULL;
  g_autoptr(Result) after_photo = NULL;
  g_autoptr(Result) not_applicable = NULL;
  g_autoptr(Result) after_na = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) photo = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) discard = NULL;
  g_autoptr(Result) no_kind = NULL;
  g_autoptr(Result) no_venue = NULL;
  g_autofree char *village_venue = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *fail = NULL;
  g_autofree char *text_path = g_build_filename (f->dir, "note.jpg", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "exit.png", NULL);
  g_autofree char *bad_photo_arg = NULL;
  g_autofree char *photo_arg = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;
  /* the smallest PNG: 1×1, grey */
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55,
    0x00, 0x00, 0x00, 0x0a, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02,
    0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71,
    0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };

  assert_success (demo);

  /* the village committee sees its venues, but does not inspect them */
  log_in_as (f, "village", "demo-village");
  village_venues = run_db (f, "venue", "list", "--format", "tsv", "--limit", "1", NULL);
  assert_success (village_venues);
  g_assert_cmpuint (strlen (village_venues->out), >, 36);
  village_venue = g_strndup (village_venues->out, 36);
  village_before = run_db (f, "inspection", "list", "--venue", village_venue, "--format", "tsv", NULL);
  assert_success (village_before);
  by_village = run_db (f, "inspection", "record", "--venue", village_venue, NULL);
  assert_refused (by_village, 1);
  g_assert_nonnull (strstr (by_village->err, "record inspections"));
  village_after = run_db (f, "inspection", "list", "--venue", village_venue, "--format", "tsv", NULL);
  assert_success (village_after);
  g_assert_cmpstr (village_after->out, ==, village_before->out);

  log_in_as (f, "admin", "demo-admin");
  venue = find_venue (f, "restaurant");
  restaurant_codes (f, &first, &last);
  before = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (before);

  /* an unknown code: refused, and no draft is left behind */
  fail = g_strdup_printf ("%s,NO-SUCH-ITEM", first);
  unknown = run_db (f, "inspection", "record", "--venue", venue, "--fail", fail, NULL);
  assert_refused (unknown, 1);
  g_assert_nonnull (strstr (unknown->err, "NO-SUCH-ITEM"));
  g_assert_null (strstr (unknown->err, first));
  after_unknown = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (after_unknown);
  g_assert_cmpstr (after_unknown->out, ==, before->out);
  discard = run_db (f, "inspection", "discard", "--venue", venue, NULL);
  assert_refused (discard, 1);
  g_assert_nonnull (strstr (discard->err, "no unfinished inspection"));

  /* a photo that is no image: refused after the start, the draft discarded */
  g_file_set_contents (text_path, "not a photo", -1, &error);
  g_assert_no_error (error);
  bad_photo_arg = g_strdup_printf ("%s=%s", first, text_path);
  bad_photo = run_db (f, "inspection", "record", "--venue", venue, "--photo", bad_photo_arg, NULL);
  assert_refused (bad_photo, 1);
  g_assert_nonnull (strstr (bad_photo->err, "JPEG or PNG"));
  after_photo = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (after_photo);
  g_assert_cmpstr (after_photo->out, ==, before->out);

  /* a device that never ends: refused unread, before anything starts */
  {
    g_autofree char *device_arg = g_strdup_printf ("%s=/dev/zero", first);
    g_autoptr(Result) device = run_db (f, "inspection", "record", "--venue", venue, "--photo", device_arg, NULL);
    g_autoptr(Result) after_device = NULL;

    assert_refused (device, 1);
    g_assert_nonnull (strstr (device->err, "“zero” is not a photo file"));
    after_device = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
    assert_success (after_device);
    g_assert_cmpstr (after_device->out, ==, before->out);
  }

  /* the first item, who answers for the venue's fire safety, is a duty of
   * every venue: not applicable is refused, and nothing is stored */
  not_applicable = run_db (f, "inspection", "record", "--venue", venue, "--na", first, NULL);
  assert_refused (not_applicable, 1);
  g_assert_nonnull (strstr (not_applicable->err, "cannot be marked not applicable"));
  g_assert_nonnull (strstr (not_applicable->err, first));
  after_na = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (after_na);
  g_assert_cmpstr (after_na->out, ==, before->out);

  /* and then the inspection can be recorded, with a real photo */
  g_file_set_contents (png_path, (const char *) png, sizeof png, &error);
  g_assert_no_error (error);
  photo_arg = g_strdup_printf ("%s=%s", last, png_path);
  again = run_db (f, "inspection", "record", "--venue", venue, "--fail", last,
                  "--photo", photo_arg, "--format", "tsv", NULL);
  assert_success (again);
  g_assert_cmpuint (count_lines (again->out), ==, 2);
  again->out[36] = '\0';
  show = run_db (f, "inspection", "show", again->out, "--format", "tsv", NULL);
  assert_success (show);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png, sizeof png);
  g_assert_true (has_tsv_line (show->out, 5, "item", last, "fail", "", sha256));
  g_assert_cmpuint (count_tagged_lines (show->out, "hazard"), ==, 1);

  /* usage errors are found before anything is stored */
  no_kind = run_db (f, "inspection", "record", "--venue", venue, "--kind", "campaign", NULL);
  assert_refused (no_kind, 2);
  no_venue = run_db (f, "inspection", "record", "--fail", first, NULL);
  assert_refused (no_venue, 2);
}

/* The time @days_back days ago at @clock, as the options take it. */
static char *
days_ago_at (int         days_back,
             const char *clock)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_back);
  g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", day, clock);
}

/* An inspection made on paper is typed in with the times it took place;
 * times that cannot be are refused and leave nothing behind. */
static void
test_cli_inspection_entered_later (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) backwards = NULL;
  g_autoptr(Result) alone = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) record = NULL;
  g_autoptr(Result) show = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *started = days_ago_at (2, "09:30");
  g_autofree char *ended = days_ago_at (2, "10:45");
  g_autofree char *started_iso = NULL;
  g_autofree char *ended_iso = NULL;
  g_autofree char *shown_start = NULL;
  g_autofree char *shown_end = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  venue = find_venue (f, "restaurant");
  before = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (before);

  backwards = run_db (f, "inspection", "record", "--venue", venue, "--started", ended, "--ended", started, NULL);
  assert_refused (backwards, 1);
  g_assert_nonnull (strstr (backwards->err, "must end after it started"));
  alone = run_db (f, "inspection", "record", "--venue", venue, "--started", started, NULL);
  assert_refused (alone, 1);
  g_assert_nonnull (strstr (alone->err, "both"));
  after = run_db (f, "inspection", "list", "--venue", venue, "--format", "tsv", NULL);
  assert_success (after);
  g_assert_cmpstr (after->out, ==, before->out);

  record = run_db (f, "inspection", "record", "--venue", venue, "--started", started, "--ended", ended,
                   "--format", "tsv", NULL);
  assert_success (record);
  record->out[36] = '\0';
  show = run_db (f, "inspection", "show", record->out, "--format", "tsv", NULL);
  assert_success (show);
  started_iso = g_strdup (started);
  started_iso[10] = 'T';
  ended_iso = g_strdup (ended);
  ended_iso[10] = 'T';
  shown_start = tsv_lookup (show->out, 0, "started", 1);
  shown_end = tsv_lookup (show->out, 0, "finished", 1);
  g_assert_true (g_str_has_prefix (shown_start, started_iso));
  g_assert_true (g_str_has_prefix (shown_end, ended_iso));
}

/* The id of the first hazard of a TSV hazard list with grade @grade that
 * a decision may follow (open, rectifying, reported fixed, escalated). */
static char *
hazard_of_grade (const char *tsv,
                 const char *grade)
{
  const char *states[] = { "open", "rectifying", "reported-fixed", "escalated", NULL };

  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) > 5 && g_str_equal (fields[4], grade) &&
          g_strv_contains (states, fields[5]))
        return g_strdup (fields[0]);
    }
  return NULL;
}

/* The brigade decides on what it was sent: hazard decision is refused on
 * an ordinary hazard that never went to it, and recorded on a possibly
 * major one. */
static void
test_cli_hazard_decision (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) open = NULL;
  g_autoptr(Result) all = NULL;
  g_autoptr(Result) refused = NULL;
  g_autoptr(Result) show_before = NULL;
  g_autoptr(Result) show_after = NULL;
  g_autoptr(Result) recorded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *ordinary = NULL;
  g_autofree char *major = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  open = run_db (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  assert_success (open);
  all = run_db (f, "hazard", "list", "--format", "tsv", NULL);
  assert_success (all);
  ordinary = hazard_of_grade (open->out, "deadline");
  major = hazard_of_grade (all->out, "major-proposed");
  g_assert_nonnull (ordinary);
  g_assert_nonnull (major);

  show_before = run_db (f, "hazard", "show", ordinary, NULL);
  assert_success (show_before);
  refused = run_db (f, "hazard", "decision", ordinary, "--confirmed", "--number", "郏消隐判字〔2026〕第7号",
                    "--date", today, "--authority", "郏县消防救援大队", NULL);
  assert_refused (refused, 1);
  g_assert_nonnull (strstr (refused->err, "sent to the county brigade"));
  show_after = run_db (f, "hazard", "show", ordinary, NULL);
  assert_success (show_after);
  g_assert_cmpstr (show_after->out, ==, show_before->out);

  recorded = run_db (f, "hazard", "decision", major, "--not-confirmed", "--number", "郏消隐判字〔2026〕第8号",
                     "--date", today, "--authority", "郏县消防救援大队", NULL);
  assert_success (recorded);
}

/* escalation rules: shown as XML, loaded by an administrator from a
 * file checked against the schema, refused when not valid or by staff,
 * and reset to those shipped. */
static void
test_cli_escalation_rules (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) shipped = NULL;
  g_autoptr(Result) by_staff = NULL;
  g_autoptr(Result) broken = NULL;
  g_autoptr(Result) loaded = NULL;
  g_autoptr(Result) own = NULL;
  g_autoptr(Result) reset = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "rules.xml", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autoptr(GString) text = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  shipped = run_db (f, "escalation", "rules", "show", NULL);
  g_assert_cmpint (shipped->status, ==, 0);
  g_assert_nonnull (strstr (shipped->out, "<reinspection working-days=\"3\"/>"));
  g_assert_nonnull (strstr (shipped->err, "shipped"));

  text = g_string_new (shipped->out);
  g_string_replace (text, "<reinspection working-days=\"3\"/>", "<reinspection working-days=\"4\"/>", 1);
  g_file_set_contents (file, text->str, -1, &error);
  g_assert_no_error (error);
  g_string_replace (text, "<reinspection working-days=\"4\"/>", "<reinspection working-days=\"0\"/>", 1);
  g_file_set_contents (bad, text->str, -1, &error);
  g_assert_no_error (error);

  log_in_as (f, "staff", "demo-staff");
  by_staff = run_db (f, "escalation", "rules", "load", file, NULL);
  assert_refused (by_staff, 1);
  log_in_as (f, "admin", "demo-admin");
  broken = run_db (f, "escalation", "rules", "load", bad, NULL);
  assert_refused (broken, 1);
  g_assert_nonnull (strstr (broken->err, "bad.xml"));
  again = run_db (f, "escalation", "rules", "show", NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_cmpstr (again->out, ==, shipped->out);

  loaded = run_db (f, "escalation", "rules", "load", file, NULL);
  assert_success (loaded);
  own = run_db (f, "escalation", "rules", "show", NULL);
  g_assert_cmpint (own->status, ==, 0);
  g_assert_nonnull (strstr (own->out, "<reinspection working-days=\"4\"/>"));
  g_assert_nonnull (strstr (own->err, "rules.xml"));
  g_assert_nonnull (strstr (own->err, "admin"));

  reset = run_db (f, "escalation", "rules", "reset", NULL);
  assert_success (reset);
  g_clear_pointer (&again, result_free);
  again = run_db (f, "escalation", "rules", "show", NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_cmpstr (again->out, ==, shipped->out);
}

static void
test_cli_campaign (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) add = NULL;
  g_autoptr(Result) bad_dates = NULL;
  g_autoptr(Result) by_grid = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) record = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *listed_focus = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  venue = find_venue (f, "restaurant");
  restaurant_codes (f, &first, &last);

  focus = g_strdup_printf ("%s,%s", first, last);
  add = run_db (f, "campaign", "add", "--name", "冬春火灾防控专项行动", "--from", "2026-11-01",
                "--to", "2027-03-31", "--focus", focus, NULL);
  assert_success (add);
  g_assert_cmpuint (strlen (add->out), ==, 36 + 1);
  campaign = g_strndup (add->out, 36);

  bad_dates = run_db (f, "campaign", "add", "--name", "倒排", "--from", "2026-12-01",
                      "--to", "2026-11-01", NULL);
  assert_refused (bad_dates, 1);

  list = run_db (f, "campaign", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_true (has_tsv_line (list->out, 4, campaign, "冬春火灾防控专项行动", "2026-11-01", "2027-03-31"));
  listed_focus = tsv_lookup (list->out, 0, campaign, 4);
  g_assert_cmpstr (listed_focus, ==, focus);

  record = run_db (f, "inspection", "record", "--venue", venue, "--kind", "campaign",
                   "--campaign", campaign, "--fail", first, "--format", "tsv", NULL);
  assert_success (record);
  record->out[36] = '\0';
  show = run_db (f, "inspection", "show", record->out, "--format", "tsv", NULL);
  assert_success (show);
  g_assert_true (has_tsv_line (show->out, 2, "kind", "campaign"));
  g_assert_true (has_tsv_line (show->out, 2, "campaign", campaign));

  unknown = run_db (f, "inspection", "record", "--venue", venue, "--campaign",
                    "00000000-0000-0000-0000-000000000000", NULL);
  assert_refused (unknown, 1);
  g_assert_nonnull (strstr (unknown->err, "campaign list"));

  /* a grid worker inspects, but does not set up campaigns */
  log_in_as (f, "grid", "demo-grid");
  by_grid = run_db (f, "campaign", "add", "--name", "网格行动", "--from", "2026-11-01",
                    "--to", "2026-11-30", NULL);
  assert_refused (by_grid, 1);
}

/* The ledger: the demo's hazards, a notice, a refused close, the timeline,
 * and a grid worker who may not issue notices. */
static void
test_cli_hazard (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) notice = NULL;
  g_autoptr(Result) close = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) rectifying = NULL;
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) all = NULL;
  g_autoptr(Result) by_grid = NULL;
  g_autoptr(Result) bad_event = NULL;
  g_autoptr(Result) campaigns = NULL;
  g_autoptr(Result) in_campaign = NULL;
  g_autoptr(Result) no_campaign = NULL;
  g_autofree char *id = NULL;
  g_autofree char *campaign_id = NULL;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");

  list = run_db (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpuint (count_lines (list->out), >, 0);
  id = g_strndup (list->out, strcspn (list->out, "\t"));
  before = run_db (f, "hazard", "list", "--state", "rectifying", "--format", "tsv", NULL);
  assert_success (before);

  notice = run_db (f, "hazard", "event", id, "notice-issued", "--deadline", cli_test_day_ahead (40), "--confirm", NULL);
  assert_success (notice);

  close = run_db (f, "hazard", "event", id, "closed", NULL);
  assert_refused (close, 1);

  bad_event = run_db (f, "hazard", "event", id, "forgotten", NULL);
  assert_refused (bad_event, 2);

  show = run_db (f, "hazard", "show", id, NULL);
  assert_success (show);
  g_assert_nonnull (strstr (show->out, cli_test_day_ahead (40)));

  rectifying = run_db (f, "hazard", "list", "--state", "rectifying", "--format", "tsv", NULL);
  assert_success (rectifying);
  g_assert_cmpuint (count_lines (rectifying->out), ==, count_lines (before->out) + 1);
  g_assert_true (g_str_has_prefix (rectifying->out, id));

  /* the demo's campaign found some of the hazards, not all */
  campaigns = run_db (f, "campaign", "list", "--format", "tsv", NULL);
  assert_success (campaigns);
  campaign_id = g_strndup (campaigns->out, strcspn (campaigns->out, "\t"));
  in_campaign = run_db (f, "hazard", "list", "--campaign", campaign_id, "--format", "tsv", NULL);
  assert_success (in_campaign);
  all = run_db (f, "hazard", "list", "--format", "tsv", NULL);
  assert_success (all);
  g_assert_cmpuint (count_lines (in_campaign->out), >, 0);
  g_assert_cmpuint (count_lines (in_campaign->out), <, count_lines (all->out));
  no_campaign = run_db (f, "hazard", "list", "--campaign", "no-such-campaign", NULL);
  assert_refused (no_campaign, 1);
  g_assert_nonnull (strstr (no_campaign->err, "campaign list"));

  log_in_as (f, "grid", "demo-grid");
  by_grid = run_db (f, "hazard", "event", id, "reinspected-pass", NULL);
  assert_refused (by_grid, 1);
}

/* An office's sheet of venues: GBK, as Excel saves a CSV in China. */
static char *
write_gbk_sheet (Fixture    *f,
                 const char *name,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  gsize length = 0;
  g_autofree char *gbk = g_convert (text, -1, "GBK", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  g_file_set_contents (path, gbk, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_cli_venue_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Result) dry_run = NULL;
  g_autoptr(Result) import = NULL;
  g_autoptr(Result) update = NULL;
  g_autoptr(Result) remapped = NULL;
  g_autoptr(Result) bad_map = NULL;
  g_autoptr(Result) bad_file = NULL;
  g_autoptr(Result) twice_import = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *count_sql = NULL;

  set_up_township (f);
  registered = add_venue (f, "老王烧烤", "李庄村人民路20号", "restaurant", "王卫东");
  sheet = write_gbk_sheet (f, "李庄村.csv",
                           "冢头镇李庄村场所台账,,,,,\r\n"
                           "场所名称,地址,负责人,联系电话,所属村,场所类型\r\n"
                           "老王烧烤,李庄村人民路20号,王卫东,13812345678,李庄村,饭店\r\n"
                           "幸福超市,李庄村人民路8号,刘芳,13912345678,李庄,超市\r\n"
                           "坏电话小卖部,李庄村后街,钱多,138abc,李庄村,小商店\r\n");

  dry_run = run_db (f, "venue", "import", "--dry-run", sheet, NULL);
  assert_success (dry_run);
  g_test_message ("%s", dry_run->out);
  g_assert_nonnull (strstr (dry_run->out, "columns named on line 2"));
  g_assert_nonnull (strstr (dry_run->out, "Line 3 (老王烧烤): likely a duplicate"));
  g_assert_nonnull (strstr (dry_run->out, "Line 5 (坏电话小卖部): refused"));
  g_assert_nonnull (strstr (dry_run->out, "1 venues to add, 1 likely duplicates, 1 rows refused"));
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue"), ==, 1);

  import = run_db (f, "venue", "import", sheet, NULL);
  assert_success (import);
  g_assert_nonnull (strstr (import->out, "1 venues added, 0 updated, 1 likely duplicates skipped, 1 rows refused"));
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue"), ==, 2);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue WHERE name = '幸福超市'"
                                         " AND categories = '[\"shop\"]' AND phone = '13912345678'"), ==, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'venue-import'"), ==, 1);

  /* the registered venue takes the sheet's phone */
  update = run_db (f, "venue", "import", "--update", sheet, NULL);
  assert_success (update);
  g_assert_nonnull (strstr (update->out, "0 venues added, 2 updated"));
  count_sql = g_strdup_printf ("SELECT count(*) FROM venue WHERE id = '%s' AND phone = '13812345678'", registered);
  g_assert_cmpint (fg_test_count (f->db, count_sql), ==, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue"), ==, 2);

  /* a column left out by --map: the phone is no longer read, so no row is refused for it */
  remapped = run_db (f, "venue", "import", "--dry-run", "--map", "D=none", sheet, NULL);
  assert_success (remapped);
  g_assert_nonnull (strstr (remapped->out, "1 venues to add, 2 likely duplicates, 0 rows refused"));

  bad_map = run_db (f, "venue", "import", "--map", "联系电话=telephone", sheet, NULL);
  assert_refused_saying (bad_map, 1, "telephone");

  /* neither UTF-8 nor GBK: nothing changes */
  latin = g_build_filename (f->dir, "latin.csv", NULL);
  g_file_set_contents (latin, "Name,Address\r\nCaf\xe9 \xff,Rue\r\n", -1, NULL);
  bad_file = run_db (f, "venue", "import", latin, NULL);
  assert_refused_saying (bad_file, 1, "neither UTF-8 nor GBK");
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue"), ==, 2);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'venue-import'"), ==, 2);

  /* a venue twice in one file: --update stores it once, as the later line has it */
  twice = write_gbk_sheet (f, "twice.csv",
                           "场所名称,地址,负责人,联系电话,所属村,场所类型\r\n"
                           "李庄茶馆,李庄村东街3号,赵一,13700000001,李庄村,饭店\r\n"
                           "李庄茶馆,李庄村东街3号,赵二,13700000002,李庄村,饭店\r\n");
  twice_import = run_db (f, "venue", "import", "--update", twice, NULL);
  assert_success (twice_import);
  g_assert_nonnull (strstr (twice_import->out, "1 venues added, 1 updated"));
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue WHERE name = '李庄茶馆'"), ==, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM venue WHERE name = '李庄茶馆'"
                                         " AND operator_name = '赵二' AND phone = '13700000002'"), ==, 1);
}

/* check: a hazard closed by hand behind the program's back is named and
 * put right from its events; a guard dropped is made again */
static void
test_cli_check (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Result) demo = run_db (f, "demo", NULL);
  g_autoptr(Result) clean = NULL;
  g_autoptr(Result) found = NULL;
  g_autoptr(Result) by_staff = NULL;
  g_autoptr(Result) repaired = NULL;
  g_autoptr(Result) again = NULL;
  sqlite3 *db = NULL;
  gint64 open_before;

  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
  clean = run_db (f, "check", NULL);
  assert_success (clean);
  g_assert_nonnull (strstr (clean->out, "agrees"));

  open_before = fg_test_count (f->db, "SELECT count(*) FROM hazard WHERE state != 'closed'");
  g_assert_cmpint (open_before, >, 0);
  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE hazard SET state = 'closed';"
                                 "DROP TRIGGER notice_never_removed;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  /* what disagrees is the command's output; the exit status says so */
  found = run_db (f, "check", NULL);
  g_assert_cmpint (found->status, ==, 1);
  g_assert_nonnull (strstr (found->out, "notice_never_removed"));
  g_assert_nonnull (strstr (found->out, "where its events say"));
  g_assert_nonnull (strstr (found->err, "check --repair"));

  log_in_as (f, "staff", "demo-staff");
  by_staff = run_db (f, "check", "--repair", NULL);
  assert_refused (by_staff, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM hazard WHERE state != 'closed'"), ==, 0);

  log_in_as (f, "admin", "demo-admin");
  repaired = run_db (f, "check", "--repair", NULL);
  assert_success (repaired);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM hazard WHERE state != 'closed'"), ==, open_before);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'notice_never_removed'"),
                   ==, 1);
  g_assert_cmpint (fg_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'integrity-repair'"), ==, 1);

  again = run_db (f, "check", NULL);
  assert_success (again);
}

/* The 2026 target's fields by hand: --smoke-alarms, the days checked and
 * --simple-extinguishing; wrong values refused, changing nothing; the
 * statistics' second figure, and a campaign aimed at the venues lacking
 * either. */
static void
test_cli_venue_equipment (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *workshop = NULL;
  g_autofree char *shop = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *aimed = NULL;
  g_autoptr(Result) add = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) huge = NULL;
  g_autoptr(Result) no_day = NULL;
  g_autoptr(Result) not_a_day = NULL;
  g_autoptr(Result) maybe = NULL;
  g_autoptr(Result) contrary = NULL;
  g_autoptr(Result) unchanged = NULL;
  g_autoptr(Result) edit = NULL;
  g_autoptr(Result) stats = NULL;
  g_autoptr(Result) lacking = NULL;
  g_autoptr(Result) create = NULL;
  g_autoptr(Result) bad_lack = NULL;
  g_autoptr(Result) venues = NULL;
  g_autoptr(Result) campaigns = NULL;

  set_up_township (f);
  add = run_db (f, "venue", "add", "--name", "李家作坊", "--address", "李庄村人民路30号", "--region", VILLAGE "-001",
                "--category", "family-workshop", "--smoke-alarms", "2", "--smoke-alarms-checked", "2026-11-30",
                "--simple-extinguishing", "no", NULL);
  assert_success (add);
  workshop = g_strndup (add->out, 36);
  shop = add_venue (f, "王家门面", "李庄村人民路31号", "street-shop", "王五");

  shown = run_db (f, "venue", "show", workshop, "--format", "tsv", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, "\nsmoke_alarm\t1\n"));
  g_assert_nonnull (strstr (shown->out, "\nsmoke_alarm_count\t2\n"));
  g_assert_nonnull (strstr (shown->out, "\nsmoke_alarm_checked_on\t2026-11-30\n"));
  g_assert_nonnull (strstr (shown->out, "\nsimple_extinguishing\t0\n"));

  huge = run_db (f, "venue", "edit", workshop, "--smoke-alarms", "1000", NULL);
  assert_refused_saying (huge, 1, "999");
  no_day = run_db (f, "venue", "edit", shop, "--smoke-alarms", "5", NULL);
  assert_refused_saying (no_day, 1, "Enter the day the smoke alarms were counted.");
  not_a_day = run_db (f, "venue", "edit", workshop, "--simple-extinguishing-checked", "2026-13-01", NULL);
  assert_refused_saying (not_a_day, 1, "year-month-day");
  maybe = run_db (f, "venue", "edit", workshop, "--simple-extinguishing", "maybe", NULL);
  assert_refused_saying (maybe, 2, "yes or no");
  contrary = run_db (f, "venue", "edit", workshop, "--smoke-alarms", "3", "--no-smoke-alarm", NULL);
  assert_refused (contrary, 2);
  unchanged = run_db (f, "venue", "show", workshop, "--format", "tsv", NULL);
  assert_success (unchanged);
  g_assert_cmpstr (unchanged->out, ==, shown->out);

  edit = run_db (f, "venue", "edit", workshop, "--simple-extinguishing", "yes",
                 "--simple-extinguishing-checked", "2026-12-01", NULL);
  assert_success (edit);

  /* of the two venues of the target's kinds, one has each */
  stats = run_db (f, "stats", "--format", "tsv", NULL);
  assert_success (stats);
  g_assert_true (has_tsv_line (stats->out, 3, "target-venues", "2", NULL));
  g_assert_true (has_tsv_line (stats->out, 2, "target-simple-extinguishing", "1"));
  g_assert_true (has_tsv_line (stats->out, 2, "target-smoke-alarms", "1"));
  lacking = run_db (f, "stats", "--lacking", "either", "--format", "tsv", NULL);
  assert_success (lacking);
  g_assert_cmpuint (count_lines (lacking->out), ==, 1);
  g_assert_true (g_str_has_prefix (lacking->out, shop));

  bad_lack = run_db (f, "campaign", "add", "--name", "补装", "--from", "2026-12-08", "--to", "2026-12-31",
                     "--lacking", "sprinklers", NULL);
  assert_refused (bad_lack, 2);
  create = run_db (f, "campaign", "add", "--name", "烟感和简易灭火设施补齐", "--from", "2026-12-08",
                   "--to", "2026-12-31", "--lacking", "either", NULL);
  assert_success (create);
  campaign = g_strndup (create->out, 36);
  venues = run_db (f, "campaign", "venues", campaign, NULL);
  assert_success (venues);
  g_assert_cmpuint (count_lines (venues->out), ==, 1);
  g_assert_true (has_tsv_line (venues->out, 3, shop, NULL, "王家门面"));
  campaigns = run_db (f, "campaign", "list", "--format", "tsv", NULL);
  assert_success (campaigns);
  aimed = tsv_lookup (campaigns->out, 0, campaign, 5);
  g_assert_cmpstr (aimed, ==, "1");
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
  ADD ("/cli/calendar", test_cli_calendar);
  ADD ("/cli/venue", test_cli_venue);
  ADD ("/cli/venue-pinyin", test_cli_venue_pinyin);
  ADD ("/cli/venue-refused", test_cli_venue_refused);
  ADD ("/cli/venue-equipment", test_cli_venue_equipment);
  ADD ("/cli/venue-import", test_cli_venue_import);
  ADD ("/cli/table-alignment", test_cli_table_alignment);
  ADD ("/cli/default-database", test_cli_default_database);
  ADD ("/cli/init-admin", test_cli_init_admin);
  ADD ("/cli/init-from-list", test_cli_init_from_list);
  ADD ("/cli/login-needed", test_cli_login_needed);
  ADD ("/cli/wrong-password", test_cli_wrong_password);
  ADD ("/cli/grid-worker", test_cli_grid_worker);
  ADD ("/cli/account", test_cli_account);
  ADD ("/cli/checklist-validate", test_cli_checklist_validate);
  ADD ("/cli/checklist-show", test_cli_checklist_show);
  ADD ("/cli/inspection-record", test_cli_inspection_record);
  ADD ("/cli/inspection-refused", test_cli_inspection_refused);
  ADD ("/cli/inspection-entered-later", test_cli_inspection_entered_later);
  ADD ("/cli/hazard-decision", test_cli_hazard_decision);
  ADD ("/cli/escalation-rules", test_cli_escalation_rules);
  ADD ("/cli/campaign", test_cli_campaign);
  ADD ("/cli/hazard", test_cli_hazard);
  ADD ("/cli/check", test_cli_check);

#undef ADD

  return g_test_run ();
}
