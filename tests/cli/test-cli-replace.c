/* test-cli-replace.c — firegrid-cli node role, peer replace
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) on three databases:
 * a county, the office of 冢头镇 whose laptop is lost, and a new
 * installation of 冢头镇 set up as a workstation that takes over.
 */
#include "fg-cli-test-util.h"

#define COUNTY_PASSWORD "county-office-1"
#define TOWNSHIP_PASSWORD "township-office-1"

typedef struct
{
  char *dir;
  char *county_db;
  char *old_db;
  char *new_db;
  char *xdg_data_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-replace-XXXXXX", &error);
  g_assert_no_error (error);
  f->county_db = g_build_filename (f->dir, "county.db", NULL);
  f->old_db = g_build_filename (f->dir, "old.db", NULL);
  f->new_db = g_build_filename (f->dir, "new.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->county_db);
  g_free (f->old_db);
  g_free (f->new_db);
  g_free (f->xdg_data_home);
}

#define RUN_COUNTY(f, ...) \
  run_cli ((f)->county_db, "guo", COUNTY_PASSWORD, (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)
#define RUN_OLD(f, ...) \
  run_cli ((f)->old_db, "admin", TOWNSHIP_PASSWORD, (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)
#define RUN_NEW(f, ...) \
  run_cli ((f)->new_db, "admin", TOWNSHIP_PASSWORD, (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)

static void
init_township (Fixture    *f,
               const char *db)
{
  g_autoptr(Result) init = run_cli (db, NULL, TOWNSHIP_PASSWORD, f->xdg_data_home, NULL, NULL, "init",
                                    "--township", "410425101", "--name", "冢头镇", "--county-name", "郏县",
                                    "--admin", "admin", "--admin-name", "张伟", NULL);

  assert_success (init);
}

/* The node id of the installation @run_args runs on, from node show. */
static char *
node_id_of (Result *show)
{
  const char *at = strstr (show->out, ": ");

  g_assert_nonnull (at);
  return g_strndup (at + 2, 36);
}

static void
test_cli_replace (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *county_peer = g_build_filename (f->dir, "county.fgpeer", NULL);
  g_autofree char *old_peer = g_build_filename (f->dir, "old.fgpeer", NULL);
  g_autofree char *new_peer = g_build_filename (f->dir, "new.fgpeer", NULL);
  g_autofree char *late = g_build_filename (f->dir, "late.xml", NULL);
  g_autofree char *down = g_build_filename (f->dir, "down.xml", NULL);
  g_autofree char *old_id = NULL;
  g_autofree char *new_id = NULL;

  {
    g_autoptr(Result) county = run_cli (f->county_db, NULL, COUNTY_PASSWORD, f->xdg_data_home, NULL, NULL, "init",
                                        "--county", "410425", "--name", "郏县", "--admin", "guo", "--admin-name",
                                        "郭晓东", NULL);

    assert_success (county);
  }
  init_township (f, f->old_db);
  init_township (f, f->new_db);

  /* an office by default; the new one is made a workstation; a wrong word is a usage error */
  {
    g_autoptr(Result) shown = RUN_OLD (f, "node", "show");
    g_autoptr(Result) role = RUN_NEW (f, "node", "role", "workstation");
    g_autoptr(Result) wrong = RUN_NEW (f, "node", "role", "laptop");
    g_autoptr(Result) new_shown = RUN_NEW (f, "node", "show");

    assert_success (shown);
    g_assert_nonnull (strstr (shown->out, "Office, issues the township’s documents"));
    old_id = node_id_of (shown);
    assert_success (role);
    g_assert_nonnull (strstr (role->out, "Workstation, issues no documents"));
    assert_refused_saying (wrong, 2, "workstation");
    assert_success (new_shown);
    new_id = node_id_of (new_shown);
  }

  /* pairing: the county and the old office; the new one trusts the county */
  {
    g_autoptr(Result) county_file = RUN_COUNTY (f, "node", "peer-file", "--out", county_peer);
    g_autoptr(Result) old_file = RUN_OLD (f, "node", "peer-file", "--out", old_peer);
    g_autoptr(Result) new_file = RUN_NEW (f, "node", "peer-file", "--out", new_peer);
    g_autoptr(Result) county_add = NULL;
    g_autoptr(Result) old_add = NULL;
    g_autoptr(Result) new_add = NULL;
    g_autofree char *text = NULL;

    assert_success (county_file);
    assert_success (old_file);
    assert_success (new_file);
    g_assert_true (g_file_get_contents (new_peer, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "role=\"workstation\""));
    county_add = RUN_COUNTY (f, "peer", "add", "--yes", old_peer);
    assert_success (county_add);
    old_add = RUN_OLD (f, "peer", "add", "--yes", county_peer);
    assert_success (old_add);
    new_add = RUN_NEW (f, "peer", "add", "--yes", county_peer);
    assert_success (new_add);
  }

  /* the workstation cannot make itself the office */
  {
    g_autoptr(Result) office = RUN_NEW (f, "node", "role", "office");

    assert_refused_saying (office, 1, "replaces the office");
  }

  /* replace: the new peer file is needed; then the new one is the office */
  {
    g_autoptr(Result) missing = RUN_COUNTY (f, "peer", "replace", old_id);
    g_autoptr(Result) replace = NULL;
    g_autoptr(Result) list = NULL;
    g_autofree char *role = NULL;

    assert_refused (missing, 2);
    replace = RUN_COUNTY (f, "peer", "replace", "--yes", "410425101000", new_peer);
    assert_success (replace);
    g_assert_nonnull (strstr (replace->out, "is the township’s office now"));
    list = RUN_COUNTY (f, "peer", "list", "--format", "tsv");
    assert_success (list);
    g_assert_cmpuint (count_lines (list->out), ==, 1);
    role = tsv_lookup (list->out, 0, new_id, 7);
    g_assert_cmpstr (role, ==, "office");
    g_assert_cmpint (fg_test_count (f->county_db, "SELECT count(*) FROM audit WHERE action = 'peer-replace'"), ==, 1);
  }

  /* the old laptop's bundle: refused, saying it was replaced */
  {
    g_autoptr(Result) export = RUN_OLD (f, "export", "--to", "410425000000", "--out", late);
    g_autoptr(Result) import = NULL;

    assert_success (export);
    import = RUN_COUNTY (f, "import", late);
    assert_refused_saying (import, 1, "was replaced by another one on");
  }

  /* the county's bundle makes the new one the office */
  {
    g_autoptr(Result) export = RUN_COUNTY (f, "export", "--to", new_id, "--out", down);
    g_autoptr(Result) import = NULL;
    g_autoptr(Result) role = NULL;

    assert_success (export);
    import = RUN_NEW (f, "import", down);
    assert_success (import);
    role = RUN_NEW (f, "node", "role");
    assert_success (role);
    g_assert_nonnull (strstr (role->out, "Office, issues the township’s documents"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/replace", Fixture, NULL, fixture_set_up, test_cli_replace, fixture_tear_down);

  return g_test_run ();
}
