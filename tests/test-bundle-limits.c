/* test-bundle-limits.c — a bundle is held to what a person at the keyboard is
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two offices of one township (A and B) send each other bundles. What the
 * program accepts here must travel (the largest photo), and what it would
 * refuse here, or what no office writes, is refused from a bundle too,
 * even signed with the sender's key as a stolen laptop would sign it.
 */
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "fg-bundle-test-util.h"
#include "fg-store-private.h"

typedef struct
{
  Office a;
  Office b;
  char *files;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  office_init (&f->a);
  workstation_init (&f->b);
  introduce (&f->a, &f->b);
  f->files = g_dir_make_tmp ("firegrid-trust-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->a);
  office_clear (&f->b);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

/* Refused as damaged, nothing written, and the message says @words. */
static void
refused_saying (Office     *to,
                const char *path,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (to);
  g_autofree char *after = NULL;

  g_assert_false (fg_bundle_import (to->store, actor_of (to), path, FALSE, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED);
  g_test_message ("refused: %s", error->message);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  after = dump (to);
  g_assert_cmpstr (after, ==, before);
}

/* 1. The largest photo the program takes goes through a bundle */

/* A PNG of noise, which does not compress, of at most @limit bytes and
 * less than a row of pixels under it. */
static GBytes *
png_just_under (gsize limit)
{
  const int width = 2048;
  int height = (int) (limit / ((gsize) width * 3 + 1)) - 8;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (;;)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
      g_autoptr(GError) error = NULL;
      guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
      gsize n = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * (gsize) height;
      g_autofree char *data = NULL;
      gsize size = 0;

      for (gsize i = 0; i < n; i += 4)
        {
          guint32 r = g_rand_int (rand);

          memcpy (pixels + i, &r, MIN (4, n - i));
        }
      g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "png", &error, "compression", "0", NULL));
      g_assert_no_error (error);
      if (size > limit)
        height -= (int) ((size - limit) / ((gsize) width * 3)) + 1;
      else if (limit - size > (gsize) width * 3 + 64)
        height += (int) ((limit - size) / ((gsize) width * 3 + 64));
      else
        return g_bytes_new_take (g_steal_pointer (&data), size);
    }
}

static void
test_trust_largest_photo (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *over = file_path (f, "over.xml");
  g_autoptr(GBytes) png = png_just_under (FG_INSPECTION_MAX_PHOTO_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *sha256 = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  GListModel *items;
  const char *code = NULL;
  FgBundleReport report;

  g_test_message ("a PNG of %zu bytes, %zu under the limit", g_bytes_get_size (png),
                  (gsize) FG_INSPECTION_MAX_PHOTO_SIZE - g_bytes_get_size (png));
  g_assert_cmpuint (g_bytes_get_size (png), <=, FG_INSPECTION_MAX_PHOTO_SIZE);
  g_assert_cmpuint (g_bytes_get_size (png), >, FG_INSPECTION_MAX_PHOTO_SIZE - 8192);

  /* taken here, as a person attaches it */
  inspection = fg_inspection_start (f->a.store, actor_of (&f->a), restaurant, FG_INSPECTION_KIND_ROUTINE, NULL,
                                    &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      if (code == NULL)
        code = g_intern_string (fg_checklist_item_get_code (item));
      fg_inspection_record (f->a.store, actor_of (&f->a), inspection, fg_checklist_item_get_code (item),
                            FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  sha256 = fg_inspection_attach_photo (f->a.store, actor_of (&f->a), inspection, code, png, &error);
  g_assert_no_error (error);
  fg_inspection_finish (f->a.store, actor_of (&f->a), inspection, &error);
  g_assert_no_error (error);

  /* and it arrives, whole */
  export_ok (&f->a, &f->b, path);
  report = import_ok (&f->b, path);
  g_assert_cmpuint (report.photos, ==, 1);
  size = query_text (&f->b, "SELECT length (data) FROM photo WHERE sha256 = ?1", sha256);
  g_assert_cmpuint (g_ascii_strtoull (size, NULL, 10), ==, g_bytes_get_size (png));
  /* (the import took it under this name only after the SHA-256 of what it
   * decoded was this one) */
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection_photo WHERE sha256 = ?1", sha256), ==, 1);

  /* a photo's text is bounded however it is cut: one part more is more
   * than any photo may be, even signed by its sender */
  text = read_text (path, NULL);
  {
    const char *first = strstr (text, "<part>");
    const char *first_end = strstr (text, "</part>");
    const char *end = g_strrstr (text, "</part>");
    g_autofree char *part = NULL;
    g_autofree char *longer = NULL;

    g_assert_nonnull (first);
    g_assert_nonnull (end);
    first_end += strlen ("</part>");
    end += strlen ("</part>");
    part = g_strndup (first, first_end - first);
    longer = g_strdup_printf ("%.*s%s%s", (int) (end - text), text, part, end);
    write_signed (&f->a, longer, over);
  }
  refused_saying (&f->b, over, "too large");

  /* a part is text only, and the reader holds it to base64 (the schema
   * no longer types it, see bundle-1.xsd) */
  {
    const char *first = strstr (text, "<part>") + strlen ("<part>");
    g_autofree char *changed = g_strdup (text);

    changed[first - text + 10] = '!';
    write_signed (&f->a, changed, over);
    refused_saying (&f->b, over, "not base64");
  }
  {
    g_autofree char *changed = replace_once (text, "<part>", "<part><part/>");

    write_signed (&f->a, changed, over);
    refused_saying (&f->b, over, "does not follow the bundle format");
  }
}

/* 2. Stamps from the far future, or of no form, are refused */

static char *
stamp_at (gint64      wall,
          const char *counter,
          const char *node)
{
  return g_strdup_printf ("%015" G_GINT64_FORMAT "-%s-%s", wall, counter, node);
}

static void
test_trust_poisoned_stamps (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *bad = file_path (f, "poisoned.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *clock_before = NULL;
  g_autofree char *clock_after = NULL;
  gint64 now = g_get_real_time () / 1000;
  const char *node = node_id (&f->a);
  g_autofree char *poison = stamp_at (G_GINT64_CONSTANT (999999999999999), "99999", node);
  g_autofree char *two_days = stamp_at (now + 2 * 24 * 3600 * 1000, "00000", node);
  g_autofree char *wide = stamp_at (now, "100000", node);
  g_autofree char *short_wall = g_strdup_printf ("%" G_GINT64_FORMAT "-00000-%s", now / 10, node);
  g_autofree char *lower = stamp_at (now, "00000", node);
  g_autofree char *upper = g_ascii_strup (lower, -1);
  g_autofree char *hour = stamp_at (now + 3600 * 1000, "00000", node);
  const char *malformed[] = { "zzz", wide, short_wall, upper, "", NULL };

  export_ok (&f->a, &f->b, path);
  text = read_text (path, NULL);

  /* far ahead of the clock here */
  {
    g_autofree char *changed = set_attribute (text, "<venue ", "stamp", poison);

    write_signed (&f->a, changed, bad);
    refused_saying (&f->b, bad, restaurant);
    refused_saying (&f->b, bad, "老王烧烤");
  }
  {
    g_autofree char *changed = set_attribute (text, "<venue ", "stamp", two_days);

    write_signed (&f->a, changed, bad);
    refused_saying (&f->b, bad, "a day ahead");
  }
  /* as the version an edit was made on */
  {
    g_autofree char *stamp = query_text (&f->a, "SELECT stamp FROM venue WHERE id = ?1", restaurant);
    g_autofree char *old = g_strdup_printf ("stamp=\"%s\"", stamp);
    g_autofree char *new = g_strdup_printf ("stamp=\"%s\" base-stamp=\"%s\"", stamp, poison);
    g_autofree char *changed = replace_once (text, old, new);

    write_signed (&f->a, changed, bad);
    refused_saying (&f->b, bad, restaurant);
  }
  /* of no form the clock writes */
  for (guint i = 0; malformed[i] != NULL; i++)
    {
      g_autofree char *changed = set_attribute (text, "<venue ", "stamp", malformed[i]);

      g_test_message ("stamp “%s”", malformed[i]);
      write_signed (&f->a, changed, bad);
      refused_saying (&f->b, bad, "not one this program writes");
    }

  /* an hour ahead is a clock a little fast: taken, and the clock here
   * moves past it */
  clock_before = query_text (&f->b, "SELECT hlc FROM node", NULL);
  {
    g_autofree char *changed = set_attribute (text, "<venue ", "stamp", hour);

    write_signed (&f->a, changed, bad);
    import_ok (&f->b, bad);
  }
  clock_after = query_text (&f->b, "SELECT hlc FROM node", NULL);
  g_assert_cmpstr (clock_after, >, clock_before);
  g_assert_cmpint (strncmp (clock_after, hour, 21), ==, 0);
}

/* The local clock never writes a stamp of another width. */
static void
test_trust_clock_width (Fixture       *f,
                        gconstpointer  data)
{
  gint64 ahead = g_get_real_time () / 1000 + 3600 * 1000;
  g_autofree char *sql = NULL;
  g_autofree char *venue = NULL;
  g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);

  /* the counter at its last values, an hour ahead of the wall clock */
  sql = g_strdup_printf ("UPDATE node SET hlc = '%015" G_GINT64_FORMAT "-99997-%s'", ahead, node_id (&f->b));
  execute (&f->b, sql);
  venue = add_venue (&f->b, fg_region_get_id (f->b.grid), "老王烧烤");
  g_ptr_array_add (stamps, query_text (&f->b, "SELECT stamp FROM venue WHERE id = ?1", venue));
  rename_venue (&f->b, venue, "老王烧烤（一）");
  g_ptr_array_add (stamps, query_text (&f->b, "SELECT stamp FROM venue WHERE id = ?1", venue));
  rename_venue (&f->b, venue, "老王烧烤（二）");
  g_ptr_array_add (stamps, query_text (&f->b, "SELECT stamp FROM venue WHERE id = ?1", venue));
  for (guint i = 0; i < stamps->len; i++)
    {
      const char *stamp = g_ptr_array_index (stamps, i);

      g_test_message ("%s", stamp);
      g_assert_true (fg_stamp_parse (stamp, NULL, NULL));
      if (i > 0)
        g_assert_cmpstr (stamp, >, g_ptr_array_index (stamps, i - 1));
    }
  g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (stamps, 2), NULL, 10), ==, ahead + 1);

  /* a clock already at the last stamp it can write (poisoned before
   * bundles were checked) starts again from the wall clock */
  sql = (g_free (sql), g_strdup_printf ("UPDATE node SET hlc = '" FG_STAMP_LAST "-%s'", node_id (&f->b)));
  execute (&f->b, sql);
  rename_venue (&f->b, venue, "老王烧烤（三）");
  {
    g_autofree char *stamp = query_text (&f->b, "SELECT stamp FROM venue WHERE id = ?1", venue);

    g_test_message ("%s", stamp);
    g_assert_true (fg_stamp_parse (stamp, NULL, NULL));
    g_assert_cmpint (g_ascii_strtoll (stamp, NULL, 10), <=, g_get_real_time () / 1000);
  }
}

/* 10. Damaged files say so, once, and name themselves */

static void
test_trust_damaged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *bad = file_path (f, "damaged.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;

  export_ok (&f->a, &f->b, path);
  text = read_text (path, NULL);

  /* its first element broken, and signed: damaged, not "no bundle" */
  broken = replace_once (text, "<bundle ", "<bundle <");
  write_signed (&f->a, broken, bad);
  refused_saying (&f->b, bad, "it is damaged: it stops being XML at line 2");
}

static void
test_trust_schema_error (Fixture       *f,
                         gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = file_path (f, "a-to-b.xml");
      g_autofree char *bad = file_path (f, "unknown.xml");
      g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
      g_autofree char *text = NULL;
      g_autofree char *changed = NULL;
      g_autoptr(GError) error = NULL;

      export_ok (&f->a, &f->b, path);
      text = read_text (path, NULL);
      changed = replace_once (text, "<signature>", "<evil what=\"1\"/><signature>");
      write_signed (&f->a, changed, bad);
      g_assert_false (fg_bundle_import (f->b.store, actor_of (&f->b), bad, FALSE, NULL, NULL, &error));
      g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED);
      g_print ("[%s]\n", error->message);
      return;
    }

  /* libxml2 prints nothing; its words are under the one message */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*evil*");
  g_test_trap_assert_stdout ("*[This file is not a Firegrid bundle, or it is damaged (it does not follow the bundle "
                             "format at line *). Nothing was imported.\nWhat the reader found: *evil*]*");
}

static void
test_trust_peer_file_path (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = file_path (f, "冢头镇.peer");
  g_autoptr(GBytes) damaged = g_bytes_new_static ("<peer xmlns=\"urn:firegrid:peer:1\"", 33);
  g_autoptr(GBytes) wrong = g_bytes_new_static ("<other/>", 8);
  g_autoptr(GError) error = NULL;

  g_assert_null (fg_node_read_peer_file_named (damaged, path, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_PEER_FILE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_null (fg_node_read_peer_file_named (wrong, path, &error));
  g_assert_nonnull (strstr (error->message, path));
}

/* 10. Names that hide what they hold */

static void
test_trust_hidden_names (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *bad = file_path (f, "names.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *text = NULL;
  /* zero-width spaces and a joiner; a right-to-left override; an isolate */
  const char *names[] = { "\u200b\u200b\u200d", "老王\u202e烤烧", "\u2067老王烧烤\u2069", NULL };

  export_ok (&f->a, &f->b, path);
  text = read_text (path, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->a.grid), names[i], "李庄村人民路18号",
                                                     "restaurant", "王建国");
      g_autoptr(GError) error = NULL;
      g_autofree char *changed = NULL;

      /* at the keyboard */
      g_assert_false (fg_venue_save (f->a.store, actor_of (&f->a), venue, &error));
      g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_NAME);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_null (fg_region_check_name (names[i], &error));
      g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);

      /* from a bundle, signed by its sender */
      changed = set_attribute (text, "<venue ", "name", names[i]);
      write_signed (&f->a, changed, bad);
      refused_saying (&f->b, bad, "has a name this office would refuse");
    }

  /* a name with a zero-width joiner among what shows is a name */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = fg_region_check_name ("李\u200d庄村", &error);

    g_assert_no_error (error);
    g_assert_nonnull (name);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-limits/largest-photo", Fixture, NULL, fixture_set_up, test_trust_largest_photo,
              fixture_tear_down);
  g_test_add ("/bundle-limits/poisoned-stamps", Fixture, NULL, fixture_set_up, test_trust_poisoned_stamps,
              fixture_tear_down);
  g_test_add ("/bundle-limits/clock-width", Fixture, NULL, fixture_set_up, test_trust_clock_width,
              fixture_tear_down);

  g_test_add ("/bundle-limits/hidden-names", Fixture, NULL, fixture_set_up, test_trust_hidden_names,
              fixture_tear_down);
  g_test_add ("/bundle-limits/damaged", Fixture, NULL, fixture_set_up, test_trust_damaged, fixture_tear_down);
  g_test_add ("/bundle-limits/schema-error", Fixture, NULL, fixture_set_up, test_trust_schema_error,
              fixture_tear_down);
  g_test_add ("/bundle-limits/peer-file-path", Fixture, NULL, fixture_set_up, test_trust_peer_file_path,
              fixture_tear_down);

  return g_test_run ();
}
