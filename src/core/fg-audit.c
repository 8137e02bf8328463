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
#include "fg-hazard.h"
#include "fg-node-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-audit-error-quark, fg_audit_error)

G_DEFINE_BOXED_TYPE (FgAuditEntry, fg_audit_entry, fg_audit_entry_copy, fg_audit_entry_free)

#define GENESIS FG_AUDIT_GENESIS
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
  copy->office = g_strdup (self->office);
  copy->actor_kind = g_strdup (self->actor_kind);
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
  g_free (self->office);
  g_free (self->actor_kind);
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

/* What a row's hash is read from: RECORD_COLUMNS, then the images in
 * their compressed form (fg-audit-image.c) */
#define HASHED_COLUMNS RECORD_COLUMNS ", images"
#define N_HASHED_COLUMNS 11

/* The hash of a row read with HASHED_COLUMNS first, over its images as
 * text in whichever form it keeps them; %NULL when its compressed images
 * cannot be read, which no record written by Firegrid has. */
static char *
row_hash (sqlite3_stmt *stmt,
          const char   *prev_hash)
{
  const char *fields[10];
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (int i = 0; i < 8; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i);
  if (!fg_audit_read_images (stmt, 8, 10, &before, &after, NULL))
    return NULL;
  fields[8] = before;
  fields[9] = after;

  return chain_hash (fields, prev_hash);
}

/* Binds a hash, 64 hexadecimal characters, as the 32 bytes a row keeps
 * in `digest` (schema 48). */
static void
bind_digest (sqlite3_stmt *stmt,
             int           column,
             const char   *hash)
{
  guint8 digest[32];

  g_assert (strlen (hash) == 2 * sizeof digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      int high = g_ascii_xdigit_value (hash[2 * i]);
      int low = g_ascii_xdigit_value (hash[2 * i + 1]);

      g_assert (high >= 0 && low >= 0);
      digest[i] = (guint8) (high << 4 | low);
    }
  sqlite3_bind_blob (stmt, column, digest, sizeof digest, SQLITE_TRANSIENT);
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

/* Writes one record after @prev_hash, the head of the log; its hash,
 * newly allocated, in @out_hash. */
static gboolean
insert_record (FgStore        *store,
               const FgActor  *actor,
               const char     *action,
               const char     *record_id,
               const char     *outcome,
               const char     *detail,
               const char     *before,
               const char     *after,
               const char     *prev_hash,
               char          **out_hash,
               GError        **error)
{
  g_autofree char *id = fg_uuid_new ();
  g_autofree char *at = fg_store_now_iso8601 (store);
  g_autofree char *hash = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) images = NULL;
  const char *fields[10] = {
    id, at, fg_actor_get_login (actor), actor_kind_string (actor), action,
    record_id, outcome, detail != NULL ? detail : "", before, after,
  };

  /* the hash is over the images as text; they are kept compressed */
  hash = chain_hash (fields, prev_hash);
  images = fg_audit_images_pack (before, after);

  /* the hash of the record before is the chain's, and the record before
   * holds it: it is not kept twice (schema 40); the record's own is kept
   * as its 32 bytes (schema 48) */
  stmt = fg_store_prepare (store,
                           "INSERT INTO audit (" HASHED_COLUMNS ", origin_node, digest)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?9, ?11, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (int i = 0; i < 8; i++)
    sqlite3_bind_text (stmt, i + 1, fields[i], -1, SQLITE_STATIC);
  if (images != NULL)
    sqlite3_bind_blob (stmt, 9, g_bytes_get_data (images, NULL), (int) g_bytes_get_size (images), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  bind_digest (stmt, 13, hash);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  *out_hash = g_steal_pointer (&hash);
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
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *head = NULL;
  gint64 count;

  read_head (store, &count, &prev_hash);
  if (!insert_record (store, actor, action, record_id, outcome, detail, before, after,
                      prev_hash, &hash, error))
    return FALSE;

  head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", count + 1, hash);
  return fg_store_set_setting (store, HEAD_KEY, head, error);
}

struct _FgAuditChain
{
  FgStore *store;
  gint64   count;
  char    *hash;
};

/**
 * fg_audit_chain_begin: (skip)
 * @store: the store, inside the transaction that makes the changes
 *
 * Starts writing many records in a row, each as fg_audit_record_change()
 * writes it, with the head of the log held here instead of read and
 * written back for every record. Nothing else may write to the log until
 * fg_audit_chain_end().
 *
 * Returns: (transfer full): the chain, for fg_audit_chain_append()
 */
FgAuditChain *
fg_audit_chain_begin (FgStore *store)
{
  FgAuditChain *chain = g_new0 (FgAuditChain, 1);

  chain->store = g_object_ref (store);
  read_head (store, &chain->count, &chain->hash);
  return chain;
}

/**
 * fg_audit_chain_append: (skip)
 *
 * Writes the record fg_audit_record_change() would write with the same
 * arguments, chained to the one before it.
 *
 * Returns: %TRUE on success; on failure the caller rolls back its change
 */
gboolean
fg_audit_chain_append (FgAuditChain   *chain,
                       const FgActor  *actor,
                       const char     *action,
                       const char     *record_id,
                       const char     *before,
                       const char     *after,
                       GError        **error)
{
  char *hash = NULL;

  if (!insert_record (chain->store, actor, action, record_id, "done", NULL, before, after,
                      chain->hash, &hash, error))
    return FALSE;
  g_free (chain->hash);
  chain->hash = hash;
  chain->count++;
  return TRUE;
}

/**
 * fg_audit_chain_end: (skip)
 *
 * Writes the head of the log the records appended lead to, and frees
 * @chain.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_audit_chain_end (FgAuditChain  *chain,
                    GError       **error)
{
  g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", chain->count, chain->hash);
  gboolean ok = fg_store_set_setting (chain->store, HEAD_KEY, head, error);

  fg_audit_chain_free (chain);
  return ok;
}

void
fg_audit_chain_free (FgAuditChain *chain)
{
  if (chain == NULL)
    return;
  g_object_unref (chain->store);
  g_free (chain->hash);
  g_free (chain);
}

/* What each action of the log is called, for people: the changes the
 * core records and the permissions a refusal names. Hazard events are
 * logged under their own ids and named by the hazard module. */
static const struct
{
  const char *id;
  const char *label;
} action_labels[] = {
  { "login", N_("Logged in") },
  { "region-read", N_("Villages and grids viewed") },
  { "region-edit", N_("Villages and grids changed") },
  { "region-add", N_("Village or grid added") },
  { "region-rename", N_("Village or grid renamed") },
  { "region-move", N_("Village or grid moved") },
  { "region-retire", N_("Village or grid retired") },
  { "venue-read", N_("Venue viewed") },
  { "venue-edit", N_("Venue changed") },
  { "venue-add", N_("Venue registered") },
  { "inspection-record", N_("Inspection outcome recorded") },
  { "inspection-start", N_("Inspection started") },
  { "inspection-photo", N_("Photo attached") },
  { "inspection-finish", N_("Inspection finished") },
  { "inspection-discard", N_("Inspection discarded") },
  { "inspection-second-inspector", N_("Second inspector recorded") },
  { "inspection-times", N_("Inspection times entered from the paper record") },
  { "hazard-report", N_("Hazard reported") },
  { "hazard-manage", N_("Hazard handled") },
  { "hazard-found", N_("Hazard found") },
  { "notice-issue", N_("Document issued") },
  { "notice-print", N_("Document printed") },
  { "notice-serve", N_("Document served") },
  { "notice-void", N_("Document voided") },
  { "notice-settings", N_("Document settings changed") },
  { "supervise", N_("Supervision by the county") },
  { "campaign-manage", N_("Campaigns managed") },
  { "campaign-add", N_("Campaign added") },
  { "sync", N_("Sync with another office") },
  { "bundle-export", N_("Sync file written") },
  { "bundle-import", N_("Sync file imported") },
  { "peer-add", N_("Office paired") },
  { "peer-remove", N_("Pairing removed") },
  { "peer-folder", N_("Sync folder chosen") },
  { "peer-resend", N_("Sync files sent again") },
  { "peer-replace", N_("Township office replaced") },
  { "node-role", N_("Installation made office or workstation") },
  { "node-take-over", N_("Took over as the township’s office") },
  { "conflict-take-lost", N_("The other office’s version taken") },
  { "account-manage", N_("Accounts managed") },
  { "account-add", N_("Account created") },
  { "account-switch-on", N_("Account switched on") },
  { "account-switch-off", N_("Account switched off") },
  { "account-change-password", N_("Password changed") },
  { "account-reset-password", N_("Password reset") },
  { "account-certificate", N_("Enforcement certificate number changed") },
  { "audit-read", N_("Change history read") },
  { "settings", N_("Settings changed") },
  { "integrity-repair", N_("Records put right from their history") },
  { "calendar-install", N_("Holiday arrangement installed") },
  { "escalation-rules", N_("Escalation rules changed") },
  { "escalation-rules-load", N_("Escalation rules loaded") },
  { "escalation-rules-reset", N_("Escalation rules reset to the defaults") },
};

/**
 * fg_audit_action_get_label:
 * @action: an action id of the audit log, e.g. "venue-edit"
 *
 * Returns: what the action is called, translated; @action itself when it
 *   is not known (a newer version's)
 */
const char *
fg_audit_action_get_label (const char *action)
{
  FgHazardEventKind kind;

  if (action == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action_labels[i].id, action))
      return _(action_labels[i].label);

  if (fg_hazard_event_kind_from_string (action, &kind))
    return fg_hazard_event_kind_get_label (kind);

  return action;
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

  if (stmt == NULL || id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return fg_audit_row_to_json (stmt);
}

/**
 * fg_audit_row_to_json: (skip)
 * @stmt: a statement on a row of `SELECT * FROM table`
 *
 * The row as the log keeps it, fg_audit_dup_row()'s form: for writers of
 * many rows, which read them back in one statement.
 *
 * Returns: (transfer full): the row as JSON
 */
char *
fg_audit_row_to_json (sqlite3_stmt *stmt)
{
  g_autoptr(GString) json = NULL;

  json = g_string_new ("{");
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      /* local bookkeeping (the sort keys of fg-collate.c among it) and
       * secrets stay out of the log */
      if (g_str_equal (name, "seq") || g_str_equal (name, "password_hash") ||
          g_str_equal (name, "venue_count") || g_str_equal (name, "failed_logins") ||
          g_str_equal (name, "locked_until") || g_str_equal (name, "name_key") ||
          g_str_equal (name, "address_key") || g_str_equal (name, "operator_key"))
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

  unsealed = fg_store_prepare (store, FG_AUDIT_UNSEALED_QUERY, NULL);
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
                                                      "SELECT " HASHED_COLUMNS " FROM audit WHERE seq = ?1",
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
      if (hash == NULL)
        {
          /* only text images before the log was chained; left for verification to name */
          g_set_error_literal (&error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED, "unreadable images");
          break;
        }

      seal = fg_store_prepare (store, "UPDATE audit SET prev_hash = ?1, digest = ?2 WHERE seq = ?3", &error);
      if (seal == NULL)
        break;
      sqlite3_bind_text (seal, 1, prev_hash, -1, SQLITE_STATIC);
      bind_digest (seal, 2, hash);
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
                           "SELECT " HASHED_COLUMNS ", prev_hash, " FG_AUDIT_HASH_SQL ", seq FROM audit ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *hash = NULL;
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, N_HASHED_COLUMNS);
      const char *stored = (const char *) sqlite3_column_text (stmt, N_HASHED_COLUMNS + 1);

      position++;
      hash = row_hash (stmt, expected_prev);

      /* images that no longer inflate were changed as surely as text; a
       * record from schema 40 on keeps no copy of the hash before it,
       * which its own hash covers */
      if (hash == NULL || (prev_hash != NULL && !g_str_equal (prev_hash, expected_prev)) ||
          g_strcmp0 (stored, hash) != 0)
        {
          g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                       _("The audit log has been altered: record %u (%s, %s by %s) "
                         "was changed, or a record before it was removed or moved, outside Firegrid."),
                       (guint) position, fg_stmt_text (stmt, 1), fg_audit_action_get_label (fg_stmt_text (stmt, 4)),
                       fg_stmt_text (stmt, 2));
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

  /* one record's history through its index; "?1 IS NULL OR …" would read
   * the whole log for it */
  stmt = fg_store_prepare (store,
                           record_id != NULL
                           ? "SELECT at, actor_login, action, record_id, outcome, detail, before, after, images,"
                             " actor_kind FROM audit WHERE record_id = ?1 ORDER BY seq DESC LIMIT ?2"
                           : "SELECT at, actor_login, action, record_id, outcome, detail, before, after, images,"
                             " actor_kind FROM audit ORDER BY seq DESC LIMIT ?2",
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
      entry->actor_kind = g_strdup (fg_stmt_text (stmt, 9));
      g_ptr_array_add (entries, entry);
      /* images damaged outside Firegrid: shown as none; verification names the record */
      fg_audit_read_images (stmt, 6, 8, &entry->before, &entry->after, NULL);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Other offices' logs
 *
 * The office above keeps a copy of the audit log of each office below it,
 * as the bundles bring it (fg-audit-bundle.c): every record with the hashes its
 * office computed. A record comes in only if it hashes to what it says,
 * follows the record before it and is followed by the one after it, when
 * those are here, and is not another version of a record here already:
 * a log changed at the office below after a record went up no longer
 * matches the copy here. */

/* An office goes by the name its division has here, once it is known
 * here; until then, by the name the bundle that brought it gave. */
#define OFFICE_NAME(n) \
  "coalesce ((SELECT r.name FROM region r WHERE r.code = " n ".scope_code AND r.deleted = 0), " n ".scope_name)"

/* The first column of the first row @sql gives for @key, or %NULL. */
static char *
dup_name (FgStore    *store,
          const char *sql,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup (fg_stmt_text (stmt, 0));
}

/**
 * fg_audit_dup_actor_name:
 * @store: the store
 * @entry: an entry of fg_audit_list() or fg_audit_list_received()
 *
 * Who acted, as people know them: the real name of the account whose
 * login the entry gives ("王丽" for "admin"), the name of the office of a
 * peer whose bundle did it, "Installer" for whoever set up the
 * installation before it had accounts. An entry of another office's log
 * names an account of that office, which this one does not know: it
 * keeps its login, as does one whose account is gone.
 *
 * Returns: (transfer full): the name, or the entry's login when there is
 *   none better
 */
char *
fg_audit_dup_actor_name (FgStore            *store,
                         const FgAuditEntry *entry)
{
  const char *login;
  char *name = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  login = entry->actor_login != NULL ? entry->actor_login : "";
  if (g_strcmp0 (entry->actor_kind, "peer") == 0)
    {
      name = dup_name (store, "SELECT " OFFICE_NAME ("p") " FROM peer p WHERE p.id = ?1", login);
      if (name == NULL)
        name = dup_name (store, "SELECT " OFFICE_NAME ("n") " FROM audit_node n WHERE n.id = ?1", login);
    }
  else if (g_strcmp0 (entry->actor_kind, "installer") == 0)
    name = g_strdup (_("Installer"));
  else if (entry->office == NULL)
    /* the account of that login now, or else the last one that had it */
    name = dup_name (store,
                     "SELECT display_name FROM account WHERE login = ?1 AND display_name <> ''"
                     " ORDER BY deleted, seq DESC LIMIT 1",
                     login);

  return name != NULL ? name : g_strdup (login);
}

/**
 * fg_audit_chain_hash: (skip)
 * @fields: a record's fields, in the order of %FG_AUDIT_N_FIELDS
 * @prev_hash: the hash of the record before it
 *
 * Returns: (transfer full): the record's hash, as this office computes
 *   the hashes of its own log
 */
char *
fg_audit_chain_hash (const char * const  fields[FG_AUDIT_N_FIELDS],
                     const char         *prev_hash)
{
  return chain_hash (fields, prev_hash);
}

static char *
dup_office_name (FgStore    *store,
                 const char *node_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT " OFFICE_NAME ("n") " FROM audit_node n WHERE n.id = ?1",
                                                   NULL);

  if (stmt == NULL)
    return g_strdup (node_id);
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (node_id);
  return g_strdup (fg_stmt_text (stmt, 0));
}

/* The hash of @node_id's record @seq here (@column "hash" or
 * "prev_hash"), or NULL when it is not here. */
static char *
dup_received_hash (FgStore    *store,
                   const char *column,
                   const char *node_id,
                   gint64      seq)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit_in WHERE node_id = ?1 AND seq = ?2", column);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, seq);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (fg_stmt_text (stmt, 0));
}

/**
 * fg_audit_receive: (skip)
 * @store: the store, inside the import's transaction
 * @record: another office's audit record; its office is in `audit_node`
 * @via: the peer whose bundle brought it
 * @added: (out): whether it is new here (%FALSE: the same record is here)
 * @error: return location for an error
 *
 * Keeps another office's audit record, once its chain is checked: its hash
 * must be what it says; the record before it (when here) must have the
 * hash it names, and the record after it (when here) must name its hash;
 * a record here under the same number must be the same record.
 *
 * Returns: %TRUE when it is kept or already here; %FALSE with
 *   %FG_AUDIT_ERROR_TAMPERED, naming the record, when its chain breaks
 */
gboolean
fg_audit_receive (FgStore              *store,
                  const FgAuditRecord  *record,
                  const char           *via,
                  gboolean             *added,
                  GError              **error)
{
  g_autofree char *hash = fg_audit_chain_hash (record->fields, record->prev_hash);
  g_autofree char *here = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *office = NULL;
  g_autofree char *now = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) images = NULL;

  *added = FALSE;

  here = dup_received_hash (store, "hash", record->node_id, record->seq);
  before = record->seq > 1 ? dup_received_hash (store, "hash", record->node_id, record->seq - 1)
                           : g_strdup (GENESIS);
  after = dup_received_hash (store, "prev_hash", record->node_id, record->seq + 1);

  if (g_strcmp0 (hash, record->hash) == 0 && here != NULL && g_str_equal (here, record->hash))
    return TRUE;  /* the same record again */

  if (g_strcmp0 (hash, record->hash) != 0)
    {
      office = dup_office_name (store, record->node_id);
      /* Translators: the record's number in its office's log, the office,
       * when, what and who */
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("Audit record %u of %s (%s, %s by %s) does not match its hash: it was changed after it was "
                     "written."),
                   (guint) record->seq, office, record->fields[1],
                   fg_audit_action_get_label (record->fields[4]), record->fields[2]);
      return FALSE;
    }
  if (here != NULL)
    {
      office = dup_office_name (store, record->node_id);
      /* Translators: as above */
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("Audit record %u of %s (%s, %s by %s) is not the record received here before under that "
                     "number: one of the two copies was changed."),
                   (guint) record->seq, office, record->fields[1],
                   fg_audit_action_get_label (record->fields[4]), record->fields[2]);
      return FALSE;
    }
  if ((before != NULL && !g_str_equal (before, record->prev_hash)) ||
      (after != NULL && !g_str_equal (after, record->hash)))
    {
      office = dup_office_name (store, record->node_id);
      /* Translators: as above */
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("Audit record %u of %s (%s, %s by %s) does not fit between the records before and after it, "
                     "as received here: a record was changed, removed or inserted."),
                   (guint) record->seq, office, record->fields[1],
                   fg_audit_action_get_label (record->fields[4]), record->fields[2]);
      return FALSE;
    }

  now = fg_store_now_iso8601 (store);
  stmt = fg_store_prepare (store,
                           "INSERT INTO audit_in (node_id, seq, " HASHED_COLUMNS ", origin_node, prev_hash, hash,"
                           "  received_from, received_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, NULL, ?11, ?13, ?14, ?15, ?16, ?17)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->node_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record->seq);
  for (int i = 0; i < 8; i++)
    sqlite3_bind_text (stmt, 3 + i, record->fields[i], -1, SQLITE_STATIC);
  /* kept compressed, as this office keeps its own */
  images = fg_audit_images_pack (record->fields[8], record->fields[9]);
  if (images != NULL)
    sqlite3_bind_blob (stmt, 11, g_bytes_get_data (images, NULL), (int) g_bytes_get_size (images), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, record->origin_node, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, record->prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, record->hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, via, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, now, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, fg_stmt_release);

  /* how many came, and the newest: what verification finds must match */
  stmt = fg_store_prepare (store,
                           "UPDATE audit_node SET received = received + 1,"
                           "  head_hash = CASE WHEN ?2 > head_seq THEN ?3 ELSE head_hash END,"
                           "  head_seq = max (head_seq, ?2)"
                           " WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->node_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record->seq);
  sqlite3_bind_text (stmt, 3, record->hash, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  *added = TRUE;
  return TRUE;
}

/**
 * fg_audit_list_offices:
 * @store: the store
 * @actor: who reads (the township administrator or the county)
 * @error: return location for an error
 *
 * The offices below this one whose audit records are kept here: its
 * peers below it, and the offices below those whose records they passed
 * on (a township's grid stations, at the county).
 *
 * Returns: (transfer full) (element-type FgNodeInfo): each office's id,
 *   kind, division code and name, by division; or %NULL with @error set
 */
GPtrArray *
fg_audit_list_offices (FgStore  *store,
                       FgActor  *actor,
                       GError  **error)
{
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_node_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT n.id, n.kind, n.scope_code, " OFFICE_NAME ("n")
                           " FROM audit_node n ORDER BY n.scope_code, n.id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgNodeInfo *office = g_new0 (FgNodeInfo, 1);

      office->id = g_strdup (fg_stmt_text (stmt, 0));
      fg_node_kind_from_string (fg_stmt_text (stmt, 1), &office->kind);
      office->scope_code = g_strdup (fg_stmt_text (stmt, 2));
      office->scope_name = g_strdup (fg_stmt_text (stmt, 3));
      g_ptr_array_add (offices, office);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&offices);
}

static gboolean
lookup_office (FgStore     *store,
               const char  *node_id,
               char       **name,
               gint64      *received,
               gint64      *head_seq,
               char       **head_hash,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store,
                                                   "SELECT " OFFICE_NAME ("n") ", n.received, n.head_seq, n.head_hash"
                                                   " FROM audit_node n WHERE n.id = ?1",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_UNKNOWN_OFFICE,
                   _("No audit records of “%s” are kept here: it is not an office below this one whose "
                     "bundles brought them."),
                   node_id);
      return FALSE;
    }
  *name = g_strdup (fg_stmt_text (stmt, 0));
  *received = sqlite3_column_int64 (stmt, 1);
  *head_seq = sqlite3_column_int64 (stmt, 2);
  *head_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

/**
 * fg_audit_list_received:
 * @store: the store
 * @actor: who reads (the township administrator or the county)
 * @node_id: (nullable): the office whose log to list, or %NULL for every
 *   office's
 * @record_id: (nullable): only the entries about this record
 * @limit: how many of the newest entries to return at most
 * @error: return location for an error
 *
 * Lists other offices' audit records as they were received: one office's
 * in the order of its log, or every office's by time. Each entry names
 * its office in `office`.
 *
 * Returns: (transfer full) (element-type FgAuditEntry): the entries, the
 *   newest first, or %NULL with @error set (%FG_AUDIT_ERROR_UNKNOWN_OFFICE
 *   when @node_id names no office whose records are kept here)
 */
GPtrArray *
fg_audit_list_received (FgStore     *store,
                        FgActor     *actor,
                        const char  *node_id,
                        const char  *record_id,
                        guint        limit,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, record_id, error))
    return NULL;

  if (node_id != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *head_hash = NULL;
      gint64 received, head_seq;

      if (!lookup_office (store, node_id, &name, &received, &head_seq, &head_hash, error))
        return NULL;
    }

  /* one office's in the order of its log; a record's, from every office,
   * on the index of records (a county keeps the logs of all its townships) */
  sql = g_strdup_printf ("SELECT a.at, a.actor_login, a.action, a.record_id, a.outcome, a.detail, a.before, a.after, "
                         "a.images, " OFFICE_NAME ("n") ", a.actor_kind"
                         " FROM audit_in a JOIN audit_node n ON n.id = a.node_id"
                         " WHERE %s AND %s ORDER BY %s LIMIT ?1",
                         node_id != NULL ? "a.node_id = ?2" : "1",
                         record_id != NULL ? "a.record_id = ?3" : "1",
                         node_id != NULL ? "a.seq DESC" : "a.at DESC, a.node_id, a.seq DESC");
  stmt = fg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);
  if (node_id != NULL)
    sqlite3_bind_text (stmt, 2, node_id, -1, SQLITE_TRANSIENT);
  if (record_id != NULL)
    sqlite3_bind_text (stmt, 3, record_id, -1, SQLITE_TRANSIENT);

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
      entry->office = g_strdup (fg_stmt_text (stmt, 9));
      entry->actor_kind = g_strdup (fg_stmt_text (stmt, 10));
      g_ptr_array_add (entries, entry);
      /* images damaged outside Firegrid: shown as none; verification names the record */
      fg_audit_read_images (stmt, 6, 8, &entry->before, &entry->after, NULL);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Records of @node_id missing before the newest one received (@gaps,
 * @missing of them) are on their way while a bundle of the peer that
 * brings them has not arrived. A peer's own records come in its own
 * bundles, each carrying them on from where the one before it stopped:
 * once every bundle up to the newest is here, records still missing were
 * taken out of one. An office's records that a peer passes on (a grid
 * station's, at the county) may still be on their way to that peer
 * itself, so a gap in them proves nothing yet. */
static gboolean
check_missing_on_way (FgStore     *store,
                      const char  *node_id,
                      const char  *name,
                      GArray      *gaps,
                      gint64       missing,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT via FROM audit_node WHERE id = ?1", error);
  g_autoptr(GArray) bundles = NULL;
  g_autofree char *numbers = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || !g_str_equal (fg_stmt_text (stmt, 0), node_id))
    return TRUE;

  bundles = fg_node_dup_missing_bundles (store, node_id, 0, error);
  if (bundles == NULL)
    return FALSE;
  if (bundles->len > 0)
    return TRUE;

  numbers = fg_audit_format_ranges (gaps);
  /* Translators: the office, then the numbers of the records in its log, as 4–6, 9 */
  g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_MISSING,
               g_dngettext (GETTEXT_PACKAGE,
                            "The audit log of %s as received here is missing record %s, and no bundle from it "
                            "is still on its way: every bundle up to the newest has arrived. The record was "
                            "taken out of a bundle before it arrived; ask the office to send everything again.",
                            "The audit log of %s as received here is missing records %s, and no bundle from it "
                            "is still on its way: every bundle up to the newest has arrived. The records were "
                            "taken out of a bundle before it arrived; ask the office to send everything again.",
                            (gulong) MIN (missing, G_MAXULONG)),
               name, numbers);
  return FALSE;
}

/**
 * fg_audit_verify_received:
 * @store: the store
 * @actor: who checks (the township administrator or the county)
 * @node_id: the office whose log, as received here, to check
 * @n_records: (out) (optional): how many records were checked
 * @n_missing: (out) (optional): how many records before the newest one
 *   received have not arrived yet (a bundle still on its way)
 * @error: return location for an error
 *
 * Checks another office's audit log as it was received: each record's
 * hash, each record against the one before it when that one is here, and
 * that no record received was removed since. A record edited, removed or
 * inserted behind the program's back is reported as
 * %FG_AUDIT_ERROR_TAMPERED, with a message naming the first record where
 * the chain breaks, by its number in that office's log. Records missing
 * while every bundle of the office up to the newest has arrived can no
 * longer be on their way: %FG_AUDIT_ERROR_MISSING names them.
 *
 * Returns: %TRUE if the copy is intact
 */
gboolean
fg_audit_verify_received (FgStore     *store,
                          FgActor     *actor,
                          const char  *node_id,
                          guint       *n_records,
                          guint       *n_missing,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *head_hash = NULL;
  g_autofree char *last_hash = NULL;
  gint64 received, head_seq;
  gint64 last_seq = 0;
  gint64 count = 0;
  gint64 missing = 0;
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  if (n_records != NULL)
    *n_records = 0;
  if (n_missing != NULL)
    *n_missing = 0;

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, NULL, error) ||
      !lookup_office (store, node_id, &name, &received, &head_seq, &head_hash, error))
    return FALSE;

  stmt = fg_store_prepare (store,
                           "SELECT " HASHED_COLUMNS ", prev_hash, hash, seq FROM audit_in"
                           " WHERE node_id = ?1 ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *prev_hash = fg_stmt_text (stmt, N_HASHED_COLUMNS);
      const char *stored = fg_stmt_text (stmt, N_HASHED_COLUMNS + 1);
      gint64 seq = sqlite3_column_int64 (stmt, N_HASHED_COLUMNS + 2);
      g_autofree char *hash = row_hash (stmt, prev_hash);
      gboolean follows;

      /* the record before it, when it is here, or the start of the log */
      if (seq == 1)
        follows = g_str_equal (prev_hash, GENESIS);
      else if (seq == last_seq + 1)
        follows = g_strcmp0 (prev_hash, last_hash) == 0;
      else
        follows = TRUE;

      if (!follows || hash == NULL || !g_str_equal (stored, hash))
        {
          g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                       _("The audit log of %s as received here has been altered: record %u (%s, %s by %s) "
                         "was changed, or a record before it was removed or moved, outside Firegrid."),
                       name, (guint) seq, fg_stmt_text (stmt, 1),
                       fg_audit_action_get_label (fg_stmt_text (stmt, 4)), fg_stmt_text (stmt, 2));
          return FALSE;
        }

      if (seq > last_seq + 1)
        {
          gint64 range[2] = { last_seq + 1, seq - 1 };

          g_array_append_vals (gaps, range, 2);
        }
      missing += seq - last_seq - 1;
      count++;
      last_seq = seq;
      g_free (last_hash);
      last_hash = g_strdup (stored);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  /* what came and what is here: a record removed leaves no gap in the chain when it was the newest */
  if (count != received)
    {
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("The audit log of %s as received here has been altered: %u of its records were received, "
                     "but %u are here. Records were removed or added outside Firegrid."),
                   name, (guint) received, (guint) count);
      return FALSE;
    }
  if (last_seq != head_seq || g_strcmp0 (last_hash, head_hash) != 0)
    {
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED,
                   _("The audit log of %s as received here has been altered: the newest record received was "
                     "number %u, but the copy here ends with number %u. Records were removed outside Firegrid."),
                   name, (guint) head_seq, (guint) last_seq);
      return FALSE;
    }

  if (missing > 0 && !check_missing_on_way (store, node_id, name, gaps, missing, error))
    return FALSE;

  if (n_records != NULL)
    *n_records = (guint) count;
  if (n_missing != NULL)
    *n_missing = (guint) missing;
  return TRUE;
}

/**
 * fg_audit_format_ranges: (skip)
 * @ranges: (element-type gint64): the first and last number of each range
 *
 * Returns: (transfer full): the ranges as people read them, “4–6, 9”
 */
char *
fg_audit_format_ranges (GArray *ranges)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      gint64 first = g_array_index (ranges, gint64, i);
      gint64 last = g_array_index (ranges, gint64, i + 1);

      if (i > 0)
        /* Translators: between two numbers or ranges of a list, 4–5, 8 */
        g_string_append (text, _(", "));
      if (first == last)
        g_string_append_printf (text, "%" G_GINT64_FORMAT, first);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, first, last);
    }
  return g_string_free (text, FALSE);
}
