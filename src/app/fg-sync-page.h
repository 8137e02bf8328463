/* fg-sync-page.h — this office, its peers, bundles in and out, conflicts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_SYNC_PAGE (fg_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (FgSyncPage, fg_sync_page, FG, SYNC_PAGE, GtkWidget)

void      fg_sync_page_set_store     (FgSyncPage *self,
                                      FgStore    *store,
                                      FgActor    *actor);
void      fg_sync_page_reload        (FgSyncPage *self);
void      fg_sync_page_sync_folders  (FgSyncPage *self);
gboolean  fg_sync_page_get_busy      (FgSyncPage *self);
guint     fg_sync_page_get_n_peers   (FgSyncPage *self);
guint     fg_sync_page_get_n_conflicts (FgSyncPage *self);
int       fg_sync_page_get_n_pending (FgSyncPage *self,
                                      const char *peer_id);
void      fg_sync_page_import_file   (FgSyncPage *self,
                                      GFile      *file);
void      fg_sync_page_replace_peer_with_file (FgSyncPage *self,
                                               const char *peer_id,
                                               GFile      *file);

G_END_DECLS
