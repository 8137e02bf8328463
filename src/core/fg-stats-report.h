/* fg-stats-report.h — the monthly report (消防安全工作月报), as PDF or workbook
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_STATS_REPORT_ERROR (fg_stats_report_error_quark ())

typedef enum
{
  FG_STATS_REPORT_ERROR_INVALID_MONTH,  /* not a month, or one not begun */
  FG_STATS_REPORT_ERROR_FORMAT,         /* a file name neither .pdf nor .xlsx */
  FG_STATS_REPORT_ERROR_WRITE,          /* the file could not be written; nothing was left */
} FgStatsReportError;

typedef enum
{
  FG_STATS_REPORT_FORMAT_PDF,
  FG_STATS_REPORT_FORMAT_XLSX,
} FgStatsReportFormat;

typedef struct
{
  const char  *region;  /* nullable: a region's code or id; the reader's area by default */
  const char  *month;   /* YYYY-MM */
  const GDate *today;   /* nullable: the day it is */
} FgStatsReportQuery;

GQuark    fg_stats_report_error_quark     (void);

GDate    *fg_stats_report_parse_month     (const char                *text,
                                           GError                   **error);
gboolean  fg_stats_report_format_for_path (const char                *path,
                                           FgStatsReportFormat       *format,
                                           GError                   **error);
char     *fg_stats_report_dup_previous_month (const GDate            *today);

gboolean  fg_stats_report_write           (FgStore                   *store,
                                           FgActor                   *actor,
                                           const FgStatsReportQuery  *query,
                                           FgStatsReportFormat        format,
                                           const char                *path,
                                           GError                   **error);
void      fg_stats_report_write_async     (FgStore                   *store,
                                           FgActor                   *actor,
                                           const FgStatsReportQuery  *query,
                                           FgStatsReportFormat        format,
                                           const char                *path,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data);
gboolean  fg_stats_report_write_finish    (GAsyncResult              *result,
                                           GError                   **error);

G_END_DECLS
