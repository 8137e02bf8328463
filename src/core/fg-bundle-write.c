/* fg-bundle-write.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a bundle: the writer goes row by row from SQLite through
 * xmlTextWriter into a temporary file, signing as it writes, then syncs
 * and renames it, so no half bundle ever has the final name; the peer's
 * sequence moves on in the same transaction.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "fg-audit-private.h"
#include "fg-bundle-private.h"

struct _FgBundleSink
{
  FILE *file;
  crypto_sign_state signing;
  gboolean signing_on;
  GChecksum *digest;
  int saved_errno;
};

static int
sink_write (void       *context,
            const char *buffer,
            int         len)
{
  FgBundleSink *sink = context;

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
write_columns (xmlTextWriter      *writer,
               sqlite3_stmt       *stmt,
               const char * const *columns)
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

/* One more row written: says how far it is, when that moved on by a
 * thousandth. The count of rows is a guess (the rows changed ones lean
 * on come too), so the end is reported only at the end. */
static void
export_step (FgBundleExport *export)
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

/* Why the file would not take more, for the person who chose where it goes. */
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

/* The writer failed: the disk's reason when the file would not take
 * more (a full disk), or a plain sentence. */
void
fg_bundle_set_write_error (FgBundleExport  *export,
                           GError         **error)
{
  if (export->sink != NULL && export->sink->saved_errno != 0)
    set_io_error (error, export->sink->saved_errno, export->path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The bundle could not be written."));
}

/* Children of an inspection or an event: result, template, photo rows. */
gboolean
fg_bundle_write_children (FgBundleExport      *export,
                          const char          *element,
                          const char          *sql,
                          const char * const  *columns,
                          const char          *parent_id,
                          GError             **error)
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
          fg_bundle_set_write_error (export, error);
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
  " WHERE c.table_name = 'notice' AND c.seq > ?1 AND " FG_BUNDLE_NOTICE_WRITER ("n") " <> ?2"
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
parents_of (const FgBundleTableSpec *spec)
{
  if (spec == &fg_bundle_hazards)
    return "SELECT hazard_id FROM hazard_event WHERE id IN (" EVENTS_SENT ")"
           " UNION SELECT hazard_id FROM notice_hazard WHERE notice_id IN (" NOTICES_SENT ")";
  if (spec == &fg_bundle_inspections)
    return "SELECT inspection_id FROM hazard WHERE id IN (" HAZARDS_SENT ")"
           " UNION SELECT inspection_id FROM notice WHERE id IN (" NOTICES_SENT ")";
  if (spec == &fg_bundle_venues)
    return "SELECT venue_id FROM inspection WHERE id IN (" INSPECTIONS_SENT ")"
           " UNION SELECT venue_id FROM hazard WHERE id IN (" HAZARDS_SENT ")"
           " UNION SELECT venue_id FROM notice WHERE id IN (" NOTICES_SENT ")";
  if (spec == &fg_bundle_notices)
    return "SELECT follows_id FROM notice WHERE id IN (" NOTICES_CHANGED ")";
  return "SELECT NULL WHERE 0";
}

/* What goes inside a row's element: an inspection's templates, results
 * and photos, an event's photos, a document's content and hazards, the
 * venues a campaign is aimed at. */
static gboolean
write_children_of (FgBundleExport           *export,
                   const FgBundleTableSpec  *spec,
                   const char               *id,
                   GError                  **error)
{
  if (spec == &fg_bundle_inspections)
    return fg_bundle_write_children (export, fg_bundle_inspection_templates.element,
                                     "SELECT position, template_id, version FROM inspection_template"
                                     " WHERE inspection_id = ?1 ORDER BY position",
                                     fg_bundle_inspection_templates.columns, id, error) &&
           fg_bundle_write_children (export, fg_bundle_inspection_results.element,
                                     "SELECT item_code, outcome, note, recorded_at FROM inspection_result"
                                     " WHERE inspection_id = ?1 ORDER BY item_code",
                                     fg_bundle_inspection_results.columns, id, error) &&
           fg_bundle_write_children (export, fg_bundle_inspection_photos.element,
                                     "SELECT item_code, sha256, added_at FROM inspection_photo"
                                     " WHERE inspection_id = ?1 ORDER BY item_code, sha256",
                                     fg_bundle_inspection_photos.columns, id, error);
  if (spec == &fg_bundle_events)
    return fg_bundle_write_children (export, fg_bundle_event_photos.element,
                                     "SELECT sha256, position FROM hazard_event_photo WHERE event_id = ?1"
                                     " ORDER BY position",
                                     fg_bundle_event_photos.columns, id, error);
  if (spec == &fg_bundle_notices)
    return fg_notice_bundle_write_children (export, id, error);
  if (spec == &fg_bundle_campaigns)
    return fg_bundle_write_children (export, fg_bundle_campaign_venues.element,
                                     "SELECT venue_id FROM campaign_venue WHERE campaign_id = ?1"
                                     " ORDER BY venue_id",
                                     fg_bundle_campaign_venues.columns, id, error);
  return TRUE;
}

/* The rows of one table changed since the peer's last bundle, in its
 * division and the receiver's, not written by the receiver. @where
 * reaches the row's region code as "code". */
static gboolean
write_table (FgBundleExport           *export,
             const FgBundleTableSpec  *spec,
             const char               *join,
             const char               *where,
             const char               *order,
             GError                  **error)
{
  g_autofree char *columns = fg_bundle_column_list ("t.", spec->columns);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The division tree goes whole with every bundle (a few hundred rows at
   * most), so that each bundle can be read on its own, in any order: the
   * rows of a later one still find the regions they lie in. */
  if (spec == &fg_bundle_regions)
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
                           : spec == &fg_bundle_venues || spec == &fg_bundle_campaigns ? WRITER : "t.origin_node",
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

      if (!write_children_of (export, spec, id, error))
        return FALSE;

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
  fg_bundle_set_write_error (export, error);
  return FALSE;
}

/* A photo's bytes as base64: the element's text, or for a large photo
 * <part> elements, each a text libxml2 reads whole (see
 * FG_BUNDLE_PHOTO_WHOLE). Older readers read the first form only, and
 * refused photos of the second's size anyway. */
static int
write_photo_data (xmlTextWriter *writer,
                  const void    *data,
                  int            length)
{
  const char *bytes = data;

  if (length <= FG_BUNDLE_PHOTO_WHOLE)
    return xmlTextWriterWriteBase64 (writer, bytes, 0, length);

  for (int start = 0; start < length; start += FG_BUNDLE_PHOTO_PART)
    if (xmlTextWriterStartElement (writer, BAD_CAST "part") < 0 ||
        xmlTextWriterWriteBase64 (writer, bytes, start, MIN (FG_BUNDLE_PHOTO_PART, length - start)) < 0 ||
        xmlTextWriterEndElement (writer) < 0)
      return -1;
  return 0;
}

/* The photos the rows to send show: first in the bundle, so that the rows
 * that name them find them. */
static gboolean
write_photos (FgBundleExport  *export,
              GError         **error)
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
          write_columns (export->writer, stmt, fg_bundle_photos.columns) < 0 ||
          write_photo_data (export->writer, sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4)) < 0 ||
          xmlTextWriterEndElement (export->writer) < 0)
        {
          fg_bundle_set_write_error (export, error);
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

/* This office, the receiver @peer names, and the division they share:
 * what a bundle between them may carry. */
static gboolean
find_receiver (FgStore     *store,
               FgActor     *actor,
               const char  *peer,
               FgNodeInfo **self,
               FgNodeInfo **receiver,
               char       **prefix,
               GError     **error)
{
  *self = fg_node_get_self (store, actor, error);
  if (*self == NULL)
    return FALSE;
  *receiver = fg_node_find_peer (store, actor, peer, error);
  if (*receiver == NULL)
    return FALSE;
  *prefix = common_prefix ((*self)->scope_code, (*receiver)->scope_code);
  if (*prefix == NULL)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND,
                   _("%s and %s have no division in common: there is nothing to send."),
                   (*self)->scope_name, (*receiver)->scope_name);
      return FALSE;
    }
  return TRUE;
}

/* What a bundle says beyond its rows, and what the receiver's peer row
 * records once the file has its name. */
typedef struct
{
  const FgNodeInfo *self;
  const FgNodeInfo *receiver;
  const char *now;
  char *previous;            /* the digest of the last bundle to the receiver */
  char *takes_over;          /* a county's: the office the receiver replaced */
  guint8 *secret;            /* this office's signing key */
  GChecksum *digest;         /* of the whole file */
  gint64 last_change;        /* the change log's last entry: where the next bundle starts */
  gint64 audit_sent;         /* how far the audit records go (see fg_audit_bundle_write()) */
  gint64 audit_passed_on;
} Sending;

/* Where the bundle starts: the change log's last entry now, and the
 * change and the digest the last bundle to the receiver ended with. */
static gboolean
read_positions (FgBundleExport  *export,
                Sending         *sending,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (export->store, "SELECT coalesce (max (seq), 0) FROM change_log", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (export->store, sqlite3_errcode (fg_store_get_db (export->store)), error);
      return FALSE;
    }
  sending->last_change = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, fg_stmt_release);

  /* the changes after the last bundle to this peer */
  stmt = fg_store_prepare (export->store, "SELECT sent_change, last_sent_digest FROM peer WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sending->receiver->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (export->store, sqlite3_errcode (fg_store_get_db (export->store)), error);
      return FALSE;
    }
  export->since = sqlite3_column_int64 (stmt, 0);
  sending->previous = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  export->expected = (guint64) MAX (sending->last_change - export->since, 0);
  return TRUE;
}

/* The root's start tag: who sends to whom, the how-manieth bundle between
 * them, and the one before it. */
static gboolean
write_header (FgBundleExport *export,
              Sending        *sending)
{
  xmlTextWriter *writer = export->writer;
  const FgNodeInfo *receiver = sending->receiver;
  g_autofree char *sequence = g_strdup_printf ("%u", receiver->last_sent_seq + 1);
  const char *previous = sending->previous != NULL ? sending->previous : "";

  return xmlTextWriterSetIndent (writer, 0) >= 0 &&
         xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
         xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "bundle", BAD_CAST FG_BUNDLE_NS) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST "1") >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "sender", BAD_CAST sending->self->id) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "sender-name", BAD_CAST sending->self->scope_name) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "receiver", BAD_CAST receiver->id) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "sequence", BAD_CAST sequence) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "previous", BAD_CAST previous) >= 0 &&
         xmlTextWriterWriteAttribute (writer, BAD_CAST "created", BAD_CAST sending->now) >= 0 &&
         !(export->since > 0 && receiver->last_sent_at != NULL &&
           xmlTextWriterWriteAttribute (writer, BAD_CAST "since", BAD_CAST receiver->last_sent_at) < 0) &&
         !(sending->takes_over != NULL &&
           xmlTextWriterWriteAttribute (writer, BAD_CAST "takes-over", BAD_CAST sending->takes_over) < 0);
}

/* The rows to send, table by table, each after the rows it leans on. */
static gboolean
write_tables (FgBundleExport  *export,
              GError         **error)
{
  return write_photos (export, error) &&
         write_table (export, &fg_bundle_regions, "",
                      /* the rows in the common division, and the regions above it, which the tree needs */
                      "substr (t.code, 1, length (?3)) = ?3"
                      " OR substr (?3, 1, length (rtrim (t.code, '0'))) = rtrim (t.code, '0')",
                      "t.level, t.seq", error) &&
         write_table (export, &fg_bundle_campaigns, "JOIN region r ON r.id = t.township_id",
                      "substr (r.code, 1, length (?3)) = ?3"
                      " OR substr (?3, 1, length (rtrim (r.code, '0'))) = rtrim (r.code, '0')",
                      "t.seq", error) &&
         write_table (export, &fg_bundle_venues, "JOIN region r ON r.id = t.region_id",
                      "substr (r.code, 1, length (?3)) = ?3", "t.seq", error) &&
         write_table (export, &fg_bundle_inspections,
                      "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                      "substr (r.code, 1, length (?3)) = ?3 AND t.finished_at IS NOT NULL", "t.seq", error) &&
         write_table (export, &fg_bundle_hazards,
                      "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                      "substr (r.code, 1, length (?3)) = ?3", "t.seq", error) &&
         write_table (export, &fg_bundle_events,
                      "JOIN hazard h ON h.id = t.hazard_id JOIN venue v ON v.id = h.venue_id"
                      " JOIN region r ON r.id = v.region_id",
                      "substr (r.code, 1, length (?3)) = ?3", "t.stamp, t.id", error) &&
         /* a re-inspection opinion after the notice it follows, which has a lower seq */
         write_table (export, &fg_bundle_notices,
                      "JOIN venue v ON v.id = t.venue_id JOIN region r ON r.id = v.region_id",
                      "substr (r.code, 1, length (?3)) = ?3", "t.seq", error);
}

/* Closes the root's start tag, flushes, signs everything so far, writes
 * the signature and the end, and syncs the file. */
static gboolean
write_signature (FgBundleExport *export,
                 Sending        *sending)
{
  FgBundleSink *sink = export->sink;
  guint8 signature[crypto_sign_BYTES];
  g_autofree char *signature_text = NULL;
  g_autofree char *tail = NULL;

  if (xmlTextWriterWriteString (export->writer, BAD_CAST "\n") < 0 || xmlTextWriterFlush (export->writer) < 0)
    return FALSE;
  sink->signing_on = FALSE;
  crypto_sign_final_create (&sink->signing, signature, NULL, sending->secret);
  signature_text = g_base64_encode (signature, sizeof signature);
  /* the signature and the end, always these very bytes (see FG_BUNDLE_TRAILER) */
  tail = g_strconcat (FG_BUNDLE_SIGNATURE_OPEN, signature_text, FG_BUNDLE_TRAILER, NULL);
  if (sink_write (sink, tail, (int) strlen (tail)) < 0)
    return FALSE;

  if (fflush (sink->file) != 0 || fsync (fileno (sink->file)) != 0)
    {
      sink->saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/* The whole bundle through @export's writer, signed and synced. */
static gboolean
write_bundle (FgBundleExport  *export,
              Sending         *sending,
              GError         **error)
{
  if (!write_header (export, sending))
    goto write_failed;
  if (!write_tables (export, error))
    return FALSE;

  /* photos and the rows changed ones lean on travel only with those */
  if (export->changed == 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND,
                   _("Nothing changed for %s since the last bundle: there is nothing to send."),
                   sending->receiver->scope_name);
      return FALSE;
    }

  /* audit records go up along with changes, after them */
  if (!fg_audit_bundle_write (export, sending->self, sending->receiver, &sending->audit_sent,
                              &sending->audit_passed_on, error))
    return FALSE;

  if (write_signature (export, sending))
    return TRUE;

write_failed:
  if (export->sink->saved_errno != 0)
    set_io_error (error, export->sink->saved_errno, export->path);
  else if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The bundle could not be written to “%s”."), export->path);
  return FALSE;
}

/* Writes the bundle into a temporary file beside its path, whose name it
 * returns; NULL, and no file, when that failed. */
static char *
write_partial (FgBundleExport  *export,
               Sending         *sending,
               GError         **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.partial-XXXXXX", export->path);
  FgBundleSink sink = { 0 };
  xmlStructuredErrorFunc old_handler;
  void *old_context;
  gboolean ok;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, export->path);
      return NULL;
    }
  sink.file = fdopen (fd, "wb");
  sink.digest = sending->digest;
  fg_node_init_crypto ();
  crypto_sign_init (&sink.signing);
  sink.signing_on = TRUE;

  old_handler = xmlStructuredError;
  old_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (NULL, ignore_xml_error);
  export->sink = &sink;
  export->writer = xmlNewTextWriter (xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL));

  ok = write_bundle (export, sending, error);

  g_clear_pointer (&export->writer, xmlFreeTextWriter);
  export->sink = NULL;
  xmlSetStructuredErrorFunc (old_context, old_handler);
  if (sink.file != NULL && fclose (sink.file) != 0 && ok)
    {
      set_io_error (error, errno, export->path);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      return NULL;
    }
  return g_steal_pointer (&tmp_path);
}

/* The receiver's peer row moves on in the same breath as the file at
 * @tmp_path gets its name, @path; the export goes into the audit log. */
static gboolean
record_sent (FgStore               *store,
             FgActor               *actor,
             const Sending         *sending,
             const FgBundleReport  *counts,
             const char            *tmp_path,
             const char            *path,
             GError               **error)
{
  const char *receiver = sending->receiver->id;
  const char *digest = g_checksum_get_string (sending->digest);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = NULL;

  if (!fg_store_begin (store, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET sent_change = ?1, last_sent_seq = last_sent_seq + 1,"
                           "  last_sent_digest = ?2, last_sent_at = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, sending->last_change);
  sqlite3_bind_text (stmt, 2, digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sending->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, receiver, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, fg_stmt_release);
  if (!fg_audit_bundle_record_sent (store, receiver, sending->audit_sent, sending->audit_passed_on, error))
    goto rollback;

  after = g_strdup_printf ("{\"peer\":\"%s\",\"sequence\":%u,\"rows\":%u,\"photos\":%u,\"digest\":\"%s\"}",
                           receiver, sending->receiver->last_sent_seq + 1, counts->added, counts->photos, digest);
  if (!fg_audit_record_change (store, actor, "bundle-export", receiver, NULL, after, error))
    goto rollback;
  if (g_rename (tmp_path, path) != 0)
    {
      set_io_error (error, errno, path);
      goto rollback;
    }
  if (!fg_store_commit (store, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;

rollback:
  fg_store_rollback (store);
  g_unlink (tmp_path);
  return FALSE;
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
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *tmp_path = NULL;
  g_autofree guint8 *secret = NULL;
  FgBundleReport counts = { 0 };
  FgBundleExport export = { 0 };
  Sending sending = { 0 };

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (peer != NULL && path != NULL, FALSE);

  if (report != NULL)
    *report = counts;

  if (!find_receiver (store, actor, peer, &self, &receiver, &prefix, error))
    return FALSE;
  secret = fg_node_dup_secret_key (store, error);
  if (secret == NULL)
    return FALSE;

  export.store = store;
  export.path = path;
  export.receiver = receiver->id;
  export.prefix = prefix;
  export.report = &counts;
  export.cancellable = cancellable;
  export.progress = progress;
  export.progress_data = progress_data;
  sending.self = self;
  sending.receiver = receiver;
  sending.now = now;
  /* a county tells a township's new office which it replaced (fg_node_replace_peer()) */
  if (self->kind == FG_NODE_KIND_COUNTY)
    sending.takes_over = fg_node_dup_replaced_peer (store, receiver->id);
  sending.secret = secret;
  sending.digest = digest;

  if (read_positions (&export, &sending, error))
    tmp_path = write_partial (&export, &sending, error);
  sodium_memzero (secret, crypto_sign_SECRETKEYBYTES);
  g_free (sending.previous);
  g_free (sending.takes_over);
  if (tmp_path == NULL || !record_sent (store, actor, &sending, &counts, tmp_path, path, error))
    return FALSE;

  if (report != NULL)
    *report = counts;
  return TRUE;
}
