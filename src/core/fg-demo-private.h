/* fg-demo-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-demo.h"

G_BEGIN_DECLS

gboolean fg_demo_populate_with (FgStore         *store,
                                FgActor         *actor,
                                guint            n_venues,
                                gboolean         bulk,
                                FgDemoProgress   progress,
                                gpointer         user_data,
                                GError         **error);

G_END_DECLS
