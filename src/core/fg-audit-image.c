/* fg-audit-image.c — a record's before and after, compressed
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The images of a change (a row before and after it, as JSON) are most of
 * the audit log, and half the database: a venue's row is some 750 bytes.
 * From schema 40 a record keeps them in one blob, the column `images`:
 *
 *   byte 0  the format: 1
 *   byte 1  which images it holds: 1 the before, 2 the after, or both
 *   then    raw deflate of the images it holds, one after the other, the
 *           before first, each ended by a NUL; deflate starts from the
 *           dictionary below (the names and common values of the rows the
 *           log keeps), so that even a short row compresses
 *
 * The after of an edit repeats most of its before, and deflate finds it
 * there. Records written before schema 40 keep their images as text in
 * `before` and `after`, and are not rewritten: a record holds its images
 * in one form or the other. The chain's hash is over the images as text,
 * in either form, so `audit verify` proves the same as before, and an
 * edited blob no longer inflates to the text that was hashed.
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"

#define FORMAT_1 1
#define HAS_BEFORE 1
#define HAS_AFTER 2

/* More text than any row the log keeps (the largest, a served document's,
 * is some kilobytes): a blob that inflates past it was not made here, and
 * is not inflated further, so that a changed file cannot make reading the
 * log take all the memory there is. */
#define IMAGES_MAX_TEXT (64 * 1024 * 1024)

/* Format 1's dictionary. It is part of the format: never change it (a
 * better one is a format 2). Deflate reaches back to any of it; what it
 * finds most often stands last. */
static const char dictionary_1[] =
  "\"account-add\"\"login\":\"admin\",\"display_name\":\"\",\"role\":\"township-admin\",\"certificate\":null,"
  "\"active\":1,\"created_at\":\"2026-"
  "{\"id\":\"\",\"code\":\"\",\"parent_id\":\"\",\"level\":\"village\",\"name\":\"\",\"retired\":0,"
  "{\"id\":\"\",\"kind\":\"inspection-record\",\"township_id\":\"\",\"year\":2026,\"number_seq\":1,\"number\":\"\","
  "\"follows_id\":null,\"issued_on\":\"2026-\",\"issued_at\":\"2026-\",\"actor\":\"admin\",\"actor_name\":\"\","
  "\"deadline\":null,\"content\":\"{'finished-on': <'2026-'>, 'self-name': <''>, 'inspection-kind': <'campaign'>, "
  "'operator': <''>, 'credit-code': <''>, 'phone': <''>, 'venue': <''>, 'template': <''>, 'inspectors': <''>, "
  "'issued-on': <'2026-'>, 'title': <''>, 'issuer': <''>, 'counts': <(uint32 , uint32 , uint32 )>, "
  "'village': <''>, 'officers': <[('', '')]>, 'items': <[('', '', '合格', ''), ('', '', '不合格', ''), "
  "('', '', '不适用', '')]>, 'number': <''>, 'address': <''>, 'inspected-on': <'2026-'>, 'category': <''>, "
  "'inspected-at': <''>}\",\"digest\":\"\",\"voided_at\":null,\"voided_by\":null,\"void_reason\":null,"
  "\"served_at\":null,\"service\":null,\"void_stamp\":null,\"service_stamp\":null}"
  "{\"id\":\"\",\"hazard_id\":\"\",\"kind\":\"found\",\"at\":\"2026-\",\"actor\":\"admin\",\"actor_name\":\"\","
  "\"note\":\"\",\"deadline\":null,\"level\":null,\"target\":null,\"notice_id\":null,\"decision_number\":null,"
  "\"decision_date\":null,\"decision_authority\":null,"
  "{\"id\":\"\",\"venue_id\":\"\",\"inspection_id\":\"\",\"item_code\":\"C-\",\"template_id\":\"restaurant\","
  "\"template_version\":3,\"grade\":\"on-spot\",\"deadline_days\":0,\"note\":\"\",\"found_at\":\"2026-\","
  "\"state\":\"open\",\"current_deadline\":null,\"major_confirmed\":0,\"escalation_level\":null,"
  "\"service_failed\":0,\"escalated_on\":null,\"reported_fixed_on\":null}"
  "{\"item\":\"C-MGT-01\",\"outcome\":\"pass\",\"note\":\"\"}{\"item\":\"C-\",\"outcome\":\"none\",\"note\":\"\"}"
  "{\"id\":\"\",\"venue_id\":\"\",\"kind\":\"campaign\",\"campaign_id\":\"\",\"inspector\":\"admin\","
  "\"inspector_name\":\"\",\"started_at\":\"2026-\",\"finished_at\":null,\"note\":\"\","
  "\"inspector_certificate\":null,\"second_inspector\":null,\"second_inspector_name\":null,"
  "\"second_inspector_certificate\":null}"
  "{\"id\":\"\",\"region_id\":\"\",\"county_id\":\"\",\"township_id\":\"\",\"village_id\":\"\",\"grid_id\":\"\","
  "\"name\":\"\",\"address\":\"\",\"categories\":\"[\\\"street-shop\\\"]\",\"operator_name\":\"\",\"phone\":\"13\","
  "\"credit_code\":\"\",\"floor_area\":1,\"floors\":1,\"sleeping\":0,\"key_unit\":0,\"smoke_alarm\":0,"
  "\"status\":\"active\",\"created_at\":\"2026-12-07T16:17:06+00:00\",\"origin_node\":\"\",\"stamp\":\"0017966602\","
  "\"deleted\":0,\"base_stamp\":null}";

/* Deflate or inflate starting from format 1's dictionary. */
static int
set_dictionary (z_stream *stream,
                gboolean  inflating)
{
  const Bytef *bytes = (const Bytef *) dictionary_1;
  uInt size = sizeof dictionary_1 - 1;

  return inflating ? inflateSetDictionary (stream, bytes, size) : deflateSetDictionary (stream, bytes, size);
}

/**
 * fg_audit_images_pack: (skip)
 * @before: (nullable): the row before the change, as JSON
 * @after: (nullable): the row after it
 *
 * Returns: (transfer full) (nullable): the two as the column `images`
 *   keeps them; %NULL when both are %NULL
 */
GBytes *
fg_audit_images_pack (const char *before,
                      const char *after)
{
  z_stream stream = { 0 };
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree guchar *output = NULL;
  gsize bound;
  guint8 flags = 0;
  int rc;

  if (before != NULL)
    {
      flags |= HAS_BEFORE;
      g_string_append_len (input, before, strlen (before) + 1);
    }
  if (after != NULL)
    {
      flags |= HAS_AFTER;
      g_string_append_len (input, after, strlen (after) + 1);
    }
  if (flags == 0)
    return NULL;

  /* an 8 KiB window holds the dictionary and a row; zlib's largest
   * (32 KiB, memory level 9) took 160 µs a record to set up, against 9 */
  if (deflateInit2 (&stream, 9, Z_DEFLATED, -13, 6, Z_DEFAULT_STRATEGY) != Z_OK)
    g_error ("zlib could not start compressing");
  if (set_dictionary (&stream, FALSE) != Z_OK)
    g_error ("zlib took no dictionary");

  bound = deflateBound (&stream, input->len) + 2;
  output = g_malloc (bound);
  output[0] = FORMAT_1;
  output[1] = flags;
  stream.next_in = (Bytef *) input->str;
  stream.avail_in = (uInt) input->len;
  stream.next_out = output + 2;
  stream.avail_out = (uInt) (bound - 2);
  rc = deflate (&stream, Z_FINISH);
  if (rc != Z_STREAM_END)
    g_error ("zlib could not compress an audit image (%d)", rc);
  bound = 2 + stream.total_out;
  deflateEnd (&stream);

  return g_bytes_new_take (g_steal_pointer (&output), bound);
}

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                       _("An audit record’s before-and-after images cannot be read: they were changed "
                         "outside Firegrid. Verifying the audit log names the record."));
  return FALSE;
}

/**
 * fg_audit_images_unpack: (skip)
 * @data: (nullable): the column `images`
 * @size: its size
 * @before: (out) (transfer full) (nullable): the row before the change
 * @after: (out) (transfer full) (nullable): the row after it
 * @error: return location for an error
 *
 * Returns: %TRUE, or %FALSE with %FG_AUDIT_ERROR_TAMPERED when the blob is
 *   not one fg_audit_images_pack() made
 */
gboolean
fg_audit_images_unpack (const void  *data,
                        gsize        size,
                        char       **before,
                        char       **after,
                        GError     **error)
{
  const guint8 *bytes = data;
  z_stream stream = { 0 };
  g_autoptr(GByteArray) text = NULL;
  guint8 flags;
  guint expected;
  const char *nul;
  int rc = Z_OK;

  *before = NULL;
  *after = NULL;
  if (data == NULL)
    return TRUE;
  if (size < 3 || bytes[0] != FORMAT_1 || bytes[1] == 0 || (bytes[1] & ~(HAS_BEFORE | HAS_AFTER)) != 0)
    return set_damaged (error);
  flags = bytes[1];

  /* the largest window reads a stream made with any */
  if (inflateInit2 (&stream, -15) != Z_OK)
    g_error ("zlib could not start inflating");
  if (set_dictionary (&stream, TRUE) != Z_OK)
    {
      inflateEnd (&stream);
      return set_damaged (error);
    }

  text = g_byte_array_sized_new (size * 4);
  stream.next_in = (Bytef *) bytes + 2;
  stream.avail_in = (uInt) (size - 2);
  while (rc == Z_OK)
    {
      guint8 chunk[4096];

      stream.next_out = chunk;
      stream.avail_out = sizeof chunk;
      rc = inflate (&stream, Z_NO_FLUSH);
      if (rc == Z_OK || rc == Z_STREAM_END)
        g_byte_array_append (text, chunk, sizeof chunk - stream.avail_out);
      if (text->len > IMAGES_MAX_TEXT)
        rc = Z_DATA_ERROR;
      if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
        rc = Z_DATA_ERROR;  /* the stream ends before its end */
    }
  inflateEnd (&stream);
  /* the whole blob, to its last byte, and nothing more */
  if (rc != Z_STREAM_END || stream.avail_in != 0)
    return set_damaged (error);

  /* the images it says, each ended by a NUL, and none inside one */
  expected = ((flags & HAS_BEFORE) ? 1 : 0) + ((flags & HAS_AFTER) ? 1 : 0);
  if (text->len == 0 || text->data[text->len - 1] != '\0')
    return set_damaged (error);
  nul = memchr (text->data, '\0', text->len);
  if (expected == 1 && (gsize) (nul - (const char *) text->data) != text->len - 1)
    return set_damaged (error);
  if (expected == 2 &&
      ((gsize) (nul - (const char *) text->data) == text->len - 1 ||
       (const guint8 *) memchr (nul + 1, '\0', text->len - (nul + 1 - (const char *) text->data)) !=
       text->data + text->len - 1))
    return set_damaged (error);

  if (expected == 2)
    {
      *before = g_strdup ((const char *) text->data);
      *after = g_strdup (nul + 1);
    }
  else if (flags & HAS_BEFORE)
    *before = g_strdup ((const char *) text->data);
  else
    *after = g_strdup ((const char *) text->data);
  return TRUE;
}

/**
 * fg_audit_read_images: (skip)
 * @stmt: a row of `audit` or `audit_in`
 * @column: the column of `before`; `after` follows it
 * @images_column: the column of `images`
 * @before: (out) (transfer full) (nullable): the row before the change
 * @after: (out) (transfer full) (nullable): the row after it
 * @error: return location for an error
 *
 * A record's images, in whichever form it keeps them.
 *
 * Returns: %TRUE, or %FALSE with %FG_AUDIT_ERROR_TAMPERED when its blob
 *   cannot be read
 */
gboolean
fg_audit_read_images (sqlite3_stmt  *stmt,
                      int            column,
                      int            images_column,
                      char         **before,
                      char         **after,
                      GError       **error)
{
  if (sqlite3_column_type (stmt, images_column) == SQLITE_NULL)
    {
      *before = g_strdup ((const char *) sqlite3_column_text (stmt, column));
      *after = g_strdup ((const char *) sqlite3_column_text (stmt, column + 1));
      return TRUE;
    }

  /* one form or the other: text beside a blob was put there by hand */
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL || sqlite3_column_type (stmt, column + 1) != SQLITE_NULL)
    {
      *before = NULL;
      *after = NULL;
      return set_damaged (error);
    }

  return fg_audit_images_unpack (sqlite3_column_blob (stmt, images_column), sqlite3_column_bytes (stmt, images_column),
                                 before, after, error);
}

/* audit_before (before, images), audit_after (after, images): the image
 * as text, from either form; for queries into the JSON */
static void
image_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  gboolean want_after = GPOINTER_TO_INT (sqlite3_user_data (context));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *image;

  if (sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_value (context, argv[0]);
      return;
    }
  if (sqlite3_value_type (argv[1]) != SQLITE_BLOB ||
      !fg_audit_images_unpack (sqlite3_value_blob (argv[1]), sqlite3_value_bytes (argv[1]), &before, &after,
                               &error))
    {
      sqlite3_result_error (context, error != NULL ? error->message : "not an audit image", -1);
      return;
    }

  image = want_after ? g_steal_pointer (&after) : g_steal_pointer (&before);
  if (image == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, image, -1, g_free);
}

/* audit_images (before, after): the blob fg_audit_images_pack() makes */
static void
pack_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  g_autoptr(GBytes) images = fg_audit_images_pack ((const char *) sqlite3_value_text (argv[0]),
                                                   (const char *) sqlite3_value_text (argv[1]));
  gsize size;
  const void *data;

  if (images == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  data = g_bytes_get_data (images, &size);
  sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
}

/**
 * fg_audit_register_functions: (skip)
 * @db: a connection
 *
 * Lets SQL on @db read the images of audit records in either form:
 * `audit_before (before, images)`, `audit_after (after, images)`, and
 * make the blob, `audit_images (before, after)`.
 *
 * Returns: an SQLite result code
 */
int
fg_audit_register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  int rc;

  rc = sqlite3_create_function (db, "audit_before", 2, flags, GINT_TO_POINTER (FALSE), image_function, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (db, "audit_after", 2, flags, GINT_TO_POINTER (TRUE), image_function, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (db, "audit_images", 2, flags, NULL, pack_function, NULL, NULL);
  return rc;
}
