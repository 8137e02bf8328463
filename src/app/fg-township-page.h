/* fg-township-page.h — the county's ranking of townships (乡镇排名)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* The periods the page offers, in the order of its drop-down; each ends today. */
typedef enum
{
  FG_TOWNSHIP_PERIOD_THIS_YEAR,
  FG_TOWNSHIP_PERIOD_THIS_QUARTER,
  FG_TOWNSHIP_PERIOD_LAST_30_DAYS,
} FgTownshipPeriod;

#define FG_TYPE_TOWNSHIP_PAGE (fg_township_page_get_type ())

G_DECLARE_FINAL_TYPE (FgTownshipPage, fg_township_page, FG, TOWNSHIP_PAGE, GtkWidget)

void          fg_township_page_set_store    (FgTownshipPage   *self,
                                             FgStore          *store,
                                             FgActor          *actor);
void          fg_township_page_reload       (FgTownshipPage   *self);
void          fg_township_page_set_period   (FgTownshipPage   *self,
                                             FgTownshipPeriod  period);
void          fg_township_page_set_rank_by  (FgTownshipPage   *self,
                                             FgReportRank      rank_by);
FgTownshipReport *fg_township_page_get_report (FgTownshipPage *self);
GListModel   *fg_township_page_get_model    (FgTownshipPage   *self);

G_END_DECLS
