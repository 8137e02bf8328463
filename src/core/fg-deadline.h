/* fg-deadline.h — warnings about a deadline an officer sets
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fg-actor.h"
#include "fg-hazard.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* A deadline is far when it gives more than this many working days and
 * more than twice the longest default of its hazards' items. */
#define FG_DEADLINE_FAR_MIN_WORKDAYS 20

char **fg_deadline_dup_warnings (FgStore            *store,
                                 FgActor            *actor,
                                 const char * const *hazard_ids,
                                 FgHazardEventKind   kind,
                                 const GDate        *today,
                                 const char         *deadline);

G_END_DECLS
