/* fg-hazard-page.h — the hazard ledger (隐患台账)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* The state filter's entries before the states themselves. */
typedef enum
{
  FG_HAZARD_FILTER_ALL,
  FG_HAZARD_FILTER_NOT_CLOSED,
  FG_HAZARD_FILTER_DUE,         /* overdue or due this week */
  FG_HAZARD_FILTER_REINSPECTION_LATE, /* reported fixed, the office's re-inspection late */
  FG_HAZARD_FILTER_OVERDUE,     /* past the deadline, now */
  FG_HAZARD_FILTER_FIRST_STATE,
} FgHazardFilter;

#define FG_TYPE_HAZARD_PAGE (fg_hazard_page_get_type ())

G_DECLARE_FINAL_TYPE (FgHazardPage, fg_hazard_page, FG, HAZARD_PAGE, GtkWidget)

void        fg_hazard_page_set_store         (FgHazardPage *self,
                                              FgStore      *store,
                                              FgActor      *actor);
void        fg_hazard_page_reload            (FgHazardPage *self);
void        fg_hazard_page_set_region        (FgHazardPage *self,
                                              const char   *region_id,
                                              int           level);
void        fg_hazard_page_set_state_filter  (FgHazardPage *self,
                                              guint         filter);
void        fg_hazard_page_set_found_filter  (FgHazardPage *self,
                                              const char   *from,
                                              const char   *before,
                                              const char   *section_id,
                                              const char   *label);
void        fg_hazard_page_focus_search      (FgHazardPage *self);
GListModel *fg_hazard_page_get_model         (FgHazardPage *self);
void        fg_hazard_page_select            (FgHazardPage *self,
                                              guint         position);
FgHazard   *fg_hazard_page_get_shown_hazard  (FgHazardPage *self);
guint       fg_hazard_page_get_n_overdue     (FgHazardPage *self);
guint       fg_hazard_page_get_n_due_this_week (FgHazardPage *self);
guint       fg_hazard_page_get_n_reinspection_late (FgHazardPage *self);

G_END_DECLS
