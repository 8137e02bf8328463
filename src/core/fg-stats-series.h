/* fg-stats-series.h — the series the statistics page draws as charts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-stats.h"

G_BEGIN_DECLS

/* One part of the region: a village of a township, a township of a
 * county, a grid of a village. */
typedef struct
{
  char          *region_id;
  char          *code;
  char          *name;
  FgRegionLevel  level;
  guint          n_venues;     /* active venues in it, now */
  guint          n_inspected;  /* of them, inspected in the period (wherever they were then) */
} FgStatsArea;

/* One month of the trend. */
typedef struct
{
  char  *month;     /* YYYY-MM */
  char  *first_day; /* YYYY-MM-01 */
  char  *after;     /* the first day of the next month */
  guint  n_found;   /* hazards found in the month */
  guint  n_closed;  /* hazards closed (销号) in the month: their last closing */
} FgStatsMonth;

/* The hazards found in the period under one section of the checklists
 * (the kind of item: 消防设施, 用火用电 …). */
typedef struct
{
  char  *section_id;
  char  *section;   /* its title in the user's language */
  guint  n_found;
  guint  n_open;    /* of them, not closed now */
} FgStatsSection;

typedef struct
{
  char          *region_id;
  FgRegionLevel  level;
  char          *from;      /* the period, YYYY-MM-DD */
  char          *to;
  GPtrArray     *areas;     /* (element-type FgStatsArea): by code */
  GPtrArray     *months;    /* (element-type FgStatsMonth): the 12 months up to the period's last, oldest first */
  GPtrArray     *sections;  /* (element-type FgStatsSection): most hazards first */
} FgStatsSeries;

#define FG_STATS_SERIES_MONTHS 12

void            fg_stats_area_free      (FgStatsArea         *self);
void            fg_stats_month_free     (FgStatsMonth        *self);
void            fg_stats_section_free   (FgStatsSection      *self);
void            fg_stats_series_free    (FgStatsSeries       *self);

FgStatsSeries  *fg_stats_series_compute (FgStore             *store,
                                         FgActor             *actor,
                                         const FgStatsQuery  *query,
                                         GError             **error);

void            fg_stats_series_compute_all_async  (FgStore             *store,
                                                    FgActor             *actor,
                                                    const FgStatsQuery  *query,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        fg_stats_series_compute_all_finish (FgStore             *store,
                                                    GAsyncResult        *result,
                                                    FgStats            **stats,
                                                    FgStatsSeries      **series,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgStatsSeries, fg_stats_series_free)

G_END_DECLS
