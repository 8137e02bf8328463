/* fg-demo.h — a realistic demo township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_DEMO_DEFAULT_VENUES 300

typedef void (*FgDemoProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

gboolean fg_demo_populate (FgStore         *store,
                           FgActor         *actor,
                           guint            n_venues,
                           FgDemoProgress   progress,
                           gpointer         user_data,
                           GError         **error);

G_END_DECLS
