/* fg-test-files.h — the files and folders the tests leave behind
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, so that the tests of firegrid-cli, which do not link the
 * program's library, can use it too.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path, and everything below it when it is a folder. */
static inline void
fg_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          fg_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}
