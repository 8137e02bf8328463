/* fg-stats.h — a region's figures at a glance (统计), and the 2026 target
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-region.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_STATS_ERROR (fg_stats_error_quark ())

typedef enum
{
  FG_STATS_ERROR_INVALID_DATE,    /* not a date, or a day no calendar has */
  FG_STATS_ERROR_INVALID_PERIOD,  /* the period starts after it ends */
  FG_STATS_ERROR_NO_REGION,       /* no such region, or not one the figures are counted for */
  FG_STATS_ERROR_INVALID,         /* a setting that cannot be stored */
} FgStatsError;

/* What period the figures cover. */
typedef enum
{
  FG_STATS_PERIOD_MONTH,    /* the month holding the query's day */
  FG_STATS_PERIOD_QUARTER,  /* its quarter */
  FG_STATS_PERIOD_YEAR,     /* its year */
  FG_STATS_PERIOD_RANGE,    /* from and to, as given */
} FgStatsPeriod;

/* How often the office means to inspect a venue. */
typedef enum
{
  FG_STATS_FREQUENCY_MONTHLY,
  FG_STATS_FREQUENCY_QUARTERLY,
  FG_STATS_FREQUENCY_YEARLY,
  FG_STATS_N_FREQUENCIES
} FgStatsFrequency;

/* The key of the frequency for key units (消防安全重点单位), a flag on a
 * venue of any category, which takes precedence over its category's. */
#define FG_STATS_KEY_UNIT "key-unit"

/* The venues of one category (their main one, the first they name). */
typedef struct
{
  char             *category;     /* the category's id: "restaurant" */
  guint             n_venues;     /* active venues, now */
  guint             n_key_units;  /* of them, key units (inspected at the key units' frequency) */
  guint             n_on_target;  /* of them, inspected within their frequency's current month,
                                   * quarter or year, up to the period's last day */
  FgStatsFrequency  frequency;    /* the category's frequency (key units: see n_key_units) */
} FgStatsCategory;

/* One village's progress towards the 2026 target (河南意见 十八): family
 * workshops, street shops and old residential compounds with a
 * standalone smoke alarm (独立式火灾报警) and with simple extinguishing
 * equipment (简易喷淋、消防软管卷盘或灭火毯). */
typedef struct
{
  char  *village_id;
  char  *code;
  char  *name;
  guint  n_venues;        /* active venues of the three kinds, now */
  guint  n_smoke_alarms;  /* of them, with a standalone smoke alarm */
  guint  n_simple_extinguishing;  /* of them, with simple extinguishing equipment */
} FgStatsVillageTarget;

/* Which of the target's two things a venue lacks, for the list of those
 * still lacking it (fg_stats_list_lacking()) */
typedef enum
{
  FG_STATS_LACK_SMOKE_ALARM,
  FG_STATS_LACK_SIMPLE_EXTINGUISHING,
  FG_STATS_LACK_EITHER,  /* one or both */
} FgStatsLack;

/* The figures. "In the period" counts what happened between the period's
 * first and last day, both included; "now" is the state of the records on
 * the day the figures were counted for (today). Active venues are those
 * registered and open (not closed, not moved away, not removed), counted
 * in the village they are in now; inspections and hazards stay with the
 * village where they happened. */
typedef struct
{
  char           *region_id;
  char           *region_code;
  char           *region_name;
  FgRegionLevel   level;          /* county: its townships together */
  FgStatsPeriod   period;
  char           *from;           /* YYYY-MM-DD */
  char           *to;             /* YYYY-MM-DD */
  char           *today;          /* YYYY-MM-DD: what "now" meant */

  /* venues, now */
  guint       n_venues;           /* active venues */
  GPtrArray  *categories;         /* (element-type FgStatsCategory): by main category, most venues first */
  guint       n_never_inspected;  /* active venues without a finished inspection up to the period's end */

  /* inspections: active venues inspected at least once in the month,
   * quarter and year holding the period's last day, up to that day */
  guint       n_inspected_month;
  guint       n_inspected_quarter;
  guint       n_inspected_year;
  guint       n_on_target;        /* active venues inspected within their own frequency */
  guint       n_inspections;      /* inspections finished in the period */

  /* hazards */
  guint       n_found;            /* found in the period */
  guint       n_found_closed;     /* of those, closed now: the closure rate's numerator */
  guint       n_closed;           /* closed (销号) in the period, whenever found */
  guint       n_open;             /* not closed, now */
  guint       n_open_on_spot;     /* of them, by grade: fixable on the spot */
  guint       n_open_deadline;    /* to correct by a deadline */
  guint       n_open_major_proposed; /* proposed as major, not (yet) confirmed */
  guint       n_open_major;       /* confirmed major (重大火灾隐患) */
  guint       n_overdue;          /* past their deadline, now (as the hazard ledger counts) */
  guint       n_reinspection_late; /* reported fixed, and the office's re-inspection is late now */
  double      median_days_to_close; /* working days from found to closed, of those closed in
                                     * the period; -1 when none was */

  /* documents */
  guint       n_notices;          /* issued in the period, not voided */
  guint       n_unserved;         /* issued up to now, not voided, not yet served on the venue */

  /* the 2026 target */
  guint       n_target_venues;    /* active venues of the three kinds */
  guint       n_target_smoke_alarms;
  guint       n_target_simple_extinguishing;
  GPtrArray  *villages;           /* (element-type FgStatsVillageTarget): by code, those with such venues */
} FgStats;

typedef struct
{
  const char    *region;   /* nullable: a region's code or id; the reader's area by default */
  FgStatsPeriod  period;
  const GDate   *day;      /* nullable: a day of the month, quarter or year; today by default */
  const char    *from;     /* FG_STATS_PERIOD_RANGE: the first day, YYYY-MM-DD */
  const char    *to;       /* FG_STATS_PERIOD_RANGE: the last day, YYYY-MM-DD */
  const GDate   *today;    /* nullable: the day it is */
} FgStatsQuery;

/* A venue still without a standalone smoke alarm. */
typedef struct
{
  char *venue_id;
  char *name;
  char *address;
  char *category;      /* the kind of the three it is */
  char *village_name;
} FgStatsVenue;

#define FG_TYPE_STATS (fg_stats_get_type ())
#define FG_TYPE_STATS_CATEGORY (fg_stats_category_get_type ())
#define FG_TYPE_STATS_VILLAGE_TARGET (fg_stats_village_target_get_type ())
#define FG_TYPE_STATS_VENUE (fg_stats_venue_get_type ())

GQuark                fg_stats_error_quark             (void);
GType                 fg_stats_get_type                (void) G_GNUC_CONST;
GType                 fg_stats_category_get_type       (void) G_GNUC_CONST;
GType                 fg_stats_village_target_get_type (void) G_GNUC_CONST;
GType                 fg_stats_venue_get_type          (void) G_GNUC_CONST;

FgStats              *fg_stats_copy                    (const FgStats              *self);
void                  fg_stats_free                    (FgStats                    *self);
FgStatsCategory      *fg_stats_category_copy           (const FgStatsCategory      *self);
void                  fg_stats_category_free           (FgStatsCategory            *self);
FgStatsVillageTarget *fg_stats_village_target_copy     (const FgStatsVillageTarget *self);
void                  fg_stats_village_target_free     (FgStatsVillageTarget       *self);
FgStatsVenue         *fg_stats_venue_copy              (const FgStatsVenue         *self);
void                  fg_stats_venue_free              (FgStatsVenue               *self);

double                fg_stats_share                   (guint                       n,
                                                        guint                       of);
double                fg_stats_get_closure_rate        (const FgStats              *self);

const char           *fg_stats_frequency_to_string     (FgStatsFrequency            frequency);
gboolean              fg_stats_frequency_from_string   (const char                 *text,
                                                        FgStatsFrequency           *frequency);
const char           *fg_stats_frequency_get_label     (FgStatsFrequency            frequency);
FgStatsFrequency      fg_stats_frequency_get_default   (const char                 *category);
FgStatsFrequency      fg_stats_get_frequency           (FgStore                    *store,
                                                        const char                 *category);
gboolean              fg_stats_set_frequency           (FgStore                    *store,
                                                        FgActor                    *actor,
                                                        const char                 *category,
                                                        FgStatsFrequency            frequency,
                                                        GError                    **error);
gboolean              fg_stats_is_target_category      (const char                 *category);

FgStats              *fg_stats_compute                 (FgStore                    *store,
                                                        FgActor                    *actor,
                                                        const FgStatsQuery         *query,
                                                        GError                    **error);
const char           *fg_stats_lack_to_string          (FgStatsLack                 lack);
gboolean              fg_stats_lack_from_string        (const char                 *text,
                                                        FgStatsLack                *lack);
GPtrArray            *fg_stats_list_lacking            (FgStore                    *store,
                                                        FgActor                    *actor,
                                                        const char                 *region,
                                                        FgStatsLack                 lack,
                                                        guint                       offset,
                                                        guint                       limit,
                                                        guint                      *n_total,
                                                        GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgStats, fg_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgStatsCategory, fg_stats_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgStatsVillageTarget, fg_stats_village_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgStatsVenue, fg_stats_venue_free)

G_END_DECLS
