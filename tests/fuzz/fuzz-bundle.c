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
 * new node ids; the seeds name them by the two ids below, which each
 * input has replaced by the live ones before it is read. With
 * FG_FUZZ_WRITE_SEED=FILE set, the harness writes the township's first
 * bundle to the county there, named so, and exits: a real export.
 */
#include <string.h>

#include "fg-fuzz.h"
#include "fg-bundle-private.h"

#define SEED_SENDER   "00000000-0000-4000-8000-00000000f001"
#define SEED_RECEIVER "00000000-0000-4000-8000-00000000f002"
/* enough venues that their six weeks of work hold every kind of row: inspections,
 * their results, hazards and their events, notices and their content */
#define DEMO_VENUES 30

static FgStore *township;
static FgActor *township_admin;
static FgStore *county;
static FgActor *county_admin;
static char *input_path;

/* Every @from in @text, of @length bytes, becomes @to, as long. */
static void
replace_all (char       *text,
             gsize       length,
             const char *from,
             const char *to)
{
  gsize n = strlen (from);
  char *at = text;

  g_assert (strlen (to) == n);
  while ((at = memmem (at, length - (gsize) (at - text), from, n)) != NULL)
    {
      memcpy (at, to, n);
      at += n;
    }
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
  g_autofree char *text = NULL;
  gsize length = 0;

  fg_fuzz_check (fg_bundle_export (township, township_admin, fg_store_get_node_id (county), path, NULL, NULL,
                                   &error), error);
  fg_fuzz_check (g_file_get_contents (path, &text, &length, &error), error);
  replace_all (text, length, fg_store_get_node_id (township), SEED_SENDER);
  replace_all (text, length, fg_store_get_node_id (county), SEED_RECEIVER);
  fg_fuzz_check (g_file_set_contents (path, text, (gssize) length, &error), error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgAccount) guo = NULL;
  const char *seed = g_getenv ("FG_FUZZ_WRITE_SEED");

  fg_fuzz_init ();
  township = fg_fuzz_store_new ("township.db");
  fg_fuzz_check (fg_demo_populate (township, installer, DEMO_VENUES, NULL, NULL, &error), error);
  township_admin = fg_account_login (township, "admin", "demo-admin", &error);
  fg_fuzz_check (township_admin != NULL, error);

  county = fg_fuzz_store_new ("county.db");
  guo = fg_office_set_up_county_with_admin (county, "410425", "郏县", "guo", "郭晓东", "fuzzing-password", &error);
  fg_fuzz_check (guo != NULL, error);
  county_admin = fg_account_login (county, "guo", "fuzzing-password", &error);
  fg_fuzz_check (county_admin != NULL, error);

  trust (township, township_admin, county, county_admin);
  trust (county, county_admin, township, township_admin);
  input_path = fg_fuzz_path ("input.xml");

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
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  FgBundleReport report = { 0 };

  if (size > 0)
    memcpy (text, data, size);

  replace_all (text, size, SEED_SENDER, fg_store_get_node_id (township));
  replace_all (text, size, SEED_RECEIVER, fg_store_get_node_id (county));
  if (!g_file_set_contents (input_path, text, (gssize) size, &error))
    g_error ("%s", error->message);

  if (!fg_bundle_import_unsigned (county, county_admin, input_path, &report, &error) && error == NULL)
    abort ();
  return 0;
}
