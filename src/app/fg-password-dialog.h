/* fg-password-dialog.h — changing one's own password, or resetting another's
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_PASSWORD_DIALOG (fg_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgPasswordDialog, fg_password_dialog, FG, PASSWORD_DIALOG, AdwWindow)

FgPasswordDialog *fg_password_dialog_new       (GtkWindow        *parent,
                                                FgStore          *store,
                                                FgActor          *actor,
                                                FgAccount        *account);
FgAccount        *fg_password_dialog_get_account (FgPasswordDialog *self);

G_END_DECLS
