/* fg-window.h — the main window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"
#include "fg-hazard-page.h"
#include "fg-notice-page.h"
#include "fg-sync-page.h"
#include "fg-stats-page.h"
#include "fg-township-page.h"
#include "fg-region-sidebar.h"
#include "fg-venue-page.h"

G_BEGIN_DECLS

#define FG_TYPE_WINDOW (fg_window_get_type ())

G_DECLARE_FINAL_TYPE (FgWindow, fg_window, FG, WINDOW, AdwApplicationWindow)

FgWindow        *fg_window_new                (GtkApplication *application,
                                               FgStore        *store,
                                               FgActor        *actor);
FgStore         *fg_window_get_store          (FgWindow       *self);
FgActor         *fg_window_get_actor          (FgWindow       *self);
void             fg_window_set_idle_lock_seconds (FgWindow    *self,
                                                  guint        seconds);
gboolean         fg_window_get_locked         (FgWindow       *self);
void             fg_window_lock               (FgWindow       *self);
gboolean         fg_window_get_show_sidebar   (FgWindow       *self);
void             fg_window_set_show_sidebar   (FgWindow       *self,
                                               gboolean        show_sidebar);
FgRegionSidebar *fg_window_get_region_sidebar (FgWindow       *self);
FgVenuePage     *fg_window_get_venue_page     (FgWindow       *self);
FgHazardPage    *fg_window_get_hazard_page    (FgWindow       *self);
FgNoticePage    *fg_window_get_notice_page    (FgWindow       *self);
FgSyncPage      *fg_window_get_sync_page      (FgWindow       *self);
FgTownshipPage  *fg_window_get_township_page  (FgWindow       *self);
FgStatsPage     *fg_window_get_stats_page     (FgWindow       *self);
FgStoreWatch    *fg_window_get_store_watch    (FgWindow       *self);
int              fg_window_get_missing_calendar_year (FgWindow *self);
gboolean         fg_window_get_calendar_warning_shown (FgWindow *self);
const char      *fg_window_get_page           (FgWindow       *self);
void             fg_window_set_page           (FgWindow       *self,
                                               const char     *page);
void             fg_window_export_ledger      (FgWindow       *self,
                                               FgLedgerKind    kind,
                                               GFile          *file);

G_END_DECLS
