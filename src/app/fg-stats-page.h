/* fg-stats-page.h — the Statistics page (统计): a region at a glance
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* The lists a card or a bar opens ("open-list"). */
typedef enum
{
  FG_STATS_LIST_VENUES,                  /* the region's venues; a category's when one is given */
  FG_STATS_LIST_VENUES_NEVER_INSPECTED,  /* the region's venues (the list has no filter for it) */
  FG_STATS_LIST_HAZARDS_OPEN,
  FG_STATS_LIST_HAZARDS_OVERDUE,
  FG_STATS_LIST_HAZARDS_REINSPECTION_LATE,
  FG_STATS_LIST_NOTICES_UNSERVED,
  FG_STATS_LIST_TOWNSHIPS,               /* the county's ranking */
  FG_STATS_LIST_HAZARDS_FOUND,           /* found from a day, before another; under a section if given */
} FgStatsList;

#define FG_TYPE_STATS_PAGE (fg_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (FgStatsPage, fg_stats_page, FG, STATS_PAGE, GtkWidget)

void           fg_stats_page_set_store      (FgStatsPage   *self,
                                             FgStore       *store,
                                             FgActor       *actor);
void           fg_stats_page_set_region     (FgStatsPage   *self,
                                             const char    *region_id,
                                             gboolean       county);
void           fg_stats_page_set_period     (FgStatsPage   *self,
                                             FgStatsPeriod  period);
void           fg_stats_page_reload         (FgStatsPage   *self);
gboolean       fg_stats_page_get_busy       (FgStatsPage   *self);
const FgStats *fg_stats_page_get_stats      (FgStatsPage   *self);
const FgStatsSeries *fg_stats_page_get_series (FgStatsPage *self);
GtkWidget     *fg_stats_page_get_card       (FgStatsPage   *self,
                                             const char    *key);
GtkWidget     *fg_stats_page_get_chart      (FgStatsPage   *self,
                                             const char    *key);

G_END_DECLS
