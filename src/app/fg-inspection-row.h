/* fg-inspection-row.h — one checklist item of an inspection
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_INSPECTION_ROW (fg_inspection_row_get_type ())

G_DECLARE_FINAL_TYPE (FgInspectionRow, fg_inspection_row, FG, INSPECTION_ROW, GtkListBoxRow)

FgInspectionRow *fg_inspection_row_new          (FgChecklistItem *item,
                                                 gboolean         editable);
FgChecklistItem *fg_inspection_row_get_item     (FgInspectionRow *self);
FgOutcome        fg_inspection_row_get_outcome  (FgInspectionRow *self);
void             fg_inspection_row_set_outcome  (FgInspectionRow *self,
                                                 FgOutcome        outcome);
const char      *fg_inspection_row_get_note     (FgInspectionRow *self);
void             fg_inspection_row_set_note     (FgInspectionRow *self,
                                                 const char      *note);
void             fg_inspection_row_note_stored  (FgInspectionRow *self);
gboolean         fg_inspection_row_flush_note   (FgInspectionRow *self);
void             fg_inspection_row_set_photos   (FgInspectionRow *self,
                                                 GPtrArray       *thumbnails);
guint            fg_inspection_row_get_n_photos (FgInspectionRow *self);
void             fg_inspection_row_set_focus_item (FgInspectionRow *self,
                                                   gboolean         focus_item);
void             fg_inspection_row_edit_note    (FgInspectionRow *self);
void             fg_inspection_row_show_info    (FgInspectionRow *self);

G_END_DECLS
