/* fg-lock-page.h — the cover of a locked window: the same person's password
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_LOCK_PAGE (fg_lock_page_get_type ())

G_DECLARE_FINAL_TYPE (FgLockPage, fg_lock_page, FG, LOCK_PAGE, AdwBin)

void fg_lock_page_set_account (FgLockPage *self,
                               FgStore    *store,
                               FgActor    *actor);
void fg_lock_page_reset       (FgLockPage *self);

G_END_DECLS
