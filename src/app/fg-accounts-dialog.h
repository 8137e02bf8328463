/* fg-accounts-dialog.h — the administrator's list of accounts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_ACCOUNTS_DIALOG (fg_accounts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgAccountsDialog, fg_accounts_dialog, FG, ACCOUNTS_DIALOG, AdwWindow)

FgAccountsDialog *fg_accounts_dialog_new          (GtkWindow        *parent,
                                                   FgStore          *store,
                                                   FgActor          *actor);
GListModel       *fg_accounts_dialog_get_accounts (FgAccountsDialog *self);

G_END_DECLS
