/* fg-hazard-item.h — one row of the hazard ledger
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* How a hazard's deadline stands today, for the ledger's small labels. */
typedef enum
{
  FG_HAZARD_DUE_NONE,      /* no deadline running */
  FG_HAZARD_DUE_LATER,
  FG_HAZARD_DUE_SOON,      /* within 3 working days */
  FG_HAZARD_DUE_OVERDUE,
} FgHazardDue;

#define FG_TYPE_HAZARD_ITEM (fg_hazard_item_get_type ())

G_DECLARE_FINAL_TYPE (FgHazardItem, fg_hazard_item, FG, HAZARD_ITEM, GObject)

FgHazardItem *fg_hazard_item_new          (FgStore      *store,
                                           FgHazard     *hazard,
                                           const GDate  *today);
FgHazard     *fg_hazard_item_get_hazard   (FgHazardItem *self);
void          fg_hazard_item_set_hazard   (FgHazardItem *self,
                                           FgStore      *store,
                                           FgHazard     *hazard,
                                           const GDate  *today);
FgHazardDue   fg_hazard_item_get_due      (FgHazardItem *self);
int           fg_hazard_item_get_overdue  (FgHazardItem *self);
const char   *fg_hazard_item_get_due_text (FgHazardItem *self);
gboolean      fg_hazard_item_is_due_by    (FgHazardItem *self,
                                           const char   *date);

G_END_DECLS
