/* fg-region-item.h — a region as the sidebar shows it
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_REGION_ITEM (fg_region_item_get_type ())

G_DECLARE_FINAL_TYPE (FgRegionItem, fg_region_item, FG, REGION_ITEM, GObject)

FgRegionItem *fg_region_item_new        (FgRegion     *region);
FgRegion     *fg_region_item_get_region (FgRegionItem *self);
const char   *fg_region_item_get_id     (FgRegionItem *self);
void          fg_region_item_set_region (FgRegionItem *self,
                                         FgRegion     *region);
void          fg_region_item_set_village_name (FgRegionItem *self,
                                               const char   *village_name);

G_END_DECLS
