/* fg-region-sidebar.h — the division tree in the window's sidebar
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_REGION_SIDEBAR (fg_region_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (FgRegionSidebar, fg_region_sidebar, FG, REGION_SIDEBAR, GtkWidget)

FgStore            *fg_region_sidebar_get_store           (FgRegionSidebar *self);
void                fg_region_sidebar_load                (FgRegionSidebar *self,
                                                           FgStore         *store,
                                                           FgActor         *actor,
                                                           const char      *root_id);
FgRegion           *fg_region_sidebar_get_selected_region (FgRegionSidebar *self);
GtkSelectionModel  *fg_region_sidebar_get_selection       (FgRegionSidebar *self);
void                fg_region_sidebar_refresh             (FgRegionSidebar *self);
void                fg_region_sidebar_refresh_counts      (FgRegionSidebar *self,
                                                           const char      *region_id);
gboolean            fg_region_sidebar_select_region       (FgRegionSidebar *self,
                                                           const char      *region_id);
void                fg_region_sidebar_reload              (FgRegionSidebar *self,
                                                           const char      *select_id);

G_END_DECLS
