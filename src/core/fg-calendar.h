/* fg-calendar.h — working days, with China's holidays and 调休
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_CALENDAR_ERROR (fg_calendar_error_quark ())

typedef enum
{
  FG_CALENDAR_ERROR_INVALID,       /* not a valid calendar file */
  FG_CALENDAR_ERROR_INVALID_DATE,
  FG_CALENDAR_ERROR_UNKNOWN_YEAR,  /* no holiday arrangement for that year */
} FgCalendarError;

/* what a day is, for the people who count working days */
typedef enum
{
  FG_CALENDAR_DAY_WORKDAY,          /* Monday to Friday, no holiday */
  FG_CALENDAR_DAY_MAKEUP_WORKDAY,   /* a weekend day worked instead (调休上班) */
  FG_CALENDAR_DAY_WEEKEND,
  FG_CALENDAR_DAY_HOLIDAY,          /* a day off of a holiday arrangement */
} FgCalendarDayKind;

GQuark    fg_calendar_error_quark      (void);
GDate    *fg_calendar_parse_date       (const char  *text,
                                        GError     **error);
char     *fg_calendar_format_date      (const GDate *date);
gboolean  fg_calendar_is_workday       (FgStore     *store,
                                        const GDate *date);
gboolean  fg_calendar_knows_year       (FgStore     *store,
                                        int          year);
int       fg_calendar_missing_year     (FgStore     *store,
                                        const GDate *today);
gboolean  fg_calendar_install_file     (FgStore     *store,
                                        FgActor     *actor,
                                        GBytes      *bytes,
                                        const char  *name,
                                        GArray     **years,
                                        GError     **error);
GDate    *fg_calendar_add_workdays     (FgStore     *store,
                                        const GDate *from,
                                        guint        n_days);
int       fg_calendar_count_workdays   (FgStore     *store,
                                        const GDate *from,
                                        const GDate *to);
char     *fg_calendar_dup_day_name     (FgStore     *store,
                                        const GDate *date);
FgCalendarDayKind
          fg_calendar_get_day_kind     (FgStore     *store,
                                        const GDate *date);
int       fg_calendar_missing_year_between
                                       (FgStore     *store,
                                        const GDate *from,
                                        const GDate *to);
char     *fg_calendar_describe_deadline
                                       (FgStore     *store,
                                        const GDate *today,
                                        const GDate *deadline);

G_END_DECLS
