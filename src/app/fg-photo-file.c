/* fg-photo-file.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo chosen in the window is read in a worker thread, by the core's
 * fg_photo_read_file() (a regular file only, its size checked before it
 * is read) and checked by fg_photo_check() there too: decoding a large
 * photo takes a moment, which the window does not wait for.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "firegrid.h"

#include "fg-photo-file.h"

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (G_FILE (source));
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  /* a phone or a share the system has not mounted as a folder */
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The photo “%s” is not on this computer. Copy it to the computer first, "
                                 "then choose it there."),
                               name);
      return;
    }

  bytes = fg_photo_read_file (path, &error);
  if (bytes == NULL || fg_photo_check (bytes, &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/**
 * fg_photo_file_load_async:
 * @file: a photo's file
 *
 * Reads and checks a photo in the background.
 */
void
fg_photo_file_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_photo_file_load_async);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * fg_photo_file_load_finish:
 *
 * Returns: (transfer full): the photo's bytes, a JPEG or PNG that passed
 *   the core's checks, or %NULL with @error set in words for the person
 */
GBytes *
fg_photo_file_load_finish (GFile         *file,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
