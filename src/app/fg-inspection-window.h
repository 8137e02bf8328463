/* fg-inspection-window.h — recording an inspection, item by item
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"
#include "fg-inspection-row.h"

G_BEGIN_DECLS

#define FG_TYPE_INSPECTION_WINDOW (fg_inspection_window_get_type ())

G_DECLARE_FINAL_TYPE (FgInspectionWindow, fg_inspection_window, FG, INSPECTION_WINDOW, AdwWindow)

FgInspectionWindow *fg_inspection_window_new             (GtkWindow          *parent,
                                                          FgStore            *store,
                                                          FgActor            *actor,
                                                          FgInspection       *inspection,
                                                          const char         *venue_name);
FgInspection       *fg_inspection_window_get_inspection  (FgInspectionWindow *self);
gboolean            fg_inspection_window_get_read_only   (FgInspectionWindow *self);
guint               fg_inspection_window_get_n_rows      (FgInspectionWindow *self);
FgInspectionRow    *fg_inspection_window_get_row         (FgInspectionWindow *self,
                                                          guint               position);
guint               fg_inspection_window_get_current     (FgInspectionWindow *self);
void                fg_inspection_window_attach_photo_file (FgInspectionWindow *self,
                                                            FgInspectionRow    *row,
                                                            GFile              *file);

G_END_DECLS
