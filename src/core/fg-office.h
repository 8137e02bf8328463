/* fg-office.h — an installation as a whole: opening it
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-store.h"

G_BEGIN_DECLS

FgStore *fg_office_open (const char  *path,
                         GError     **error);

G_END_DECLS
