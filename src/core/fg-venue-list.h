/* fg-venue-list.h — a list model that pages venues from the store
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"
#include "fg-venue-query.h"

G_BEGIN_DECLS

#define FG_TYPE_VENUE_LIST (fg_venue_list_get_type ())

G_DECLARE_FINAL_TYPE (FgVenueList, fg_venue_list, FG, VENUE_LIST, GObject)

FgVenueList        *fg_venue_list_new       (FgStore            *store,
                                             FgActor            *actor);
FgStore            *fg_venue_list_get_store (FgVenueList        *self);
const FgVenueQuery *fg_venue_list_get_query (FgVenueList        *self);
void                fg_venue_list_set_query (FgVenueList        *self,
                                             const FgVenueQuery *query);
void                fg_venue_list_reload    (FgVenueList        *self);

G_END_DECLS
