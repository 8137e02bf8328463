/* fg-township-item.h — one row of the township ranking
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_TOWNSHIP_ITEM (fg_township_item_get_type ())

G_DECLARE_FINAL_TYPE (FgTownshipItem, fg_township_item, FG, TOWNSHIP_ITEM, GObject)

FgTownshipItem          *fg_township_item_new         (const FgTownshipFigures *figures);
const FgTownshipFigures *fg_township_item_get_figures (FgTownshipItem          *self);

G_END_DECLS
