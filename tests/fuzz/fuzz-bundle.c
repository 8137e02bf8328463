/* fuzz-bundle.c — a bundle from a township, read by its county behind the
 * signature
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A changed byte anywhere fails the signature, so that a fuzzer would
 * never get past it: this harness reads each input with
 * fg_bundle_import_unsigned(), in a build for fuzzing only, as a dry run
 * into a county that trusts the demo township 冢头镇.
 *
 * Both installations are made anew each time the harness starts, with
 * the node ids below (a temporary trigger gives the node its id as the
 * set-up inserts it), so that a bundle written by one run is read by the
 * next as it was: its audit records' hashes, which name the nodes, still
 * match. With FG_FUZZ_WRITE_SEED=FILE set, the harness writes the
 * township's first bundle to the county there and exits: a real export
 * (of FG_FUZZ_DEMO_VENUES venues, or DEMO_VENUES).
 * With FG_FUZZ_VERBOSE set, it tells what each input came to.
 */
#include <stdio.h>
#include <string.h>

#include "fg-fuzz.h"
#include "fg-bundle-private.h"

#define TOWNSHIP_NODE "00000000-0000-4000-8000-00000000f001"
#define COUNTY_NODE   "00000000-0000-4000-8000-00000000f002"
/* enough venues that their six weeks of work hold every kind of row: inspections,
 * their results, hazards and their events, notices and their content */
#define DEMO_VENUES 30

static FgStore *township;
static FgActor *township_admin;
static FgStore *county;
static FgActor *county_admin;
static char *input_path;
static gboolean verbose;

/* A database whose node, once set up, has the id @node_id. */
static FgStore *
store_new (const char *name,
           const char *node_id)
{
  FgStore *store = fg_fuzz_store_new (name);
  g_autofree char *sql = g_strdup_printf ("CREATE TEMP TRIGGER fuzz_node_id AFTER INSERT ON main.node BEGIN"
                                          " UPDATE node SET id = '%s' WHERE id = new.id; END",
                                          node_id);

  if (sqlite3_exec (fg_store_get_db (store), sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (fg_store_get_db (store)));
  return store;
}

static void
trust (FgStore *store,
       FgActor *actor,
       FgStore *peer_store,
       FgActor *peer_actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = fg_node_write_peer_file (peer_store, peer_actor, &error);
  g_autoptr(FgNodeInfo) peer = NULL;

  fg_fuzz_check (file != NULL, error);
  peer = fg_node_read_peer_file (file, &error);
  fg_fuzz_check (peer != NULL, error);
  fg_fuzz_check (fg_node_add_peer (store, actor, peer, &error), error);
}

static void
write_seed (const char *path)
{
  g_autoptr(GError) error = NULL;

  fg_fuzz_check (fg_bundle_export (township, township_admin, COUNTY_NODE, path, NULL, NULL, &error), error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgAccount) guo = NULL;
  const char *seed = g_getenv ("FG_FUZZ_WRITE_SEED");
  const char *venues_text = g_getenv ("FG_FUZZ_DEMO_VENUES");
  guint venues = venues_text != NULL ? (guint) g_ascii_strtoull (venues_text, NULL, 10) : DEMO_VENUES;

  fg_fuzz_init ();
  township = store_new ("township.db", TOWNSHIP_NODE);
  fg_fuzz_check (fg_demo_populate (township, installer, venues, NULL, NULL, &error), error);
  township_admin = fg_account_login (township, "admin", "demo-admin", &error);
  fg_fuzz_check (township_admin != NULL, error);

  county = store_new ("county.db", COUNTY_NODE);
  guo = fg_office_set_up_county_with_admin (county, "410425", "郏县", "guo", "郭晓东", "fuzzing-password", &error);
  fg_fuzz_check (guo != NULL, error);
  county_admin = fg_account_login (county, "guo", "fuzzing-password", &error);
  fg_fuzz_check (county_admin != NULL, error);

  if (g_strcmp0 (fg_store_get_node_id (township), TOWNSHIP_NODE) != 0 ||
      g_strcmp0 (fg_store_get_node_id (county), COUNTY_NODE) != 0)
    g_error ("The installations did not take the node ids of the seeds");
  trust (township, township_admin, county, county_admin);
  trust (county, county_admin, township, township_admin);
  input_path = fg_fuzz_path ("input.xml");
  verbose = g_getenv ("FG_FUZZ_VERBOSE") != NULL;

  if (seed != NULL)
    {
      write_seed (seed);
      exit (0);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  FgBundleReport report = { 0 };
  FILE *input;
  gboolean ok;

  /* not g_file_set_contents(), which waits for the disk each time */
  input = fopen (input_path, "wb");
  if (input == NULL || fwrite (data, 1, size, input) != size || fclose (input) != 0)
    g_error ("%s cannot be written", input_path);

  ok = fg_bundle_import_unsigned (county, county_admin, input_path, &report, &error);
  if (!ok && error == NULL)
    abort ();
  /* what an input came to, when asked */
  if (verbose)
    g_printerr ("%s\n", ok ? "read" : error->message);
  if (ok && verbose)
    g_printerr ("%u venues, %u inspections, %u hazards, %u notices: %u added, %u changed, %u conflicts, %u photos\n",
                report.venues, report.inspections, report.hazards, report.notices, report.added, report.changed,
                report.conflicts, report.photos);
  return 0;
}
