/* fg-import-dialog.h — Import Venues…: an office's spreadsheet, step by step
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_IMPORT_DIALOG (fg_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgImportDialog, fg_import_dialog, FG, IMPORT_DIALOG, AdwWindow)

FgImportDialog *fg_import_dialog_new        (GtkWindow      *parent,
                                             FgStore        *store,
                                             FgActor        *actor);
void            fg_import_dialog_open_file  (FgImportDialog *self,
                                             GFile          *file);
const char     *fg_import_dialog_get_step   (FgImportDialog *self);
gboolean        fg_import_dialog_is_busy    (FgImportDialog *self);
FgVenueImport  *fg_import_dialog_get_import (FgImportDialog *self);

G_END_DECLS
