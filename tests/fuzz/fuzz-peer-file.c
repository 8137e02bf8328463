/* fuzz-peer-file.c — a peer file, as `node peer add` and the window read
 * it and add it to a township's installation
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-fuzz.h"

static FgStore *township;
static FgActor *installer;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fg_fuzz_init ();
  installer = fg_actor_new_local ();
  township = fg_fuzz_store_new ("township.db");
  fg_fuzz_check (fg_office_set_up_township (township, installer, "410425101", "冢头镇", "郏县", &error), error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNodeInfo) peer = fg_node_read_peer_file_named (bytes, "fuzz.peer", &error);

  /* one or the other */
  if ((peer == NULL) == (error == NULL))
    abort ();
  if (peer == NULL)
    return 0;

  /* trusted as a person does once the fingerprint is read out, and
   * removed again so that the next input meets the same installation */
  if (fg_node_add_peer (township, installer, peer, &error))
    {
      fg_fuzz_check (fg_node_remove_peer (township, installer, peer->id, &error), error);
      return 0;
    }
  if (error == NULL)
    abort ();
  return 0;
}
