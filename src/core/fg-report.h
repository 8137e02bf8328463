/* fg-report.h — figures that compare townships (乡镇排名)
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

#define FG_REPORT_ERROR (fg_report_error_quark ())

typedef enum
{
  FG_REPORT_ERROR_INVALID_DATE,    /* not a date, or a day no calendar has */
  FG_REPORT_ERROR_INVALID_PERIOD,  /* the period starts after it ends */
} FgReportError;

/* What townships are ranked by, each best first. */
typedef enum
{
  FG_REPORT_RANK_RECTIFICATION_RATE,  /* 整改率: closed of those found, highest first */
  FG_REPORT_RANK_OVERDUE,             /* hazards overdue now, fewest first */
  FG_REPORT_RANK_COVERAGE,            /* 检查覆盖率: open venues inspected, highest first */
  FG_REPORT_RANK_OPEN_HAZARDS,        /* hazards not closed now, fewest first */
  FG_REPORT_RANK_INSPECTIONS,         /* inspections finished, most first */
  FG_REPORT_N_RANKS
} FgReportRank;

/* One township's figures. "In the period" counts what happened between
 * the period's first and last day, both included; "now" is the state of
 * the records on the report's day, whenever they were found. */
typedef struct
{
  guint  rank;                /* 1 for the best; equal figures share a rank */
  char  *township_id;
  char  *code;                /* 12 digits: 410425101000 */
  char  *name;
  char  *name_key;            /* the name's sort key (pinyin, fg-collate.c) in hex: these
                               * texts compare, byte by byte, as the names read in order */

  guint  n_venues;            /* open venues, now */
  guint  n_venues_inspected;  /* of them, inspected at least once in the period */
  guint  n_inspections;       /* inspections finished in the period */
  guint  n_found;             /* hazards found in the period */
  guint  n_closed;            /* of those, closed (销号) now */
  guint  n_open;              /* hazards not closed, now */
  guint  n_overdue;           /* past their deadline, now (as the hazard ledger counts) */
  guint  n_major;             /* confirmed major hazards (重大火灾隐患) not closed, now */
  guint  n_escalated;         /* escalated (上报督办), now */
  guint  n_smoke_alarms;      /* open venues with a standalone smoke alarm (独立式烟感), now */

  char  *last_bundle_at;      /* when its last bundle arrived here; NULL if never or not a peer */
} FgTownshipFigures;

/* The report as asked for: the period with its defaults filled in. */
typedef struct
{
  char         *from;         /* YYYY-MM-DD */
  char         *to;           /* YYYY-MM-DD */
  char         *today;        /* YYYY-MM-DD: what "now" meant */
  FgReportRank  rank_by;
  GPtrArray    *townships;    /* (element-type FgTownshipFigures): ranked, best first */
} FgTownshipReport;

typedef struct
{
  const char   *from;         /* nullable: 1 January of the year @to lies in */
  const char   *to;           /* nullable: @today */
  const GDate  *today;        /* nullable: the day it is */
  FgReportRank  rank_by;
} FgReportQuery;

#define FG_TYPE_TOWNSHIP_FIGURES (fg_township_figures_get_type ())
#define FG_TYPE_TOWNSHIP_REPORT (fg_township_report_get_type ())

GQuark              fg_report_error_quark          (void);
GType               fg_township_figures_get_type   (void) G_GNUC_CONST;
GType               fg_township_report_get_type    (void) G_GNUC_CONST;

const char         *fg_report_rank_to_string       (FgReportRank              rank_by);
gboolean            fg_report_rank_from_string     (const char               *text,
                                                    FgReportRank             *rank_by);
const char         *fg_report_rank_get_label       (FgReportRank              rank_by);

FgTownshipFigures  *fg_township_figures_copy       (const FgTownshipFigures  *self);
void                fg_township_figures_free       (FgTownshipFigures        *self);
double              fg_township_figures_get_coverage (const FgTownshipFigures *self);
double              fg_township_figures_get_rectification_rate (const FgTownshipFigures *self);
double              fg_township_figures_get_smoke_alarm_coverage (const FgTownshipFigures *self);

FgTownshipReport   *fg_township_report_copy        (const FgTownshipReport   *self);
void                fg_township_report_free        (FgTownshipReport         *self);

FgTownshipReport   *fg_report_townships            (FgStore                  *store,
                                                    FgActor                  *actor,
                                                    const FgReportQuery      *query,
                                                    GError                  **error);
FgTownshipReport   *fg_report_villages             (FgStore                  *store,
                                                    FgActor                  *actor,
                                                    FgRegion                 *region,
                                                    const FgReportQuery      *query,
                                                    GError                  **error);
void                fg_report_rank                 (GPtrArray                *townships,
                                                    FgReportRank              rank_by);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgTownshipFigures, fg_township_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgTownshipReport, fg_township_report_free)

G_END_DECLS
