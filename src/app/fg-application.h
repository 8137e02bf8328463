/* fg-application.h — the Firegrid application
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FG_TYPE_APPLICATION (fg_application_get_type ())

G_DECLARE_FINAL_TYPE (FgApplication, fg_application, FG, APPLICATION, AdwApplication)

FgApplication *fg_application_new (void);

G_END_DECLS
