/* fg-photo.h — the checks every photo passes, wherever it comes from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most pixels a photo may declare: a 50-megapixel camera's. */
#define FG_PHOTO_MAX_PIXELS (50 * 1000 * 1000)

const char *fg_photo_check     (GBytes      *image,
                                GError     **error);
GBytes     *fg_photo_read_file (const char  *path,
                                GError     **error);

G_END_DECLS
