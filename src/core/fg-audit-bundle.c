/* fg-audit-bundle.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Audit records in bundles.
 *
 * An office's audit log goes up to the office above it, which supervises
 * it: a grid station's to its township, a township's to its county, with
 * the records the township holds of its grid stations, so that a county
 * has the log of everybody below it. They travel along with changed rows,
 * never on their own: an export writes an audit record itself, and a
 * bundle made only to carry that would be followed by another, forever.
 * Each record goes with the hashes its office computed, so that the office
 * above checks the chain as the records arrive (fg_audit_receive()).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fg-audit-private.h"
#include "fg-bundle-private.h"
#include "fg-node-private.h"
#include "fg-permission.h"

/* The longest text of a record the reader takes: a before or after of a
 * document's row, which holds its content (1 MiB at most), as JSON. */
#define MAX_AUDIT_TEXT (4 * 1024 * 1024)

/* Whether XML can carry @text as it is: UTF-8 of characters XML 1.0
 * allows. What a person typed (a login, a name in a refusal) may hold
 * others; it goes as base64, since the hash is over its very bytes. */
static gboolean
xml_can_carry (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
            c >= 0x10000))
        return FALSE;
    }
  return TRUE;
}

/* A field of an audit record as an element of its own; none for NULL. */
static int
write_audit_text (xmlTextWriter *writer,
                  const char    *element,
                  const char    *value)
{
  if (value == NULL)
    return 0;
  if (xmlTextWriterStartElement (writer, BAD_CAST element) < 0)
    return -1;
  if (xml_can_carry (value))
    {
      /* the writer would escape every quote of the JSON; only these need it */
      g_autoptr(GString) text = g_string_sized_new (strlen (value) + 16);

      for (const char *p = value; *p != '\0'; p++)
        {
          switch (*p)
            {
            case '&':
              g_string_append (text, "&amp;");
              break;
            case '<':
              g_string_append (text, "&lt;");
              break;
            case '>':
              g_string_append (text, "&gt;");
              break;
            case '\r':
              g_string_append (text, "&#13;");  /* a parser would make a line end of it */
              break;
            default:
              g_string_append_c (text, *p);
            }
        }
      if (xmlTextWriterWriteRaw (writer, BAD_CAST text->str) < 0)
        return -1;
    }
  else if (xmlTextWriterWriteAttribute (writer, BAD_CAST "encoding", BAD_CAST "base64") < 0 ||
           xmlTextWriterWriteBase64 (writer, value, 0, (int) strlen (value)) < 0)
    return -1;
  return xmlTextWriterEndElement (writer);
}

/* The column of `images`, which follows the columns of fg_bundle_audit. */
#define AUDIT_IMAGES_COLUMN 14

/* One record, read with the columns of fg_bundle_audit and `images`, of
 * @node_id's log; @prev_hash is the hash of the record before it, which
 * this office's own records no longer keep (schema 40). */
static gboolean
write_audit_record (FgBundleExport  *export,
                    const char      *node_id,
                    sqlite3_stmt    *stmt,
                    const char      *prev_hash,
                    GError         **error)
{
  static const struct
  {
    const char *attribute;
    int column;
  } attributes[] = {
    { "id", 1 }, { "at", 2 }, { "actor-kind", 4 }, { "action", 5 }, { "outcome", 7 }, { "origin-node", 9 },
    { "hash", 13 },
  };
  xmlTextWriter *writer = export->writer;
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  const char *detail = (const char *) sqlite3_column_text (stmt, 8);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* the images travel as text, in whichever form they are kept here */
  if (!fg_audit_read_images (stmt, 10, AUDIT_IMAGES_COLUMN, &before, &after, error))
    return FALSE;

  if (xmlTextWriterStartElement (writer, BAD_CAST "audit") < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "node", BAD_CAST node_id) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "seq", BAD_CAST seq) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "prev-hash", BAD_CAST prev_hash) < 0)
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, attributes[i].column);

      if (value != NULL && xmlTextWriterWriteAttribute (writer, BAD_CAST attributes[i].attribute, BAD_CAST value) < 0)
        goto failed;
    }
  /* a detail is never NULL, and empty but for a refusal */
  if (write_audit_text (writer, "actor-login", (const char *) sqlite3_column_text (stmt, 3)) < 0 ||
      write_audit_text (writer, "record-id", (const char *) sqlite3_column_text (stmt, 6)) < 0 ||
      write_audit_text (writer, "detail", detail != NULL && *detail != '\0' ? detail : NULL) < 0 ||
      write_audit_text (writer, "before", before) < 0 ||
      write_audit_text (writer, "after", after) < 0 ||
      xmlTextWriterEndElement (writer) < 0)
    goto failed;

  export->report->audit++;
  return TRUE;

failed:
  fg_bundle_set_write_error (export, error);
  return FALSE;
}

/* This office's own records after @since, in their order; @last is the
 * seq of the last one written. */
static gboolean
write_own_audit (FgBundleExport  *export,
                 const char      *self_id,
                 gint64           since,
                 gint64          *last,
                 GError         **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) before = NULL;
  g_autofree char *prev_hash = NULL;
  int rc;

  /* the record's own hash as text, whichever form the row keeps it in */
  for (guint i = 0; fg_bundle_audit.columns[i] != NULL; i++)
    g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "",
                            g_str_equal (fg_bundle_audit.columns[i], "hash") ? FG_AUDIT_HASH_SQL
                                                                              : fg_bundle_audit.columns[i]);
  sql = g_strdup_printf ("SELECT %s, images FROM audit WHERE seq > ?1 ORDER BY seq", columns->str);
  stmt = fg_store_prepare (export->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  /* the chain goes on from the last record sent */
  before = fg_store_prepare (export->store,
                             "SELECT " FG_AUDIT_HASH_SQL " FROM audit WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1",
                             error);
  if (before == NULL)
    return FALSE;
  sqlite3_bind_int64 (before, 1, since);
  rc = sqlite3_step (before);
  prev_hash = g_strdup (rc == SQLITE_ROW && sqlite3_column_type (before, 0) != SQLITE_NULL
                        ? (const char *) sqlite3_column_text (before, 0) : FG_AUDIT_GENESIS);
  g_clear_pointer (&before, fg_stmt_release);

  sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* a record not chained yet (fg_audit_seal() chains them when the
       * database opens) waits for the next bundle, with those after it */
      if (sqlite3_column_type (stmt, 13) == SQLITE_NULL)
        return TRUE;
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
          !write_audit_record (export, self_id, stmt, prev_hash, error))
        return FALSE;
      *last = sqlite3_column_int64 (stmt, 0);
      g_free (prev_hash);
      prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (export->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The records of the offices below this one that arrived here after
 * @since, up to @until, office by office, each in its order: for the
 * office above, which cannot reach them itself. */
static gboolean
write_passed_on_audit (FgBundleExport    *export,
                       const FgNodeInfo  *self,
                       gint64             since,
                       gint64             until,
                       GError           **error)
{
  g_autofree char *columns = fg_bundle_column_list ("", fg_bundle_audit_in.columns);
  g_autofree char *records_sql = g_strdup_printf ("SELECT %s, images FROM audit_in"
                                                  " WHERE node_id = ?1 AND arrival > ?2 AND arrival <= ?3 ORDER BY seq",
                                                  columns);
  g_autoptr(sqlite3_stmt) offices = NULL;
  int rc;

  offices = fg_store_prepare (export->store,
                              "SELECT n.id, n.kind, n.scope_code,"
                              "  coalesce ((SELECT r.name FROM region r WHERE r.code = n.scope_code AND r.deleted = 0),"
                              "            n.scope_name)"
                              " FROM audit_node n WHERE n.id <> ?1 AND n.id <> ?2 AND EXISTS ("
                              "   SELECT 1 FROM audit_in a WHERE a.node_id = n.id AND a.arrival > ?3 AND a.arrival <= ?4)"
                              " ORDER BY n.scope_code, n.id",
                              error);
  if (offices == NULL)
    return FALSE;
  sqlite3_bind_text (offices, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (offices, 2, export->receiver, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (offices, 3, since);
  sqlite3_bind_int64 (offices, 4, until);

  while ((rc = sqlite3_step (offices)) == SQLITE_ROW)
    {
      g_autoptr(sqlite3_stmt) records = NULL;
      const char *id = fg_stmt_text (offices, 0);
      const char *code = fg_stmt_text (offices, 2);
      FgNodeKind kind;
      int records_rc;

      /* only offices below this one, in the division the receiver shares */
      if (!fg_node_kind_from_string (fg_stmt_text (offices, 1), &kind) || !fg_node_kind_is_above (self->kind, kind) ||
          !g_str_has_prefix (code, export->prefix))
        continue;

      if (xmlTextWriterStartElement (export->writer, BAD_CAST "audit-node") < 0 ||
          xmlTextWriterWriteAttribute (export->writer, BAD_CAST "id", BAD_CAST id) < 0 ||
          xmlTextWriterWriteAttribute (export->writer, BAD_CAST "kind", BAD_CAST fg_stmt_text (offices, 1)) < 0 ||
          xmlTextWriterWriteAttribute (export->writer, BAD_CAST "code", BAD_CAST code) < 0 ||
          xmlTextWriterWriteAttribute (export->writer, BAD_CAST "name", BAD_CAST fg_stmt_text (offices, 3)) < 0 ||
          xmlTextWriterEndElement (export->writer) < 0)
        {
          fg_bundle_set_write_error (export, error);
          return FALSE;
        }

      records = fg_store_prepare (export->store, records_sql, error);
      if (records == NULL)
        return FALSE;
      sqlite3_bind_text (records, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (records, 2, since);
      sqlite3_bind_int64 (records, 3, until);
      while ((records_rc = sqlite3_step (records)) == SQLITE_ROW)
        if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
            !write_audit_record (export, id, records, (const char *) sqlite3_column_text (records, 12), error))
          return FALSE;
      if (records_rc != SQLITE_DONE)
        {
          fg_store_set_error (export->store, records_rc, error);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (export->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* What goes up to the office above: this office's audit records after the
 * last one it was sent, and those of the offices below this one that
 * arrived since the last bundle to it. @own_last and @passed_on_last say
 * how far the bundle goes, for the peer's row; they stay as they were
 * when the receiver is not above this office. */
gboolean
fg_audit_bundle_write (FgBundleExport    *export,
                       const FgNodeInfo  *self,
                       const FgNodeInfo  *receiver,
                       gint64            *own_last,
                       gint64            *passed_on_last,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 passed_on_until;

  stmt = fg_store_prepare (export->store,
                           "SELECT audit_sent, audit_passed_on, (SELECT coalesce (max (arrival), 0) FROM audit_in)"
                           " FROM peer WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receiver->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (export->store, sqlite3_errcode (fg_store_get_db (export->store)), error);
      return FALSE;
    }
  *own_last = sqlite3_column_int64 (stmt, 0);
  *passed_on_last = sqlite3_column_int64 (stmt, 1);
  passed_on_until = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!fg_node_kind_is_above (receiver->kind, self->kind))
    return TRUE;

  if (!write_own_audit (export, self->id, *own_last, own_last, error) ||
      !write_passed_on_audit (export, self, *passed_on_last, passed_on_until, error))
    return FALSE;
  *passed_on_last = MAX (*passed_on_last, passed_on_until);
  return TRUE;
}

/* The peer has had the audit records up to there: in the transaction that
 * moves its sequence on. */
gboolean
fg_audit_bundle_record_sent (FgStore     *store,
                             const char  *peer_id,
                             gint64       own_last,
                             gint64       passed_on_last,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store,
                                                   "UPDATE peer SET audit_sent = ?1, audit_passed_on = ?2 WHERE id = ?3",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, own_last);
  sqlite3_bind_int64 (stmt, 2, passed_on_last);
  sqlite3_bind_text (stmt, 3, peer_id, -1, SQLITE_STATIC);
  return fg_store_step_done (store, stmt, error);
}

/* Reading */

/* Whether this office keeps the sender's audit records: it is the office
 * above the sender, a township's county or a grid station's township.
 * Any other passes them over and takes the rest of the bundle: they are
 * not its to keep, and nothing of them is written (a sender whose peer
 * file of this office says otherwise sends them all the same). */
static gboolean
keeps_audit_of_sender (FgBundleImport *import)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, "SELECT kind FROM node WHERE id = ?1", NULL);
  FgNodeKind kind;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (import->store), -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW && fg_node_kind_from_string (fg_stmt_text (stmt, 0), &kind) &&
         fg_node_kind_is_above (kind, import->sender->kind);
}

/* Whether @id is known here (a peer, or an office whose records are kept
 * here) as anything but an office of @kind writing in @code. */
static gboolean
known_otherwise (FgBundleImport *import,
                 const char     *id,
                 const char     *kind,
                 const char     *code)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                   "SELECT kind, scope_code FROM audit_node WHERE id = ?1"
                                                   " UNION ALL SELECT kind, scope_code FROM peer WHERE id = ?1",
                                                   NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!g_str_equal (fg_stmt_text (stmt, 0), kind) || !g_str_equal (fg_stmt_text (stmt, 1), code))
      return TRUE;
  return FALSE;
}

static gboolean
add_audit_node (FgBundleImport  *import,
                const char      *id,
                const char      *kind,
                const char      *code,
                const char      *name,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                   "INSERT INTO audit_node (id, kind, scope_code, scope_name, via)"
                                                   " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, name != NULL ? name : code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, import->sender->id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

/* An office below the sender whose audit records it passes on (a
 * township's grid station): in the sender's division, and the office it
 * is known as here, if it is known. */
gboolean
fg_audit_bundle_apply_node (FgBundleImport  *import,
                            GHashTable      *row,
                            GError         **error)
{
  const char *id = attr (row, "id");
  const char *kind_text = attr (row, "kind");
  const char *code = attr (row, "code");
  FgNodeKind kind;

  if (!keeps_audit_of_sender (import))
    return TRUE;
  if (id == NULL || code == NULL || !fg_node_kind_from_string (kind_text, &kind))
    {
      fg_bundle_set_malformed (error, _("an office without its kind or division"));
      return FALSE;
    }
  if (!fg_node_kind_is_above (import->sender->kind, kind) || !fg_bundle_in_sender_scope (import, code) ||
      g_str_equal (id, import->sender->id) || g_strcmp0 (id, fg_store_get_node_id (import->store)) == 0 ||
      known_otherwise (import, id, kind_text, code))
    {
      fg_bundle_set_out_of_scope (import, _("audit records of another office"), error);
      return FALSE;
    }
  return add_audit_node (import, id, kind_text, code, attr (row, "name"), error);
}

/* The fields of an audit record that are elements of their own, into
 * @row: the reader is on the record's start tag, and is left on its end
 * tag. Every read is checked against the schema as the main loop does. */
static gboolean
read_audit_fields (FgBundleImport  *import,
                   xmlTextReader   *reader,
                   GHashTable      *row,
                   GError         **error)
{
  int rc;

  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      g_autofree char *encoding = NULL;
      g_autofree char *text = NULL;
      char *value;

      if (xmlTextReaderIsValid (reader) != 1)
        break;
      if (type == XML_READER_TYPE_ENTITY_REFERENCE || depth > FG_BUNDLE_MAX_DEPTH)
        {
          fg_bundle_set_malformed (error, _("it is nested too deep"));
          return FALSE;
        }
      if (type == XML_READER_TYPE_END_ELEMENT && depth == 1)
        return TRUE;
      if (type != XML_READER_TYPE_ELEMENT || depth != 2)
        continue;

      encoding = fg_bundle_dup_attribute (reader, "encoding");
      text = (char *) xmlTextReaderReadString (reader);
      if (text != NULL && strlen (text) > MAX_AUDIT_TEXT)
        {
          fg_bundle_set_malformed (error, _("an audit record that is too long"));
          return FALSE;
        }
      if (g_strcmp0 (encoding, "base64") == 0)
        {
          gsize length = 0;
          g_autofree guint8 *data = g_base64_decode (text != NULL ? text : "", &length);

          /* the hash ends a field at its first NUL: one inside is not a field's */
          if (memchr (data, '\0', length) != NULL)
            {
              fg_bundle_set_malformed (error, _("an audit record that is not text"));
              return FALSE;
            }
          value = g_strndup ((const char *) data, length);
        }
      else
        value = g_strdup (text != NULL ? text : "");

      g_hash_table_insert (row, (gpointer) fg_bundle_column_name (import, (const char *) xmlTextReaderConstLocalName (reader)),
                           value);
    }

  fg_bundle_set_invalid (error);
  return FALSE;
}

/* The sender's own records in a bundle follow one another, from where the
 * last bundle to this office stopped (or from the first, once it was asked
 * to send everything again): one missing between two of them was taken out
 * of the bundle. */
static gboolean
follow_own_records (FgBundleImport  *import,
                    gint64           seq,
                    GError         **error)
{
  if (import->audit_first == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, "SELECT head_seq FROM audit_node WHERE id = ?1",
                                                       error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, import->sender->id, -1, SQLITE_STATIC);
      import->audit_head = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      import->audit_first = seq;
    }
  else if (seq <= import->audit_last)
    {
      /* Translators: the office that sent the bundle, then two numbers of records in its audit log */
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED,
                   _("The bundle from %s was refused whole, and nothing was imported: its audit record %u comes "
                     "after record %u, out of their order. The bundle was changed after it was written."),
                   import->sender->scope_name, (guint) seq, (guint) import->audit_last);
      return FALSE;
    }
  else if (seq > import->audit_last + 1)
    {
      g_autoptr(GArray) range = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 bounds[2] = { import->audit_last + 1, seq - 1 };
      g_autofree char *numbers = NULL;

      g_array_append_vals (range, bounds, 2);
      numbers = fg_audit_format_ranges (range);
      /* Translators: the office that sent the bundle, then the numbers of
       * records in its audit log, as 5–7 */
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The bundle from %s was refused whole, and nothing was imported: audit record %s "
                                "of that office is missing between the records it carries. It was taken out of "
                                "the bundle after the bundle was written; ask the office to send it again.",
                                "The bundle from %s was refused whole, and nothing was imported: audit records %s "
                                "of that office are missing between the records it carries. They were taken out of "
                                "the bundle after the bundle was written; ask the office to send it again.",
                                (gulong) MIN (bounds[1] - bounds[0] + 1, G_MAXULONG)),
                   import->sender->scope_name, numbers);
      return FALSE;
    }
  import->audit_last = seq;
  return TRUE;
}

/* A record of the sender's audit log, or of an office below it whose
 * records it passes on: kept once its chain is checked (fg_audit_receive()).
 * A record already here changes nothing; another version of it, or one
 * that breaks the chain, is tampering, and the bundle is refused whole. */
gboolean
fg_audit_bundle_apply (FgBundleImport  *import,
                       xmlTextReader   *reader,
                       GHashTable      *row,
                       GError         **error)
{
  g_autoptr(GError) refusal = NULL;
  const char *node = attr (row, "node");
  const char *detail;
  FgAuditRecord record = { 0 };
  gboolean added;

  if (!keeps_audit_of_sender (import))
    return read_audit_fields (import, reader, row, error);  /* past it, checked against the schema */

  if (g_strcmp0 (node, import->sender->id) == 0)
    {
      if (!add_audit_node (import, import->sender->id, fg_node_kind_to_string (import->sender->kind),
                           import->sender->scope_code, import->sender->scope_name, error))
        return FALSE;
    }
  else
    {
      /* another office's, which the sender may pass on: one below it, in its division */
      g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                       "SELECT kind, scope_code FROM audit_node WHERE id = ?1",
                                                       error);
      FgNodeKind kind;
      gboolean below = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, node, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        below = fg_node_kind_from_string (fg_stmt_text (stmt, 0), &kind) &&
                fg_node_kind_is_above (import->sender->kind, kind) &&
                fg_bundle_in_sender_scope (import, fg_stmt_text (stmt, 1));
      if (!below || g_strcmp0 (node, fg_store_get_node_id (import->store)) == 0)
        {
          fg_bundle_set_out_of_scope (import, _("audit records of another office"), error);
          return FALSE;
        }
    }

  if (!read_audit_fields (import, reader, row, error))
    return FALSE;

  detail = attr (row, "detail");
  record.node_id = node;
  record.seq = g_ascii_strtoll (attr (row, "seq") != NULL ? attr (row, "seq") : "0", NULL, 10);
  record.fields[0] = attr (row, "id");
  record.fields[1] = attr (row, "at");
  record.fields[2] = attr (row, "actor_login");
  record.fields[3] = attr (row, "actor_kind");
  record.fields[4] = attr (row, "action");
  record.fields[5] = attr (row, "record_id");
  record.fields[6] = attr (row, "outcome");
  record.fields[7] = detail != NULL ? detail : "";
  record.fields[8] = attr (row, "before");
  record.fields[9] = attr (row, "after");
  record.origin_node = attr (row, "origin_node");
  record.prev_hash = attr (row, "prev_hash");
  record.hash = attr (row, "hash");
  if (record.seq <= 0 || record.fields[0] == NULL || record.fields[1] == NULL || record.fields[2] == NULL ||
      record.fields[3] == NULL || record.fields[4] == NULL || record.fields[6] == NULL || record.prev_hash == NULL ||
      record.hash == NULL)
    {
      fg_bundle_set_malformed (error, _("an audit record without all its fields"));
      return FALSE;
    }

  if (g_str_equal (node, import->sender->id) && !follow_own_records (import, record.seq, error))
    return FALSE;

  if (!fg_audit_receive (import->store, &record, import->sender->id, &added, &refusal))
    {
      if (refusal->domain != FG_AUDIT_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return FALSE;
        }
      /* Translators: the office that sent the bundle, then why its audit
       * record was refused */
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED,
                   _("The bundle from %s was refused whole, and nothing was imported: %s"),
                   import->sender->scope_name, refusal->message);
      return FALSE;
    }
  if (added)
    import->report->audit++;
  return TRUE;
}

/* Whether the sender's audit record of its export of bundle @sequence to
 * this office is here. */
static gboolean
has_export_record (FgBundleImport  *import,
                   guint            sequence,
                   gboolean        *found,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (import->store,
                           "SELECT 1 FROM audit_in WHERE node_id = ?1 AND action = 'bundle-export'"
                           "  AND record_id = ?2 AND outcome = 'done'"
                           "  AND CASE WHEN json_valid (audit_after (after, images))"
                           "   THEN json_extract (audit_after (after, images), '$.sequence') END = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, import->sender->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_store_get_node_id (import->store), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, sequence);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fg_store_set_error (import->store, rc, error);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * fg_audit_bundle_finish: (skip)
 * @import: the import, its rows applied
 * @sequence: the bundle's number, from its sender to this office
 * @error: return location for an error
 *
 * The sender's audit records a bundle brings must carry on from those
 * received here, when no bundle before it is still on its way (one that
 * is would bring the records in between): they start no later than the
 * record after the newest one here, or at the first when none came before; and they
 * reach the record of the export of the bundle before this one, which
 * every export writes to the sender's log after the bundle, so that the
 * next bundle carries it. A bundle that starts later or lacks it had its
 * records taken out, and is refused whole.
 *
 * Returns: %TRUE when the records carry on, or this office does not keep
 *   the sender's audit log
 */
gboolean
fg_audit_bundle_finish (FgBundleImport  *import,
                        guint            sequence,
                        GError         **error)
{
  g_autoptr(GArray) missing = NULL;
  gboolean found = FALSE;

  if (!keeps_audit_of_sender (import))
    return TRUE;
  missing = fg_node_dup_missing_bundles (import->store, import->sender->id, sequence, error);
  if (missing == NULL)
    return FALSE;
  if (missing->len > 0)
    return TRUE;  /* records may be in a bundle still on its way */

  /* the first bundle from an office carries its log from the first record */
  if (import->audit_first > 0 && import->audit_first > import->audit_head + 1)
    {
      g_autoptr(GArray) range = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 bounds[2] = { import->audit_head + 1, import->audit_first - 1 };
      g_autofree char *numbers = NULL;

      g_array_append_vals (range, bounds, 2);
      numbers = fg_audit_format_ranges (range);
      /* Translators: the office that sent the bundle, then the numbers of
       * records in its audit log, as 5–7 */
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The bundle from %s was refused whole, and nothing was imported: every bundle "
                                "before it has arrived, yet audit record %s of that office, which comes before "
                                "those it carries, never came. It was taken out of the bundle; ask the office to "
                                "send everything again.",
                                "The bundle from %s was refused whole, and nothing was imported: every bundle "
                                "before it has arrived, yet audit records %s of that office, which come before "
                                "those it carries, never came. They were taken out of the bundle; ask the office "
                                "to send everything again.",
                                (gulong) MIN (bounds[1] - bounds[0] + 1, G_MAXULONG)),
                   import->sender->scope_name, numbers);
      return FALSE;
    }

  if (sequence > 1)
    {
      if (!has_export_record (import, sequence - 1, &found, error))
        return FALSE;
      if (!found)
        {
          /* Translators: the office that sent the bundle, then the number of its bundle before this one */
          g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED,
                       _("The bundle from %s was refused whole, and nothing was imported: it lacks that office’s "
                         "audit record of writing its bundle number %u, which every bundle after it carries. Its "
                         "audit records were taken out of it; ask the office to send everything again."),
                       import->sender->scope_name, sequence - 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The SHA-256 of the file at @path, or NULL when it cannot be read. */
static char *
dup_file_digest (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *chunk = g_malloc (65536);
  FILE *file = g_fopen (path, "rb");
  size_t n;

  if (file == NULL)
    return NULL;
  while ((n = fread (chunk, 1, 65536, file)) > 0)
    g_checksum_update (checksum, (const guchar *) chunk, n);
  if (ferror (file))
    {
      fclose (file);
      return NULL;
    }
  fclose (file);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * fg_audit_bundle_record_refused: (skip)
 * @store: the store, outside a transaction
 * @actor: who tried to import
 * @path: the bundle file
 * @sender_id: (nullable): the office that sent it, when it is a peer here
 * @refusal: why it was refused
 *
 * A refused bundle leaves a trace in this office's log: who sent it, the
 * SHA-256 of the file, so that it can be found again, and why. A second
 * copy of a bundle imported before, a stopped import or a file that
 * cannot be read are not refusals of the bundle, and an import the actor
 * may not make is audited as such already. The same file refused again
 * for the same reason (a sync folder tries it at every pass) is not
 * written twice.
 */
void
fg_audit_bundle_record_refused (FgStore       *store,
                                FgActor       *actor,
                                const char    *path,
                                const char    *sender_id,
                                const GError  *refusal)
{
  g_autofree char *digest = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (refusal == NULL || refusal->domain == G_IO_ERROR || refusal->domain == FG_PERMISSION_ERROR ||
      g_error_matches (refusal, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED))
    return;

  digest = dup_file_digest (path);
  /* Translators: why a bundle was refused, then the SHA-256 of its file */
  detail = g_strdup_printf (_("%s (the file’s SHA-256: %s)"), refusal->message,
                            digest != NULL ? digest : "?");

  /* a sync folder tries a bundle it refused again at every pass: the
   * same file refused for the same reason is in the log once */
  stmt = fg_store_prepare (store,
                           "SELECT 1 FROM audit WHERE action = 'bundle-import' AND outcome = 'refused' AND detail = ?1",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, detail, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return;
      g_clear_pointer (&stmt, fg_stmt_release);
    }
  fg_audit_record_refusal (store, actor, "bundle-import", sender_id, detail);
}
