/* fg-node-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-node.h"

G_BEGIN_DECLS

gboolean fg_node_ensure_keys (FgStore  *store,
                              GError  **error);

G_END_DECLS
