/* fg-window-private.h — what the window's files share
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in three files: fg-window.c builds it and ties
 * its pages together, fg-window-actions.c holds what the person can do
 * (the win. actions and their shortcuts), fg-window-lock.c the lock that
 * covers it after a while without input.
 */
#pragma once

#include "fg-hazard-page.h"
#include "fg-lock-page.h"
#include "fg-notice-page.h"
#include "fg-preferences-window.h"
#include "fg-region-sidebar.h"
#include "fg-stats-page.h"
#include "fg-sync-page.h"
#include "fg-township-page.h"
#include "fg-venue-page.h"
#include "fg-window.h"

G_BEGIN_DECLS

#define DEFAULT_IDLE_LOCK_MINUTES 10

struct _FgWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *lock_stack;
  FgLockPage *lock_page;
  GtkWidget *add_button;
  GtkMenuButton *user_button;
  GtkLabel *user_label;
  AdwViewSwitcherTitle *window_title;
  GtkWidget *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  FgRegionSidebar *sidebar;
  AdwViewStack *page_stack;
  FgVenuePage *venue_page;
  FgHazardPage *hazard_page;
  FgNoticePage *notice_page;
  FgSyncPage *sync_page;
  FgTownshipPage *township_page;
  FgStatsPage *stats_page;

  FgStore *store;
  FgStoreWatch *store_watch;  /* what other programs write to the store */
  gboolean notices_stale;     /* to read again when the Documents page shows */
  FgActor *actor;
  char *root_region_id;  /* the top of what the person may see */
  FgPagedList *venue_list;  /* FgVenue */
  GSettings *settings;  /* NULL when the schema is not installed */
  gboolean show_sidebar;

  gboolean locked;
  guint idle_lock_seconds;  /* 0: never */
  gint64 last_input;        /* monotonic time of the last key or pointer input */
  guint idle_source;
  guint escalation_source;
  guint escalated_on;         /* the Julian day the rules last ran */
  GPtrArray *hidden_windows;  /* dialogs hidden behind the lock */
  gulong toplevels_handler;

  int missing_calendar_year;  /* warned about when the window opened; 0 if none */
  GtkWidget *calendar_banner;  /* weak: the warning, for those who can install holidays */
};

typedef enum
{
  FG_WINDOW_PROP_0,
  FG_WINDOW_PROP_STORE,
  FG_WINDOW_PROP_ACTOR,
  FG_WINDOW_PROP_SHOW_SIDEBAR,
  FG_WINDOW_PROP_LOCKED,
  FG_WINDOW_PROP_IDLE_LOCK_SECONDS,
  FG_WINDOW_PROP_PAGE,
  FG_WINDOW_N_PROPS
} FgWindowProperty;

/* fg-window.c */
void _fg_window_notify          (FgWindow         *self,
                                 FgWindowProperty  property);
void _fg_window_load_history    (FgWindow         *self);

/* fg-window-actions.c */
void _fg_window_class_actions_init (FgWindowClass *klass);
void _fg_window_update_actions     (FgWindow      *self);
FgPreferencesWindow *_fg_window_present_preferences (FgWindow   *self,
                                                     const char *page);

/* fg-window-export.c */
void _fg_window_class_export_init      (FgWindowClass *klass);
void _fg_window_update_export_actions  (FgWindow      *self);

/* fg-window-lock.c */
void _fg_window_class_lock_init    (FgWindowClass *klass);
void _fg_window_lock_start         (FgWindow      *self);
void _fg_window_lock_load_settings (FgWindow      *self);
void _fg_window_lock_dispose       (FgWindow      *self);

G_END_DECLS
