/* test-cli-bundle.c — firegrid-cli node peer-file, peer add, export, verify, import
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess on
 * two databases: a demo township that sends, and a second office of the
 * same township that receives. What was stored is read with sqlite3.
 */
#include "fg-cli-test-util.h"

#define B_PASSWORD "second-office-1"

typedef struct
{
  char *dir;
  char *a_db;
  char *b_db;
  char *xdg_data_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->a_db = g_build_filename (f->dir, "office.db", NULL);
  f->b_db = g_build_filename (f->dir, "second-office.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->a_db);
  g_free (f->b_db);
  g_free (f->xdg_data_home);
}

/* the office (a demo township) and the second office */
#define RUN_A(f, ...) run_cli ((f)->a_db, "admin", "demo-admin", (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)
#define RUN_B(f, ...) run_cli ((f)->b_db, "admin", B_PASSWORD, (f)->xdg_data_home, NULL, NULL, __VA_ARGS__, NULL)

/* A refusal: exit status 1, one line naming the program, nothing on stdout. */
#define assert_refused_in_one_line(result, fragment) \
  G_STMT_START { \
    assert_refused_saying ((result), 1, (fragment)); \
    g_assert_true (strchr ((result)->err, '\n') == (result)->err + strlen ((result)->err) - 1); \
  } G_STMT_END

static void
test_cli_bundle (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a_peer = g_build_filename (f->dir, "office.peer", NULL);
  g_autofree char *b_peer = g_build_filename (f->dir, "second-office.peer", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "to-second-office.xml", NULL);
  g_autofree char *nothing = g_build_filename (f->dir, "nothing.xml", NULL);
  g_autofree char *flipped = g_build_filename (f->dir, "flipped.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 venues;
  gsize length;

  /* the office: a demo township; the second office: the same township, set up anew */
  {
    g_autoptr(Result) demo = run_cli (f->a_db, NULL, NULL, f->xdg_data_home, NULL, NULL, "demo", NULL);
    g_autoptr(Result) init = run_cli (f->b_db, NULL, B_PASSWORD, f->xdg_data_home, NULL, NULL, "init",
                                      "--township", "410425101", "--name", "冢头镇", "--county-name", "郏县",
                                      "--admin", "admin", "--admin-name", "张伟", NULL);

    g_autoptr(Result) role = NULL;

    assert_success (demo);
    assert_success (init);
    /* a second installation of the township is a workstation of it */
    role = RUN_B (f, "node", "role", "workstation");
    assert_success (role);
    g_assert_nonnull (strstr (role->out, "Workstation"));
  }
  venues = fg_test_count (f->a_db, "SELECT count(*) FROM venue");
  g_assert_cmpint (venues, >, 0);

  /* each writes its peer file; each adds the other's */
  {
    g_autoptr(Result) a_file = RUN_A (f, "node", "peer-file", "--out", a_peer);
    g_autoptr(Result) b_file = RUN_B (f, "node", "peer-file", "--out", b_peer);
    g_autoptr(Result) a_add = NULL;
    g_autoptr(Result) b_add = NULL;

    assert_success (a_file);
    assert_success (b_file);
    a_add = RUN_A (f, "peer", "add", "--yes", b_peer);
    assert_success (a_add);
    g_assert_nonnull (strstr (a_add->out, "is a peer now"));
    b_add = RUN_B (f, "peer", "add", "--yes", a_peer);
    assert_success (b_add);
  }

  /* export, by the division code of the peer */
  {
    g_autoptr(Result) export = RUN_A (f, "export", "--to", "410425101000", "--out", bundle);

    assert_success (export);
    g_assert_nonnull (strstr (export->out, "written to"));
    g_assert_nonnull (strstr (export->out, bundle));
    g_assert_true (g_file_test (bundle, G_FILE_TEST_IS_REGULAR));
  }

  /* verify: signed, unchanged; nothing imported */
  {
    g_autoptr(Result) verify = RUN_B (f, "verify", bundle);

    assert_success (verify);
    g_assert_nonnull (strstr (verify->out, "Signed by 冢头镇, bundle number 1"));
    g_assert_nonnull (strstr (verify->out, "unchanged since it was signed"));
    g_assert_nonnull (strstr (verify->out, "It carries everything, as a first bundle does."));
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM venue"), ==, 0);
  }

  /* a dry run says what would come, and writes nothing */
  {
    g_autoptr(Result) dry = RUN_B (f, "import", "--dry-run", bundle);

    assert_success (dry);
    g_assert_true (g_str_has_prefix (dry->out, "A dry run: nothing was written."));
    g_assert_nonnull (strstr (dry->out, "records added"));
    g_assert_nonnull (strstr (dry->out, "0 conflicts to look at"));
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM venue"), ==, 0);
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM bundle_in"), ==, 0);
  }

  /* the import */
  {
    g_autoptr(Result) import = RUN_B (f, "import", bundle);

    assert_success (import);
    g_assert_false (g_str_has_prefix (import->out, "A dry run"));
    g_assert_nonnull (strstr (import->out, "records added"));
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM venue"), ==, venues);
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM bundle_in"), ==, 1);
  }

  /* the same file again: refused, nothing changed */
  {
    g_autoptr(Result) again = RUN_B (f, "import", bundle);

    assert_refused_in_one_line (again, "already");
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM bundle_in"), ==, 1);
  }

  /* nothing new to send */
  {
    g_autoptr(Result) export = RUN_A (f, "export", "--to", "410425101000", "--out", nothing);

    assert_refused_in_one_line (export, "nothing to send");
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }

  /* one byte changed in the middle: verify and import refuse it */
  g_file_get_contents (bundle, &text, &length, &error);
  g_assert_no_error (error);
  text[length / 2] ^= 0x01;
  g_file_set_contents (flipped, text, (gssize) length, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Result) verify = RUN_B (f, "verify", flipped);
    g_autoptr(Result) import = RUN_B (f, "import", flipped);

    assert_refused_in_one_line (verify, "signature");
    assert_refused_in_one_line (import, "signature");
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM bundle_in"), ==, 1);
  }

  /* not a bundle at all: one sentence, no parser noise */
  {
    g_autoptr(Result) import = RUN_B (f, "import", a_peer);

    assert_refused_in_one_line (import, "not a Firegrid bundle");
  }
}

/* init --grid: a grid station of the demo township's first grid, which
 * gets that grid's venues and names from the township's bundle */
static void
test_cli_grid_station (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a_peer = g_build_filename (f->dir, "office.peer", NULL);
  g_autofree char *b_peer = g_build_filename (f->dir, "station.peer", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "to-station.xml", NULL);
  const char *grid = "410425101001-001";
  gint64 venues;

  {
    g_autoptr(Result) demo = run_cli (f->a_db, NULL, NULL, f->xdg_data_home, NULL, NULL, "demo", NULL);
    g_autoptr(Result) bad = run_cli (f->b_db, NULL, B_PASSWORD, f->xdg_data_home, NULL, NULL,
                                     "init", "--grid", "410425101001", "--admin", "admin", "--admin-name", "张伟", NULL);
    g_autoptr(Result) init = NULL;

    assert_success (demo);
    assert_refused_in_one_line (bad, "is not a grid’s code");
    g_assert_false (g_file_test (f->b_db, G_FILE_TEST_EXISTS));
    init = run_cli (f->b_db, NULL, B_PASSWORD, f->xdg_data_home, NULL, NULL,
                    "init", "--grid", "410425101001-1", "--admin", "admin", "--admin-name", "张伟", NULL);
    assert_success (init);
    g_assert_nonnull (strstr (init->out, "grid station’s administrator"));
  }
  venues = fg_test_count (f->a_db, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.region_id"
                           " WHERE r.code = '410425101001-001' AND v.deleted = 0");
  g_assert_cmpint (venues, >, 0);
  g_assert_cmpint (fg_test_count (f->a_db, "SELECT count(*) FROM venue WHERE deleted = 0"), >, venues);

  {
    g_autoptr(Result) a_file = RUN_A (f, "node", "peer-file", "--out", a_peer);
    g_autoptr(Result) b_file = RUN_B (f, "node", "peer-file", "--out", b_peer);
    g_autoptr(Result) show = RUN_B (f, "node", "show");
    g_autoptr(Result) a_add = NULL;
    g_autoptr(Result) b_add = NULL;

    assert_success (a_file);
    assert_success (b_file);
    assert_success (show);
    g_assert_nonnull (strstr (show->out, "Grid station"));
    a_add = RUN_A (f, "peer", "add", "--yes", b_peer);
    assert_success (a_add);
    b_add = RUN_B (f, "peer", "add", "--yes", a_peer);
    assert_success (b_add);
  }

  /* the township names the station by its grid's code */
  {
    g_autoptr(Result) export = RUN_A (f, "export", "--to", grid, "--out", bundle);
    g_autoptr(Result) import = NULL;
    g_autoptr(Result) regions = NULL;

    assert_success (export);
    import = RUN_B (f, "import", bundle);
    assert_success (import);
    g_assert_cmpint (fg_test_count (f->b_db, "SELECT count(*) FROM venue WHERE deleted = 0"), ==, venues);
    regions = RUN_B (f, "region", "list");
    assert_success (regions);
    g_assert_nonnull (strstr (regions->out, "第一网格"));
  }
}

static void
execute (const char *db_path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A county office (the second database here) gets the demo township's
 * audit log with its bundle, and checks it: audit verify|list --node */
static void
test_cli_audit (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a_peer = g_build_filename (f->dir, "office.peer", NULL);
  g_autofree char *b_peer = g_build_filename (f->dir, "county.peer", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "to-county.xml", NULL);
  gint64 records;

  {
    g_autoptr(Result) demo = run_cli (f->a_db, NULL, NULL, f->xdg_data_home, NULL, NULL,
                                      "demo", "--venues", "20", NULL);
    g_autoptr(Result) init = run_cli (f->b_db, NULL, B_PASSWORD, f->xdg_data_home, NULL, NULL,
                                      "init", "--county", "410425", "--name", "郏县", "--admin", "admin", "--admin-name", "张伟", NULL);

    assert_success (demo);
    assert_success (init);
  }
  {
    g_autoptr(Result) a_file = RUN_A (f, "node", "peer-file", "--out", a_peer);
    g_autoptr(Result) b_file = RUN_B (f, "node", "peer-file", "--out", b_peer);
    g_autoptr(Result) a_add = NULL;
    g_autoptr(Result) b_add = NULL;

    assert_success (a_file);
    assert_success (b_file);
    a_add = RUN_A (f, "peer", "add", "--yes", b_peer);
    assert_success (a_add);
    b_add = RUN_B (f, "peer", "add", "--yes", a_peer);
    assert_success (b_add);
  }
  records = fg_test_count (f->a_db, "SELECT count(*) FROM audit");
  g_assert_cmpint (records, >, 20);

  /* nothing of the township's log is at the county yet */
  {
    g_autoptr(Result) verify = RUN_B (f, "audit", "verify", "--node", "410425101000");

    assert_refused_in_one_line (verify, "No audit records of “410425101000” are kept here");
  }

  {
    g_autoptr(Result) export = RUN_A (f, "export", "--to", "410425000000", "--out", bundle);
    g_autoptr(Result) import = NULL;
    g_autofree char *went = g_strdup_printf ("%" G_GINT64_FORMAT " audit records went along", records);
    g_autofree char *came = g_strdup_printf ("%" G_GINT64_FORMAT " audit records of offices below this one", records);

    assert_success (export);
    g_assert_nonnull (strstr (export->out, went));
    import = RUN_B (f, "import", bundle);
    assert_success (import);
    g_assert_nonnull (strstr (import->out, came));
  }

  /* by division code or node id: intact, and listed */
  {
    g_autoptr(Result) verify = RUN_B (f, "audit", "verify", "--node", "410425101000");
    g_autoptr(Result) list = RUN_B (f, "audit", "list", "--node", "410425101000", "--format", "tsv");
    g_autoptr(Result) own = RUN_B (f, "audit", "list", "--format", "tsv");
    g_autofree char *intact = g_strdup_printf ("The audit log of 冢头镇 (410425101000), as received here, is intact: "
                                               "%" G_GINT64_FORMAT " records checked.\n",
                                               records);
    g_auto(GStrv) lines = NULL;

    assert_success (verify);
    g_assert_cmpstr (verify->out, ==, intact);
    assert_success (list);
    lines = g_strsplit (list->out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, records + 1);
    g_assert_nonnull (strstr (list->out, "\tvenue-add\t"));
    assert_success (own);
    g_assert_null (strstr (own->out, "\tvenue-add\t"));
  }

  /* a record changed in the county's copy: named by its number */
  execute (f->b_db, "UPDATE audit_in SET detail = 'changed' WHERE seq = 3");
  {
    g_autoptr(Result) verify = RUN_B (f, "audit", "verify", "--node", "410425101000");

    assert_refused_in_one_line (verify, "record 3 ");
  }
}


/* Bundles that have not arrived are named in `peer list` until they do;
 * a refused bundle is in the audit log. */
static void
test_cli_gaps (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a_peer = g_build_filename (f->dir, "office.peer", NULL);
  g_autofree char *b_peer = g_build_filename (f->dir, "county.peer", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.xml", NULL);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr(Result) demo = run_cli (f->a_db, NULL, NULL, f->xdg_data_home, NULL, NULL,
                                      "demo", "--venues", "5", NULL);
    g_autoptr(Result) init = run_cli (f->b_db, NULL, B_PASSWORD, f->xdg_data_home, NULL, NULL,
                                      "init", "--county", "410425", "--name", "郏县", "--admin", "admin", "--admin-name", "张伟", NULL);

    assert_success (demo);
    assert_success (init);
  }
  {
    g_autoptr(Result) a_file = RUN_A (f, "node", "peer-file", "--out", a_peer);
    g_autoptr(Result) b_file = RUN_B (f, "node", "peer-file", "--out", b_peer);
    g_autoptr(Result) a_add = NULL;
    g_autoptr(Result) b_add = NULL;

    assert_success (a_file);
    assert_success (b_file);
    a_add = RUN_A (f, "peer", "add", "--yes", b_peer);
    assert_success (a_add);
    b_add = RUN_B (f, "peer", "add", "--yes", a_peer);
    assert_success (b_add);
  }

  /* three bundles, each carrying what changed since the one before (one
   * that carried everything again would fill the gaps below it) */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("to-county-%u.xml", i + 1);
      g_autoptr(Result) export = NULL;

      g_ptr_array_add (bundles, g_build_filename (f->dir, name, NULL));
      if (i > 0)
        {
          g_autofree char *grid = g_strdup_printf ("第%u网格", i + 10);
          g_autoptr(Result) add = RUN_A (f, "region", "add", "--parent", "410425101001", "--name", grid);

          assert_success (add);
        }
      export = RUN_A (f, "export", "--to", "410425000000", "--out", g_ptr_array_index (bundles, i));
      assert_success (export);
    }

  {
    g_autoptr(Result) first = RUN_B (f, "import", g_ptr_array_index (bundles, 0));
    g_autoptr(Result) third = RUN_B (f, "import", g_ptr_array_index (bundles, 2));
    g_autoptr(Result) list = NULL;

    assert_success (first);
    assert_success (third);
    list = RUN_B (f, "peer", "list");
    assert_success (list);
    g_assert_nonnull (strstr (list->out, "From 冢头镇 (410425101000): bundle 2 has not arrived.\n"));
  }
  {
    g_autoptr(Result) second = RUN_B (f, "import", g_ptr_array_index (bundles, 1));
    g_autoptr(Result) list = NULL;

    assert_success (second);
    list = RUN_B (f, "peer", "list");
    assert_success (list);
    g_assert_null (strstr (list->out, "not arrived"));
  }

  /* a byte changed: refused, and the refusal is in the county's log */
  {
    g_autofree char *text = NULL;
    gsize length = 0;
    g_autoptr(Result) import = NULL;
    g_autoptr(Result) list = NULL;
    g_autoptr(GError) error = NULL;

    g_file_get_contents (g_ptr_array_index (bundles, 2), &text, &length, &error);
    g_assert_no_error (error);
    text[length / 2] ^= 0x01;
    g_file_set_contents (damaged, text, (gssize) length, &error);
    g_assert_no_error (error);
    import = RUN_B (f, "import", damaged);
    g_assert_cmpint (import->status, !=, 0);
    list = RUN_B (f, "audit", "list", "--format", "tsv");
    assert_success (list);
    g_assert_nonnull (strstr (list->out, "\tbundle-import\t"));
    g_assert_nonnull (strstr (list->out, "\trefused\t"));
    g_assert_nonnull (strstr (list->out, "signature does not match"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/bundle", Fixture, NULL, fixture_set_up, test_cli_bundle, fixture_tear_down);
  g_test_add ("/cli/bundle/grid-station", Fixture, NULL, fixture_set_up, test_cli_grid_station, fixture_tear_down);
  g_test_add ("/cli/bundle/audit", Fixture, NULL, fixture_set_up, test_cli_audit, fixture_tear_down);
  g_test_add ("/cli/bundle/gaps", Fixture, NULL, fixture_set_up, test_cli_gaps, fixture_tear_down);

  return g_test_run ();
}
