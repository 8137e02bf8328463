/* fg-audit.h — the audit log: what was done or refused, by whom
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-node.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_AUDIT_ERROR (fg_audit_error_quark ())

typedef enum
{
  FG_AUDIT_ERROR_TAMPERED,        /* a record was edited, removed or reordered */
  FG_AUDIT_ERROR_UNKNOWN_OFFICE,  /* no audit records of that office are kept here */
  FG_AUDIT_ERROR_MISSING,         /* records that no bundle still on its way can bring */
} FgAuditError;

#define FG_TYPE_AUDIT_ENTRY (fg_audit_entry_get_type ())

typedef struct _FgAuditEntry FgAuditEntry;

struct _FgAuditEntry
{
  char     *at;           /* ISO 8601 */
  char     *actor_login;
  char     *action;       /* e.g. "venue-edit", "login" */
  char     *record_id;    /* nullable */
  gboolean  refused;
  char     *detail;       /* the message of a refusal */
  char     *before;       /* nullable: the record before the change, JSON */
  char     *after;        /* nullable: the record after the change, JSON */
  char     *office;       /* nullable: the office whose log it is, when not this one's */
  char     *actor_kind;   /* "user", "installer" or "peer" */
};

GQuark        fg_audit_error_quark     (void);
GType         fg_audit_entry_get_type  (void) G_GNUC_CONST;
FgAuditEntry *fg_audit_entry_copy      (const FgAuditEntry *self);
void          fg_audit_entry_free      (FgAuditEntry       *self);

const char   *fg_audit_action_get_label (const char        *action);
char         *fg_audit_dup_actor_name   (FgStore           *store,
                                         const FgAuditEntry *entry);
GPtrArray    *fg_audit_describe_change  (FgStore           *store,
                                         const char        *before,
                                         const char        *after);

GPtrArray    *fg_audit_list            (FgStore            *store,
                                        FgActor            *actor,
                                        const char         *record_id,
                                        guint               limit,
                                        GError            **error);

gboolean      fg_audit_verify          (FgStore            *store,
                                        FgActor            *actor,
                                        guint              *n_records,
                                        GError            **error);

/* the audit logs of offices below this one, as they were received */
GPtrArray    *fg_audit_list_offices    (FgStore            *store,
                                        FgActor            *actor,
                                        GError            **error);
GPtrArray    *fg_audit_list_received   (FgStore            *store,
                                        FgActor            *actor,
                                        const char         *node_id,
                                        const char         *record_id,
                                        guint               limit,
                                        GError            **error);
gboolean      fg_audit_verify_received (FgStore            *store,
                                        FgActor            *actor,
                                        const char         *node_id,
                                        guint              *n_records,
                                        guint              *n_missing,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgAuditEntry, fg_audit_entry_free)

G_END_DECLS
