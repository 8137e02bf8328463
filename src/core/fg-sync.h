/* fg-sync.h — sync folders, pending changes and conflicts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-bundle.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* What one pass over the sync folders did. */
typedef struct
{
  guint      folders;        /* reachable and processed */
  guint      unreachable;    /* set, but not there now (a USB stick out) */
  guint      sent;           /* bundles written to outboxes */
  guint      received;       /* bundles imported from inboxes */
  FgBundleReport imported;   /* the rows they brought */
  GPtrArray *problems;       /* (element-type utf8): one sentence per bundle refused */
} FgSyncReport;

/* A change that lost to another office's edit of the same record. */
typedef struct
{
  gint64  id;
  char   *table;       /* "venue", "region", "campaign" */
  char   *row_id;
  char   *title;       /* the record's name, as kept */
  char   *lost_title;  /* its name in the losing version */
  char   *lost_node;   /* the node that made the losing version */
  char   *lost_stamp;
  char   *found_at;
  GVariant *kept;      /* a{ss}: the row as it stands */
  GVariant *lost;      /* a{ss}: the losing version */
} FgConflict;

void        fg_sync_report_clear       (FgSyncReport    *report);
void        fg_conflict_free           (FgConflict      *conflict);

gboolean    fg_sync_set_folder         (FgStore         *store,
                                        FgActor         *actor,
                                        const char      *peer,
                                        const char      *folder,
                                        GError         **error);
gboolean    fg_sync_resend             (FgStore         *store,
                                        FgActor         *actor,
                                        const char      *peer,
                                        GError         **error);
gboolean    fg_sync_run                (FgStore         *store,
                                        FgActor         *actor,
                                        FgSyncReport    *report,
                                        GCancellable    *cancellable,
                                        GError         **error);
void        fg_sync_run_async          (FgStore             *store,
                                        FgActor             *actor,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    fg_sync_run_finish         (GAsyncResult    *result,
                                        FgSyncReport    *report,
                                        GError         **error);
guint       fg_sync_count_pending      (FgStore         *store,
                                        const char      *peer_id);
GHashTable *fg_sync_count_pending_all  (FgStore         *store,
                                        FgActor         *actor,
                                        GCancellable    *cancellable,
                                        GError         **error);
void        fg_sync_count_pending_all_async  (FgStore             *store,
                                              FgActor             *actor,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GHashTable *fg_sync_count_pending_all_finish (GAsyncResult    *result,
                                              GError         **error);
GPtrArray  *fg_sync_list_conflicts     (FgStore         *store,
                                        FgActor         *actor,
                                        GError         **error);
gboolean    fg_sync_resolve_conflict   (FgStore         *store,
                                        FgActor         *actor,
                                        gint64           conflict_id,
                                        gboolean         take_lost,
                                        GError         **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FgSyncReport, fg_sync_report_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgConflict, fg_conflict_free)

G_END_DECLS
