/* fg-toast.h — a short message at the foot of a window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void fg_toast_show (GtkWidget  *where,
                    const char *text,
                    guint       timeout);

G_END_DECLS
