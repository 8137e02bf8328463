/* fg-thumbnail.h — small pictures of photos
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkPaintable *fg_thumbnail_new (GBytes  *image,
                                int      size,
                                GError **error);

G_END_DECLS
