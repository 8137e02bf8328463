/* fg-hazard-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-hazard.h"

G_BEGIN_DECLS

gboolean fg_hazard_append_event (FgStore                     *store,
                                 FgActor                     *actor,
                                 const char                  *hazard_id,
                                 FgHazardEventKind            kind,
                                 const FgHazardEventDetails  *details,
                                 GError                     **error);

gboolean fg_hazard_refresh_cache (FgStore                     *store,
                                  const char                  *hazard_id,
                                  GError                     **error);

G_END_DECLS
