/* fg-hazard-list.h — a list model that pages the hazard ledger from the store
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"
#include "fg-hazard-query.h"

G_BEGIN_DECLS

#define FG_TYPE_HAZARD_LIST (fg_hazard_list_get_type ())

G_DECLARE_FINAL_TYPE (FgHazardList, fg_hazard_list, FG, HAZARD_LIST, GObject)

FgHazardList        *fg_hazard_list_new       (FgStore             *store,
                                              FgActor             *actor);
FgStore             *fg_hazard_list_get_store (FgHazardList        *self);
const FgHazardQuery *fg_hazard_list_get_query (FgHazardList        *self);
void                 fg_hazard_list_set_query (FgHazardList        *self,
                                              const FgHazardQuery *query);
void                 fg_hazard_list_reload    (FgHazardList        *self);
FgHazard            *fg_hazard_list_reread    (FgHazardList        *self,
                                              guint                position,
                                              GError             **error);

G_END_DECLS
