/* fg-photo-file.h — reading a photo's file without freezing the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void    fg_photo_file_load_async  (GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GBytes *fg_photo_file_load_finish (GFile                *file,
                                   GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
