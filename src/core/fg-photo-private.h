/* fg-photo-private.h — photos, stored once by the SHA-256 of their bytes
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fg-store.h"

G_BEGIN_DECLS

const char *fg_photo_get_mime_type (GBytes *image);
char       *fg_photo_store (FgStore     *store,
                            GBytes      *image,
                            const char  *mime_type,
                            GError     **error);

G_END_DECLS
