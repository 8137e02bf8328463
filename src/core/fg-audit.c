/* fg-audit.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log is appended to by the core only: every change (in the
 * transaction that makes it) and every refusal. Each record carries the
 * SHA-256 of the one before and its own, computed over all its fields;
 * the newest hash and the number of records are kept beside the log. A
 * record edited, removed or moved behind the program's back breaks the
 * chain, and fg_audit_verify() names the first record where it breaks.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-audit-error-quark, fg_audit_error)

G_DEFINE_BOXED_TYPE (FgAuditEntry, fg_audit_entry, fg_audit_entry_copy, fg_audit_entry_free)

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"
#define HEAD_KEY "audit-head"

FgAuditEntry *
fg_audit_entry_copy (const FgAuditEntry *self)
{
  FgAuditEntry *copy = g_new0 (FgAuditEntry, 1);

  copy->at = g_strdup (self->at);
  copy->actor_login = g_strdup (self->actor_login);
  copy->action = g_strdup (self->action);
  copy->record_id = g_strdup (self->record_id);
  copy->refused = self->refused;
  copy->detail = g_strdup (self->detail);
  copy->before = g_strdup (self->before);
  copy->after = g_strdup (self->after);
  return copy;
}

void
fg_audit_entry_free (FgAuditEntry *self)
{
  if (self == NULL)
    return;

  g_free (self->at);
  g_free (self->actor_login);
  g_free (self->action);
  g_free (self->record_id);
  g_free (self->detail);
  g_free (self->before);
  g_free (self->after);
  g_free (self);
}

static const char *
actor_kind_string (const FgActor *actor)
{
  switch (fg_actor_get_kind (actor))
    {
    case FG_ACTOR_KIND_INSTALLER:
      return "installer";
    case FG_ACTOR_KIND_PEER:
      return "peer";
    case FG_ACTOR_KIND_USER:
    default:
      return "user";
    }
}

/* SHA-256 over the fields in a fixed order, each ended by a NUL, a NULL
 * field as the single byte 0x01: no two different records feed the same
 * bytes. The previous record's hash is the last field: the chain. */
static char *
chain_hash (const char * const fields[10],
            const char        *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < 10; i++)
    {
      if (fields[i] == NULL)
        g_checksum_update (checksum, (const guchar *) "\1", 2);
      else
        g_checksum_update (checksum, (const guchar *) fields[i], strlen (fields[i]) + 1);
    }
  g_checksum_update (checksum, (const guchar *) prev_hash, strlen (prev_hash) + 1);

  return g_strdup (g_checksum_get_string (checksum));
}

#define RECORD_COLUMNS \
  "id, at, actor_login, actor_kind, action, record_id, outcome, detail, before, after"

/* The hash of a row read with RECORD_COLUMNS first. */
static char *
row_hash (sqlite3_stmt *stmt,
          const char   *prev_hash)
{
  const char *fields[10];

  for (int i = 0; i < 10; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i);

  return chain_hash (fields, prev_hash);
}

/* The newest record's hash and how many there are: "N:HASH". */
static gboolean
read_head (FgStore  *store,
           gint64   *count,
           char    **hash)
{
  g_autofree char *head = fg_store_dup_setting (store, HEAD_KEY);
  const char *colon;

  *count = 0;
  *hash = g_strdup (GENESIS);
  if (head == NULL)
    return FALSE;

  colon = strchr (head, ':');
  if (colon == NULL)
    return FALSE;

  *count = g_ascii_strtoll (head, NULL, 10);
  g_free (*hash);
  *hash = g_strdup (colon + 1);
  return TRUE;
}

static gboolean
append (FgStore        *store,
        const FgActor  *actor,
        const char     *action,
        const char     *record_id,
        const char     *outcome,
        const char     *detail,
        const char     *before,
        const char     *after,
        GError        **error)
{
  g_autofree char *id = fg_uuid_new ();
  g_autofree char *at = fg_now_iso8601 ();
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *head = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *fields[10] = {
    id, at, fg_actor_get_login (actor), actor_kind_string (actor), action,
    record_id, outcome, detail != NULL ? detail : "", before, after,
  };
  gint64 count;

  read_head (store, &count, &prev_hash);
  hash = chain_hash (fields, prev_hash);

  stmt = fg_store_prepare (store,
                           "INSERT INTO audit (" RECORD_COLUMNS ", origin_node, prev_hash, hash)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (int i = 0; i < 10; i++)
    sqlite3_bind_text (stmt, i + 1, fields[i], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, hash, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", count + 1, hash);
  return fg_store_set_setting (store, HEAD_KEY, head, error);
}

/**
 * fg_audit_record_change: (skip)
 * @store: the store, inside the transaction that makes the change
 * @actor: who changes
 * @action: what, e.g. "venue-edit"
 * @record_id: (nullable): the record changed
 * @before: (nullable): the record before, as JSON (%NULL when it is new)
 * @after: (nullable): the record after, as JSON (%NULL when it is gone)
 * @error: return location for an error
 *
 * Returns: %TRUE on success; on failure the caller rolls back its change
 */
gboolean
fg_audit_record_change (FgStore        *store,
                        const FgActor  *actor,
                        const char     *action,
                        const char     *record_id,
                        const char     *before,
                        const char     *after,
                        GError        **error)
{
  return append (store, actor, action, record_id, "done", NULL, before, after, error);
}

/* Appends a refusal. It is written on its own, even though what it
 * records changed nothing; a failure to write it is logged, since the
 * refusal itself must still reach the person. */
void
fg_audit_record_refusal (FgStore       *store,
                         const FgActor *actor,
                         const char    *action,
                         const char    *record_id,
                         const char    *message)
{
  g_autoptr(GError) error = NULL;

  if (fg_store_begin (store, &error))
    {
      if (append (store, actor, action, record_id, "refused", message, NULL, NULL, &error))
        {
          if (fg_store_commit (store, &error))
            return;
        }
      else
        fg_store_rollback (store);
    }

  g_warning ("A refusal could not be written to the audit log: %s", error->message);
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (json, "\\\"");
          break;
        case '\\':
          g_string_append (json, "\\\\");
          break;
        case '\n':
          g_string_append (json, "\\n");
          break;
        case '\t':
          g_string_append (json, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
    }
  g_string_append_c (json, '"');
}

/**
 * fg_audit_dup_row: (skip)
 * @store: the store
 * @table: a table with an `id` column
 * @id: the record
 *
 * Returns: (transfer full) (nullable): the record as a JSON object of its
 *   columns, or %NULL when there is none; what the audit log keeps as
 *   "before" and "after"
 */
char *
fg_audit_dup_row (FgStore    *store,
                  const char *table,
                  const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, NULL);
  g_autoptr(GString) json = NULL;

  if (stmt == NULL || id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  json = g_string_new ("{");
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      /* local bookkeeping and secrets stay out of the log */
      if (g_str_equal (name, "seq") || g_str_equal (name, "password_hash") ||
          g_str_equal (name, "venue_count") || g_str_equal (name, "failed_logins") ||
          g_str_equal (name, "locked_until"))
        continue;

      if (json->len > 1)
        g_string_append_c (json, ',');
      append_json_string (json, name);
      g_string_append_c (json, ':');

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          g_string_append (json, "null");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (json, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (json, g_ascii_dtostr (buffer, sizeof buffer, sqlite3_column_double (stmt, i)));
          }
          break;
        case SQLITE_BLOB:
          g_string_append_printf (json, "\"(%d bytes)\"", sqlite3_column_bytes (stmt, i));
          break;
        default:
          append_json_string (json, fg_stmt_text (stmt, i));
          break;
        }
    }
  g_string_append_c (json, '}');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Chains the records written before the log was chained (they have no
 * hash yet), in their order, so that verification covers them too. */
void
fg_audit_seal (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) unsealed = NULL;
  g_autofree char *prev_hash = NULL;
  gint64 count;

  unsealed = fg_store_prepare (store, "SELECT seq FROM audit WHERE hash IS NULL ORDER BY seq", NULL);
  while (unsealed != NULL && sqlite3_step (unsealed) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (unsealed, 0);
      g_array_append_val (seqs, seq);
    }
  g_clear_pointer (&unsealed, fg_stmt_release);
  if (seqs->len == 0)
    return;

  read_head (store, &count, &prev_hash);

  if (!fg_store_begin (store, &error))
    goto failed;

  for (guint i = 0; i < seqs->len; i++)
    {
      g_autoptr(sqlite3_stmt) row = fg_store_prepare (store,
                                                      "SELECT " RECORD_COLUMNS " FROM audit WHERE seq = ?1",
                                                      &error);
      g_autoptr(sqlite3_stmt) seal = NULL;
      g_autofree char *hash = NULL;

      if (row == NULL)
        break;
      sqlite3_bind_int64 (row, 1, g_array_index (seqs, gint64, i));
      if (sqlite3_step (row) != SQLITE_ROW)
        continue;
      hash = row_hash (row, prev_hash);
      g_clear_pointer (&row, fg_stmt_release);

      seal = fg_store_prepare (store, "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3", &error);
      if (seal == NULL)
        break;
      sqlite3_bind_text (seal, 1, prev_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (seal, 2, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (seal, 3, g_array_index (seqs, gint64, i));
      if (!fg_store_step_done (store, seal, &error))
        break;

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      count++;
    }

  if (error == NULL)
    {
      g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", count, prev_hash);

      if (fg_store_set_setting (store, HEAD_KEY, head, &error) && fg_store_commit (store, &error))
        return;
    }
  fg_store_rollback (store);

failed:
  g_warning ("The audit log could not be chained: %s", error->message);
}

/**
 * fg_audit_verify:
 * @store: the store
 * @actor: who checks (the township administrator or the county)
 * @n_records: (out) (optional): how many records were checked
 * @error: return location for an error
 *
 * Checks the whole chain. A record edited, removed, inserted or moved
 * behind the program's back is reported as %FG_AUDIT_ERROR_TAMPERED, with
 * a message naming the first record where the chain breaks.
 *
 * Returns: %TRUE if the log is intact
 */
gboolean
fg_audit_verify (FgStore   *store,
                 FgActor   *actor,
                 guint     *n_records,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS);
  g_autofree char *head_hash = NULL;
  gint64 head_count;
  gint64 position = 0;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (n_records != NULL)
    *n_records = 0;

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, NULL, error))
    return FALSE;

  stmt = fg_store_prepare (store,
                           "SELECT " RECORD_COLUMNS ", prev_hash, hash, seq FROM audit ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *hash = NULL;
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 10);
      const char *stored = (const char *) sqlite3_column_text (stmt, 11);

      position++;
      hash = row_hash (stmt, expected_prev);

      if (g_strcmp0 (prev_hash, expected_prev) != 0 || g_strcmp0 (stored, hash) != 0)
        {
          g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                       _("The audit log has been altered: record %u (%s, %s by %s) "
                         "was changed, or a record before it was removed or moved, outside Firegrid."),
                       (guint) position, fg_stmt_text (stmt, 1), fg_stmt_text (stmt, 4), fg_stmt_text (stmt, 2));
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (stored);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  /* the end of the log: records removed from the end leave no gap */
  read_head (store, &head_count, &head_hash);
  if (head_count != position || g_strcmp0 (head_hash, expected_prev) != 0)
    {
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("The audit log has been altered: it ends after record %u, but %u records "
                     "were written. Records were removed outside Firegrid."),
                   (guint) position, (guint) head_count);
      return FALSE;
    }

  if (n_records != NULL)
    *n_records = (guint) position;
  return TRUE;
}

/**
 * fg_audit_list:
 * @store: the store
 * @actor: who reads (the township administrator or the county)
 * @record_id: (nullable): only the entries about this record
 * @limit: how many of the newest entries to return at most
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgAuditEntry): the entries, the
 *   newest first, or %NULL with @error set
 */
GPtrArray *
fg_audit_list (FgStore     *store,
               FgActor     *actor,
               const char  *record_id,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, record_id, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT at, actor_login, action, record_id, outcome, detail, before, after"
                           " FROM audit WHERE ?1 IS NULL OR record_id = ?1"
                           " ORDER BY seq DESC LIMIT ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgAuditEntry *entry = g_new0 (FgAuditEntry, 1);

      entry->at = g_strdup (fg_stmt_text (stmt, 0));
      entry->actor_login = g_strdup (fg_stmt_text (stmt, 1));
      entry->action = g_strdup (fg_stmt_text (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        entry->record_id = g_strdup (fg_stmt_text (stmt, 3));
      entry->refused = g_str_equal (fg_stmt_text (stmt, 4), "refused");
      entry->detail = g_strdup (fg_stmt_text (stmt, 5));
      entry->before = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->after = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
