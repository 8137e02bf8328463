/* fg-photo-viewer.h — a photo at full size
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWindow *fg_photo_viewer_show (GtkWidget  *parent,
                                 GBytes     *image,
                                 const char *title);

G_END_DECLS
