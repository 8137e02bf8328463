/* fg-permission-private.h — the checks the core modules make
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-actor.h"
#include "fg-permission.h"
#include "fg-store.h"

G_BEGIN_DECLS

gsize    fg_region_code_prefix_length (const char     *code);
gboolean fg_actor_covers_code         (const FgActor  *actor,
                                       const char     *code);
char    *fg_actor_dup_scope_prefix    (const FgActor  *actor);
gboolean fg_actor_sees_code           (const FgActor  *actor,
                                       const char     *code);
gboolean fg_permission_check_visible  (FgStore        *store,
                                       const FgActor  *actor,
                                       FgAction        action,
                                       const char     *region_code,
                                       const char     *record,
                                       GError        **error);
gboolean fg_permission_check          (FgStore        *store,
                                       const FgActor  *actor,
                                       FgAction        action,
                                       const char     *region_code,
                                       const char     *record,
                                       GError        **error);

G_END_DECLS
