/* fg-node-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-node.h"

G_BEGIN_DECLS

void        fg_node_init_crypto      (void);
gboolean    fg_node_ensure_keys      (FgStore     *store,
                                      GError     **error);
guint8     *fg_node_dup_secret_key   (FgStore     *store,
                                      GError     **error);
FgNodeInfo *fg_node_lookup_peer      (FgStore     *store,
                                      const char  *id);
char       *fg_node_scope_prefix     (const char  *code);
gboolean    fg_node_kind_from_string (const char  *text,
                                      FgNodeKind  *kind);
gboolean    fg_node_kind_is_above    (FgNodeKind   above,
                                      FgNodeKind   below);
char       *fg_node_describe_replaced (FgStore    *store,
                                       const char *id);
char       *fg_node_dup_replaced_peer (FgStore    *store,
                                       const char *new_id);
gboolean    fg_node_take_over        (FgStore     *store,
                                      FgActor     *actor,
                                      const FgNodeInfo *sender,
                                      const char  *replaced_id,
                                      GError     **error);
GArray     *fg_node_dup_missing_bundles (FgStore    *store,
                                         const char *peer_id,
                                         guint       below,
                                         GError    **error);

G_END_DECLS
