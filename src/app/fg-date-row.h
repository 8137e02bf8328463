/* fg-date-row.h — a row for a date, typed or chosen in a calendar
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_DATE_ROW (fg_date_row_get_type ())

G_DECLARE_FINAL_TYPE (FgDateRow, fg_date_row, FG, DATE_ROW, AdwActionRow)

GtkWidget  *fg_date_row_new             (const char  *title);
void        fg_date_row_set_with_time   (FgDateRow   *self,
                                         gboolean     with_time);
void        fg_date_row_count_workdays  (FgDateRow   *self,
                                         FgStore     *store,
                                         const GDate *today);
GDate      *fg_date_row_dup_date        (FgDateRow   *self);
const char *fg_date_row_get_problem     (FgDateRow   *self);
void        fg_date_row_set_problem     (FgDateRow   *self,
                                         const char  *problem);
GtkWidget  *fg_date_row_get_button      (FgDateRow   *self);
GtkWidget  *fg_date_row_get_calendar    (FgDateRow   *self);

G_END_DECLS
