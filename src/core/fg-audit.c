/* fg-audit.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_BOXED_TYPE (FgAuditEntry, fg_audit_entry, fg_audit_entry_copy, fg_audit_entry_free)

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
  g_autofree char *id = fg_uuid_new ();
  g_autofree char *at = fg_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!fg_store_begin (store, &error))
    goto failed;

  stmt = fg_store_prepare (store,
                           "INSERT INTO audit (id, at, actor_login, actor_kind, action,"
                           "                   record_id, outcome, detail, origin_node)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'refused', ?7, ?8)",
                           &error);
  if (stmt == NULL)
    {
      fg_store_rollback (store);
      goto failed;
    }

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, actor_kind_string (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, message, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fg_store_get_node_id (store), -1, SQLITE_STATIC);

  if (!fg_store_step_done (store, stmt, &error))
    {
      fg_store_rollback (store);
      goto failed;
    }

  if (fg_store_commit (store, &error))
    return;

failed:
  g_warning ("A refusal could not be written to the audit log: %s", error->message);
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
                           "SELECT at, actor_login, action, record_id, outcome, detail FROM audit"
                           " WHERE ?1 IS NULL OR record_id = ?1"
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
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
