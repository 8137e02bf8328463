/* fg-history-window.h — the audit log of one record (change history)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_HISTORY_WINDOW (fg_history_window_get_type ())

G_DECLARE_FINAL_TYPE (FgHistoryWindow, fg_history_window, FG, HISTORY_WINDOW, AdwWindow)

FgHistoryWindow *fg_history_window_new          (GtkWindow       *parent,
                                                 FgStore         *store,
                                                 FgActor         *actor,
                                                 const char      *record_id,
                                                 const char      *record_title);
const char      *fg_history_window_get_record_id (FgHistoryWindow *self);
GtkListBox      *fg_history_window_get_list_box  (FgHistoryWindow *self);
guint            fg_history_window_get_n_entries (FgHistoryWindow *self);

G_END_DECLS
