/* fg-preferences-window.h — the office's settings, one page per concern
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_PREFERENCES_WINDOW (fg_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FgPreferencesWindow, fg_preferences_window, FG, PREFERENCES_WINDOW, AdwPreferencesWindow)

gboolean             fg_preferences_window_offers_any    (FgActor             *actor);
FgPreferencesWindow *fg_preferences_window_new           (GtkWindow           *parent,
                                                          FgStore             *store,
                                                          FgActor             *actor,
                                                          GSettings           *settings);
void                 fg_preferences_window_install_calendar_file (FgPreferencesWindow *self,
                                                                  GFile               *file);

G_END_DECLS
