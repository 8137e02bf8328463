/* fg-setup-window.h — the first start: which township is this?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_SETUP_WINDOW (fg_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (FgSetupWindow, fg_setup_window, FG, SETUP_WINDOW, AdwApplicationWindow)

FgSetupWindow *fg_setup_window_new       (GtkApplication *application,
                                          FgStore        *store);
FgStore       *fg_setup_window_get_store (FgSetupWindow  *self);

G_END_DECLS
