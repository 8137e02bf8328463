/* fg-audit-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "fg-audit.h"

G_BEGIN_DECLS

/* The hash before the first record of a log. */
#define FG_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* The fields a record's hash covers, in this order: id, at, actor_login,
 * actor_kind, action, record_id, outcome, detail, before, after. */
#define FG_AUDIT_N_FIELDS 10

/* A record's own hash as lower-case hexadecimal, from whichever form the
 * row keeps: the 32 bytes of `digest` (schema 48 on) or the text of
 * `hash` (records written before); NULL for a record not chained yet
 * (hex (NULL) is '', not NULL: no coalesce) */
#define FG_AUDIT_HASH_SQL "CASE WHEN digest IS NULL THEN hash ELSE lower (hex (digest)) END"

/* The records still to be chained, in their order: an index holds them
 * alone (0035-audit-unsealed.sql, 0048-audit-digest.sql), so every open
 * can look */
#define FG_AUDIT_UNSEALED_QUERY "SELECT seq FROM audit WHERE hash IS NULL AND digest IS NULL ORDER BY seq"

/* Another office's audit record, as a bundle brought it. */
typedef struct
{
  const char *node_id;
  gint64      seq;
  const char *fields[FG_AUDIT_N_FIELDS];
  const char *origin_node;
  const char *prev_hash;
  const char *hash;
} FgAuditRecord;

void     fg_audit_record_refusal (FgStore       *store,
                                  const FgActor *actor,
                                  const char    *action,
                                  const char    *record_id,
                                  const char    *message);
gboolean fg_audit_record_change  (FgStore       *store,
                                  const FgActor *actor,
                                  const char    *action,
                                  const char    *record_id,
                                  const char    *before,
                                  const char    *after,
                                  GError       **error);
char    *fg_audit_dup_row        (FgStore       *store,
                                  const char    *table,
                                  const char    *id);
char    *fg_audit_row_to_json    (sqlite3_stmt  *stmt);
void     fg_audit_seal           (FgStore       *store);

/* Many records in a row (fg-audit.c) */
typedef struct _FgAuditChain FgAuditChain;

FgAuditChain *fg_audit_chain_begin  (FgStore        *store);
gboolean      fg_audit_chain_append (FgAuditChain   *chain,
                                     const FgActor  *actor,
                                     const char     *action,
                                     const char     *record_id,
                                     const char     *before,
                                     const char     *after,
                                     GError        **error);
gboolean      fg_audit_chain_end    (FgAuditChain   *chain,
                                     GError        **error);
void          fg_audit_chain_free   (FgAuditChain   *chain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgAuditChain, fg_audit_chain_free)

char    *fg_audit_chain_hash     (const char * const   fields[FG_AUDIT_N_FIELDS],
                                  const char          *prev_hash);
gboolean fg_audit_receive        (FgStore             *store,
                                  const FgAuditRecord *record,
                                  const char          *via,
                                  gboolean            *added,
                                  GError             **error);

char    *fg_audit_format_ranges  (GArray              *ranges);

/* a record's before and after, compressed (fg-audit-image.c) */
GBytes  *fg_audit_images_pack        (const char    *before,
                                      const char    *after);
gboolean fg_audit_images_unpack      (const void    *data,
                                      gsize          size,
                                      char         **before,
                                      char         **after,
                                      GError       **error);
gboolean fg_audit_read_images        (sqlite3_stmt  *stmt,
                                      int            column,
                                      int            images_column,
                                      char         **before,
                                      char         **after,
                                      GError       **error);
int      fg_audit_register_functions (sqlite3       *db);

G_END_DECLS
