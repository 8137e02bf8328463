/* fg-photo.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photos of inspections and of hazard events share one table: a photo
 * is stored once, by the SHA-256 of its bytes, however many records show
 * it. What a photo is comes from its bytes, never from a file name, and
 * every photo passes the same checks wherever it comes from.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fg-inspection.h"
#include "fg-photo.h"
#include "fg-photo-private.h"
#include "fg-store-private.h"

/* Whether a PNG's chunks run whole up to its end (IEND), as those of a
 * file cut short do not. */
static gboolean
png_complete (const guint8 *data,
              gsize         size)
{
  gsize at = 8;

  while (at + 12 <= size)
    {
      guint64 length = (guint64) data[at] << 24 | (guint64) data[at + 1] << 16 |
                       (guint64) data[at + 2] << 8 | data[at + 3];

      if (length > size - at - 12)
        return FALSE;
      if (memcmp (data + at + 4, "IEND", 4) == 0)
        return TRUE;
      at += 12 + length;
    }

  return FALSE;
}

/* The width and height a PNG declares in its IHDR chunk, and whether it
 * is whole. */
static gboolean
png_dimensions (const guint8 *data,
                gsize         size,
                guint32      *width,
                guint32      *height,
                gboolean     *complete)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (size < 24 || memcmp (data, png, sizeof png) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
  *height = (guint32) data[20] << 24 | (guint32) data[21] << 16 | (guint32) data[22] << 8 | data[23];
  *complete = png_complete (data, size);
  return TRUE;
}

/* The width and height a JPEG declares in its frame header (SOFn), found
 * by walking its marker segments up to the first scan; and whether the
 * image ends (EOI) after that scan, as a file cut short does not. The
 * coded data of a scan holds no FF D9: a 0xFF there is followed by 0x00
 * or a restart marker. */
static gboolean
jpeg_dimensions (const guint8 *data,
                 gsize         size,
                 guint32      *width,
                 guint32      *height,
                 gboolean     *complete)
{
  gboolean framed = FALSE;
  gsize at = 2;

  if (size < 4 || data[0] != 0xff || data[1] != 0xd8)
    return FALSE;

  while (at + 4 <= size)
    {
      guint8 marker;
      gsize length;

      if (data[at] != 0xff)
        return FALSE;
      /* fill bytes before a marker */
      while (at < size && data[at] == 0xff)
        at++;
      if (at >= size)
        return FALSE;
      marker = data[at++];

      /* markers without a segment */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;
      if (marker == 0xd9 || at + 2 > size)
        return FALSE;

      length = (gsize) data[at] << 8 | data[at + 1];
      if (length < 2 || at + length > size)
        return FALSE;

      /* the first scan: the headers end */
      if (marker == 0xda)
        {
          *complete = FALSE;
          for (gsize i = at + length; i + 1 < size; i++)
            if (data[i] == 0xff && data[i + 1] == 0xd9)
              {
                *complete = TRUE;
                break;
              }
          return framed;
        }

      /* SOF0–SOF15, but for DHT (C4), JPG (C8) and DAC (CC) */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 7)
            return FALSE;
          *height = (guint32) data[at + 3] << 8 | data[at + 4];
          *width = (guint32) data[at + 5] << 8 | data[at + 6];
          framed = TRUE;
        }
      at += length;
    }

  return FALSE;
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  /* Whether it decodes is all that is asked: a JPEG is read at an eighth
   * of its size, and no photo is kept decoded. */
  gdk_pixbuf_loader_set_size (loader, MAX (1, width / 8), MAX (1, height / 8));
}

static gboolean
decodes (GBytes     *image,
         const char *mime_type)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &error);
  if (loader == NULL)
    {
      g_warning ("No reader of %s images is installed: %s", mime_type, error->message);
      return FALSE;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);

  if (!gdk_pixbuf_loader_write (loader, data, size, &error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return FALSE;
    }
  if (!gdk_pixbuf_loader_close (loader, &error))
    return FALSE;

  return gdk_pixbuf_loader_get_pixbuf (loader) != NULL;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_TOO_LARGE,
               _("The photo is larger than %d MB. Take it again at a lower resolution."),
               FG_INSPECTION_MAX_PHOTO_SIZE / (1024 * 1024));
}

static void
set_not_an_image (GError **error)
{
  g_set_error_literal (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE,
                       _("This file is not a JPEG or PNG photo. Choose a photo taken with a camera or phone."));
}

/**
 * fg_photo_check:
 * @image: bytes that should be a photo
 * @error: return location for an error (%FG_INSPECTION_ERROR_TOO_LARGE or
 *   %FG_INSPECTION_ERROR_NOT_AN_IMAGE)
 *
 * Checks a photo wherever one comes in (the keyboard, a file, a bundle):
 * at most %FG_INSPECTION_MAX_PHOTO_SIZE bytes, a JPEG or PNG by its
 * bytes, declaring at most %FG_PHOTO_MAX_PIXELS pixels (checked before it
 * is decoded: a small file may declare a huge picture), and one that
 * decodes.
 *
 * Returns: (nullable): "image/jpeg" or "image/png", or %NULL with @error
 *   set
 */
const char *
fg_photo_check (GBytes  *image,
                GError **error)
{
  const char *mime_type;
  guint32 width = 0, height = 0;
  gboolean complete = TRUE;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (image != NULL, NULL);

  data = g_bytes_get_data (image, &size);
  if (size > FG_INSPECTION_MAX_PHOTO_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  if (data == NULL)
    {
      set_not_an_image (error);
      return NULL;
    }

  if (png_dimensions (data, size, &width, &height, &complete))
    mime_type = "image/png";
  else if (jpeg_dimensions (data, size, &width, &height, &complete))
    mime_type = "image/jpeg";
  else
    {
      set_not_an_image (error);
      return NULL;
    }

  if (width == 0 || height == 0)
    {
      set_not_an_image (error);
      return NULL;
    }
  if ((guint64) width * height > FG_PHOTO_MAX_PIXELS)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_TOO_LARGE,
                   _("The photo is %u × %u pixels, more than the %d million a photo may have. "
                     "Take it again at a lower resolution."),
                   width, height, FG_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }

  if (!complete || !decodes (image, mime_type))
    {
      g_set_error_literal (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE,
                           _("This photo is damaged and cannot be shown. Copy it from the camera or phone "
                             "again, or take it again."));
      return NULL;
    }

  return mime_type;
}

/**
 * fg_photo_get_mime_type:
 * @image: a photo that passed fg_photo_check()
 *
 * Returns: "image/png" or "image/jpeg", by its first bytes
 */
const char *
fg_photo_get_mime_type (GBytes *image)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);

  return size > 0 && data[0] == 0x89 ? "image/png" : "image/jpeg";
}

/**
 * fg_photo_read_file:
 * @path: a photo's file
 * @error: return location for an error
 *
 * Reads a photo's file: a regular file only (not a device, a pipe or a
 * folder), and no more of it than a photo may have, its size checked
 * before it is read. What it holds is for fg_photo_check() to say.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set
 */
GBytes *
fg_photo_read_file (const char  *path,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree guint8 *data = NULL;
  GStatBuf info;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The photo “%s” could not be opened: %s."), name, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE,
                   _("“%s” is not a photo file. Choose a photo taken with a camera or phone."), name);
      return NULL;
    }
  if (info.st_size > FG_INSPECTION_MAX_PHOTO_SIZE)
    {
      close (fd);
      set_too_large (error);
      return NULL;
    }

  /* no more than it said it had, should it grow meanwhile */
  data = g_malloc (MAX (info.st_size, 1));
  while (done < (gsize) info.st_size)
    {
      gssize n = read (fd, data + done, (gsize) info.st_size - done);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("The photo “%s” could not be read: %s."), name, g_strerror (saved));
          return NULL;
        }
      done += (gsize) n;
    }
  close (fd);

  return g_bytes_new_take (g_steal_pointer (&data), done);
}

/**
 * fg_photo_store:
 * @image: a photo the caller has checked (fg_photo_check())
 * @mime_type: what fg_photo_check() said it is
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
