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

char     *fg_region_check_division_name (const char     *name,
                                         FgRegionLevel   level,
                                         GError        **error);

/* The division tree of a new installation; fg-office.c's set-up wraps
 * them with the node's keys in one transaction. */
gboolean  fg_region_set_up_township (FgStore        *store,
                                     FgActor        *actor,
                                     const char     *township_code,
                                     const char     *township_name,
                                     const char     *county_name,
                                     GError        **error);
gboolean  fg_region_set_up_county   (FgStore        *store,
                                     FgActor        *actor,
                                     const char     *county_code,
                                     const char     *county_name,
                                     GError        **error);
gboolean  fg_region_set_up_grid     (FgStore        *store,
                                     FgActor        *actor,
                                     const char     *grid_code,
                                     const char     *grid_name,
                                     GError        **error);

G_END_DECLS
