/* fg-login-window.h — who is at the computer?
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_LOGIN_WINDOW (fg_login_window_get_type ())

G_DECLARE_FINAL_TYPE (FgLoginWindow, fg_login_window, FG, LOGIN_WINDOW, AdwApplicationWindow)

FgLoginWindow *fg_login_window_new       (GtkApplication *application,
                                          FgStore        *store);
FgStore       *fg_login_window_get_store (FgLoginWindow  *self);

G_END_DECLS
