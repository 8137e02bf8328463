/* fg-stats-private.h — what fg-stats.c shares with the chart series
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-stats.h"

G_BEGIN_DECLS

/* The closing events of a hazard, as the index 0046 holds them. */
#define FG_STATS_CLOSING(alias) alias ".kind IN ('closed', 'rectified-on-spot')"

gboolean  _fg_stats_resolve        (FgStore             *store,
                                    FgActor             *actor,
                                    const FgStatsQuery  *query,
                                    FgRegion           **region,
                                    GDate              **from,
                                    GDate              **to,
                                    GError             **error);
char     *_fg_stats_area_condition (FgRegionLevel        level,
                                    const char          *alias);

G_END_DECLS
