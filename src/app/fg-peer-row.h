/* fg-peer-row.h — a peer on the Sync page, with what can be done with it
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_PEER_ROW (fg_peer_row_get_type ())

G_DECLARE_FINAL_TYPE (FgPeerRow, fg_peer_row, FG, PEER_ROW, AdwActionRow)

GtkWidget  *fg_peer_row_new         (const FgNodeInfo *peer);
const char *fg_peer_row_get_peer_id (FgPeerRow        *self);
void        fg_peer_row_set_may_remove (FgPeerRow     *self,
                                        gboolean       may_remove);
void        fg_peer_row_set_may_replace (FgPeerRow    *self,
                                         gboolean      may_replace);
gboolean    fg_peer_row_get_may_replace (FgPeerRow    *self);

G_END_DECLS
