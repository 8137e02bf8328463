/* bench-bundle.c — does a county-sized bundle export and import quickly,
 * in flat memory?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a demo township and a second installation of it, each other's
 * peers, then adds to the first, straight in SQL (the point is the
 * bundle, not the registry's checks), --venues venues with three
 * inspections of ten results each per ten venues … that is: venues V, 3V
 * results, V/2 hazard events. Then it
 * runs, each as its own process so that its peak memory can be read:
 * firegrid-cli export, xmllint --stream --noout over the same file (the
 * baseline: reading the XML and nothing else), firegrid-cli verify and
 * firegrid-cli import. Prints times as ratios to xmllint's and the peak
 * resident memory of each, for each --scale given (1 and 10 by default):
 * flat memory means the same peak at ten times the size.
 *
 *   _build/bench/bench-bundle --venues 100000 --scale 1,10 --dir /tmp/firegrid-bench
 */
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "firegrid.h"
#include "fg-store-private.h"
#include "bench-summary.h"

typedef struct
{
  double seconds;      /* wall-clock */
  double cpu;          /* user and system time of the process */
  long peak_kb;
  int status;
} Run;

static char *cli_path;

static Run
run (const char * const *argv)
{
  Run result = { 0 };
  GPid pid;
  int status = 0;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_SEARCH_PATH,
                      NULL, NULL, &pid, &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4 failed");
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  result.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
               usage.ru_stime.tv_usec / 1e6;
  result.peak_kb = usage.ru_maxrss;
  result.status = status;
  g_spawn_close_pid (pid);
  return result;
}

static void
cli (const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;
  Run result;

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "--user");
  g_ptr_array_add (argv, (char *) "admin");
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  result = run ((const char * const *) argv->pdata);
  if (result.status != 0)
    g_error ("firegrid-cli %s failed", (const char *) g_ptr_array_index (argv, 5));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* time-ordered, as the program's own ids (UUID version 7) are: the rows
 * of one table follow each other in its indexes */
#define UUID(i) "printf ('%%08x-%%04x-7%%03x-8%%03x-%%012x', 27400000, ((" i ") >> 16) %% 65536," \
                " ((" i ") >> 4) %% 4096, abs (random ()) %% 4096, (" i "))"

/* Venues, inspections with results, hazards and events, in SQL. */
static void
fill (const char *path,
      guint       n_venues)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = fg_office_open (path, &error);
  g_autofree char *sql = NULL;
  sqlite3 *db;

  /* through the store, whose connection knows the search tokenizer */
  if (store == NULL)
    g_error ("%s", error->message);
  db = fg_store_get_db (store);
  exec_sql (db, "PRAGMA synchronous = OFF; BEGIN");
  sql = g_strdup_printf (
    "CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < %u) INSERT INTO n SELECT i FROM c;"
    "CREATE TEMP TABLE vil AS SELECT row_number () OVER (ORDER BY code) - 1 AS k, id FROM region WHERE level = 3;"
    "CREATE TEMP TABLE v AS SELECT n.i, " UUID ("n.i") " AS id,"
    "  (SELECT id FROM vil WHERE k = n.i %% (SELECT count (*) FROM vil)) AS village FROM n;"
    "INSERT INTO venue (id, region_id, county_id, township_id, village_id, name, address, categories,"
    "  operator_name, created_at, origin_node, stamp)"
    "  SELECT v.id, v.village, (SELECT id FROM region WHERE level = 1), (SELECT id FROM region WHERE level = 2),"
    "    v.village, '测试场所' || v.i, '测试路' || v.i || '号', '[\"restaurant\"]', '张三',"
    "    '2026-11-29T00:00:00Z', (SELECT id FROM node), printf ('%%015d-00000-%%s', v.i, (SELECT id FROM node)) FROM v;"
    /* an inspection for every tenth venue … three tenths: 0.3 inspections a venue, ten results each */
    "CREATE TEMP TABLE ins AS SELECT v.i, v.id AS venue, v.village, " UUID ("v.i") " AS id FROM v WHERE v.i %% 10 < 3;"
    "INSERT INTO inspection (id, venue_id, kind, inspector, inspector_name, started_at, township_id, village_id,"
    "  origin_node, stamp)"
    "  SELECT id, venue, 'routine', 'admin', '张伟', '2026-11-29T08:00:00Z', (SELECT id FROM region WHERE level = 2),"
    "    village, (SELECT id FROM node), printf ('%%015d-00001-%%s', i, (SELECT id FROM node)) FROM ins;"
    /* the restaurant checklist as installed, and its first ten items: an import takes results of its items only */
    "CREATE TEMP TABLE tpl AS SELECT max (version) AS version FROM checklist_template WHERE template_id = 'restaurant';"
    "INSERT INTO inspection_template (inspection_id, position, template_id, version)"
    "  SELECT id, 0, 'restaurant', (SELECT version FROM tpl) FROM ins;"
    "CREATE TEMP TABLE item AS SELECT row_number () OVER (ORDER BY position) AS k, code FROM checklist_item"
    "  WHERE template_id = 'restaurant' AND version = (SELECT version FROM tpl);"
    "INSERT INTO inspection_result (inspection_id, item_code, outcome, note, recorded_at)"
    "  SELECT ins.id, item.code, CASE WHEN item.k = 1 THEN 'fail' ELSE 'pass' END, '', '2026-11-29T08:05:00Z'"
    "  FROM ins JOIN item ON item.k <= 10;"
    "UPDATE inspection SET finished_at = '2026-11-29T08:30:00Z' WHERE id IN (SELECT id FROM ins);"
    /* one hazard a tenth of the venues (the failed item), five events each: V/2 events */
    "CREATE TEMP TABLE hz AS SELECT ins.i, ins.id AS inspection, ins.venue, ins.village, " UUID ("ins.i") " AS id"
    "  FROM ins WHERE ins.i %% 10 = 0;"
    "INSERT INTO hazard (id, venue_id, inspection_id, item_code, template_id, template_version, grade,"
    "  deadline_days, found_at, township_id, village_id, origin_node, stamp)"
    "  SELECT id, venue, inspection, (SELECT code FROM item WHERE k = 1), 'restaurant', (SELECT version FROM tpl),"
    "    'deadline', 5,"
    "    '2026-11-29T08:30:00Z',"
    "    (SELECT id FROM region WHERE level = 2), village, (SELECT id FROM node), printf ('%%015d-00002-%%s', i, (SELECT id FROM node)) FROM hz;"
    "INSERT INTO hazard_event (id, hazard_id, kind, at, actor, actor_name, note, deadline, origin_node, stamp)"
    "  SELECT " UUID ("hz.i * 8 + k.i") ", hz.id, CASE k.i WHEN 1 THEN 'found' WHEN 2 THEN 'notice-issued' WHEN 3 THEN 'notice-served'"
    "    WHEN 4 THEN 'reported-fixed' ELSE 'reinspected-pass' END, '2026-11-29T09:00:00Z', 'admin', '张伟',"
    "    CASE k.i WHEN 3 THEN '王建国' ELSE '' END, CASE k.i WHEN 2 THEN '2026-12-10' END,"
    "    (SELECT id FROM node), printf ('%%015d-%%05d-%%s', hz.i, k.i + 2, (SELECT id FROM node)) FROM hz JOIN n k ON k.i <= 5;"
    "COMMIT;",
    n_venues);
  exec_sql (db, sql);
}

static char *
peer_id (const char *peer_file)
{
  g_autofree char *text = NULL;
  char *start;

  if (!g_file_get_contents (peer_file, &text, NULL, NULL) || (start = strstr (text, "id=\"")) == NULL)
    g_error ("%s has no node id", peer_file);
  return g_strndup (start + 4, 36);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *scales_text = NULL;
  g_auto(GStrv) scales = NULL;
  int n_venues = 100000;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_INT, &n_venues, "Venues at scale 1 (100000)", "N" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scales_text, "Scales to run, e.g. 1,10", "LIST" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to build the databases", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep a copy of the receiver before the import (b-SCALE-before.db)", NULL },
    BENCH_SUMMARY_OPTION,
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time and measure a county-sized bundle");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (dir == NULL)
    dir = g_dir_make_tmp ("firegrid-bench-bundle-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0700);
  scales = g_strsplit (scales_text != NULL ? scales_text : "1,10", ",", -1);
  cli_path = g_build_filename (g_path_get_dirname (argv[0]), "..", "src", "cli", "firegrid-cli", NULL);
  g_setenv ("FIREGRID_PASSWORD", "demo-admin", TRUE);

  /* CPU time (user and system) is what the ratios compare: the machine
   * may be shared, and waiting for it is no cost of the program's */
  g_print ("| scale | venues | results | events | bundle (MB) | xmllint --stream CPU (s) | export CPU (s, ×) |"
           " verify CPU (s, ×) | dry run CPU (s, ×) | import CPU (s, ×) | import wall (s) |"
           " peak export / verify / dry run / import (MB) |\n");
  g_print ("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

  for (guint s = 0; scales[s] != NULL; s++)
    {
      guint scale = (guint) g_ascii_strtoull (scales[s], NULL, 10);
      guint venues = (guint) n_venues * MAX (scale, 1);
      g_autofree char *a = g_strdup_printf ("%s/a-%u.db", dir, scale);
      g_autofree char *b = g_strdup_printf ("%s/b-%u.db", dir, scale);
      g_autofree char *a_peer = g_strdup_printf ("%s/a-%u.fgpeer", dir, scale);
      g_autofree char *b_peer = g_strdup_printf ("%s/b-%u.fgpeer", dir, scale);
      g_autofree char *bundle = g_strdup_printf ("%s/a-to-b-%u.fgbundle", dir, scale);
      g_autofree char *b_id = NULL;
      const char *xmllint[] = { "/usr/bin/xmllint", "--stream", "--noout", bundle, NULL };
      const char *export[] = { cli_path, "--db", a, "--user", "admin", "export", "--to", NULL, "--out", bundle, NULL };
      const char *verify[] = { cli_path, "--db", b, "--user", "admin", "verify", bundle, NULL };
      const char *dry_run[] = { cli_path, "--db", b, "--user", "admin", "import", "--dry-run", bundle, NULL };
      const char *import[] = { cli_path, "--db", b, "--user", "admin", "import", bundle, NULL };
      GStatBuf info;
      Run lint, exported, verified, tried, imported;

      g_unlink (a);
      g_unlink (b);
      g_unlink (bundle);
      g_printerr ("Building scale %u (%u venues)…\n", scale, venues);
      {
        /* the receiver is a second installation of the township: not a
         * second demo, whose documents would bear the same numbers */
        const char *demo_a[] = { cli_path, "--db", a, "demo", "--venues", "10", NULL };
        const char *init_b[] = { cli_path, "--db", b, "init", "--township", "410425101", "--name", "冢头镇",
                                 "--admin", "admin", "--admin-name", "张伟", NULL };

        run (demo_a);
        run (init_b);
      }
      /* the second installation of a township is a workstation, which
       * numbers no documents: two offices of one township are not peers */
      cli (b, "node", "role", "workstation", NULL);
      cli (a, "node", "peer-file", "--out", a_peer, NULL);
      cli (b, "node", "peer-file", "--out", b_peer, NULL);
      cli (a, "peer", "add", "--yes", b_peer, NULL);
      cli (b, "peer", "add", "--yes", a_peer, NULL);
      fill (a, venues);
      b_id = peer_id (b_peer);
      export[7] = b_id;

      exported = run (export);
      if (exported.status != 0)
        g_error ("the export failed");
      g_stat (bundle, &info);
      lint = run (xmllint);
      verified = run (verify);
      if (keep)
        {
          /* to import the same bundle again, e.g. under a profiler */
          g_autofree char *copy = g_strdup_printf ("%s/b-%u-before.db", dir, scale);
          g_autoptr(GFile) from = g_file_new_for_path (b);
          g_autoptr(GFile) to = g_file_new_for_path (copy);

          if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
            g_error ("%s", error->message);
        }
      tried = run (dry_run);
      if (tried.status != 0)
        g_error ("the dry run failed");
      imported = run (import);
      if (imported.status != 0)
        g_error ("the import failed");

      g_print ("| %u | %u | %u | %u | %.1f | %.2f | %.2f, %.1f× | %.2f, %.1f× | %.2f, %.1f× | %.2f, %.1f× | %.2f |"
               " %.0f / %.0f / %.0f / %.0f |\n",
               scale, venues, venues * 3, venues / 2, info.st_size / 1048576.0, lint.cpu,
               exported.cpu, exported.cpu / lint.cpu, verified.cpu, verified.cpu / lint.cpu,
               tried.cpu, tried.cpu / lint.cpu, imported.cpu, imported.cpu / lint.cpu, imported.seconds,
               exported.peak_kb / 1024.0, verified.peak_kb / 1024.0, tried.peak_kb / 1024.0,
               imported.peak_kb / 1024.0);
      bench_summary_add ("import", venues, "ms", imported.cpu * 1000, imported.seconds * 1000,
                         lint.cpu * 1000, lint.seconds * 1000);
      bench_summary_add ("dry-run", venues, "ms", tried.cpu * 1000, tried.seconds * 1000,
                         imported.cpu * 1000, imported.seconds * 1000);
      bench_summary_add ("import-peak", venues, "MB", imported.peak_kb / 1024.0, BENCH_NONE,
                         tried.peak_kb / 1024.0, BENCH_NONE);
    }

  return EXIT_SUCCESS;
}
