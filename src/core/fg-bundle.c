/* fg-bundle.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is one XML file (data/schema/bundle-1.xsd, docs/bundles.md):
 * the rows one office changed or received since its last bundle to a peer,
 * photos as base64, and at the end an Ed25519 signature over every byte
 * before it. Both ends work as streams: the writer goes row by row from
 * SQLite through xmlTextWriter into a temporary file, signing as it
 * writes, then syncs and renames it, so no half bundle ever has the final
 * name; the reader checks the signature in one pass over the file, then
 * reads it with xmlTextReader against the schema, and applies it in one
 * transaction: all of it, or nothing.
 *
 * Merging: hazard events, inspections and hazards never change once
 * written, so they merge by their ids; regions and venues, which do
 * change, merge last-writer-wins by their update stamps, and the losing
 * version of a concurrent edit goes to the conflict table for a person.
 * Every row must lie in the sender's division; a bundle that carries one
 * outside it is refused whole.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <sodium.h>

#include "fg-audit-private.h"
#include "fg-bundle.h"
#include "fg-hazard-private.h"
#include "fg-node-private.h"
#include "fg-permission-private.h"
#include "fg-photo-private.h"
#include "fg-store-private.h"

#define BUNDLE_NS "urn:firegrid:bundle:1"
#define BUNDLE_SCHEMA_RESOURCE "/io/github/firegrid/core/schema/bundle-1.xsd"
#define SIGNATURE_OPEN "<signature>"
#define SIGNATURE_CLOSE "</signature>"
/* A bundle ends with exactly these bytes after its signature's base64:
 * what the signature does not cover has one form only. */
#define TRAILER SIGNATURE_CLOSE "\n</bundle>\n"
#define SIGNATURE_BASE64_LENGTH 88
#define MAX_DEPTH 3
#define MAX_VALUE_LENGTH 4096
#define MAX_PHOTO_BASE64 (14 * 1024 * 1024)
#define MAX_CONTENT_BASE64 (2 * 1024 * 1024)  /* a document's content: 1 MiB, as the schema says, in base64 */
#define CHUNK 65536

G_DEFINE_QUARK (fg-bundle-error-quark, fg_bundle_error)

/* The synced tables, and the columns a bundle carries of each: every
 * column but the local ones (row numbers, caches). */
typedef struct
{
  const char *table;
  const char *element;
  const char * const *columns;
  const char *writer;        /* who wrote a row as it stands, when not its creator nor its stamp's node */
} TableSpec;

static const char * const photo_columns[] = { "sha256", "mime_type", "size", "created_at", NULL };
static const char * const region_columns[] = {
  "id", "parent_id", "level", "code", "name", "code_year", "retired", "origin_node", "stamp", "base_stamp",
  "deleted", NULL
};
static const char * const campaign_columns[] = {
  "id", "township_id", "name", "starts_on", "ends_on", "focus", "created_at", "origin_node", "stamp", "base_stamp",
  "deleted", NULL
};
static const char * const venue_columns[] = {
  "id", "region_id", "name", "address", "categories", "operator_name", "phone", "credit_code", "floor_area",
  "floors", "sleeping", "key_unit", "smoke_alarm", "status", "created_at", "origin_node", "stamp", "base_stamp",
  "deleted", NULL
};
static const char * const inspection_columns[] = {
  "id", "venue_id", "kind", "campaign_id", "inspector", "inspector_name", "started_at", "finished_at", "note",
  "township_id", "village_id", "grid_id", "origin_node", "stamp", "deleted", NULL
};
static const char * const template_columns[] = { "position", "template_id", "version", NULL };
static const char * const result_columns[] = { "item_code", "outcome", "note", "recorded_at", NULL };
static const char * const inspection_photo_columns[] = { "item_code", "sha256", "added_at", NULL };
static const char * const hazard_columns[] = {
  "id", "venue_id", "inspection_id", "item_code", "template_id", "template_version", "grade", "deadline_days",
  "note", "found_at", "township_id", "village_id", "grid_id", "origin_node", "stamp", "deleted", NULL
};
static const char * const event_columns[] = {
  "id", "hazard_id", "kind", "at", "actor", "actor_name", "note", "deadline", "level", "target", "origin_node",
  "stamp", "notice_id", NULL
};
static const char * const event_photo_columns[] = { "sha256", "position", NULL };
/* a document's content goes as an element of its own (see write_notice_children) */
static const char * const notice_columns[] = {
  "id", "kind", "township_id", "year", "number_seq", "number", "venue_id", "inspection_id", "follows_id",
  "issued_on", "issued_at", "actor", "actor_name", "deadline", "digest", "voided_at", "voided_by", "void_reason",
  "void_stamp", "served_at", "service", "service_stamp", "origin_node", "stamp", NULL
};
static const char * const notice_hazard_columns[] = { "hazard_id", "position", NULL };

/* Who wrote a document as it stands: the office of its latest stamp, of
 * its issuing, its voiding or its last service. */
#define NOTICE_WRITER(t) \
  "substr (max (" t ".stamp, coalesce (" t ".void_stamp, ''), coalesce (" t ".service_stamp, '')), 23)"

static const TableSpec regions = { "region", "region", region_columns };
static const TableSpec campaigns = { "campaign", "campaign", campaign_columns };
static const TableSpec venues = { "venue", "venue", venue_columns };
static const TableSpec inspections = { "inspection", "inspection", inspection_columns };
static const TableSpec hazards = { "hazard", "hazard", hazard_columns };
static const TableSpec events = { "hazard_event", "event", event_columns };
static const TableSpec notices = { "notice", "notice", notice_columns, NOTICE_WRITER ("t") };

void
fg_bundle_info_free (FgBundleInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->sender);
  g_free (info->sender_name);
  g_free (info->receiver);
  g_free (info->previous);
  g_free (info->created_at);
  g_free (info->since);
  g_free (info->digest);
  g_free (info);
}

/* Writing */

typedef struct
{
  FILE *file;
  crypto_sign_state signing;
  gboolean signing_on;
  GChecksum *digest;
  int saved_errno;
} Sink;

static int
sink_write (void       *context,
            const char *buffer,
            int         len)
{
  Sink *sink = context;

  if (len <= 0)
    return 0;
  if (fwrite (buffer, 1, (size_t) len, sink->file) != (size_t) len)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return -1;
    }
  if (sink->signing_on)
    crypto_sign_update (&sink->signing, (const guint8 *) buffer, (unsigned long long) len);
  g_checksum_update (sink->digest, (const guchar *) buffer, len);
  return len;
}

static int
sink_close (void *context)
{
  return 0;  /* the file is closed by the exporter, after fsync */
}

/* Writes the current row of @stmt as the attributes of an element. */
static int
write_columns (xmlTextWriter       *writer,
               sqlite3_stmt        *stmt,
               const char * const  *columns)
{
  int rc = 0;

  for (int i = 0; columns[i] != NULL && rc >= 0; i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, i);
      char *attribute;

      if (sqlite3_column_type (stmt, i) == SQLITE_NULL || value == NULL)
        continue;
      attribute = g_strdelimit (g_strdup (columns[i]), "_", '-');
      rc = xmlTextWriterWriteAttribute (writer, BAD_CAST attribute, BAD_CAST value);
      g_free (attribute);
    }

  return rc;
}

static char *
column_list (const char         *prefix,
             const char * const *columns)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int i = 0; columns[i] != NULL; i++)
    g_string_append_printf (list, "%s%s%s", i > 0 ? ", " : "", prefix, columns[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

typedef struct
{
  FgStore *store;
  xmlTextWriter *writer;
  const char *receiver;
  const char *prefix;        /* what the codes of rows to send begin with */
  gint64 since;              /* change_log entries after this one */
  FgBundleReport *report;
  guint changed;             /* rows changed since the last bundle */
  GHashTable *photos;        /* sha256 of photos to send */
  GCancellable *cancellable;
  Sink *sink;
  const char *path;
  FgBundleProgressFunc progress;
  gpointer progress_data;
  guint64 expected;          /* about how many rows the bundle will hold */
  guint64 written;
  int reported;              /* the last fraction reported, in thousandths */
} Export;

/* One more row written: says how far it is, when that moved on by a
 * thousandth. The count of rows is a guess (the rows changed ones lean
 * on come too), so the end is reported only at the end. */
static void
export_step (Export *export)
{
  int permille;

  export->written++;
  if (export->progress == NULL)
    return;
  permille = (int) MIN (990, export->written * 1000 / MAX (export->expected, 1));
  if (permille > export->reported)
    {
      export->reported = permille;
      export->progress (permille / 1000.0, export->progress_data);
    }
}

static void set_io_error (GError     **error,
                          int          saved_errno,
                          const char  *path);

/* The writer failed: the disk's reason when the file would not take
 * more (a full disk), or a plain sentence. */
static void
set_write_error (Export  *export,
                 GError **error)
{
  if (export->sink != NULL && export->sink->saved_errno != 0)
    set_io_error (error, export->sink->saved_errno, export->path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The bundle could not be written."));
}

/* Children of an inspection or an event: result, template, photo rows. */
static gboolean
write_children (Export             *export,
                const char         *element,
                const char         *sql,
                const char * const *columns,
                const char         *parent_id,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (export->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (xmlTextWriterStartElement (export->writer, BAD_CAST element) < 0 ||
          write_columns (export->writer, stmt, columns) < 0 ||
          xmlTextWriterEndElement (export->writer) < 0)
        {
          set_write_error (export, error);
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

/* What a document says, as it was frozen at issuance: the very bytes whose
 * SHA-256 is its digest, in base64, so that the receiver can check them,
 * verify a paper copy and print it again; then the hazards it names. */
static gboolean
write_notice_children (Export      *export,
                       const char  *notice_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (export->store, "SELECT content FROM notice WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, notice_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (export->store, sqlite3_errcode (fg_store_get_db (export->store)), error);
      return FALSE;
    }
  if (xmlTextWriterStartElement (export->writer, BAD_CAST "content") < 0 ||
      xmlTextWriterWriteBase64 (export->writer, (const char *) sqlite3_column_text (stmt, 0), 0,
                                sqlite3_column_bytes (stmt, 0)) < 0 ||
      xmlTextWriterEndElement (export->writer) < 0)
    {
      set_write_error (export, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  return write_children (export, "hazard",
                         "SELECT hazard_id, position FROM notice_hazard WHERE notice_id = ?1 ORDER BY position",
                         notice_hazard_columns, notice_id, error);
}

/* Who wrote a row as it stands: for the registry, which changes, the node
 * of its update stamp ("WWWWWWWWWWWWWWW-CCCCC-NODE"); the rows that never
 * change are their creator's. */
#define WRITER "substr (t.stamp, 23)"

/* The rows of a table changed since the last bundle to the peer. */
#define CHANGED "SELECT row_id FROM change_log WHERE table_name = '%s' AND seq > ?1"

/* What the changed rows of the tables below lean on: a bundle carries the
 * hazard of each event it carries, the inspection and venue of each
 * hazard, the venue of each inspection (unchanged ones merge as "already
 * here"), so that any bundle can be read on its own and in any order. */
#define EVENTS_SENT \
  "SELECT e.id FROM change_log c JOIN hazard_event e ON e.id = c.row_id" \
  " WHERE c.table_name = 'hazard_event' AND c.seq > ?1 AND e.origin_node <> ?2"
/* a document leans on its venue, its hazards, the inspection it records
 * and the notice it re-inspects */
#define NOTICES_CHANGED \
  "SELECT n.id FROM change_log c JOIN notice n ON n.id = c.row_id" \
  " WHERE c.table_name = 'notice' AND c.seq > ?1 AND " NOTICE_WRITER ("n") " <> ?2"
#define NOTICES_SENT \
  NOTICES_CHANGED " UNION SELECT follows_id FROM notice WHERE id IN (" NOTICES_CHANGED ")"
#define HAZARDS_SENT \
  "SELECT h.id FROM change_log c JOIN hazard h ON h.id = c.row_id" \
  " WHERE c.table_name = 'hazard' AND c.seq > ?1 AND h.origin_node <> ?2" \
  " UNION SELECT hazard_id FROM hazard_event WHERE id IN (" EVENTS_SENT ")" \
  " UNION SELECT hazard_id FROM notice_hazard WHERE notice_id IN (" NOTICES_SENT ")"
#define INSPECTIONS_SENT \
  "SELECT i.id FROM change_log c JOIN inspection i ON i.id = c.row_id" \
  " WHERE c.table_name = 'inspection' AND c.seq > ?1 AND i.origin_node <> ?2" \
  " UNION SELECT inspection_id FROM hazard WHERE id IN (" HAZARDS_SENT ")" \
  " UNION SELECT inspection_id FROM notice WHERE id IN (" NOTICES_SENT ")"

static const char *
parents_of (const TableSpec *spec)
{
  if (spec == &hazards)
    return "SELECT hazard_id FROM hazard_event WHERE id IN (" EVENTS_SENT ")"
           " UNION SELECT hazard_id FROM notice_hazard WHERE notice_id IN (" NOTICES_SENT ")";
  if (spec == &inspections)
    return "SELECT inspection_id FROM hazard WHERE id IN (" HAZARDS_SENT ")"
           " UNION SELECT inspection_id FROM notice WHERE id IN (" NOTICES_SENT ")";
  if (spec == &venues)
    return "SELECT venue_id FROM inspection WHERE id IN (" INSPECTIONS_SENT ")"
           " UNION SELECT venue_id FROM hazard WHERE id IN (" HAZARDS_SENT ")"
           " UNION SELECT venue_id FROM notice WHERE id IN (" NOTICES_SENT ")";
  if (spec == &notices)
    return "SELECT follows_id FROM notice WHERE id IN (" NOTICES_CHANGED ")";
  return "SELECT NULL WHERE 0";
}

/* The rows of one table changed since the peer's last bundle, in its
 * division and the receiver's, not written by the receiver. @where
 * reaches the row's region code as "code". */
static gboolean
write_table (Export           *export,
             const TableSpec  *spec,
             const char       *join,
             const char       *where,
             const char       *order,
             GError          **error)
{
  g_autofree char *columns = column_list ("t.", spec->columns);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The division tree goes whole with every bundle (a few hundred rows at
   * most), so that each bundle can be read on its own, in any order: the
   * rows of a later one still find the regions they lie in. */
  if (spec == &regions)
    sql = g_strdup_printf ("SELECT %s, coalesce (c.seq > ?1, 0) FROM %s t"
                           " LEFT JOIN change_log c ON c.table_name = '%s' AND c.row_id = t.id %s"
                           " WHERE " WRITER " <> ?2 AND (%s) ORDER BY %s",
                           columns, spec->table, spec->table, join, where, order);
  else
    sql = g_strdup_printf ("SELECT %s, t.id IN (" CHANGED ") FROM %s t %s"
                           " WHERE t.id IN (" CHANGED " UNION %s) AND %s <> ?2 AND (%s)"
                           " ORDER BY %s",
                           columns, spec->table, spec->table, join, spec->table, parents_of (spec),
                           spec->writer != NULL ? spec->writer
                           : spec == &venues || spec == &campaigns ? WRITER : "t.origin_node",
                           where, order);
  stmt = fg_store_prepare (export->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, export->since);
  sqlite3_bind_text (stmt, 2, export->receiver, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, export->prefix, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = fg_stmt_text (stmt, 0);

      if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
        return FALSE;
      export_step (export);
      if (xmlTextWriterStartElement (export->writer, BAD_CAST spec->element) < 0 ||
          write_columns (export->writer, stmt, spec->columns) < 0)
        goto write_failed;

      if (spec == &inspections)
        {
          if (!write_children (export, "template",
                               "SELECT position, template_id, version FROM inspection_template"
                               " WHERE inspection_id = ?1 ORDER BY position",
                               template_columns, id, error) ||
              !write_children (export, "result",
                               "SELECT item_code, outcome, note, recorded_at FROM inspection_result"
                               " WHERE inspection_id = ?1 ORDER BY item_code",
                               result_columns, id, error) ||
              !write_children (export, "photo",
                               "SELECT item_code, sha256, added_at FROM inspection_photo"
                               " WHERE inspection_id = ?1 ORDER BY item_code, sha256",
                               inspection_photo_columns, id, error))
            return FALSE;
        }
      else if (spec == &events)
        {
          if (!write_children (export, "photo",
                               "SELECT sha256, position FROM hazard_event_photo WHERE event_id = ?1"
                               " ORDER BY position",
                               event_photo_columns, id, error))
            return FALSE;
        }
      else if (spec == &notices)
        {
          if (!write_notice_children (export, id, error))
            return FALSE;
        }

      if (xmlTextWriterEndElement (export->writer) < 0)
        goto write_failed;
      export->report->added++;
      if (sqlite3_column_int (stmt, (int) g_strv_length ((char **) spec->columns)) != 0)
        export->changed++;
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (export->store, rc, error);
      return FALSE;
    }
  return TRUE;

write_failed:
  set_write_error (export, error);
  return FALSE;
}

/* The photos the rows to send show: first in the bundle, so that the rows
 * that name them find them. */
static gboolean
write_photos (Export  *export,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (export->store,
                           "SELECT p.sha256, p.mime_type, p.size, p.created_at, p.data FROM photo p"
                           " WHERE p.sha256 IN ("
                           "   SELECT ip.sha256 FROM inspection i"
                           "     JOIN inspection_photo ip ON ip.inspection_id = i.id"
                           "     JOIN venue v ON v.id = i.venue_id JOIN region r ON r.id = v.region_id"
                           "   WHERE i.id IN (" INSPECTIONS_SENT ") AND i.origin_node <> ?2"
                           "     AND substr (r.code, 1, length (?3)) = ?3 AND i.finished_at IS NOT NULL"
                           "   UNION"
                           "   SELECT hp.sha256 FROM change_log c JOIN hazard_event e ON e.id = c.row_id"
                           "     JOIN hazard_event_photo hp ON hp.event_id = e.id"
                           "     JOIN hazard h ON h.id = e.hazard_id JOIN venue v ON v.id = h.venue_id"
                           "     JOIN region r ON r.id = v.region_id"
                           "   WHERE c.table_name = 'hazard_event' AND c.seq > ?1 AND e.origin_node <> ?2"
                           "     AND substr (r.code, 1, length (?3)) = ?3)"
                           " ORDER BY p.sha256",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, export->since);
  sqlite3_bind_text (stmt, 2, export->receiver, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, export->prefix, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
        return FALSE;
      export_step (export);
      if (xmlTextWriterStartElement (export->writer, BAD_CAST "photo") < 0 ||
          write_columns (export->writer, stmt, photo_columns) < 0 ||
          xmlTextWriterWriteBase64 (export->writer, sqlite3_column_blob (stmt, 4), 0,
                                    sqlite3_column_bytes (stmt, 4)) < 0 ||
          xmlTextWriterEndElement (export->writer) < 0)
        {
          set_write_error (export, error);
          return FALSE;
        }
      export->report->photos++;
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (export->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Audit records
 *
 * An office's audit log goes up to the office above it, which supervises
 * it: a grid station's to its township, a township's to its county, with
 * the records the township holds of its grid stations, so that a county
 * has the log of everybody below it. They travel along with changed rows,
 * never on their own: an export writes an audit record itself, and a
 * bundle made only to carry that would be followed by another, forever.
 * Each record goes with the hashes its office computed, so that the office
 * above checks the chain as the records arrive (fg_audit_receive()). */

/* The longest text of a record the reader takes: a before or after of a
 * document's row, which holds its content (1 MiB at most), as JSON. */
#define MAX_AUDIT_TEXT (4 * 1024 * 1024)

#define AUDIT_COLUMNS \
  "seq, id, at, actor_login, actor_kind, action, record_id, outcome, detail, origin_node, before, after, prev_hash, hash"

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

/* One record, read with AUDIT_COLUMNS, of @node_id's log. */
static gboolean
write_audit_record (Export        *export,
                    const char    *node_id,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  static const struct
  {
    const char *attribute;
    int column;
  } attributes[] = {
    { "id", 1 }, { "at", 2 }, { "actor-kind", 4 }, { "action", 5 }, { "outcome", 7 }, { "origin-node", 9 },
    { "prev-hash", 12 }, { "hash", 13 },
  };
  xmlTextWriter *writer = export->writer;
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  const char *detail = (const char *) sqlite3_column_text (stmt, 8);

  if (xmlTextWriterStartElement (writer, BAD_CAST "audit") < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "node", BAD_CAST node_id) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "seq", BAD_CAST seq) < 0)
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
      write_audit_text (writer, "before", (const char *) sqlite3_column_text (stmt, 10)) < 0 ||
      write_audit_text (writer, "after", (const char *) sqlite3_column_text (stmt, 11)) < 0 ||
      xmlTextWriterEndElement (writer) < 0)
    goto failed;

  export->report->audit++;
  return TRUE;

failed:
  set_write_error (export, error);
  return FALSE;
}

/* This office's own records after @since, in their order; @last is the
 * seq of the last one written. */
static gboolean
write_own_audit (Export       *export,
                 const char   *self_id,
                 gint64        since,
                 gint64       *last,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (export->store,
                                                   "SELECT " AUDIT_COLUMNS " FROM audit WHERE seq > ?1 ORDER BY seq",
                                                   error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* a record not chained yet (fg_audit_seal() chains them when the
       * database opens) waits for the next bundle, with those after it */
      if (sqlite3_column_type (stmt, 13) == SQLITE_NULL)
        return TRUE;
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
          !write_audit_record (export, self_id, stmt, error))
        return FALSE;
      *last = sqlite3_column_int64 (stmt, 0);
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
write_passed_on_audit (Export            *export,
                       const FgNodeInfo  *self,
                       gint64             since,
                       gint64             until,
                       GError           **error)
{
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
          set_write_error (export, error);
          return FALSE;
        }

      records = fg_store_prepare (export->store,
                                  "SELECT " AUDIT_COLUMNS " FROM audit_in"
                                  " WHERE node_id = ?1 AND arrival > ?2 AND arrival <= ?3 ORDER BY seq",
                                  error);
      if (records == NULL)
        return FALSE;
      sqlite3_bind_text (records, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (records, 2, since);
      sqlite3_bind_int64 (records, 3, until);
      while ((records_rc = sqlite3_step (records)) == SQLITE_ROW)
        if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
            !write_audit_record (export, id, records, error))
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
static gboolean
write_audit (Export            *export,
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
static gboolean
record_audit_sent (FgStore     *store,
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

/* What two divisions have in common: the smaller one, when one lies in
 * the other; NULL when they are apart. */
static char *
common_prefix (const char *a,
               const char *b)
{
  g_autofree char *pa = fg_node_scope_prefix (a);
  g_autofree char *pb = fg_node_scope_prefix (b);

  if (g_str_has_prefix (pa, pb))
    return g_steal_pointer (&pa);
  if (g_str_has_prefix (pb, pa))
    return g_steal_pointer (&pb);
  return NULL;
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  if (saved_errno == ENOSPC)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: the bundle could not be written to “%s”. Free some space or choose "
                   "another place; nothing was sent."),
                 path);
  else if (saved_errno == EFBIG)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The bundle is too large for the disk “%s” is on (a USB stick formatted as FAT32 takes "
                   "files of up to 4 GB). Choose another place; nothing was sent."),
                 path);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The bundle could not be written to “%s”: %s. Nothing was sent."), path,
                 g_strerror (saved_errno));
}

/* libxml2 reports a failed write on stderr as well as to the writer; the
 * exporter says it in a sentence of its own. */
static void
ignore_xml_error (void        *user_data,
                  xmlErrorPtr  error)
{
}

/**
 * fg_bundle_export:
 * @store: the store
 * @actor: who sends (someone who may sync)
 * @peer: the receiver: its node id or division code
 * @path: the bundle file to write
 * @report: (out) (optional): how many rows and photos it holds
 * @cancellable: (nullable): to stop a long export
 * @error: return location for an error
 *
 * Writes what changed since the last bundle to @peer; see
 * fg_bundle_export_full().
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_export (FgStore         *store,
                  FgActor         *actor,
                  const char      *peer,
                  const char      *path,
                  FgBundleReport  *report,
                  GCancellable    *cancellable,
                  GError         **error)
{
  return fg_bundle_export_full (store, actor, peer, path, report, NULL, NULL, cancellable, error);
}

/**
 * fg_bundle_export_full:
 * @store: the store
 * @actor: who sends (someone who may sync)
 * @peer: the receiver: its node id or division code
 * @path: the bundle file to write
 * @report: (out) (optional): how many rows and photos it holds
 * @progress: (nullable) (scope call): told how far the export is, from 0
 *   to 1, in the thread that runs it
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop a long export, at the next row
 * @error: return location for an error
 *
 * Writes what changed since the last bundle to @peer. The file appears
 * under @path only once complete and synced; the peer's sequence moves on
 * only then.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_export_full (FgStore               *store,
                       FgActor               *actor,
                       const char            *peer,
                       const char            *path,
                       FgBundleReport        *report,
                       FgBundleProgressFunc   progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(FgNodeInfo) self = NULL;
  g_autoptr(FgNodeInfo) receiver = NULL;
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *prefix = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *sequence = NULL;
  g_autofree guint8 *secret = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FgBundleReport counts = { 0 };
  xmlOutputBuffer *buffer;
  Sink sink = { 0 };
  Export export = { 0 };
  gint64 last_change = 0;
  gint64 audit_sent = 0;
  gint64 audit_passed_on = 0;
  guint8 signature[crypto_sign_BYTES];
  g_autofree char *signature_text = NULL;
  g_autofree char *previous = NULL;
  xmlStructuredErrorFunc old_handler;
  void *old_context;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (peer != NULL && path != NULL, FALSE);

  if (report != NULL)
    *report = counts;

  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;
  receiver = fg_node_find_peer (store, actor, peer, error);
  if (receiver == NULL)
    return FALSE;
  prefix = common_prefix (self->scope_code, receiver->scope_code);
  if (prefix == NULL)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND,
                   _("%s and %s have no division in common: there is nothing to send."),
                   self->scope_name, receiver->scope_name);
      return FALSE;
    }
  secret = fg_node_dup_secret_key (store, error);
  if (secret == NULL)
    return FALSE;

  stmt = fg_store_prepare (store, "SELECT coalesce (max (seq), 0) FROM change_log", error);
  if (stmt == NULL)
    goto out;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
      goto out;
    }
  last_change = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, fg_stmt_release);

  tmp_path = g_strdup_printf ("%s.partial-XXXXXX", path);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      goto out;
    }
  sink.file = fdopen (fd, "wb");
  sink.digest = digest;
  fg_node_init_crypto ();
  crypto_sign_init (&sink.signing);
  sink.signing_on = TRUE;

  old_handler = xmlStructuredError;
  old_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (NULL, ignore_xml_error);
  buffer = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  export.store = store;
  export.sink = &sink;
  export.path = path;
  export.writer = xmlNewTextWriter (buffer);
  export.receiver = receiver->id;
  export.prefix = prefix;
  export.report = &counts;
  export.cancellable = cancellable;
  export.progress = progress;
  export.progress_data = progress_data;

  /* the changes after the last bundle to this peer */
  stmt = fg_store_prepare (store, "SELECT sent_change, last_sent_digest FROM peer WHERE id = ?1", error);
  if (stmt == NULL)
    goto write_out;
  sqlite3_bind_text (stmt, 1, receiver->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
      goto write_out;
    }
  export.since = sqlite3_column_int64 (stmt, 0);
  previous = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, fg_stmt_release);
  export.expected = (guint64) MAX (last_change - export.since, 0);
  sequence = g_strdup_printf ("%u", receiver->last_sent_seq + 1);

  if (xmlTextWriterSetIndent (export.writer, 0) < 0 ||
      xmlTextWriterStartDocument (export.writer, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (export.writer, NULL, BAD_CAST "bundle", BAD_CAST BUNDLE_NS) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "version", BAD_CAST "1") < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "sender", BAD_CAST self->id) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "sender-name", BAD_CAST self->scope_name) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "receiver", BAD_CAST receiver->id) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "sequence", BAD_CAST sequence) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "previous", BAD_CAST (previous != NULL ? previous : "")) < 0 ||
      xmlTextWriterWriteAttribute (export.writer, BAD_CAST "created", BAD_CAST now) < 0 ||
      (export.since > 0 && receiver->last_sent_at != NULL &&
       xmlTextWriterWriteAttribute (export.writer, BAD_CAST "since", BAD_CAST receiver->last_sent_at) < 0))
    goto write_failed;

  if (!write_photos (&export, error) ||
      !write_table (&export, &regions, "",
                    /* the rows in the common division, and the regions above it, which the tree needs */
                    "substr (t.code, 1, length (?3)) = ?3 OR substr (?3, 1, length (rtrim (t.code, '0'))) = rtrim (t.code, '0')",
                    "t.level, t.seq", error) ||
      !write_table (&export, &campaigns, "JOIN region r ON r.id = t.township_id",
                    "substr (r.code, 1, length (?3)) = ?3 OR substr (?3, 1, length (rtrim (r.code, '0'))) = rtrim (r.code, '0')",
                    "t.seq", error) ||
      !write_table (&export, &venues, "JOIN region r ON r.id = t.region_id",
                    "substr (r.code, 1, length (?3)) = ?3", "t.seq", error) ||
      !write_table (&export, &inspections, "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                    "substr (r.code, 1, length (?3)) = ?3 AND t.finished_at IS NOT NULL", "t.seq", error) ||
      !write_table (&export, &hazards, "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                    "substr (r.code, 1, length (?3)) = ?3", "t.seq", error) ||
      !write_table (&export, &events,
                    "JOIN hazard h ON h.id = t.hazard_id JOIN venue v ON v.id = h.venue_id"
                    " JOIN region r ON r.id = v.region_id",
                    "substr (r.code, 1, length (?3)) = ?3", "t.stamp, t.id", error) ||
      /* a re-inspection opinion after the notice it follows, which has a lower seq */
      !write_table (&export, &notices, "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                    "substr (r.code, 1, length (?3)) = ?3", "t.seq", error))
    goto write_out;

  /* photos and the rows changed ones lean on travel only with those */
  if (export.changed == 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND,
                   _("Nothing changed for %s since the last bundle: there is nothing to send."),
                   receiver->scope_name);
      goto write_out;
    }

  /* audit records go up along with changes, after them */
  if (!write_audit (&export, self, receiver, &audit_sent, &audit_passed_on, error))
    goto write_out;

  /* close the root's start tag, flush, and sign everything so far */
  if (xmlTextWriterWriteString (export.writer, BAD_CAST "\n") < 0 || xmlTextWriterFlush (export.writer) < 0)
    goto write_failed;
  sink.signing_on = FALSE;
  crypto_sign_final_create (&sink.signing, signature, NULL, secret);
  signature_text = g_base64_encode (signature, sizeof signature);
  {
    /* the signature and the end, always these very bytes (see TRAILER) */
    g_autofree char *tail = g_strconcat (SIGNATURE_OPEN, signature_text, TRAILER, NULL);

    if (sink_write (&sink, tail, (int) strlen (tail)) < 0)
      goto write_failed;
  }

  if (fflush (sink.file) != 0 || fsync (fileno (sink.file)) != 0)
    {
      sink.saved_errno = errno;
      goto write_failed;
    }
  ok = TRUE;
  goto write_out;

write_failed:
  if (sink.saved_errno != 0)
    set_io_error (error, sink.saved_errno, path);
  else if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The bundle could not be written to “%s”."), path);

write_out:
  xmlFreeTextWriter (export.writer);
  xmlSetStructuredErrorFunc (old_context, old_handler);
  if (sink.file != NULL && fclose (sink.file) != 0 && ok)
    {
      set_io_error (error, errno, path);
      ok = FALSE;
    }
  sodium_memzero (secret, crypto_sign_SECRETKEYBYTES);
  if (!ok)
    {
      g_unlink (tmp_path);
      goto out;
    }

  /* the peer moves on in the same breath as the file gets its name */
  if (!fg_store_begin (store, error))
    {
      g_unlink (tmp_path);
      goto out;
    }
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET sent_change = ?1, last_sent_seq = last_sent_seq + 1,"
                           "  last_sent_digest = ?2, last_sent_at = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, last_change);
  sqlite3_bind_text (stmt, 2, g_checksum_get_string (digest), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, receiver->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, fg_stmt_release);
  if (!record_audit_sent (store, receiver->id, audit_sent, audit_passed_on, error))
    goto rollback;
  {
    g_autofree char *after = g_strdup_printf ("{\"peer\":\"%s\",\"sequence\":%s,\"rows\":%u,\"photos\":%u,\"digest\":\"%s\"}",
                                              receiver->id, sequence, counts.added, counts.photos,
                                              g_checksum_get_string (digest));

    if (!fg_audit_record_change (store, actor, "bundle-export", receiver->id, NULL, after, error))
      goto rollback;
  }
  if (g_rename (tmp_path, path) != 0)
    {
      set_io_error (error, errno, path);
      goto rollback;
    }
  if (!fg_store_commit (store, error))
    {
      g_unlink (path);
      goto out;
    }

  if (report != NULL)
    *report = counts;
  return TRUE;

rollback:
  fg_store_rollback (store);
  g_unlink (tmp_path);
out:
  return FALSE;
}

/* Reading */

/* No network, no DTD loading, no entity substitution (none of those flags
 * is given); errors are not printed but read from the reader. */
static const int reader_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

static void
set_malformed (GError     **error,
               const char  *detail)
{
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED,
               _("This file is not a Firegrid bundle, or it is damaged (%s). Nothing was imported."), detail);
}

static char *
dup_attribute (xmlTextReader *reader,
               const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The bundle's own attributes, from its first element: a file that starts
 * with a document type declaration (the door to entity attacks) or
 * anything but a bundle is refused before anything else is read. */
static FgBundleInfo *
read_header (const char  *path,
             GError     **error)
{
  g_autoptr(FgBundleInfo) info = g_new0 (FgBundleInfo, 1);
  g_autofree char *sequence = NULL;
  xmlTextReader *reader;
  int rc;

  reader = xmlReaderForFile (path, NULL, reader_options);
  if (reader == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file “%s” cannot be read."), path);
      return NULL;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          set_malformed (error, _("it declares a document type, which bundles never do"));
          xmlFreeTextReader (reader);
          return NULL;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        break;
    }

  if (rc != 1 || g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "bundle") != 0 ||
      g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), BUNDLE_NS) != 0)
    {
      set_malformed (error, _("it does not start with a bundle"));
      xmlFreeTextReader (reader);
      return NULL;
    }

  info->sender = dup_attribute (reader, "sender");
  info->sender_name = dup_attribute (reader, "sender-name");
  info->receiver = dup_attribute (reader, "receiver");
  info->previous = dup_attribute (reader, "previous");
  info->created_at = dup_attribute (reader, "created");
  info->since = dup_attribute (reader, "since");
  sequence = dup_attribute (reader, "sequence");
  xmlFreeTextReader (reader);

  if (info->sender == NULL || info->receiver == NULL || sequence == NULL ||
      !g_utf8_validate (info->sender, -1, NULL) || strlen (info->sender) != 36 ||
      !g_utf8_validate (info->receiver, -1, NULL) || strlen (info->receiver) != 36)
    {
      set_malformed (error, _("its sender or receiver is missing"));
      return NULL;
    }
  info->sequence = (guint) g_ascii_strtoull (sequence, NULL, 10);
  return g_steal_pointer (&info);
}

/* Checks the signature over every byte before <signature>, and the file's
 * SHA-256, in one pass over the file. */
static gboolean
check_signature (const char    *path,
                 const guint8  *public_key,
                 char         **digest,
                 GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *tail = NULL;
  g_autofree guint8 *signature = NULL;
  g_autofree char *chunk = g_malloc (CHUNK);
  crypto_sign_state state;
  GStatBuf info;
  gsize tail_length;
  gsize signature_length = 0;
  gint64 signed_length;
  gint64 done = 0;
  const char *open_tag;
  const char *value;
  const char *close_tag;
  FILE *file;

  file = g_fopen (path, "rb");
  if (file == NULL || fstat (fileno (file), &info) != 0)
    {
      if (file != NULL)
        fclose (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file “%s” cannot be read."), path);
      return FALSE;
    }

  /* the signature is the last element: find it in the file's tail */
  tail_length = (gsize) MIN (info.st_size, 1024);
  tail = g_malloc0 (tail_length + 1);
  if (fseeko (file, info.st_size - (off_t) tail_length, SEEK_SET) != 0 ||
      fread (tail, 1, tail_length, file) != tail_length)
    goto malformed;
  open_tag = g_strrstr (tail, SIGNATURE_OPEN);
  if (open_tag == NULL)
    goto malformed;
  value = open_tag + strlen (SIGNATURE_OPEN);
  close_tag = strstr (value, SIGNATURE_CLOSE);
  if (close_tag == NULL)
    goto malformed;
  {
    g_autofree char *text = g_strndup (value, close_tag - value);

    if (strlen (text) != SIGNATURE_BASE64_LENGTH ||
        strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != SIGNATURE_BASE64_LENGTH ||
        strcmp (close_tag, TRAILER) != 0)
      goto malformed;
    signature = g_base64_decode (text, &signature_length);
    if (signature_length != crypto_sign_BYTES)
      goto malformed;
  }
  signed_length = info.st_size - (gint64) tail_length + (open_tag - tail);

  fg_node_init_crypto ();
  crypto_sign_init (&state);
  if (fseeko (file, 0, SEEK_SET) != 0)
    goto malformed;
  while (!feof (file))
    {
      size_t n = fread (chunk, 1, CHUNK, file);

      if (n == 0)
        break;
      if (done < signed_length)
        crypto_sign_update (&state, (const guint8 *) chunk, (unsigned long long) MIN ((gint64) n, signed_length - done));
      g_checksum_update (checksum, (const guchar *) chunk, n);
      done += n;
    }
  fclose (file);

  if (crypto_sign_final_verify (&state, signature, public_key) != 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_BAD_SIGNATURE,
                   _("The bundle’s signature does not match: it was changed after it was written, or it was "
                     "not written by the office it names. Nothing was imported; ask for the bundle again."));
      return FALSE;
    }

  *digest = g_strdup (g_checksum_get_string (checksum));
  return TRUE;

malformed:
  fclose (file);
  set_malformed (error, _("its signature is missing or damaged"));
  return FALSE;
}

/**
 * fg_bundle_verify:
 * @store: the store, whose peers' keys check the signature
 * @path: a bundle file
 * @error: return location for an error
 *
 * Checks that @path is a bundle signed by a peer of this installation,
 * unchanged since it was signed, without importing anything.
 *
 * Returns: (transfer full): what the bundle says of itself, or %NULL with
 *   @error set
 */
FgBundleInfo *
fg_bundle_verify (FgStore     *store,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(FgBundleInfo) info = NULL;
  g_autoptr(FgNodeInfo) peer = NULL;
  g_autofree guint8 *key = NULL;
  gsize key_length = 0;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  info = read_header (path, error);
  if (info == NULL)
    return NULL;

  peer = fg_node_lookup_peer (store, info->sender);
  if (peer == NULL)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_UNKNOWN_SIGNER,
                   _("The bundle comes from an office this installation does not know (%s). Add its peer "
                     "file first; nothing was imported."),
                   info->sender_name != NULL && g_utf8_validate (info->sender_name, -1, NULL)
                   ? info->sender_name : info->sender);
      return NULL;
    }
  key = g_base64_decode (peer->public_key, &key_length);
  if (key_length != crypto_sign_PUBLICKEYBYTES || !check_signature (path, key, &info->digest, error))
    return NULL;

  /* the name it goes by here, not the one it gave itself */
  g_free (info->sender_name);
  info->sender_name = g_strdup (peer->scope_name);
  return g_steal_pointer (&info);
}

/* Applying */

/* Rows of one table that wait to be written BATCH_ROWS to a statement (see
 * write_rows): the extra columns are the import's, set in the row too. */
typedef struct
{
  const char *table;
  const char * const *columns;        /* the bundle's */
  const char * const *extra_columns;  /* where a venue lies, whose result; or NULL */
  GPtrArray *rows;                    /* GHashTable rows */
  GHashTable *ids;                    /* their ids, for the tables with one */
} RowBatch;

typedef struct
{
  FgStore *store;
  FgActor *actor;
  FgNodeInfo *sender;
  char *prefix;              /* what the codes of the sender's rows begin with */
  FgBundleReport *report;
  GHashTable *region_map;    /* a region id of the sender's → ours (the same code) */
  GHashTable *touched;       /* hazards whose events changed */
  char *inspection_id;       /* the inspection whose children are read */
  char *finished_at;         /* set once its children are in */
  char *event_id;            /* the event whose photos are read */
  gboolean inspection_new;
  gboolean event_new;
  char *latest_stamp;        /* the latest stamp seen, without its node */
  GHashTable *photos;        /* the SHA-256 of each photo the bundle brought */
  char *notice_id;           /* the document whose content and hazards are read */
  GHashTable *notice_row;    /* its attributes */
  gboolean notice_new;       /* not here before: written once its content is read */
  gboolean notice_written;
  int temp_store;            /* the connection's own setting, or -1 */
  GHashTable *insert_sql;    /* a table and a number of rows → the text of their INSERT */
  GHashTable *paths;         /* a region id of ours → RegionPath */
  RowBatch venues;           /* new venues */
  RowBatch results;          /* the results of new inspections */
  RowBatch events;           /* new hazard events */
  GPtrArray *unfinished;     /* id, finishing time, …: new inspections whose results wait */
  GCancellable *cancellable;
  FgBundleProgressFunc progress;
  gpointer progress_data;
  gint64 file_size;
  guint n_read;              /* nodes read so far */
  int reported;              /* the last fraction reported, in thousandths */
} Import;

/* How far an import is: the signature checked (the first tenth), the
 * part of the file applied, the hazards folded again (the last tenth). */
static void
import_report (Import *import,
               double  fraction)
{
  int permille = (int) CLAMP (fraction * 1000, 1, 999);

  if (import->progress != NULL && permille > import->reported)
    {
      import->reported = permille;
      import->progress (permille / 1000.0, import->progress_data);
    }
}

/* Every few dozen nodes read: stopped if asked to, and how far. */
static gboolean
import_step (Import         *import,
             xmlTextReader  *reader,
             GError        **error)
{
  if (++import->n_read % 64 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (import->file_size > 0)
    import_report (import, 0.1 + 0.8 * (double) xmlTextReaderByteConsumed (reader) / (double) import->file_size);
  return TRUE;
}

/* The regions a venue in a region lies in, as the venue row keeps them:
 * county, township, village, grid (NULL when none). */
typedef struct
{
  char *ids[4];
} RegionPath;

static void
region_path_free (RegionPath *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (path->ids); i++)
    g_free (path->ids[i]);
  g_free (path);
}

/* Every row is written by statements that may abort halfway (a trigger
 * refuses, a check fails), so SQLite keeps the pages each one changes in a
 * statement journal, which it moves to a temporary file once it passes 64
 * KiB. A venue (its ten indexes, the search index, the region counts, the
 * change log) passes that every time, and each of its pages was written
 * out twice more: about 40 writes a venue, half the time of an import of
 * 20,000 venues (3.5 s in memory, 5.7 to 7.3 s with the file). Kept in
 * memory, a statement journal holds the pages of one row. The setting is
 * the connection's, taken up at the next transaction; it goes back when
 * the import ends. */
static int
keep_statement_journals_in_memory (FgStore *store)
{
  sqlite3 *db = fg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int previous = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA temp_store", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (previous >= 0 && sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    previous = -1;
  return previous;
}

static void
restore_temp_store (FgStore *store,
                    int      previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d", previous);

  if (previous >= 0)
    sqlite3_exec (fg_store_get_db (store), sql, NULL, NULL, NULL);
}

static void
row_batch_init (RowBatch           *batch,
                const char         *table,
                const char * const *columns,
                const char * const *extra_columns,
                gboolean            with_ids)
{
  batch->table = table;
  batch->columns = columns;
  batch->extra_columns = extra_columns;
  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  batch->ids = with_ids ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
}

static void
row_batch_clear (RowBatch *batch)
{
  g_clear_pointer (&batch->rows, g_ptr_array_unref);
  g_clear_pointer (&batch->ids, g_hash_table_unref);
}

/* After the transaction, committed or not. */
static void
import_clear (Import *import)
{
  restore_temp_store (import->store, import->temp_store);
  import->temp_store = -1;
  g_clear_pointer (&import->prefix, g_free);
  g_clear_pointer (&import->region_map, g_hash_table_unref);
  g_clear_pointer (&import->touched, g_hash_table_unref);
  g_clear_pointer (&import->inspection_id, g_free);
  g_clear_pointer (&import->finished_at, g_free);
  g_clear_pointer (&import->event_id, g_free);
  g_clear_pointer (&import->latest_stamp, g_free);
  g_clear_pointer (&import->photos, g_hash_table_unref);
  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  g_clear_pointer (&import->insert_sql, g_hash_table_unref);
  g_clear_pointer (&import->paths, g_hash_table_unref);
  row_batch_clear (&import->venues);
  row_batch_clear (&import->results);
  row_batch_clear (&import->events);
  g_clear_pointer (&import->unfinished, g_ptr_array_unref);
}

static const char *
attr (GHashTable *row,
      const char *column)
{
  return g_hash_table_lookup (row, column);
}

static void
set_out_of_scope (Import      *import,
                  const char  *what,
                  GError     **error)
{
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_OUT_OF_SCOPE,
               _("The bundle from %s holds %s outside what it may write (%s). The whole bundle was refused; "
                 "nothing was imported."),
               import->sender->scope_name, what, import->sender->scope_code);
}

static gboolean
in_sender_scope (Import     *import,
                 const char *code)
{
  return code != NULL && g_str_has_prefix (code, import->prefix);
}

/* Whether @code is a region above the sender's division. */
static gboolean
above_sender_scope (Import     *import,
                    const char *code)
{
  g_autofree char *trimmed = g_strdup (code);
  gsize length;

  if (code == NULL || strlen (code) != 12)
    return FALSE;
  length = strlen (trimmed);
  while (length > 0 && trimmed[length - 1] == '0')
    trimmed[--length] = '\0';
  return length > 0 && g_str_has_prefix (import->prefix, trimmed) && strlen (trimmed) < strlen (import->prefix);
}

/* Our id of a region the sender knows under another id (see region_alias). */
static const char *
map_region (Import     *import,
            const char *id)
{
  const char *mapped;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (id == NULL)
    return NULL;
  mapped = g_hash_table_lookup (import->region_map, id);
  if (mapped != NULL)
    return mapped;

  stmt = fg_store_prepare (import->store, "SELECT region_id FROM region_alias WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      /* a region without an alias is ours under its own id; apply_region
       * replaces the entry if the bundle makes one */
      g_hash_table_insert (import->region_map, g_strdup (id),
                           g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? fg_stmt_text (stmt, 0) : id));
      return g_hash_table_lookup (import->region_map, id);
    }
  return id;
}

/* @n_rows rows, bound by column name: NULL for an attribute the bundle
 * left out. The parameters of the first row are ?1 to ?N, N being the
 * number of columns and extra columns, those of the second follow, and so
 * on. The text is made once an import (making it for every row took longer
 * than most of the rows took to write). */
static sqlite3_stmt *
prepare_insert_rows (Import              *import,
                     const char          *table,
                     const char * const  *columns,
                     const char * const  *extra_columns,
                     guint                n_rows,
                     GError             **error)
{
  char key[64];
  const char *sql;

  g_snprintf (key, sizeof key, "%s %u", table, n_rows);
  sql = g_hash_table_lookup (import->insert_sql, key);
  if (sql == NULL)
    {
      g_autofree char *list = column_list ("", columns);
      g_autofree char *extra_list = extra_columns != NULL ? column_list ("", extra_columns) : NULL;
      guint n_columns = g_strv_length ((char **) columns) +
                        (extra_columns != NULL ? g_strv_length ((char **) extra_columns) : 0);
      g_autoptr(GString) values = g_string_new (NULL);

      /* anonymous parameters number themselves: ?1, ?2 … */
      for (guint r = 0; r < n_rows; r++)
        {
          g_string_append (values, r > 0 ? ", (?" : "(?");
          for (guint i = 1; i < n_columns; i++)
            g_string_append (values, ", ?");
          g_string_append_c (values, ')');
        }
      sql = g_strdup_printf ("INSERT INTO %s (%s%s%s) VALUES %s", table, list, extra_list != NULL ? ", " : "",
                             extra_list != NULL ? extra_list : "", values->str);
      g_hash_table_insert (import->insert_sql, g_strdup (key), (char *) sql);
    }
  return fg_store_prepare (import->store, sql, error);
}

static sqlite3_stmt *
prepare_insert (Import              *import,
                const char          *table,
                const char * const  *columns,
                const char * const  *extra_columns,
                GError             **error)
{
  return prepare_insert_rows (import, table, columns, extra_columns, 1, error);
}

/* Binds @columns of @row from parameter @first on; returns the next one. */
static int
bind_columns (sqlite3_stmt       *stmt,
              int                 first,
              const char * const *columns,
              GHashTable         *row)
{
  int i;

  for (i = 0; columns[i] != NULL; i++)
    sqlite3_bind_text (stmt, first + i, attr (row, columns[i]), -1, SQLITE_TRANSIENT);
  return first + i;
}

static void
bind_row (sqlite3_stmt       *stmt,
          const char * const *columns,
          GHashTable         *row)
{
  bind_columns (stmt, 1, columns, row);
}

/* A row as text: a GVariant a{ss}, column → value. */
static char *
row_to_text (GHashTable         *row,
             const char * const *columns)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_autoptr(GVariant) variant = NULL;

  for (int i = 0; columns[i] != NULL; i++)
    if (attr (row, columns[i]) != NULL)
      g_variant_builder_add (builder, "{ss}", columns[i], attr (row, columns[i]));
  variant = g_variant_ref_sink (g_variant_builder_end (builder));
  return g_variant_print (variant, TRUE);
}

/* A row as it stands here, in the form conflicts keep rows in (a{ss}). */
static char *
db_row_to_text (Import             *import,
                const char         *table,
                const char * const *columns,
                const char         *id)
{
  g_autofree char *list = column_list ("", columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", list, table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, NULL);
  g_autoptr(GHashTable) row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (stmt == NULL)
    return g_strdup ("@a{ss} {}");
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; columns[i] != NULL; i++)
      if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
        g_hash_table_insert (row, g_strdup (columns[i]), g_strdup (fg_stmt_text (stmt, i)));
  return row_to_text (row, columns);
}

/* Last writer wins, by stamp; an edit made on another version than the
 * one it replaces is a conflict, whose loser is kept for a person. Returns
 * whether the incoming row is to be written. */
static gboolean
merge_stamps (Import              *import,
              const char          *table,
              const char * const  *columns,
              GHashTable          *row,
              gboolean            *write,
              GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stamp, base_stamp FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, error);
  const char *incoming = attr (row, "stamp");
  const char *incoming_base = attr (row, "base_stamp");
  g_autofree char *local = NULL;
  g_autofree char *local_base = NULL;
  gboolean incoming_wins;

  *write = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  local = g_strdup (fg_stmt_text (stmt, 0));
  local_base = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, fg_stmt_release);

  if (g_strcmp0 (incoming, local) == 0 || g_strcmp0 (local_base, incoming) == 0)
    {
      /* the same version, or one this row was edited from */
      import->report->unchanged++;
      return TRUE;
    }

  /* an edit made on top of the version here replaces it, whatever the
   * clocks say; otherwise the later stamp wins */
  incoming_wins = g_strcmp0 (incoming_base, local) == 0 || g_strcmp0 (incoming, local) > 0;
  if (g_strcmp0 (incoming_base, local) != 0)
    {
      /* two offices edited at once: the loser is kept */
      g_autofree char *kept = NULL;
      g_autofree char *lost = NULL;
      g_autofree char *now = fg_store_now_iso8601 (import->store);
      g_autofree char *local_json = db_row_to_text (import, table, columns, attr (row, "id"));
      g_autofree char *incoming_json = row_to_text (row, columns);
      const char *lost_stamp = incoming_wins ? local : incoming;

      kept = g_strdup (incoming_wins ? incoming_json : local_json);
      lost = g_strdup (incoming_wins ? local_json : incoming_json);
      stmt = fg_store_prepare (import->store,
                               "INSERT INTO conflict (table_name, row_id, kept, lost, lost_node, lost_stamp, found_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, attr (row, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, kept, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, lost, -1, SQLITE_STATIC);
      /* whose version lost: the node of its stamp, not the row's creator */
      sqlite3_bind_text (stmt, 5, lost_stamp != NULL && strlen (lost_stamp) > 22 ? lost_stamp + 22
                                  : attr (row, "origin_node"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, lost_stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      import->report->conflicts++;
    }

  if (incoming_wins)
    *write = TRUE;
  else
    import->report->unchanged++;
  return TRUE;
}

/* @columns (the first one "id") and @extra_columns of @row, which the
 * import sets (or NULL). The values are bound, never written into the
 * text, so that the text is one a table: the store keeps every text it
 * prepared, with the triggers compiled into it. */
static gboolean
update_row (Import              *import,
            const char          *table,
            const char * const  *columns,
            const char * const  *extra_columns,
            GHashTable          *row,
            GError             **error)
{
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n = 0;

  g_assert (g_str_equal (columns[0], "id"));
  for (int i = 1; columns[i] != NULL; i++)
    g_string_append_printf (sets, "%s%s = ?%d", i > 1 ? ", " : "", columns[i], ++n + 1);
  for (int i = 0; extra_columns != NULL && extra_columns[i] != NULL; i++)
    g_string_append_printf (sets, ", %s = ?%d", extra_columns[i], ++n + 1);
  sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", table, sets->str);
  stmt = fg_store_prepare (import->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  n = bind_columns (stmt, 1, columns, row);
  if (extra_columns != NULL)
    bind_columns (stmt, n, extra_columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->changed++;
  return TRUE;
}

static char *
region_code (Import     *import,
             const char *region_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, "SELECT code FROM region WHERE id = ?1", NULL);

  if (stmt == NULL || region_id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (fg_stmt_text (stmt, 0)) : NULL;
}

/* Who wrote a region as it stands: the node of its update stamp, as for
 * the rest of the registry (see sender_may_write). */
static const char *
region_writer (GHashTable *row)
{
  const char *stamp = attr (row, "stamp");

  return stamp != NULL && strlen (stamp) > 22 ? stamp + 22 : "";
}

/* Whether a region's name is only its code, as set-up names the
 * divisions it does not know yet. */
static gboolean
is_code_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return TRUE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The same division under two ids: each office made its own row for it
 * (the county above a township, or everything above a grid station's
 * grid). The row here stays, but its name follows the office whose
 * division it is, by stamp, and a name that is only the code gives way
 * to a real one from anybody. */
static gboolean
adopt_region_name (Import      *import,
                   const char  *local_id,
                   GHashTable  *row,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *local_name = NULL;
  g_autofree char *local_stamp = NULL;
  const char *name = attr (row, "name");
  const char *stamp = attr (row, "stamp");
  gboolean owner;

  stmt = fg_store_prepare (import->store, "SELECT name, stamp FROM region WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, local_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (import->store, sqlite3_errcode (fg_store_get_db (import->store)), error);
      return FALSE;
    }
  local_name = g_strdup (fg_stmt_text (stmt, 0));
  local_stamp = g_strdup (fg_stmt_text (stmt, 1));
  g_clear_pointer (&stmt, fg_stmt_release);

  owner = import->sender->kind != FG_NODE_KIND_GRID && in_sender_scope (import, attr (row, "code"));
  if (g_strcmp0 (name, local_name) == 0 || is_code_name (name) ||
      (!is_code_name (local_name) && !(owner && g_strcmp0 (stamp, local_stamp) > 0)))
    {
      import->report->unchanged++;
      return TRUE;
    }

  stmt = fg_store_prepare (import->store, "UPDATE region SET name = ?1, stamp = max (stamp, ?2) WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, local_id, -1, SQLITE_TRANSIENT);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->changed++;
  return TRUE;
}

static gboolean
apply_region (Import      *import,
              GHashTable  *row,
              GError     **error)
{
  const char *code = attr (row, "code");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *local_id = NULL;
  gboolean write;

  if (code == NULL || attr (row, "id") == NULL)
    {
      set_malformed (error, _("a region without its code"));
      return FALSE;
    }
  g_hash_table_remove_all (import->paths);  /* the tree may change */

  if (attr (row, "parent_id") != NULL)
    g_hash_table_insert (row, g_strdup ("parent_id"), g_strdup (map_region (import, attr (row, "parent_id"))));

  /* the same division under another id: the one here stays */
  stmt = fg_store_prepare (import->store, "SELECT id FROM region WHERE code = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    local_id = g_strdup (fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);
  if (local_id != NULL && g_strcmp0 (local_id, attr (row, "id")) != 0)
    {
      /* remembered, for the rows of later bundles that name it */
      stmt = fg_store_prepare (import->store,
                               "INSERT INTO region_alias (id, region_id) VALUES (?1, ?2)"
                               " ON CONFLICT (id) DO UPDATE SET region_id = excluded.region_id",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, local_id, -1, SQLITE_TRANSIENT);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      g_hash_table_insert (import->region_map, g_strdup (attr (row, "id")), g_strdup (local_id));
      return adopt_region_name (import, local_id, row, error);
    }

  if (!in_sender_scope (import, code))
    {
      /* the regions above its division come along for the tree: never changed from outside */
      if (above_sender_scope (import, code))
        {
          if (local_id != NULL)
            {
              import->report->unchanged++;
              return TRUE;
            }
        }
      else
        {
          set_out_of_scope (import, code, error);
          return FALSE;
        }
    }

  if (local_id != NULL)
    {
      /* a grid station may not change the division tree */
      if (!merge_stamps (import, "region", region_columns, row, &write, error))
        return FALSE;
      if (write && import->sender->kind == FG_NODE_KIND_GRID && g_strcmp0 (region_writer (row), import->sender->id) == 0)
        {
          set_out_of_scope (import, code, error);
          return FALSE;
        }
      return !write || update_row (import, "region", region_columns, NULL, row, error);
    }

  if (import->sender->kind == FG_NODE_KIND_GRID && g_strcmp0 (region_writer (row), import->sender->id) == 0)
    {
      set_out_of_scope (import, code, error);
      return FALSE;
    }
  stmt = prepare_insert (import, "region", region_columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, region_columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

static gboolean
row_exists (Import     *import,
            const char *table,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* A county office writes supervision (hazard events) only; the registry
 * and inspections are the township's and its grids'. */
static gboolean
sender_may_write (Import     *import,
                  GHashTable *row,
                  const char *table)
{
  const char *stamp = attr (row, "stamp");
  gboolean mutable = g_str_equal (table, "venue") || g_str_equal (table, "campaign") || g_str_equal (table, "region");
  const char *writer = mutable ? (stamp != NULL && strlen (stamp) > 22 ? stamp + 22 : "") : attr (row, "origin_node");

  if (g_strcmp0 (writer, import->sender->id) != 0)
    return TRUE;  /* passed on from an office in its division */
  if (import->sender->kind == FG_NODE_KIND_COUNTY)
    return g_str_equal (table, "hazard_event");
  if (import->sender->kind == FG_NODE_KIND_GRID)
    return !g_str_equal (table, "campaign");
  return TRUE;
}

static gboolean
apply_campaign (Import      *import,
                GHashTable  *row,
                GError     **error)
{
  const char *township = map_region (import, attr (row, "township_id"));
  g_autofree char *code = region_code (import, township);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean write;

  g_hash_table_insert (row, g_strdup ("township_id"), g_strdup (township));
  township = attr (row, "township_id");  /* the insert freed the value it replaced */
  if (code == NULL || (!in_sender_scope (import, code) && !above_sender_scope (import, code)) ||
      !sender_may_write (import, row, "campaign"))
    {
      set_out_of_scope (import, _("a campaign"), error);
      return FALSE;
    }

  if (row_exists (import, "campaign", attr (row, "id")))
    {
      if (!merge_stamps (import, "campaign", campaign_columns, row, &write, error))
        return FALSE;
      return !write || update_row (import, "campaign", campaign_columns, NULL, row, error);
    }

  stmt = prepare_insert (import, "campaign", campaign_columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, campaign_columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

/* The regions a venue in @region_id lies in, read once an import for each
 * region (a county has hundreds of villages and grids, and a hundred
 * thousand venues in them); forgotten whenever a region is written. */
static const RegionPath *
region_path (Import      *import,
             const char  *region_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RegionPath *path;
  int rc;

  if (region_id == NULL)
    return NULL;
  path = g_hash_table_lookup (import->paths, region_id);
  if (path != NULL)
    return path;

  stmt = fg_store_prepare (import->store,
                           "WITH RECURSIVE up (id, parent_id, level) AS ("
                           "  SELECT id, parent_id, level FROM region WHERE id = ?1"
                           "  UNION ALL SELECT r.id, r.parent_id, r.level FROM region r"
                           "  JOIN up ON r.id = up.parent_id)"
                           " SELECT id, level FROM up",
                           error);
  if (stmt == NULL)
    return NULL;
  path = g_new0 (RegionPath, 1);
  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, 1);

      if (level >= 1 && level <= 4)
        {
          g_free (path->ids[level - 1]);
          path->ids[level - 1] = g_strdup (fg_stmt_text (stmt, 0));
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (import->store, rc, error);
      region_path_free (path);
      return NULL;
    }
  g_hash_table_insert (import->paths, g_strdup (region_id), path);
  return path;
}

/* The venue row keeps the regions it lies in, from the region it names. */
static const char * const venue_path_columns[] = { "county_id", "township_id", "village_id", "grid_id", NULL };
static const char * const inspection_id_column[] = { "inspection_id", NULL };
static const char * const event_id_column[] = { "event_id", NULL };
static const char * const content_column[] = { "content", NULL };
static const char * const notice_id_column[] = { "notice_id", NULL };

/* New venues, results and events are written BATCH_ROWS to a statement.
 * At the end of every statement that writes, SQLite closes the statement
 * journal it opened, the search index (FTS5) writes out the terms it holds
 * as a segment of its own and merges segments, and the next statement
 * builds anew the lists the table's checks compare with (status IN …).
 * Row by row, that cost more than the rows themselves: 73 µs a venue
 * against 30 µs in batches, at 100,000 venues. A batch is written before
 * any row of another kind, which may lean on its rows (an inspection on its
 * venue, a photo on its event); the results of inspections wait with the
 * finishing of their inspections (see write_results). */
#define BATCH_ROWS 256

static gboolean
write_rows (Import    *import,
            RowBatch  *batch,
            GError   **error)
{
  guint n_columns = g_strv_length ((char **) batch->columns) +
                    (batch->extra_columns != NULL ? g_strv_length ((char **) batch->extra_columns) : 0);
  guint done = 0;

  while (done < batch->rows->len)
    {
      /* a whole batch, or one row (the rest of a section) */
      guint n = batch->rows->len - done >= BATCH_ROWS ? BATCH_ROWS : 1;
      g_autoptr(sqlite3_stmt) stmt = prepare_insert_rows (import, batch->table, batch->columns,
                                                          batch->extra_columns, n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          GHashTable *row = g_ptr_array_index (batch->rows, done + i);
          int next = bind_columns (stmt, (int) (i * n_columns) + 1, batch->columns, row);

          if (batch->extra_columns != NULL)
            bind_columns (stmt, next, batch->extra_columns, row);
        }
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      done += n;
    }

  g_ptr_array_set_size (batch->rows, 0);
  if (batch->ids != NULL)
    g_hash_table_remove_all (batch->ids);
  return TRUE;
}

/* Adds @row to @batch; returns whether the batch is full, to be written. */
static gboolean
row_batch_add (RowBatch   *batch,
               GHashTable *row)
{
  g_ptr_array_add (batch->rows, g_hash_table_ref (row));
  if (batch->ids != NULL)
    g_hash_table_add (batch->ids, g_strdup (attr (row, "id")));
  return batch->rows->len >= BATCH_ROWS;
}

static gboolean
row_batch_contains (RowBatch   *batch,
                    const char *id)
{
  return id != NULL && g_hash_table_contains (batch->ids, id);
}

static gboolean
apply_venue (Import      *import,
             GHashTable  *row,
             GError     **error)
{
  const char *region_id = map_region (import, attr (row, "region_id"));
  g_autofree char *code = region_code (import, region_id);
  const RegionPath *place;
  gboolean write;

  g_hash_table_insert (row, g_strdup ("region_id"), g_strdup (region_id));
  region_id = attr (row, "region_id");  /* the insert freed the value it replaced */
  if (!in_sender_scope (import, code) || !sender_may_write (import, row, "venue"))
    {
      set_out_of_scope (import, _("a venue"), error);
      return FALSE;
    }
  place = region_path (import, region_id, error);
  if (place == NULL || place->ids[0] == NULL || place->ids[1] == NULL || place->ids[2] == NULL)
    {
      if (error != NULL && *error == NULL)
        set_malformed (error, _("a venue lies in no village"));
      return FALSE;
    }
  if (attr (row, "id") == NULL)
    {
      set_malformed (error, "venue");  /* the schema requires it */
      return FALSE;
    }
  for (guint i = 0; venue_path_columns[i] != NULL; i++)
    {
      if (place->ids[i] != NULL)
        g_hash_table_insert (row, g_strdup (venue_path_columns[i]), g_strdup (place->ids[i]));
      else
        g_hash_table_remove (row, venue_path_columns[i]);
    }

  /* a venue here already, or one this bundle brought before: it merges
   * with that row, after the new venues before it are written, so that
   * rows are still written in the bundle's order */
  if (row_batch_contains (&import->venues, attr (row, "id")) || row_exists (import, "venue", attr (row, "id")))
    {
      if (!write_rows (import, &import->venues, error) ||
          !merge_stamps (import, "venue", venue_columns, row, &write, error))
        return FALSE;
      return !write || update_row (import, "venue", venue_columns, venue_path_columns, row, error);
    }

  import->report->added++;
  return !row_batch_add (&import->venues, row) || write_rows (import, &import->venues, error);
}

static char *
venue_code (Import     *import,
            const char *venue_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                   "SELECT r.code FROM venue v JOIN region r ON r.id = v.region_id"
                                                   " WHERE v.id = ?1",
                                                   NULL);

  if (stmt == NULL || venue_id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, venue_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (fg_stmt_text (stmt, 0)) : NULL;
}

/* An inspection is written without its finishing time, its results after
 * it (a finished inspection takes none), then it is finished. Its results
 * may wait in a batch, and its finishing with them: see write_results. */
static void
finish_inspection (Import *import)
{
  if (import->inspection_id == NULL)
    return;
  if (import->inspection_new && import->finished_at != NULL)
    {
      g_ptr_array_add (import->unfinished, g_steal_pointer (&import->inspection_id));
      g_ptr_array_add (import->unfinished, g_steal_pointer (&import->finished_at));
    }
  g_clear_pointer (&import->inspection_id, g_free);
  g_clear_pointer (&import->finished_at, g_free);
  import->inspection_new = FALSE;
}

/* The results waiting, then the inspections before the one being read,
 * which they complete, in order. A full batch of results comes here too,
 * so that no more inspections wait than a batch has results. */
static gboolean
write_results (Import  *import,
               GError **error)
{
  if (!write_rows (import, &import->results, error))
    return FALSE;

  for (guint i = 0; i + 1 < import->unfinished->len; i += 2)
    {
      g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                       "UPDATE inspection SET finished_at = ?1 WHERE id = ?2", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (import->unfinished, i + 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (import->unfinished, i), -1, SQLITE_STATIC);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
    }
  g_ptr_array_set_size (import->unfinished, 0);
  return TRUE;
}

/* Where an inspection or hazard was: our ids of its regions. */
static void
map_place (Import     *import,
           GHashTable *row)
{
  static const char * const columns[] = { "township_id", "village_id", "grid_id", NULL };

  for (guint i = 0; columns[i] != NULL; i++)
    if (attr (row, columns[i]) != NULL)
      g_hash_table_insert (row, g_strdup (columns[i]), g_strdup (map_region (import, attr (row, columns[i]))));
}

static gboolean
apply_inspection (Import      *import,
                  GHashTable  *row,
                  GError     **error)
{
  g_autofree char *code = venue_code (import, attr (row, "venue_id"));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!in_sender_scope (import, code) || !sender_may_write (import, row, "inspection"))
    {
      set_out_of_scope (import, _("an inspection"), error);
      return FALSE;
    }
  map_place (import, row);

  import->inspection_id = g_strdup (attr (row, "id"));
  import->finished_at = g_strdup (attr (row, "finished_at"));
  if (import->finished_at == NULL)
    {
      set_malformed (error, _("an unfinished inspection"));
      return FALSE;
    }
  if (row_exists (import, "inspection", attr (row, "id")))
    {
      import->inspection_new = FALSE;
      import->report->unchanged++;
      return TRUE;
    }

  g_hash_table_remove (row, "finished_at");
  stmt = prepare_insert (import, "inspection", inspection_columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, inspection_columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->inspection_new = TRUE;
  import->report->added++;
  return TRUE;
}

/* A photo a row names must have come with the bundle: the writer always
 * sends the photos of the rows it sends. */
static gboolean
check_photo (Import      *import,
             GHashTable  *row,
             GError     **error)
{
  if (attr (row, "sha256") == NULL || !g_hash_table_contains (import->photos, attr (row, "sha256")))
    {
      set_malformed (error, _("a photo that is not in it"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_inspection_child (Import      *import,
                        const char  *element,
                        GHashTable  *row,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *columns;
  const char *table;

  if (import->inspection_id == NULL)
    {
      set_malformed (error, element);
      return FALSE;
    }
  if (g_str_equal (element, "photo") && !check_photo (import, row, error))
    return FALSE;
  if (!import->inspection_new)
    return TRUE;

  if (g_str_equal (element, "template"))
    {
      table = "inspection_template";
      columns = template_columns;
    }
  else if (g_str_equal (element, "result"))
    {
      table = "inspection_result";
      columns = result_columns;
    }
  else
    {
      table = "inspection_photo";
      columns = inspection_photo_columns;
    }

  if (columns == result_columns)
    {
      g_hash_table_insert (row, g_strdup ("inspection_id"), g_strdup (import->inspection_id));
      return !row_batch_add (&import->results, row) || write_results (import, error);
    }

  stmt = prepare_insert (import, table, columns, inspection_id_column, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, columns, row);
  sqlite3_bind_text (stmt, (int) g_strv_length ((char **) columns) + 1, import->inspection_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

static gboolean
apply_hazard (Import      *import,
              GHashTable  *row,
              GError     **error)
{
  g_autofree char *code = venue_code (import, attr (row, "venue_id"));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!in_sender_scope (import, code) || !sender_may_write (import, row, "hazard"))
    {
      set_out_of_scope (import, _("a hazard"), error);
      return FALSE;
    }
  if (row_exists (import, "hazard", attr (row, "id")))
    {
      import->report->unchanged++;
      return TRUE;
    }
  map_place (import, row);

  stmt = prepare_insert (import, "hazard", hazard_columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, hazard_columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  g_hash_table_add (import->touched, g_strdup (attr (row, "id")));
  import->report->added++;
  return TRUE;
}

static gboolean
apply_event (Import      *import,
             GHashTable  *row,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  stmt = fg_store_prepare (import->store, "SELECT venue_id FROM hazard WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "hazard_id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = venue_code (import, fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!in_sender_scope (import, code) || !sender_may_write (import, row, "hazard_event"))
    {
      set_out_of_scope (import, _("a hazard event"), error);
      return FALSE;
    }

  g_clear_pointer (&import->event_id, g_free);
  import->event_id = g_strdup (attr (row, "id"));
  /* the same event twice in the bundle: the first one is written first */
  if (row_batch_contains (&import->events, attr (row, "id")) && !write_rows (import, &import->events, error))
    return FALSE;
  if (row_exists (import, "hazard_event", attr (row, "id")))
    {
      import->event_new = FALSE;
      import->report->unchanged++;
      return TRUE;
    }
  {
    FgHazardEventKind kind;

    if (!fg_hazard_event_kind_from_string (attr (row, "kind"), &kind))
      {
        set_malformed (error, _("an unknown kind of hazard event"));
        return FALSE;
      }
  }

  g_hash_table_add (import->touched, g_strdup (attr (row, "hazard_id")));
  import->event_new = TRUE;
  import->report->added++;
  return !row_batch_add (&import->events, row) || write_rows (import, &import->events, error);
}

static gboolean
apply_event_photo (Import      *import,
                   GHashTable  *row,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (import->event_id == NULL)
    {
      set_malformed (error, _("a photo of no event"));
      return FALSE;
    }
  if (!check_photo (import, row, error))
    return FALSE;
  if (!import->event_new)
    return TRUE;
  /* the photo leans on its event */
  if (!write_rows (import, &import->events, error))
    return FALSE;
  stmt = prepare_insert (import, "hazard_event_photo", event_photo_columns, event_id_column, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, event_photo_columns, row);
  sqlite3_bind_text (stmt, 3, import->event_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

static gboolean
apply_photo (Import      *import,
             GHashTable  *row,
             const char  *base64,
             GError     **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length = 0;

  if (base64 == NULL || strlen (base64) > MAX_PHOTO_BASE64)
    {
      set_malformed (error, _("a photo that is too large"));
      return FALSE;
    }
  data = g_base64_decode (base64, &length);
  bytes = g_bytes_new (data, length);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha256, attr (row, "sha256")) != 0 || fg_photo_sniff (bytes) == NULL)
    {
      set_malformed (error, _("a photo whose bytes do not match its name"));
      return FALSE;
    }
  stmt = fg_store_prepare (import->store,
                           "INSERT INTO photo (sha256, mime_type, size, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                           " ON CONFLICT (sha256) DO NOTHING",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_photo_sniff (bytes), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) length);
  sqlite3_bind_blob64 (stmt, 4, data, length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, attr (row, "created_at"), -1, SQLITE_TRANSIENT);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (fg_store_get_db (import->store)) > 0)
    import->report->photos++;
  g_hash_table_add (import->photos, g_strdup (sha256));
  return TRUE;
}

/* Documents */

/* The node of a stamp ("WWWWWWWWWWWWWWW-CCCCC-NODE"), or "". */
static const char *
stamp_node (const char *stamp)
{
  return stamp != NULL && strlen (stamp) > 22 ? stamp + 22 : "";
}

/* The stamps of a document's voiding and service count for the clock too. */
static void
observe_notice_stamps (Import     *import,
                       GHashTable *row)
{
  const char * const columns[] = { "void_stamp", "service_stamp", NULL };

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *stamp = attr (row, columns[i]);

      if (stamp != NULL && strlen (stamp) > 21 &&
          (import->latest_stamp == NULL || strncmp (stamp, import->latest_stamp, 21) > 0))
        {
          g_free (import->latest_stamp);
          import->latest_stamp = g_strndup (stamp, 21);
        }
    }
}

/* A document already here keeps what it says; a voiding it had not, or an
 * earlier one, applies (the first voiding counts), and so does a later
 * service: the same row, whatever order the bundles come in. */
static gboolean
merge_notice (Import      *import,
              GHashTable  *row,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *local_void = NULL;
  g_autofree char *local_service = NULL;
  gboolean local_voided;
  gboolean void_wins;
  gboolean service_wins;

  stmt = fg_store_prepare (import->store,
                           "SELECT voided_at IS NOT NULL, void_stamp, service_stamp FROM notice WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (import->store, sqlite3_errcode (fg_store_get_db (import->store)), error);
      return FALSE;
    }
  local_voided = sqlite3_column_int (stmt, 0) != 0;
  local_void = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  local_service = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, fg_stmt_release);

  void_wins = attr (row, "void_stamp") != NULL &&
              (!local_voided || (local_void != NULL && strcmp (attr (row, "void_stamp"), local_void) < 0));
  service_wins = attr (row, "service_stamp") != NULL &&
                 (local_service == NULL || strcmp (attr (row, "service_stamp"), local_service) > 0);

  if (void_wins)
    {
      stmt = fg_store_prepare (import->store,
                               "UPDATE notice SET voided_at = ?2, voided_by = ?3, void_reason = ?4, void_stamp = ?5"
                               " WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, attr (row, "voided_at"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, attr (row, "voided_by"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, attr (row, "void_reason"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, attr (row, "void_stamp"), -1, SQLITE_TRANSIENT);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, fg_stmt_release);
    }
  if (service_wins)
    {
      stmt = fg_store_prepare (import->store,
                               "UPDATE notice SET service = ?2, served_at = ?3, service_stamp = ?4 WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, attr (row, "service"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, attr (row, "served_at"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, attr (row, "service_stamp"), -1, SQLITE_TRANSIENT);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
    }

  if (void_wins || service_wins)
    import->report->changed++;
  else
    import->report->unchanged++;
  return TRUE;
}

/* A document, by id. Only a township issues, voids and serves documents:
 * a county office or a grid station may pass one on, never write one. */
static gboolean
apply_notice (Import      *import,
              GHashTable  *row,
              GError     **error)
{
  g_autofree char *code = venue_code (import, attr (row, "venue_id"));
  g_autofree char *township_code = NULL;
  const char *sender = import->sender->id;
  gboolean written_by_sender;

  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  import->notice_new = FALSE;
  import->notice_written = FALSE;

  if (attr (row, "township_id") != NULL)
    g_hash_table_insert (row, g_strdup ("township_id"), g_strdup (map_region (import, attr (row, "township_id"))));
  township_code = region_code (import, attr (row, "township_id"));
  written_by_sender = g_strcmp0 (attr (row, "origin_node"), sender) == 0 ||
                      g_str_equal (stamp_node (attr (row, "stamp")), sender) ||
                      g_str_equal (stamp_node (attr (row, "void_stamp")), sender) ||
                      g_str_equal (stamp_node (attr (row, "service_stamp")), sender);
  if (!in_sender_scope (import, code) || township_code == NULL ||
      !(in_sender_scope (import, township_code) || above_sender_scope (import, township_code)) ||
      (written_by_sender && import->sender->kind != FG_NODE_KIND_TOWNSHIP))
    {
      set_out_of_scope (import, _("a document"), error);
      return FALSE;
    }
  /* a voiding or a service goes with the stamp that orders it */
  if ((attr (row, "voided_at") == NULL) != (attr (row, "void_stamp") == NULL) ||
      (attr (row, "service") == NULL) != (attr (row, "service_stamp") == NULL))
    {
      set_malformed (error, _("a document voided or served without its stamp"));
      return FALSE;
    }
  observe_notice_stamps (import, row);

  import->notice_id = g_strdup (attr (row, "id"));
  import->notice_row = g_hash_table_ref (row);
  if (row_exists (import, "notice", attr (row, "id")))
    return merge_notice (import, row, error);

  import->notice_new = TRUE;
  return TRUE;
}

/* What the document says: it must be what its digest says, the very bytes
 * a paper copy's check code is taken from. A new document is written now,
 * under its own number: a number is its township's, given once. */
static gboolean
apply_notice_content (Import      *import,
                      const char  *base64,
                      GError     **error)
{
  GHashTable *row = import->notice_row;
  g_autofree guint8 *data = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *content = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length = 0;

  if (import->notice_id == NULL || import->notice_written)
    {
      set_malformed (error, _("the content of no document"));
      return FALSE;
    }
  if (base64 == NULL || strlen (base64) > MAX_CONTENT_BASE64)
    {
      set_malformed (error, _("a document that is too large"));
      return FALSE;
    }
  data = g_base64_decode (base64, &length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  if (length == 0 || memchr (data, '\0', length) != NULL || !g_utf8_validate_len ((const char *) data, length, NULL) ||
      g_strcmp0 (digest, attr (row, "digest")) != 0)
    {
      set_malformed (error, _("a document whose content does not match its digest"));
      return FALSE;
    }
  import->notice_written = TRUE;
  if (!import->notice_new)
    return TRUE;

  if (attr (row, "inspection_id") != NULL && !row_exists (import, "inspection", attr (row, "inspection_id")))
    {
      set_malformed (error, _("a document without the inspection it records"));
      return FALSE;
    }
  if (attr (row, "follows_id") != NULL && !row_exists (import, "notice", attr (row, "follows_id")))
    {
      set_malformed (error, _("a document without the notice it follows"));
      return FALSE;
    }

  stmt = fg_store_prepare (import->store,
                           "SELECT 1 FROM notice WHERE township_id = ?2"
                           " AND (number = ?1 OR (kind = ?3 AND year = ?4 AND number_seq = ?5))",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "number"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, attr (row, "township_id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, attr (row, "kind"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, attr (row, "year"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, attr (row, "number_seq"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NUMBER_TAKEN,
                   _("The bundle from %s holds the document %s, but another document of the same township has "
                     "that number here already. A number is given once: the whole bundle was refused; nothing "
                     "was imported."),
                   import->sender->scope_name, attr (row, "number"));
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  content = g_strndup ((const char *) data, length);
  stmt = prepare_insert (import, "notice", notice_columns, content_column, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, notice_columns, row);
  sqlite3_bind_text (stmt, (int) g_strv_length ((char **) notice_columns) + 1, content, -1, SQLITE_STATIC);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

/* A hazard the document names: one in the sender's division. */
static gboolean
apply_notice_hazard (Import      *import,
                     GHashTable  *row,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  if (import->notice_id == NULL || !import->notice_written)
    {
      set_malformed (error, _("a hazard of no document"));
      return FALSE;
    }

  stmt = fg_store_prepare (import->store, "SELECT venue_id FROM hazard WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "hazard_id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = venue_code (import, fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);
  if (!in_sender_scope (import, code))
    {
      set_out_of_scope (import, _("a document"), error);
      return FALSE;
    }
  if (!import->notice_new)
    return TRUE;

  stmt = prepare_insert (import, "notice_hazard", notice_hazard_columns, notice_id_column, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, notice_hazard_columns, row);
  sqlite3_bind_text (stmt, 3, import->notice_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

/* A document must have come with its content: the schema says so, and
 * this makes sure nothing half-written stays. */
static gboolean
finish_notice (Import  *import,
               GError **error)
{
  gboolean complete = import->notice_id == NULL || import->notice_written;

  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  import->notice_new = FALSE;
  import->notice_written = FALSE;
  if (!complete)
    {
      set_malformed (error, _("a document without its content"));
      return FALSE;
    }
  return TRUE;
}

/* Audit records */

/* Whether this office keeps the sender's audit records: it is the office
 * above the sender, a township's county or a grid station's township.
 * Any other passes them over and takes the rest of the bundle: they are
 * not its to keep, and nothing of them is written (a sender whose peer
 * file of this office says otherwise sends them all the same). */
static gboolean
keeps_audit_of_sender (Import *import)
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
known_otherwise (Import     *import,
                 const char *id,
                 const char *kind,
                 const char *code)
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
add_audit_node (Import      *import,
                const char  *id,
                const char  *kind,
                const char  *code,
                const char  *name,
                GError     **error)
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
static gboolean
apply_audit_node (Import      *import,
                  GHashTable  *row,
                  GError     **error)
{
  const char *id = attr (row, "id");
  const char *kind_text = attr (row, "kind");
  const char *code = attr (row, "code");
  FgNodeKind kind;

  if (!keeps_audit_of_sender (import))
    return TRUE;
  if (id == NULL || code == NULL || !fg_node_kind_from_string (kind_text, &kind))
    {
      set_malformed (error, _("an office without its kind or division"));
      return FALSE;
    }
  if (!fg_node_kind_is_above (import->sender->kind, kind) || !in_sender_scope (import, code) ||
      g_str_equal (id, import->sender->id) || g_strcmp0 (id, fg_store_get_node_id (import->store)) == 0 ||
      known_otherwise (import, id, kind_text, code))
    {
      set_out_of_scope (import, _("audit records of another office"), error);
      return FALSE;
    }
  return add_audit_node (import, id, kind_text, code, attr (row, "name"), error);
}

/* The fields of an audit record that are elements of their own, into
 * @row: the reader is on the record's start tag, and is left on its end
 * tag. Every read is checked against the schema as the main loop does. */
static gboolean
read_audit_fields (xmlTextReader  *reader,
                   GHashTable     *row,
                   GError        **error)
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
      if (type == XML_READER_TYPE_ENTITY_REFERENCE || depth > MAX_DEPTH)
        {
          set_malformed (error, _("it is nested too deep"));
          return FALSE;
        }
      if (type == XML_READER_TYPE_END_ELEMENT && depth == 1)
        return TRUE;
      if (type != XML_READER_TYPE_ELEMENT || depth != 2)
        continue;

      encoding = dup_attribute (reader, "encoding");
      text = (char *) xmlTextReaderReadString (reader);
      if (text != NULL && strlen (text) > MAX_AUDIT_TEXT)
        {
          set_malformed (error, _("an audit record that is too long"));
          return FALSE;
        }
      if (g_strcmp0 (encoding, "base64") == 0)
        {
          gsize length = 0;
          g_autofree guint8 *data = g_base64_decode (text != NULL ? text : "", &length);

          /* the hash ends a field at its first NUL: one inside is not a field's */
          if (memchr (data, '\0', length) != NULL)
            {
              set_malformed (error, _("an audit record that is not text"));
              return FALSE;
            }
          value = g_strndup ((const char *) data, length);
        }
      else
        value = g_strdup (text != NULL ? text : "");

      g_hash_table_insert (row, g_strdelimit (g_strdup ((const char *) xmlTextReaderConstLocalName (reader)), "-", '_'),
                           value);
    }

  {
    const xmlError *last = xmlGetLastError ();
    g_autofree char *message = last != NULL && last->message != NULL ? g_strstrip (g_strdup (last->message)) : NULL;
    g_autofree char *where = message != NULL ? g_strdup_printf (_("line %d: %s"), last->line, message) : NULL;

    set_malformed (error, where != NULL ? where : _("it does not follow the bundle format"));
  }
  return FALSE;
}

/* A record of the sender's audit log, or of an office below it whose
 * records it passes on: kept once its chain is checked (fg_audit_receive()).
 * A record already here changes nothing; another version of it, or one
 * that breaks the chain, is tampering, and the bundle is refused whole. */
static gboolean
apply_audit (Import         *import,
             xmlTextReader  *reader,
             GHashTable     *row,
             GError        **error)
{
  g_autoptr(GError) refusal = NULL;
  const char *node = attr (row, "node");
  const char *detail;
  FgAuditRecord record = { 0 };
  gboolean added;

  if (!keeps_audit_of_sender (import))
    return read_audit_fields (reader, row, error);  /* past it, checked against the schema */

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
                in_sender_scope (import, fg_stmt_text (stmt, 1));
      if (!below || g_strcmp0 (node, fg_store_get_node_id (import->store)) == 0)
        {
          set_out_of_scope (import, _("audit records of another office"), error);
          return FALSE;
        }
    }

  if (!read_audit_fields (reader, row, error))
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
      set_malformed (error, _("an audit record without all its fields"));
      return FALSE;
    }

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

/* A hybrid logical clock moves past every stamp it sees: this office's next
 * change is stamped after what the bundle brought, even when the sender's
 * wall clock runs ahead. */
static void
observe_stamp (Import     *import,
               GHashTable *row)
{
  const char *stamp = attr (row, "stamp");

  if (stamp != NULL && strlen (stamp) > 21 &&
      (import->latest_stamp == NULL || strncmp (stamp, import->latest_stamp, 21) > 0))
    {
      g_free (import->latest_stamp);
      import->latest_stamp = g_strndup (stamp, 21);
    }
}

/* The attributes of the element the reader is on, by column name
 * ("parent-id" → "parent_id"), each checked for length and UTF-8. */
static GHashTable *
read_row (xmlTextReader  *reader,
          GError        **error)
{
  g_autoptr(GHashTable) row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (name == NULL || value == NULL || strlen (value) > MAX_VALUE_LENGTH || !g_utf8_validate (value, -1, NULL))
        {
          set_malformed (error, _("a value is too long or not text"));
          return NULL;
        }
      if (xmlTextReaderConstPrefix (reader) != NULL)
        continue;  /* xmlns declarations */
      g_hash_table_insert (row, g_strdelimit (g_strdup (name), "-", '_'), g_strdup (value));
    }
  xmlTextReaderMoveToElement (reader);

  return g_steal_pointer (&row);
}

/* Reads the bundle against its schema and applies each row. */
static gboolean
apply_file (Import      *import,
            const char  *path,
            GError     **error)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autofree char *message = NULL;
  xmlSchemaParserCtxt *schema_parser = NULL;
  xmlSchema *schema = NULL;
  xmlTextReader *reader = NULL;
  gboolean ok = FALSE;
  int rc;

  schema_bytes = g_resources_lookup_data (BUNDLE_SCHEMA_RESOURCE, 0, error);
  if (schema_bytes == NULL)
    return FALSE;
  schema_parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (schema_bytes, NULL),
                                             (int) g_bytes_get_size (schema_bytes));
  schema = xmlSchemaParse (schema_parser);
  xmlSchemaFreeParserCtxt (schema_parser);
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "bundle-1.xsd does not parse");
      return FALSE;
    }

  reader = xmlReaderForFile (path, NULL, reader_options);
  if (reader == NULL || xmlTextReaderSetSchema (reader, schema) != 0)
    {
      set_malformed (error, _("it cannot be read"));
      goto out;
    }
  /* No error handler is set on the reader: with a schema plugged in,
   * libxml2 2.9 hands it the wrong context for entity errors. The last
   * error is read when the reader stops instead. */
  xmlResetLastError ();

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      g_autoptr(GHashTable) row = NULL;

      if (!import_step (import, reader, error))
        goto out;

      /* the schema is checked as the reader goes: a row it refuses is never applied */
      if (xmlTextReaderIsValid (reader) != 1)
        break;
      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          set_malformed (error, _("it declares a document type, which bundles never do"));
          goto out;
        }
      if (depth > MAX_DEPTH)
        {
          set_malformed (error, _("it is nested too deep"));
          goto out;
        }
      if (type != XML_READER_TYPE_ELEMENT || depth == 0)
        continue;

      /* a row of another kind may lean on those waiting in a batch */
      if (depth == 1 && g_strcmp0 (name, "venue") != 0 && !write_rows (import, &import->venues, error))
        goto out;
      if (depth == 1)
        finish_inspection (import);
      if (depth == 1 && g_strcmp0 (name, "inspection") != 0 && !write_results (import, error))
        goto out;
      if (depth == 1 && g_strcmp0 (name, "event") != 0 && !write_rows (import, &import->events, error))
        goto out;
      if (depth == 1 && !finish_notice (import, error))
        goto out;
      if (depth == 1 && g_strcmp0 (name, "signature") == 0)
        continue;

      row = read_row (reader, error);
      if (row == NULL)
        goto out;
      observe_stamp (import, row);

      if (depth == 1 && g_strcmp0 (name, "photo") == 0)
        {
          g_autofree char *base64 = (char *) xmlTextReaderReadString (reader);

          ok = apply_photo (import, row, base64, error);
        }
      else if (depth == 1 && g_strcmp0 (name, "region") == 0)
        ok = apply_region (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "campaign") == 0)
        ok = apply_campaign (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "venue") == 0)
        ok = apply_venue (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "inspection") == 0)
        ok = apply_inspection (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "hazard") == 0)
        ok = apply_hazard (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "event") == 0)
        ok = apply_event (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "notice") == 0)
        ok = apply_notice (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "audit-node") == 0)
        ok = apply_audit_node (import, row, error);
      else if (depth == 1 && g_strcmp0 (name, "audit") == 0)
        ok = apply_audit (import, reader, row, error);
      else if (depth == 2 && import->notice_id != NULL && g_strcmp0 (name, "content") == 0)
        {
          g_autofree char *base64 = (char *) xmlTextReaderReadString (reader);

          ok = apply_notice_content (import, base64, error);
        }
      else if (depth == 2 && import->notice_id != NULL && g_strcmp0 (name, "hazard") == 0)
        ok = apply_notice_hazard (import, row, error);
      else if (depth == 2 && import->inspection_id != NULL)
        ok = apply_inspection_child (import, name, row, error);
      else if (depth == 2 && g_strcmp0 (name, "photo") == 0)
        ok = apply_event_photo (import, row, error);
      else
        {
          set_malformed (error, name);
          ok = FALSE;
        }

      if (!ok)
        goto out;
      ok = FALSE;
    }

  if (rc != 0 || xmlTextReaderIsValid (reader) != 1)
    {
      const xmlError *last = xmlGetLastError ();

      if (last != NULL && last->message != NULL)
        {
          g_autofree char *text = g_strstrip (g_strdup (last->message));

          message = g_strdup_printf (_("line %d: %s"), last->line, text);
        }
      set_malformed (error, message != NULL ? message : _("it does not follow the bundle format"));
      goto out;
    }
  finish_inspection (import);
  ok = write_rows (import, &import->venues, error) && write_results (import, error) &&
       write_rows (import, &import->events, error) && finish_notice (import, error);

out:
  if (reader != NULL)
    xmlFreeTextReader (reader);
  xmlSchemaFree (schema);
  return ok;
}

/**
 * fg_bundle_import:
 * @store: the store
 * @actor: who imports (someone who may sync)
 * @path: a bundle file
 * @dry_run: only count what would be added, changed, conflicted or refused
 * @report: (out) (optional): what was done, or would be
 * @cancellable: (nullable): to stop a long import (nothing is written)
 * @error: return location for an error
 *
 * See fg_bundle_import_full().
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_import (FgStore         *store,
                  FgActor         *actor,
                  const char      *path,
                  gboolean         dry_run,
                  FgBundleReport  *report,
                  GCancellable    *cancellable,
                  GError         **error)
{
  return fg_bundle_import_full (store, actor, path, dry_run, report, NULL, NULL, cancellable, error);
}

/**
 * fg_bundle_import_full:
 * @store: the store
 * @actor: who imports (someone who may sync); the changes are recorded in
 *   their name, and the audit names the sending office
 * @path: a bundle file
 * @dry_run: only count what would be added, changed, conflicted or refused
 * @report: (out) (optional): what was done, or would be
 * @progress: (nullable) (scope call): told how far the import is, from 0 to
 *   1, in the thread that runs it
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop a long import, within a few dozen
 *   rows (nothing is written)
 * @error: return location for an error
 *
 * Checks the bundle's signature, that it is addressed here and was not
 * imported before, and applies it in one transaction: every row, or none.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_import_full (FgStore               *store,
                       FgActor               *actor,
                       const char            *path,
                       gboolean               dry_run,
                       FgBundleReport        *report,
                       FgBundleProgressFunc   progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(FgBundleInfo) info = NULL;
  g_autoptr(FgNodeInfo) sender = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  FgBundleReport counts = { 0 };
  Import import = { 0 };
  GHashTableIter iter;
  gpointer hazard_id;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report != NULL)
    *report = counts;

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return FALSE;
  info = fg_bundle_verify (store, path, error);
  if (info == NULL)
    return FALSE;
  if (g_strcmp0 (info->receiver, fg_store_get_node_id (store)) != 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOT_FOR_US,
                   _("This bundle from %s is addressed to another installation. Nothing was imported."),
                   info->sender_name);
      return FALSE;
    }

  stmt = fg_store_prepare (store, "SELECT imported_at FROM bundle_in WHERE digest = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->digest, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED,
                   _("This bundle from %s (number %u) was imported on %.10s already; nothing was changed."),
                   info->sender_name, info->sequence, fg_stmt_text (stmt, 0));
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  sender = fg_node_lookup_peer (store, info->sender);
  import.store = store;
  import.actor = actor;
  import.sender = sender;
  import.prefix = fg_node_scope_prefix (sender->scope_code);
  import.report = &counts;
  import.region_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.insert_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) region_path_free);
  row_batch_init (&import.venues, "venue", venue_columns, venue_path_columns, TRUE);
  row_batch_init (&import.results, "inspection_result", result_columns, inspection_id_column, FALSE);
  row_batch_init (&import.events, "hazard_event", event_columns, NULL, TRUE);
  import.unfinished = g_ptr_array_new_with_free_func (g_free);
  import.temp_store = keep_statement_journals_in_memory (store);
  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;
  {
    GStatBuf file_info;

    import.file_size = g_stat (path, &file_info) == 0 ? (gint64) file_info.st_size : 0;
  }
  import_report (&import, 0.1);

  if (!fg_store_begin (store, error))
    goto failed_early;

  if (!apply_file (&import, path, error))
    goto failed;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (import.latest_stamp != NULL)
    {
      g_autofree char *seen = g_strconcat (import.latest_stamp, "-", fg_store_get_node_id (store), NULL);

      stmt = fg_store_prepare (store, "UPDATE node SET hlc = ?1 WHERE id = ?2 AND substr (hlc, 1, 21) < ?3", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, seen, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, fg_store_get_node_id (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, import.latest_stamp, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, fg_stmt_release);
    }

  /* where each hazard stands now that its histories are merged */
  import_report (&import, 0.9);
  g_hash_table_iter_init (&iter, import.touched);
  while (g_hash_table_iter_next (&iter, &hazard_id, NULL))
    if (!fg_hazard_refresh_cache (store, hazard_id, error))
      goto failed;

  if (dry_run)
    {
      fg_store_rollback (store);
      import_clear (&import);
      if (report != NULL)
        *report = counts;
      return TRUE;
    }

  stmt = fg_store_prepare (store,
                           "INSERT INTO bundle_in (digest, peer_id, sequence, imported_at, imported_by)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, info->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sender->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) info->sequence);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, fg_stmt_release);

  stmt = fg_store_prepare (store,
                           "UPDATE peer SET last_received_seq = max (last_received_seq, ?1),"
                           "  last_received_digest = ?2, last_received_at = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, (int) info->sequence);
  sqlite3_bind_text (stmt, 2, info->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sender->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  {
    g_autofree char *after = g_strdup_printf ("{\"peer\":\"%s\",\"sequence\":%u,\"digest\":\"%s\",\"added\":%u,"
                                              "\"changed\":%u,\"conflicts\":%u,\"photos\":%u}",
                                              sender->id, info->sequence, info->digest, counts.added,
                                              counts.changed, counts.conflicts, counts.photos);

    if (!fg_audit_record_change (store, actor, "bundle-import", sender->id, NULL, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    goto failed_early;

  /* A large bundle changes what the query planner should know of the
   * tables (a county's first bundle from a township multiplies them):
   * SQLite gathers its statistics again where they have gone stale, from
   * a sample of each index. */
  if (counts.added + counts.changed >= 1000)
    fg_store_exec (store, "PRAGMA analysis_limit = 400; PRAGMA optimize;", NULL);

  import_clear (&import);
  if (report != NULL)
    *report = counts;
  return TRUE;

failed:
  fg_store_rollback (store);
failed_early:
  import_clear (&import);
  return FALSE;
}
