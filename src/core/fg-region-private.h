/* fg-region-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-permission.h"
#include "fg-region.h"

G_BEGIN_DECLS

FgRegion *fg_region_find            (FgStore        *store,
                                     const char     *id_or_code,
                                     GError        **error);
FgRegion *fg_region_load_for_change (FgStore        *store,
                                     FgActor        *actor,
                                     FgAction        action,
                                     const char     *id,
                                     FgRegionLevel   level,
                                     GError        **error);

G_END_DECLS
