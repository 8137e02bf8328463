/* fg-conflict-row.h — a record two offices changed at once, on the Sync page
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_CONFLICT_ROW (fg_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (FgConflictRow, fg_conflict_row, FG, CONFLICT_ROW, AdwActionRow)

GtkWidget *fg_conflict_row_new (const FgConflict *conflict,
                                const char       *subtitle);

G_END_DECLS
