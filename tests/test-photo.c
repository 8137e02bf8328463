/* test-photo.c — the checks every photo passes, wherever it comes from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "fg-test-util.h"

/* A real JPEG of @width × @height pixels. */
static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xc03020ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", &error, "quality", "80", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

/* Where the frame header of a JPEG made by make_jpeg() gives its height. */
static gsize
find_frame_header (const guint8 *data,
                   gsize         size)
{
  for (gsize i = 2; i + 9 < size; i++)
    if (data[i] == 0xff && (data[i + 1] == 0xc0 || data[i + 1] == 0xc2))
      return i + 5;
  g_assert_not_reached ();
}

static void
assert_refused (GBytes     *image,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fg_photo_check (image, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_photo_check (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);
  g_autoptr(GBytes) jpeg = make_jpeg (64, 48);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);

  g_assert_cmpstr (fg_photo_check (png, &error), ==, "image/png");
  g_assert_no_error (error);
  g_assert_cmpstr (fg_photo_check (jpeg, &error), ==, "image/jpeg");
  g_assert_no_error (error);

  /* a small PNG that declares 30000 × 30000 pixels: refused before it is
   * decoded, which would take gigabytes */
  {
    g_autofree guint8 *huge = g_memdup2 (fg_test_tiny_png, sizeof fg_test_tiny_png);
    g_autoptr(GBytes) bytes = NULL;

    huge[16] = 0; huge[17] = 0; huge[18] = 0x75; huge[19] = 0x30;
    huge[20] = 0; huge[21] = 0; huge[22] = 0x75; huge[23] = 0x30;
    bytes = g_bytes_new (huge, sizeof fg_test_tiny_png);
    assert_refused (bytes, FG_INSPECTION_ERROR_TOO_LARGE, "30000 × 30000");
  }

  /* a JPEG that declares 10000 × 10000 pixels */
  {
    g_autofree guint8 *copy = g_memdup2 (data, size);
    g_autoptr(GBytes) bytes = NULL;
    gsize at = find_frame_header (copy, size);

    copy[at] = 0x27; copy[at + 1] = 0x10;
    copy[at + 2] = 0x27; copy[at + 3] = 0x10;
    bytes = g_bytes_new (copy, size);
    assert_refused (bytes, FG_INSPECTION_ERROR_TOO_LARGE, "10000 × 10000");
  }

  /* a JPEG by its first and last bytes only */
  {
    static const guint8 fake[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 'J', 'F', 0xff, 0xd9 };
    g_autoptr(GBytes) bytes = g_bytes_new_static (fake, sizeof fake);

    assert_refused (bytes, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "JPEG or PNG");
  }

  /* a real JPEG cut short after its headers: damaged */
  {
    gsize at = find_frame_header (data, size);
    g_autoptr(GBytes) bytes = NULL;

    /* past the headers, to the start of the scan and a little of it */
    for (gsize i = at; i + 1 < size; i++)
      if (data[i] == 0xff && data[i + 1] == 0xda)
        {
          at = i + 20;
          break;
        }
    bytes = g_bytes_new (data, at);
    assert_refused (bytes, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "damaged");
  }

  /* a PNG whose picture data is garbled */
  {
    g_autofree guint8 *garbled = g_memdup2 (fg_test_tiny_png, sizeof fg_test_tiny_png);
    g_autoptr(GBytes) bytes = NULL;

    garbled[45] ^= 0xff;
    bytes = g_bytes_new (garbled, sizeof fg_test_tiny_png);
    assert_refused (bytes, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "damaged");
  }

  /* a PNG cut short in its picture data */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (fg_test_tiny_png, 47);

    assert_refused (bytes, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "damaged");
  }

  /* neither, or nothing at all */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("not a photo", 11);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

    assert_refused (text, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "JPEG or PNG");
    assert_refused (empty, FG_INSPECTION_ERROR_NOT_AN_IMAGE, "JPEG or PNG");
  }
}

static void
test_photo_read_file (void)
{
  FgTestDir dir;
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  g_autofree char *fifo = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  fg_test_dir_init (&dir);

  path = g_build_filename (dir.dir, "exit.png", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) fg_test_tiny_png, sizeof fg_test_tiny_png, &error));
  bytes = fg_photo_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), fg_test_tiny_png,
                   sizeof fg_test_tiny_png);

  /* a device that never ends is not read at all */
  g_assert_null (fg_photo_read_file ("/dev/zero", &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE);
  g_assert_nonnull (strstr (error->message, "“zero” is not a photo file"));
  g_clear_error (&error);

  /* nor a folder, nor a pipe nobody writes to (which would wait forever) */
  g_assert_null (fg_photo_read_file (dir.dir, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);
  fifo = g_build_filename (dir.dir, "pipe.jpg", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (fg_photo_read_file (fifo, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);

  /* a file larger than a photo may be is refused by its size, unread: a
   * sparse file of a gigabyte */
  big = g_build_filename (dir.dir, "big.jpg", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 30), ==, 0);
  close (fd);
  g_assert_null (fg_photo_read_file (big, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* a file that is not there */
  g_assert_null (fg_photo_read_file ("/nonexistent/photo.jpg", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "“photo.jpg” could not be opened"));

  fg_test_dir_clear (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photo/check", test_photo_check);
  g_test_add_func ("/photo/read-file", test_photo_read_file);

  return g_test_run ();
}
