/* fg-fuzz.h — what the libFuzzer harnesses share
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each harness is a program of its own, built only with -Dfuzzing=true
 * (see README.md here). Its files live in a folder of its own, removed
 * when it exits.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "firegrid.h"
#include "fg-store-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *fg_fuzz_dir;

static void
fg_fuzz_remove_dir (void)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (fg_fuzz_dir == NULL)
    return;
  handle = g_dir_open (fg_fuzz_dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (fg_fuzz_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fg_fuzz_dir);
  g_clear_pointer (&fg_fuzz_dir, g_free);
}

/* The harness's folder, made on first use. */
static inline const char *
fg_fuzz_get_dir (void)
{
  if (fg_fuzz_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      fg_fuzz_dir = g_dir_make_tmp ("firegrid-fuzz-XXXXXX", &error);
      if (fg_fuzz_dir == NULL)
        g_error ("%s", error->message);
      atexit (fg_fuzz_remove_dir);
    }
  return fg_fuzz_dir;
}

static inline char *
fg_fuzz_path (const char *name)
{
  return g_build_filename (fg_fuzz_get_dir (), name, NULL);
}

/* A database in the harness's folder that does not wait for the disk:
 * what a crash would lose does not matter here. */
static inline FgStore *
fg_fuzz_store_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fg_fuzz_path (name);
  FgStore *store = fg_office_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  sqlite3_exec (fg_store_get_db (store), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  return store;
}

/* A critical is a mistake of the program, whatever the input: it stops
 * the harness as a crash would. */
static inline void
fg_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

static inline void
fg_fuzz_check (gboolean      ok,
               const GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}
