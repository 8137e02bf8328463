/* fg-checklist-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-checklist.h"

G_BEGIN_DECLS

void         fg_checklist_install_shipped   (FgStore     *store);
FgChecklist *fg_checklist_load_for_category (FgStore     *store,
                                             const char  *category,
                                             GError     **error);

G_END_DECLS
