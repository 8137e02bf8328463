/* fg-pairing-dialog.h — a first pairing with another office, step by step
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_PAIRING_DIALOG (fg_pairing_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgPairingDialog, fg_pairing_dialog, FG, PAIRING_DIALOG, AdwWindow)

FgPairingDialog *fg_pairing_dialog_new       (GtkWindow       *parent,
                                              FgStore         *store,
                                              FgActor         *actor);
const char      *fg_pairing_dialog_get_step  (FgPairingDialog *self);
gboolean         fg_pairing_dialog_save_to   (FgPairingDialog *self,
                                              GFile           *file);
gboolean         fg_pairing_dialog_open      (FgPairingDialog *self,
                                              GFile           *file);

G_END_DECLS
