/* fg-opening-window.h — what shows while a database is being opened
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FG_TYPE_OPENING_WINDOW (fg_opening_window_get_type ())

G_DECLARE_FINAL_TYPE (FgOpeningWindow, fg_opening_window, FG, OPENING_WINDOW, AdwWindow)

FgOpeningWindow *fg_opening_window_new          (GtkApplication  *application,
                                                 gboolean         upgrading);
gboolean         fg_opening_window_get_upgrading (FgOpeningWindow *self);

G_END_DECLS
