/* fg-region-dialog.h — adding, renaming, moving and retiring villages and grids
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

typedef enum
{
  FG_REGION_DIALOG_ADD_VILLAGE,  /* to a township */
  FG_REGION_DIALOG_ADD_GRID,     /* to a village */
  FG_REGION_DIALOG_RENAME,       /* a village or grid */
  FG_REGION_DIALOG_MOVE_GRID,    /* a grid, to another village */
  FG_REGION_DIALOG_RETIRE,       /* a village or grid */
} FgRegionDialogMode;

#define FG_TYPE_REGION_DIALOG (fg_region_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgRegionDialog, fg_region_dialog, FG, REGION_DIALOG, AdwWindow)

FgRegionDialog *fg_region_dialog_new (GtkWindow          *parent,
                                      FgStore            *store,
                                      FgActor            *actor,
                                      FgRegionDialogMode  mode,
                                      FgRegion           *region);

G_END_DECLS
