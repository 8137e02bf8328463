/* fg-thumbnail.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone's photo is some megabytes and 4000 pixels wide; a list shows it
 * the size of a fingertip. The decoder is asked for the small size at once
 * (JPEG decodes at a fraction of its size much faster than whole), and the
 * photo is turned the way the camera was held.
 */
#include "config.h"

#include "fg-thumbnail.h"

/**
 * fg_thumbnail_new:
 * @image: a JPEG or PNG photo
 * @size: the longer side, in pixels
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the photo at most @size pixels wide
 *   and high, upright
 */
GdkPaintable *
fg_thumbnail_new (GBytes  *image,
                  int      size,
                  GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  stream = g_memory_input_stream_new_from_bytes (image);
  decoded = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, error);
  if (decoded == NULL)
    return NULL;

  upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (upright == NULL)
    upright = g_object_ref (decoded);

  return GDK_PAINTABLE (gdk_texture_new_for_pixbuf (upright));
}
