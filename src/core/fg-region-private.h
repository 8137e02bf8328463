/* fg-region-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-region.h"

G_BEGIN_DECLS

FgRegion *fg_region_load_for_change (FgStore        *store,
                                     const char     *id,
                                     FgRegionLevel   level,
                                     GError        **error);

G_END_DECLS
