/* fg-notice-bundle.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents in bundles. A document travels with its content, the very
 * bytes its digest is taken from, and the hazards it names. Only its
 * township issues, voids and serves it: a document already here keeps
 * what it says, and takes a voiding or a service by stamp, whatever order
 * the bundles come in.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-bundle-private.h"
#include "fg-calendar-private.h"

#define MAX_CONTENT_BASE64 (2 * 1024 * 1024)  /* a document's content: 1 MiB, as the schema says, in base64 */

/* Writing */

/* What a document says, as it was frozen at issuance: the very bytes whose
 * SHA-256 is its digest, in base64, so that the receiver can check them,
 * verify a paper copy and print it again; then the hazards it names. */
gboolean
fg_notice_bundle_write_children (FgBundleExport  *export,
                                 const char      *notice_id,
                                 GError         **error)
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
      fg_bundle_set_write_error (export, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  return fg_bundle_write_children (export, fg_bundle_notice_hazards.element,
                                   "SELECT hazard_id, position FROM notice_hazard WHERE notice_id = ?1"
                                   " ORDER BY position",
                                   fg_bundle_notice_hazards.columns, notice_id, error);
}

/* Reading */

/* The stamps of a document's voiding and service count for the clock too. */
static void
observe_notice_stamps (FgBundleImport *import,
                       GHashTable     *row)
{
  fg_bundle_observe_stamp (import, attr (row, "void_stamp"));
  fg_bundle_observe_stamp (import, attr (row, "service_stamp"));
}

/* A document already here keeps what it says; a voiding it had not, or an
 * earlier one, applies (the first voiding counts), and so does a later
 * service: the same row, whatever order the bundles come in. */
static gboolean
merge_notice (FgBundleImport  *import,
              GHashTable      *row,
              GError         **error)
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

/* A document is filed under its venue's township, as one issued here is:
 * under another it would take that township's number and count in its
 * figures. */
static gboolean
check_township (FgBundleImport  *import,
                GHashTable      *row,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *named = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *reason = NULL;
  const char *venue_township = NULL;

  stmt = fg_store_prepare (import->store, "SELECT township_id FROM venue WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "venue_id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    venue_township = (const char *) sqlite3_column_text (stmt, 0);
  if (venue_township != NULL && g_strcmp0 (venue_township, attr (row, "township_id")) == 0)
    return TRUE;

  named = fg_bundle_region_code (import, attr (row, "township_id"));
  actual = fg_bundle_region_code (import, venue_township);
  reason = g_strdup_printf (_("It is filed under the township %s, but its venue lies in %s."),
                            named != NULL ? named : "?", actual != NULL ? actual : "?");
  fg_bundle_set_refused_row (import, _("a document"), attr (row, "id"), reason, error);
  return FALSE;
}

/* When a document was issued (or voided): a moment that exists, and has
 * come, as the store writes one; left out only if not @required. */
static gboolean
check_moment (FgBundleImport  *import,
              GHashTable      *row,
              const char      *column,
              gboolean         required,
              GError         **error)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GError) refused = NULL;

  if (attr (row, column) == NULL && !required)
    return TRUE;
  moment = fg_calendar_parse_moment (attr (row, column), &refused);
  if (moment != NULL && fg_calendar_check_not_ahead (moment, attr (row, column), &refused))
    return TRUE;
  fg_bundle_set_refused_row (import, _("a document"), attr (row, "id"), refused->message, error);
  return FALSE;
}

/* A document, by id. Only a township issues, voids and serves documents:
 * a county office or a grid station may pass one on, never write one. */
gboolean
fg_notice_bundle_apply (FgBundleImport  *import,
                        GHashTable      *row,
                        GError         **error)
{
  g_autofree char *code = fg_bundle_venue_code (import, attr (row, "venue_id"));
  g_autofree char *township_code = NULL;
  const char *sender = import->sender->id;
  gboolean written_by_sender;

  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  import->notice_new = FALSE;
  import->notice_written = FALSE;

  if (attr (row, "township_id") != NULL)
    g_hash_table_insert (row, (gpointer) "township_id",
                         g_strdup (fg_bundle_map_region (import, attr (row, "township_id"))));
  township_code = fg_bundle_region_code (import, attr (row, "township_id"));
  written_by_sender = g_strcmp0 (attr (row, "origin_node"), sender) == 0 ||
                      g_str_equal (fg_bundle_stamp_node (attr (row, "stamp")), sender) ||
                      g_str_equal (fg_bundle_stamp_node (attr (row, "void_stamp")), sender) ||
                      g_str_equal (fg_bundle_stamp_node (attr (row, "service_stamp")), sender);
  if (!fg_bundle_in_sender_scope (import, code) || township_code == NULL ||
      !(fg_bundle_in_sender_scope (import, township_code) || fg_bundle_above_sender_scope (import, township_code)) ||
      (written_by_sender && import->sender->kind != FG_NODE_KIND_TOWNSHIP))
    {
      fg_bundle_set_out_of_scope (import, _("a document"), error);
      return FALSE;
    }
  if (!check_township (import, row, error) || !check_moment (import, row, "issued_at", TRUE, error) ||
      !check_moment (import, row, "voided_at", FALSE, error))
    return FALSE;
  /* a voiding or a service goes with the stamp that orders it */
  if ((attr (row, "voided_at") == NULL) != (attr (row, "void_stamp") == NULL) ||
      (attr (row, "service") == NULL) != (attr (row, "service_stamp") == NULL))
    {
      fg_bundle_set_malformed (error, _("a document voided or served without its stamp"));
      return FALSE;
    }
  /* one installation of a township issues its documents: a workstation
   * of it passes documents on, never writes one */
  if (written_by_sender && import->sender->role == FG_NODE_ROLE_WORKSTATION)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_OUT_OF_SCOPE,
                   /* Translators: the township, then the document's number */
                   _("The bundle is from a workstation of %s, which issues no documents, but it wrote the "
                     "document %s in it: nothing was imported. Documents are issued, voided and served at the "
                     "township’s office installation."),
                   import->sender->scope_name, attr (row, "number") != NULL ? attr (row, "number") : "");
      return FALSE;
    }
  observe_notice_stamps (import, row);

  import->notice_id = g_strdup (attr (row, "id"));
  import->notice_row = g_hash_table_ref (row);
  if (fg_bundle_row_exists (import, "notice", attr (row, "id")))
    return merge_notice (import, row, error);

  import->notice_new = TRUE;
  return TRUE;
}

/* What the document says: it must be what its digest says, the very bytes
 * a paper copy's check code is taken from. A new document is written now,
 * under its own number: a number is its township's, given once. */
gboolean
fg_notice_bundle_apply_content (FgBundleImport  *import,
                                const char      *base64,
                                GError         **error)
{
  GHashTable *row = import->notice_row;
  g_autofree guint8 *data = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *content = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length = 0;

  if (import->notice_id == NULL || import->notice_written)
    {
      fg_bundle_set_malformed (error, _("the content of no document"));
      return FALSE;
    }
  if (base64 == NULL || strlen (base64) > MAX_CONTENT_BASE64)
    {
      fg_bundle_set_malformed (error, _("a document that is too large"));
      return FALSE;
    }
  data = g_base64_decode (base64, &length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  if (length == 0 || memchr (data, '\0', length) != NULL || !g_utf8_validate_len ((const char *) data, length, NULL) ||
      g_strcmp0 (digest, attr (row, "digest")) != 0)
    {
      fg_bundle_set_malformed (error, _("a document whose content does not match its digest"));
      return FALSE;
    }
  import->notice_written = TRUE;
  if (!import->notice_new)
    return TRUE;

  if (attr (row, "inspection_id") != NULL && !fg_bundle_row_exists (import, "inspection", attr (row, "inspection_id")))
    {
      fg_bundle_set_malformed (error, _("a document without the inspection it records"));
      return FALSE;
    }
  if (attr (row, "follows_id") != NULL && !fg_bundle_row_exists (import, "notice", attr (row, "follows_id")))
    {
      fg_bundle_set_malformed (error, _("a document without the notice it follows"));
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
  stmt = fg_bundle_prepare_insert (import, "notice", fg_bundle_notices.columns, fg_bundle_notices.other_columns,
                                   error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_notices.columns, row);
  sqlite3_bind_text (stmt, (int) g_strv_length ((char **) fg_bundle_notices.columns) + 1, content, -1, SQLITE_STATIC);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

/* A hazard the document names: one in the sender's division. */
gboolean
fg_notice_bundle_apply_hazard (FgBundleImport  *import,
                               GHashTable      *row,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  if (import->notice_id == NULL || !import->notice_written)
    {
      fg_bundle_set_malformed (error, _("a hazard of no document"));
      return FALSE;
    }

  if (!fg_bundle_hazard_code (import, attr (row, "hazard_id"), &code, error))
    return FALSE;
  if (!fg_bundle_in_sender_scope (import, code))
    {
      fg_bundle_set_out_of_scope (import, _("a document"), error);
      return FALSE;
    }
  if (!import->notice_new)
    return TRUE;

  stmt = fg_bundle_prepare_insert (import, "notice_hazard", fg_bundle_notice_hazards.columns,
                                   fg_bundle_notice_hazards.other_columns, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_notice_hazards.columns, row);
  sqlite3_bind_text (stmt, 3, import->notice_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

/* A document must have come with its content: the schema says so, and
 * this makes sure nothing half-written stays. */
gboolean
fg_notice_bundle_finish (FgBundleImport  *import,
                         GError         **error)
{
  gboolean complete = import->notice_id == NULL || import->notice_written;

  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  import->notice_new = FALSE;
  import->notice_written = FALSE;
  if (!complete)
    {
      fg_bundle_set_malformed (error, _("a document without its content"));
      return FALSE;
    }
  return TRUE;
}
