/* fg-venue-detail.h — everything recorded about one venue
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_VENUE_DETAIL (fg_venue_detail_get_type ())

G_DECLARE_FINAL_TYPE (FgVenueDetail, fg_venue_detail, FG, VENUE_DETAIL, GtkWidget)

FgVenue *fg_venue_detail_get_venue (FgVenueDetail *self);
void     fg_venue_detail_set_venue (FgVenueDetail *self,
                                    FgVenue       *venue);
GListModel *fg_venue_detail_get_inspections (FgVenueDetail *self);
void     fg_venue_detail_set_inspections (FgVenueDetail *self,
                                          GListModel    *inspections);
gboolean fg_venue_detail_get_history_visible (FgVenueDetail *self);
void     fg_venue_detail_set_allowed         (FgVenueDetail *self,
                                              gboolean       can_inspect,
                                              gboolean       can_edit);
void     fg_venue_detail_set_history_visible (FgVenueDetail *self,
                                              gboolean       visible);

G_END_DECLS
