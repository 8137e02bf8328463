/* fg-photo.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photos of inspections and of hazard events share one table: a photo
 * is stored once, by the SHA-256 of its bytes, however many records show
 * it. What a photo is comes from its bytes, never from a file name.
 */
#include "config.h"

#include <string.h>

#include "fg-photo-private.h"
#include "fg-store-private.h"

/**
 * fg_photo_sniff:
 * @image: bytes that should be a photo
 *
 * Returns: (nullable): "image/jpeg" or "image/png", or %NULL when the
 *   bytes are neither
 */
const char *
fg_photo_sniff (GBytes *image)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);

  if (data == NULL)
    return NULL;

  /* a PNG: its signature, then the IHDR chunk */
  if (size > 24 && memcmp (data, png, sizeof png) == 0 && memcmp (data + 12, "IHDR", 4) == 0)
    return "image/png";

  /* a JPEG: start of image, a marker, and end of image */
  if (size > 4 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff &&
      data[size - 2] == 0xff && data[size - 1] == 0xd9)
    return "image/jpeg";

  return NULL;
}

/**
 * fg_photo_store:
 * @image: a photo the caller has checked (fg_photo_sniff())
 * @mime_type: what fg_photo_sniff() said it is
 *
 * Stores the photo unless it is stored already; inside the caller's
 * transaction.
 *
 * Returns: (transfer full): its SHA-256, or %NULL with @error set
 */
char *
fg_photo_store (FgStore     *store,
                GBytes      *image,
                const char  *mime_type,
                GError     **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);

  stmt = fg_store_prepare (store,
                           "INSERT INTO photo (sha256, mime_type, size, data, created_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) size);
  sqlite3_bind_blob64 (stmt, 4, data, size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return NULL;

  return g_steal_pointer (&sha256);
}
